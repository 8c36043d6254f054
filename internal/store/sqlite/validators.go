package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/storydesk/storydesk/internal/store"
)

// Validator returns the fetch validators stored for url.
func (db *DB) Validator(ctx context.Context, url string) (store.Validator, error) {
	v := store.Validator{URL: url}
	var fetched string
	err := db.r.QueryRowContext(ctx, `SELECT etag, last_modified, fetched FROM fetch_validators WHERE url = ?`, url).
		Scan(&v.ETag, &v.LastModified, &fetched)
	if errors.Is(err, sql.ErrNoRows) {
		err = store.ErrNotFound
	}
	if err == nil && fetched != "" {
		v.Fetched, err = time.Parse(time.RFC3339Nano, fetched)
	}
	if err != nil {
		return store.Validator{}, fmt.Errorf("get validators of %s: %w", url, err)
	}
	return v, nil
}

// PutValidator stores v, replacing what was stored for v.URL.
func (db *DB) PutValidator(ctx context.Context, v store.Validator) error {
	var fetched string
	if !v.Fetched.IsZero() {
		fetched = v.Fetched.Format(time.RFC3339Nano)
	}
	err := db.write(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO fetch_validators (url, etag, last_modified, fetched) VALUES (?, ?, ?, ?)
			ON CONFLICT (url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified, fetched = excluded.fetched`,
			v.URL, v.ETag, v.LastModified, fetched)
		return err
	})
	if err != nil {
		return fmt.Errorf("put validators of %s: %w", v.URL, err)
	}
	return nil
}
