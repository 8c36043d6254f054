// Package backend opens the store a DSN names. It sits apart from package
// store because it imports the backends, which import store: Open cannot
// live in store without an import cycle.
package backend

import (
	"context"
	"fmt"
	"net/url"
	"strings"

	"github.com/storydesk/storydesk/internal/store"
	"github.com/storydesk/storydesk/internal/store/postgres"
	"github.com/storydesk/storydesk/internal/store/sqlite"
)

// Open opens the store named by dsn:
//
//	/path/to/storydesk.db, ./x.db     a SQLite file (created if missing)
//	sqlite:x.db, sqlite:///abs/x.db   the same, as a URL
//	file:x.db, file:///abs/x.db       the same
//	:memory:, sqlite::memory:         a private in-memory SQLite database
//	postgres://…, postgresql://…      a PostgreSQL database (migrated on open)
//
// Another scheme fails with store.ErrUnsupported.
// Errors show the DSN with any password redacted.
func Open(ctx context.Context, dsn string) (store.Store, error) {
	kind, target, err := Parse(dsn)
	if err != nil {
		return nil, err
	}
	switch kind {
	case "sqlite":
		db, err := sqlite.Open(ctx, target, sqlite.DefaultOptions())
		if err != nil {
			return nil, err
		}
		return db, nil
	default:
		db, err := postgres.Open(ctx, dsn)
		if err != nil {
			return nil, err
		}
		return db, nil
	}
}

// Parse splits dsn into the backend kind ("sqlite" or "postgres") and what
// that backend opens: a file path (or sqlite.Memory), or the redacted
// PostgreSQL URL. It touches nothing.
func Parse(dsn string) (kind, target string, err error) {
	if strings.TrimSpace(dsn) == "" {
		return "", "", fmt.Errorf("open store: empty DSN: %w", store.ErrUnsupported)
	}
	scheme, rest, hasScheme := strings.Cut(dsn, ":")
	switch {
	case !hasScheme || len(scheme) == 1 && strings.HasPrefix(rest, `\`): // a path, or a Windows drive
		return "sqlite", dsn, nil
	case dsn == sqlite.Memory:
		return "sqlite", sqlite.Memory, nil
	}
	switch strings.ToLower(scheme) {
	case "sqlite", "sqlite3", "file":
		if rest == sqlite.Memory {
			return "sqlite", sqlite.Memory, nil
		}
		if strings.HasPrefix(rest, "//") {
			u, err := url.Parse(dsn)
			if err != nil || u.Host != "" || u.Path == "" {
				return "", "", fmt.Errorf("open store %q: want %s:///absolute/path or %s:relative/path", dsn, scheme, scheme)
			}
			return "sqlite", u.Path, nil
		}
		if rest == "" {
			return "", "", fmt.Errorf("open store %q: no path", dsn)
		}
		return "sqlite", rest, nil
	case "postgres", "postgresql":
		shown := scheme + "://…"
		if u, err := url.Parse(dsn); err == nil {
			shown = u.Redacted()
		}
		return "postgres", shown, nil
	}
	if strings.HasPrefix(rest, "//") {
		return "", "", fmt.Errorf("open store: scheme %q: %w", scheme, store.ErrUnsupported)
	}
	return "sqlite", dsn, nil // a relative path with a colon in it
}
