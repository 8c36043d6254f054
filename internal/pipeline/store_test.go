package pipeline

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/storydesk/storydesk/internal/model"
	"github.com/storydesk/storydesk/internal/store"
	"github.com/storydesk/storydesk/internal/store/sqlite"
)

// countingStore counts the whole articles Load reads back.
type countingStore struct {
	*sqlite.DB
	reads int
}

func (c *countingStore) Article(ctx context.Context, id string) (model.Article, error) {
	c.reads++
	return c.DB.Article(ctx, id)
}

func (c *countingStore) ListArticles(ctx context.Context, opts store.ListOptions) ([]model.Article, error) {
	as, err := c.DB.ListArticles(ctx, opts)
	for _, a := range as {
		if a.Text != "" {
			c.reads++
		}
	}
	return as, err
}

// TestLoadBySignature stores articles with their signatures, then loads a
// new pipeline from the store: no text is read again, and a near copy read
// afterwards is still linked to the stored original. A store written
// without signatures is read whole once and gets them.
func TestLoadBySignature(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	body := strings.Repeat("The harbour authority said the ferry between the two islands would resume on Monday after storm repairs to the pier were finished. ", 4)
	for name, text := range map[string]string{
		"a.txt": body,
		"b.txt": "Council members voted to extend the library's opening hours through the winter, citing demand from students preparing for exams.",
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	db, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "s.db"), sqlite.DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()

	ingest := func(p *Pipeline, st ArticleStore, inputs ...string) []model.Article {
		t.Helper()
		sink := NewSink(st)
		p.KeepSignatures()
		sink.Signature = p.TakeSignature
		var got []model.Article
		for a, err := range p.Read(ctx, inputs) {
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, a)
			if err := sink.Put(ctx, a); err != nil {
				t.Fatal(err)
			}
		}
		if err := sink.Flush(ctx); err != nil {
			t.Fatal(err)
		}
		return got
	}
	ingest(New(DefaultOptions()), db, dir)
	n := 0
	db.EachSignature(ctx, func(string, []byte) error { n++; return nil })
	if n != 2 {
		t.Fatalf("%d signatures stored with 2 articles; want 2", n)
	}

	cs := &countingStore{DB: db}
	p := New(DefaultOptions())
	if err := Load(ctx, p, cs); err != nil {
		t.Fatal(err)
	}
	if cs.reads != 0 {
		t.Errorf("Load read %d texts; want none, every article has a signature", cs.reads)
	}
	copyFile := filepath.Join(t.TempDir(), "copy.txt")
	os.WriteFile(copyFile, []byte(strings.Replace(body, "Monday", "Tuesday", 1)), 0o644)
	got := ingest(p, db, dir, copyFile)
	if len(got) != 1 || got[0].DuplicateOf == "" {
		t.Fatalf("after Load, reading the inputs again and a near copy gave %+v; want only the copy, linked to its original", got)
	}

	// A store written without signatures: Load reads each text once and
	// stores the signatures.
	old, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "old.db"), sqlite.DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	defer old.Close()
	sink := NewSink(old)
	for a, err := range New(DefaultOptions()).Read(ctx, []string{dir}) {
		if err != nil {
			t.Fatal(err)
		}
		sink.Put(ctx, a)
	}
	sink.Flush(ctx)
	cs = &countingStore{DB: old}
	if err := Load(ctx, New(DefaultOptions()), cs); err != nil {
		t.Fatal(err)
	}
	if cs.reads != 2 {
		t.Errorf("Load of a store without signatures read %d texts; want 2", cs.reads)
	}
	cs.reads = 0
	if err := Load(ctx, New(DefaultOptions()), cs); err != nil || cs.reads != 0 {
		t.Errorf("second Load read %d texts (%v); want none after the backfill", cs.reads, err)
	}
}
