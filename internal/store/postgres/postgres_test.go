package postgres

import (
	"context"
	"errors"
	"os"
	"strings"
	"sync"
	"testing"

	"github.com/storydesk/storydesk/internal/model"

	"github.com/storydesk/storydesk/internal/store"
	"github.com/storydesk/storydesk/internal/store/pgtest"
	"github.com/storydesk/storydesk/internal/store/schema"
	"github.com/storydesk/storydesk/internal/store/storetest"
)

func TestMain(m *testing.M) { os.Exit(pgtest.Main(m)) }

func openTemp(t testing.TB) *DB { return openDSN(t, pgtest.Database(t)) }

func TestConformance(t *testing.T) {
	storetest.Run(t, func(t *testing.T) store.Store { return openTemp(t) })
}

func TestJoinMarks(t *testing.T) {
	tests := []struct{ in, want string }{
		{"the [Trump]-[Putin] summit", "the [Trump-Putin] summit"},
		{"a [working] [lunch] today", "a [working lunch] today"},
		{"[a] and [b]", "[a] and [b]"},
		{"[x]", "[x]"},
		{"no marks", "no marks"},
		{"[one], [two]", "[one, two]"},
	}
	for _, tt := range tests {
		if got := joinMarks(tt.in); got != tt.want {
			t.Errorf("joinMarks(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
}

// TestUnstorableText checks that text PostgreSQL cannot hold is refused as
// invalid, naming the field, and that the rest of the store is untouched.
func TestUnstorableText(t *testing.T) {
	ctx := context.Background()
	db := openTemp(t)
	if _, err := db.PutArticle(ctx, model.Article{ID: "ok", Text: "fine"}); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name  string
		a     model.Article
		field string
	}{
		{"NUL in text", model.Article{ID: "n", Text: "a\x00b"}, "text"},
		{"invalid UTF-8 in title", model.Article{ID: "u", Title: "caf\xe9"}, "title"},
		{"NUL in an author", model.Article{ID: "a", Authors: []string{"x\x00"}}, "authors"},
	}
	for _, tt := range tests {
		_, err := db.PutArticles(ctx, []model.Article{{ID: "batch-mate"}, tt.a})
		if !errors.Is(err, store.ErrInvalid) {
			t.Errorf("%s: err = %v; want ErrInvalid", tt.name, err)
		} else if !strings.Contains(err.Error(), tt.field) {
			t.Errorf("%s: err = %v; want it to name %s", tt.name, err, tt.field)
		}
	}
	if n, err := db.CountArticles(ctx, store.ListOptions{}); err != nil || n != 1 {
		t.Errorf("CountArticles = %d, %v; want 1 (only the first article)", n, err)
	}
	err := db.PutStories(ctx, []store.StoryRecord{{ID: "s", Label: "bad\x00", Articles: []string{"ok"}}}, nil)
	if !errors.Is(err, store.ErrInvalid) {
		t.Errorf("PutStories with a NUL in a label = %v; want ErrInvalid", err)
	}
}

// TestConcurrentOpen opens one new database from many goroutines at once,
// as workers starting together do: the migrations must run once.
func TestConcurrentOpen(t *testing.T) {
	ctx := context.Background()
	dsn := pgtest.Database(t)
	var wg sync.WaitGroup
	errs := make([]error, 6)
	for i := range errs {
		wg.Go(func() {
			db, err := Open(ctx, dsn)
			if err == nil {
				_, err = db.PutArticle(ctx, model.Article{ID: "same", Text: "x"})
				db.Close()
			}
			errs[i] = err
		})
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Errorf("Open #%d: %v", i, err)
		}
	}
	db := openDSN(t, dsn)
	want, _ := schema.Steps(migrationFiles, "migrations")
	var steps int
	if err := db.pool.QueryRow(ctx, `SELECT COUNT(*) FROM schema_migrations`).Scan(&steps); err != nil || steps != len(want) {
		t.Errorf("schema_migrations has %d rows (%v); want %d, one per step", steps, err, len(want))
	}
}

// TestSchemaTooNew checks that a database migrated by a newer storydesk is
// refused and left as it is.
func TestSchemaTooNew(t *testing.T) {
	ctx := context.Background()
	dsn := pgtest.Database(t)
	db := openDSN(t, dsn)
	if _, err := db.pool.Exec(ctx, `INSERT INTO schema_migrations (version, name) VALUES (999, '0999_future.sql')`); err != nil {
		t.Fatal(err)
	}
	if _, err := Open(ctx, dsn); !errors.Is(err, store.ErrSchemaTooNew) {
		t.Fatalf("Open on a newer schema = %v; want ErrSchemaTooNew", err)
	}
}

func TestOpenBadDSN(t *testing.T) {
	_, err := Open(context.Background(), "postgres://user:secret@[::1")
	if err == nil || strings.Contains(err.Error(), "secret") {
		t.Errorf("Open(bad DSN) = %v; want an error that hides the password", err)
	}
}

func openDSN(t testing.TB, dsn string) *DB {
	t.Helper()
	db, err := Open(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}
