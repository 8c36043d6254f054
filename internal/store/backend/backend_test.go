package backend

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"github.com/storydesk/storydesk/internal/model"
	"github.com/storydesk/storydesk/internal/store"
)

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
	t.Run("postgres not built", func(t *testing.T) {
		_, err := Open(ctx, "postgres://u:secret@db/sd")
		if !errors.Is(err, store.ErrUnsupported) {
			t.Fatalf("Open(postgres) = %v; want ErrUnsupported", err)
		}
		if strings.Contains(err.Error(), "secret") {
			t.Errorf("error shows the password: %v", err)
		}
	})
}
