package backend

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/storydesk/storydesk/internal/model"
	"github.com/storydesk/storydesk/internal/store"
	"github.com/storydesk/storydesk/internal/store/pgtest"
)

func TestMain(m *testing.M) { os.Exit(pgtest.Main(m)) }

func TestParse(t *testing.T) {
	tests := []struct {
		dsn, kind, target string
		wantErr           bool
	}{
		{dsn: "/var/lib/storydesk.db", kind: "sqlite", target: "/var/lib/storydesk.db"},
		{dsn: "rel/x.db", kind: "sqlite", target: "rel/x.db"},
		{dsn: ":memory:", kind: "sqlite", target: ":memory:"},
		{dsn: "sqlite::memory:", kind: "sqlite", target: ":memory:"},
		{dsn: "sqlite:x.db", kind: "sqlite", target: "x.db"},
		{dsn: "sqlite:///abs/x.db", kind: "sqlite", target: "/abs/x.db"},
		{dsn: "file:///abs/x.db", kind: "sqlite", target: "/abs/x.db"},
		{dsn: "SQLite:x.db", kind: "sqlite", target: "x.db"},
		{dsn: `C:\data\x.db`, kind: "sqlite", target: `C:\data\x.db`},
		{dsn: "notes:2025.db", kind: "sqlite", target: "notes:2025.db"},
		{dsn: "postgres://u:secret@db:5432/sd", kind: "postgres", target: "postgres://u:xxxxx@db:5432/sd"},
		{dsn: "postgresql://db/sd", kind: "postgres", target: "postgresql://db/sd"},
		{dsn: "", wantErr: true},
		{dsn: "sqlite:", wantErr: true},
		{dsn: "sqlite://host/x.db", wantErr: true},
		{dsn: "mysql://db/sd", wantErr: true},
	}
	for _, tt := range tests {
		t.Run(tt.dsn, func(t *testing.T) {
			kind, target, err := Parse(tt.dsn)
			if (err != nil) != tt.wantErr || kind != tt.kind || target != tt.target {
				t.Errorf("Parse(%q) = %q, %q, %v; want %q, %q, error %v", tt.dsn, kind, target, err, tt.kind, tt.target, tt.wantErr)
			}
		})
	}
}

func TestOpen(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "x.db")
	for _, dsn := range []string{path, "sqlite://" + path, ":memory:"} {
		t.Run(dsn, func(t *testing.T) {
			s, err := Open(ctx, dsn)
			if err != nil {
				t.Fatalf("Open(%q): %v", dsn, err)
			}
			defer s.Close()
			if _, err := s.PutArticle(ctx, model.Article{ID: "a", Text: "x"}); err != nil {
				t.Fatal(err)
			}
		})
	}
	t.Run("postgres", func(t *testing.T) {
		dsn := pgtest.Database(t)
		s, err := Open(ctx, dsn)
		if err != nil {
			t.Fatalf("Open(%q): %v", dsn, err)
		}
		defer s.Close()
		if _, err := s.PutArticle(ctx, model.Article{ID: "a", Text: "x"}); err != nil {
			t.Fatal(err)
		}
	})
	t.Run("postgres unreachable", func(t *testing.T) {
		ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
		defer cancel()
		_, err := Open(ctx, "postgres://u:secret@127.0.0.1:1/sd?connect_timeout=2")
		if err == nil {
			t.Fatal("Open of a server that is not there succeeded")
		}
		if strings.Contains(err.Error(), "secret") {
			t.Errorf("error shows the password: %v", err)
		}
	})
	t.Run("unsupported", func(t *testing.T) {
		if _, err := Open(ctx, "mysql://db/sd"); !errors.Is(err, store.ErrUnsupported) {
			t.Fatalf("Open(mysql) = %v; want ErrUnsupported", err)
		}
	})
}
