package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sort"

	"github.com/storydesk/storydesk/internal/store"
)

// PutSignature stores the dedup signature of article id.
func (db *DB) PutSignature(ctx context.Context, id string, sig []byte) error {
	if sig == nil {
		sig = []byte{}
	}
	err := db.write(ctx, func(tx *sql.Tx) error {
		// Selecting from articles makes a missing article insert no row.
		res, err := tx.ExecContext(ctx, `INSERT INTO signatures (article_id, sig) SELECT id, ? FROM articles WHERE id = ?
			ON CONFLICT (article_id) DO UPDATE SET sig = excluded.sig`, sig, id)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return store.ErrNotFound
		}
		return nil
	})
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
	err := db.write(ctx, func(tx *sql.Tx) error {
		stmt, err := tx.PrepareContext(ctx, `INSERT INTO signatures (article_id, sig) SELECT id, ? FROM articles WHERE id = ?
			ON CONFLICT (article_id) DO UPDATE SET sig = excluded.sig`)
		if err != nil {
			return err
		}
		defer stmt.Close()
		for _, id := range sortedKeys(sigs) {
			sig := sigs[id]
			if sig == nil {
				sig = []byte{}
			}
			res, err := stmt.ExecContext(ctx, sig, id)
			if err != nil {
				return fmt.Errorf("article %s: %w", id, err)
			}
			if n, _ := res.RowsAffected(); n == 0 {
				return fmt.Errorf("article %s: %w", id, store.ErrNotFound)
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("put %d signatures: %w", len(sigs), err)
	}
	return nil
}

func sortedKeys(m map[string][]byte) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// Signature returns the dedup signature of article id.
func (db *DB) Signature(ctx context.Context, id string) ([]byte, error) {
	var sig []byte
	err := db.r.QueryRowContext(ctx, `SELECT sig FROM signatures WHERE article_id = ?`, id).Scan(&sig)
	if errors.Is(err, sql.ErrNoRows) {
		err = store.ErrNotFound
	}
	if err != nil {
		return nil, fmt.Errorf("get signature of article %s: %w", id, err)
	}
	return sig, nil
}

// EachSignature calls fn for every signature in article-id order.
func (db *DB) EachSignature(ctx context.Context, fn func(id string, sig []byte) error) error {
	rows, err := db.r.QueryContext(ctx, `SELECT article_id, sig FROM signatures ORDER BY article_id`)
	if err != nil {
		return fmt.Errorf("read signatures: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id string
		var sig []byte
		if err := rows.Scan(&id, &sig); err != nil {
			return fmt.Errorf("read signatures: %w", err)
		}
		if err := fn(id, sig); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("read signatures: %w", err)
	}
	return nil
}
