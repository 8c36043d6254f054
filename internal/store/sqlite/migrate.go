package sqlite

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"io/fs"
	"time"

	"github.com/storydesk/storydesk/internal/store"
	"github.com/storydesk/storydesk/internal/store/schema"
)

// migrationFiles holds the schema as numbered steps: NNNN_name.sql, applied
// in order, each once, each in its own transaction.
//
//go:embed migrations/*.sql
var migrationFiles embed.FS

// migrations reads the embedded steps and checks they are numbered 1, 2, …
// without gaps.
func migrations(fsys fs.FS) ([]schema.Step, error) { return schema.Steps(fsys, "migrations") }

// migrate brings db up to the newest embedded schema. It refuses, with
// ErrSchemaTooNew, a database that has a step this binary does not know,
// and leaves it untouched. Several processes may migrate at once: each step
// re-checks inside its write transaction whether it is still pending.
func migrate(ctx context.Context, db *sql.DB, ms []schema.Step) error {
	if _, err := db.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
		version    INTEGER PRIMARY KEY,
		name       TEXT NOT NULL,
		applied_at TEXT NOT NULL)`); err != nil {
		return fmt.Errorf("create schema_migrations: %w", err)
	}
	var current int
	if err := db.QueryRowContext(ctx, `SELECT COALESCE(MAX(version), 0) FROM schema_migrations`).Scan(&current); err != nil {
		return fmt.Errorf("read schema version: %w", err)
	}
	if current > len(ms) {
		return fmt.Errorf("schema version %d, this binary knows up to %d: %w", current, len(ms), store.ErrSchemaTooNew)
	}
	for _, m := range ms[current:] {
		if err := apply(ctx, db, m); err != nil {
			return fmt.Errorf("migration %s: %w", m.Name, err)
		}
	}
	return nil
}

func apply(ctx context.Context, db *sql.DB, m schema.Step) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	var done int
	if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM schema_migrations WHERE version = ?`, m.Version).Scan(&done); err != nil {
		return err
	}
	if done > 0 {
		return nil
	}
	if _, err := tx.ExecContext(ctx, m.SQL); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)`,
		m.Version, m.Name, time.Now().UTC().Format(time.RFC3339)); err != nil {
		return err
	}
	return tx.Commit()
}
