package sqlite

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/storydesk/storydesk/internal/model"
	"github.com/storydesk/storydesk/internal/store"
)

// TestTwoHandles opens the same file twice, as the CLI and the server
// would from two processes, and writes from both at once: the busy timeout
// and immediate transactions must make every write land.
func TestTwoHandles(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "shared.db")
	var dbs [2]*DB
	for i := range dbs {
		db, err := Open(ctx, path, DefaultOptions())
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		dbs[i] = db
	}
	const perHandle, batches = 30, 4
	var wg sync.WaitGroup
	errs := make(chan error, len(dbs)*batches)
	for h, db := range dbs {
		for b := range batches {
			wg.Add(1)
			go func() {
				defer wg.Done()
				var as []model.Article
				for i := range perHandle {
					id := fmt.Sprintf("h%d-b%d-%d", h, b, i)
					as = append(as, model.Article{ID: id, Title: id, Text: "text of " + id})
				}
				if _, err := db.PutArticles(ctx, as); err != nil {
					errs <- err
				}
				if _, err := db.Search(ctx, "text", 5); err != nil {
					errs <- err
				}
			}()
		}
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	for h, db := range dbs {
		if n, err := db.CountArticles(ctx, store.ListOptions{}); err != nil || n != len(dbs)*batches*perHandle {
			t.Errorf("handle %d counts %d, %v; want %d", h, n, err, len(dbs)*batches*perHandle)
		}
	}
}

// TestCancelMidBatch cancels a large batch while it runs: either it
// finished before the deadline, or it failed with the context's error and
// stored none of its articles.
func TestCancelMidBatch(t *testing.T) {
	db := openTemp(t)
	c := newCorpus(3)
	as := c.articles(0, 3000, 300)
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer cancel()
	n, err := db.PutArticles(ctx, as)
	t.Logf("PutArticles under a 20 ms deadline: %d, %v", n, err)
	stored, cerr := db.CountArticles(context.Background(), store.ListOptions{})
	if cerr != nil {
		t.Fatal(cerr)
	}
	switch {
	case err == nil:
		t.Logf("the batch beat the deadline; stored %d", n)
		if stored != len(as) {
			t.Errorf("batch succeeded but %d of %d stored", stored, len(as))
		}
	case !errors.Is(err, context.DeadlineExceeded):
		t.Errorf("PutArticles past its deadline: %v; want context.DeadlineExceeded", err)
	case stored != 0:
		t.Errorf("cancelled batch left %d articles stored", stored)
	}
	if hits, err := db.Search(context.Background(), c.vocab[1], 5); err != nil || len(hits) != 0 && stored == 0 {
		t.Errorf("after the cancelled batch Search = %d hits, %v; the index must match the table", len(hits), err)
	}
}
