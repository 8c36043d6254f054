package postgres

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/storydesk/storydesk/internal/store"
)

// Validator returns the fetch validators stored for url.
func (db *DB) Validator(ctx context.Context, url string) (store.Validator, error) {
	v := store.Validator{URL: url}
	var fetched string
	err := db.pool.QueryRow(ctx, `SELECT etag, last_modified, fetched FROM fetch_validators WHERE url = $1`, url).
		Scan(&v.ETag, &v.LastModified, &fetched)
	if errors.Is(err, pgx.ErrNoRows) {
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
	for _, s := range []string{v.URL, v.ETag, v.LastModified} {
		if err := storable(s); err != nil {
			return fmt.Errorf("put validators of %s: %w", v.URL, err)
		}
	}
	_, err := db.pool.Exec(ctx, `INSERT INTO fetch_validators (url, etag, last_modified, fetched) VALUES ($1, $2, $3, $4)
		ON CONFLICT (url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified, fetched = excluded.fetched`,
		v.URL, v.ETag, v.LastModified, fetched)
	if err != nil {
		return fmt.Errorf("put validators of %s: %w", v.URL, err)
	}
	return nil
}
