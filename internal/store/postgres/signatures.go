package postgres

import (
	"context"
	"errors"
	"fmt"
	"sort"

	"github.com/jackc/pgx/v5"

	"github.com/storydesk/storydesk/internal/store"
)

// PutSignature stores the dedup signature of article id.
func (db *DB) PutSignature(ctx context.Context, id string, sig []byte) error {
	if sig == nil {
		sig = []byte{}
	}
	// Selecting from articles makes a missing article insert no row.
	tag, err := db.pool.Exec(ctx, `INSERT INTO signatures (article_id, sig) SELECT id, $1 FROM articles WHERE id = $2
		ON CONFLICT (article_id) DO UPDATE SET sig = excluded.sig`, sig, id)
	if err == nil && tag.RowsAffected() == 0 {
		err = store.ErrNotFound
	}
	if err != nil {
		return fmt.Errorf("put signature of article %s: %w", id, err)
	}
	return nil
}

// PutSignatures stores many signatures in one transaction.
func (db *DB) PutSignatures(ctx context.Context, sigs map[string][]byte) error {
	if len(sigs) == 0 {
		return nil
	}
	ids := make([]string, 0, len(sigs))
	for id := range sigs {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	vals := make([][]byte, len(ids))
	for i, id := range ids {
		if vals[i] = sigs[id]; vals[i] == nil {
			vals[i] = []byte{}
		}
	}
	err := db.write(ctx, func(tx pgx.Tx) error {
		// Joining with articles makes a missing article insert no row.
		tag, err := tx.Exec(ctx, `INSERT INTO signatures (article_id, sig)
			SELECT a.id, s.sig FROM unnest($1::text[], $2::bytea[]) AS s (id, sig) JOIN articles a ON a.id = s.id
			ON CONFLICT (article_id) DO UPDATE SET sig = excluded.sig`, ids, vals)
		if err != nil {
			return err
		}
		if tag.RowsAffected() != int64(len(ids)) {
			return missingArticle(ctx, tx, ids)
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("put %d signatures: %w", len(sigs), err)
	}
	return nil
}

// Signature returns the dedup signature of article id.
func (db *DB) Signature(ctx context.Context, id string) ([]byte, error) {
	var sig []byte
	err := db.pool.QueryRow(ctx, `SELECT sig FROM signatures WHERE article_id = $1`, id).Scan(&sig)
	if errors.Is(err, pgx.ErrNoRows) {
		err = store.ErrNotFound
	}
	if err != nil {
		return nil, fmt.Errorf("get signature of article %s: %w", id, err)
	}
	return sig, nil
}

// EachSignature calls fn for every signature in article-id order.
func (db *DB) EachSignature(ctx context.Context, fn func(id string, sig []byte) error) error {
	rows, err := db.pool.Query(ctx, `SELECT article_id, sig FROM signatures ORDER BY article_id`)
	if err != nil {
		return fmt.Errorf("read signatures: %w", err)
	}
	defer rows.Close()
	var id string
	var sig []byte
	_, err = pgx.ForEachRow(rows, []any{&id, &sig}, func() error { return fn(id, sig) })
	if err != nil {
		return fmt.Errorf("read signatures: %w", err)
	}
	return nil
}
