package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	_ "modernc.org/sqlite" // registers the "sqlite" database/sql driver

	"github.com/storydesk/storydesk/internal/store"
)

// Memory is the path that opens a private in-memory database, gone on Close.
const Memory = ":memory:"

// Options tunes the connection.
type Options struct {
	// BusyTimeout is how long a statement waits for another process's
	// lock before failing; 0 fails at once.
	BusyTimeout time.Duration
	// Readers is the most concurrent read connections; 0 means 1. Each
	// costs a file handle and SQLite's page cache. Writes always go
	// through one connection, so writers in this process queue rather
	// than fail.
	Readers int
}

// DefaultOptions waits 10 s for locks and reads on up to 4 connections.
func DefaultOptions() Options {
	return Options{BusyTimeout: 10 * time.Second, Readers: 4}
}

// DB is a store.Store on one SQLite file.
type DB struct {
	w *sql.DB // one connection: every write transaction
	r *sql.DB // readers; the same as w for an in-memory database
}

var _ store.Store = (*DB)(nil)

// Open opens (creating if needed) the database at path, or a fresh
// in-memory one for Memory, and migrates it to the newest schema. It fails
// with store.ErrSchemaTooNew on a database from a newer storydesk.
func Open(ctx context.Context, path string, opts Options) (*DB, error) {
	if path == "" || strings.ContainsRune(path, '?') {
		return nil, fmt.Errorf("open sqlite %q: path is empty or contains '?'", path)
	}
	pragmas := url.Values{}
	pragmas.Add("_pragma", fmt.Sprintf("busy_timeout(%d)", opts.BusyTimeout.Milliseconds()))
	pragmas.Add("_pragma", "foreign_keys(1)")
	pragmas.Set("_txlock", "immediate")
	db := &DB{}
	var err error
	if path == Memory {
		db.w, err = sql.Open("sqlite", Memory+"?"+pragmas.Encode())
		if err != nil {
			return nil, fmt.Errorf("open sqlite %s: %w", path, err)
		}
		db.w.SetMaxOpenConns(1)
		db.w.SetConnMaxIdleTime(0)
		db.w.SetConnMaxLifetime(0)
		db.r = db.w
	} else {
		pragmas.Add("_pragma", "journal_mode(WAL)")
		pragmas.Add("_pragma", "synchronous(NORMAL)")
		if db.w, err = sql.Open("sqlite", path+"?"+pragmas.Encode()); err != nil {
			return nil, fmt.Errorf("open sqlite %s: %w", path, err)
		}
		db.w.SetMaxOpenConns(1)
		pragmas.Add("_pragma", "query_only(1)")
		if db.r, err = sql.Open("sqlite", path+"?"+pragmas.Encode()); err != nil {
			db.w.Close()
			return nil, fmt.Errorf("open sqlite %s: %w", path, err)
		}
		db.r.SetMaxOpenConns(max(opts.Readers, 1))
	}
	ms, err := migrations(migrationFiles)
	if err == nil {
		err = migrate(ctx, db.w, ms)
	}
	if err != nil {
		db.Close()
		return nil, fmt.Errorf("open sqlite %s: %w", path, err)
	}
	return db, nil
}

// Close closes both connection pools.
func (db *DB) Close() error {
	err := db.w.Close()
	if db.r != db.w {
		err = errors.Join(err, db.r.Close())
	}
	return err
}

// write runs fn in one write transaction, committing if it returns nil.
// When ctx ends, the error wraps ctx.Err().
func (db *DB) write(ctx context.Context, fn func(tx *sql.Tx) error) error {
	tx, err := db.w.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	if err := fn(tx); err != nil {
		tx.Rollback()
		// A context that ends mid-transaction can surface as a closed
		// statement or connection: name the cause callers branch on.
		if cerr := ctx.Err(); cerr != nil && !errors.Is(err, cerr) {
			return fmt.Errorf("%w (%v)", cerr, err)
		}
		return err
	}
	return tx.Commit()
}

// DefaultPath is where storydesk keeps its database unless told otherwise:
// $XDG_DATA_HOME/storydesk/storydesk.db, or
// ~/.local/share/storydesk/storydesk.db. It creates the directory.
func DefaultPath() (string, error) {
	dir := os.Getenv("XDG_DATA_HOME")
	if dir == "" || !filepath.IsAbs(dir) {
		home, err := os.UserHomeDir()
		if err != nil {
			return "", fmt.Errorf("default database path: %w", err)
		}
		dir = filepath.Join(home, ".local", "share")
	}
	dir = filepath.Join(dir, "storydesk")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", fmt.Errorf("default database path: %w", err)
	}
	return filepath.Join(dir, "storydesk.db"), nil
}
