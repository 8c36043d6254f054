package sqlite

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"

	"github.com/storydesk/storydesk/internal/model"
	"github.com/storydesk/storydesk/internal/store"
	"github.com/storydesk/storydesk/internal/store/schema"
)

func TestMigrationsNumbering(t *testing.T) {
	tests := []struct {
		name    string
		files   []string
		want    int
		wantErr bool
	}{
		{"embedded", nil, -1, false},
		{"in order", []string{"0001_a.sql", "0002_b.sql"}, 2, false},
		{"gap", []string{"0001_a.sql", "0003_c.sql"}, 0, true},
		{"no number", []string{"init.sql"}, 0, true},
		{"starts at two", []string{"0002_b.sql"}, 0, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var ms []schema.Step
			var err error
			if tt.files == nil {
				ms, err = migrations(migrationFiles)
			} else {
				fsys := fstest.MapFS{}
				for _, f := range tt.files {
					fsys["migrations/"+f] = &fstest.MapFile{Data: []byte("SELECT 1;")}
				}
				ms, err = migrations(fsys)
			}
			if (err != nil) != tt.wantErr {
				t.Fatalf("migrations(%v) err = %v; want error %v", tt.files, err, tt.wantErr)
			}
			if tt.want >= 0 && !tt.wantErr && len(ms) != tt.want {
				t.Errorf("migrations(%v) = %d steps; want %d", tt.files, len(ms), tt.want)
			}
			if tt.want < 0 && len(ms) == 0 {
				t.Errorf("no embedded migrations")
			}
		})
	}
}

// TestReopen checks that data survives Close and Open, that a second Open
// applies no migration twice, and that the file is in WAL mode.
func TestReopen(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "x.db")
	db, err := Open(ctx, path, DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.PutArticle(ctx, model.Article{ID: "kept", Title: "Kept", Text: "stays across reopen"}); err != nil {
		t.Fatal(err)
	}
	db.Close()
	db, err = Open(ctx, path, DefaultOptions())
	if err != nil {
		t.Fatalf("reopen: %v", err)
	}
	defer db.Close()
	if a, err := db.Article(ctx, "kept"); err != nil || a.Title != "Kept" {
		t.Errorf("after reopen Article(kept) = %+v, %v", a, err)
	}
	if hits, err := db.Search(ctx, "reopen", 5); err != nil || len(hits) != 1 {
		t.Errorf("after reopen Search = %v, %v; want 1 hit", hits, err)
	}
	var applied, known int
	if err := db.r.QueryRowContext(ctx, `SELECT COUNT(*) FROM schema_migrations`).Scan(&applied); err != nil {
		t.Fatal(err)
	}
	ms, _ := migrations(migrationFiles)
	known = len(ms)
	if applied != known {
		t.Errorf("schema_migrations has %d rows; want %d", applied, known)
	}
	var mode string
	if err := db.r.QueryRowContext(ctx, `PRAGMA journal_mode`).Scan(&mode); err != nil || mode != "wal" {
		t.Errorf("journal_mode = %q, %v; want wal", mode, err)
	}
}

// TestSchemaTooNew: a database with a migration this binary does not know
// is refused and left as it was.
func TestSchemaTooNew(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "x.db")
	db, err := Open(ctx, path, DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.PutArticle(ctx, model.Article{ID: "a", Text: "x"}); err != nil {
		t.Fatal(err)
	}
	if _, err := db.w.ExecContext(ctx, `INSERT INTO schema_migrations VALUES (9999, '9999_future.sql', '')`); err != nil {
		t.Fatal(err)
	}
	db.Close()
	before, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Open(ctx, path, DefaultOptions()); !errors.Is(err, store.ErrSchemaTooNew) {
		t.Fatalf("Open of a newer database = %v; want ErrSchemaTooNew", err)
	}
	after, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if string(before) != string(after) {
		t.Errorf("refusing a newer database changed its file")
	}
}

func TestDefaultPath(t *testing.T) {
	tmp := t.TempDir()
	tests := []struct {
		name, xdg, home, want string
	}{
		{"xdg", filepath.Join(tmp, "xdg"), filepath.Join(tmp, "home"), filepath.Join(tmp, "xdg", "storydesk", "storydesk.db")},
		{"home", "", filepath.Join(tmp, "home"), filepath.Join(tmp, "home", ".local", "share", "storydesk", "storydesk.db")},
		{"relative xdg ignored", "rel", filepath.Join(tmp, "home2"), filepath.Join(tmp, "home2", ".local", "share", "storydesk", "storydesk.db")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Setenv("XDG_DATA_HOME", tt.xdg)
			t.Setenv("HOME", tt.home)
			got, err := DefaultPath()
			if err != nil || got != tt.want {
				t.Fatalf("DefaultPath() = %q, %v; want %q", got, err, tt.want)
			}
			if fi, err := os.Stat(filepath.Dir(got)); err != nil || !fi.IsDir() {
				t.Errorf("DefaultPath did not create %s: %v", filepath.Dir(got), err)
			}
		})
	}
}

func TestOpenBadPath(t *testing.T) {
	for _, path := range []string{"", "x.db?mode=ro", filepath.Join(t.TempDir(), "missing-dir", "x.db")} {
		if db, err := Open(context.Background(), path, DefaultOptions()); err == nil {
			db.Close()
			t.Errorf("Open(%q) succeeded; want an error", path)
		}
	}
}
