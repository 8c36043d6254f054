package storetest

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"

	"github.com/storydesk/storydesk/internal/model"
	"github.com/storydesk/storydesk/internal/store"
)

// testConcurrentWriters has several goroutines store overlapping batches
// and single articles at once; every article must be stored once and
// counted as created once.
func testConcurrentWriters(t *testing.T, s store.Store) {
	ctx := context.Background()
	const writers, perWriter = 6, 40
	var wg sync.WaitGroup
	created := make([]int, writers)
	errs := make([]error, writers)
	for w := range writers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var batch []model.Article
			for i := range perWriter {
				// Writers w and w+1 share half their ids.
				batch = append(batch, article(fmt.Sprintf("w%d-%d", (w+i%2)%writers, i)))
			}
			half := len(batch) / 2
			n, err := s.PutArticles(ctx, batch[:half])
			created[w], errs[w] = n, err
			for _, a := range batch[half:] {
				ok, err := s.PutArticle(ctx, a)
				if err != nil {
					errs[w] = err
					return
				}
				if ok {
					created[w]++
				}
				if _, err := s.Article(ctx, a.ID); err != nil {
					errs[w] = err
					return
				}
			}
		}()
	}
	wg.Wait()
	total := 0
	for w := range writers {
		if errs[w] != nil {
			t.Fatalf("writer %d: %v", w, errs[w])
		}
		total += created[w]
	}
	n, err := s.CountArticles(ctx, store.ListOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if n != writers*perWriter/2*2 || total != n {
		t.Errorf("stored %d articles, writers report %d created; want %d both", n, total, writers*perWriter)
	}
}

// testCancel checks that a cancelled context stops every kind of call with
// an error wrapping context.Canceled, and that a cancelled write stores
// nothing.
func testCancel(t *testing.T, s store.Store) {
	mustPut(t, s, article("old"))
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	calls := []struct {
		name string
		call func() error
	}{
		{"PutArticle", func() error { _, err := s.PutArticle(ctx, article("new")); return err }},
		{"PutArticles", func() error { _, err := s.PutArticles(ctx, []model.Article{article("new")}); return err }},
		{"Article", func() error { _, err := s.Article(ctx, "old"); return err }},
		{"ListArticles", func() error { _, err := s.ListArticles(ctx, store.ListOptions{}); return err }},
		{"Search", func() error { _, err := s.Search(ctx, "Body", 5); return err }},
	}
	for _, c := range calls {
		if err := c.call(); !errors.Is(err, context.Canceled) {
			t.Errorf("%s with a cancelled context: err = %v; want context.Canceled", c.name, err)
		}
	}
	if _, err := s.Article(context.Background(), "new"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("a cancelled put stored the article (err = %v)", err)
	}
}
