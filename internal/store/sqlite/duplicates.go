package sqlite

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/storydesk/storydesk/internal/store"
)

// LinkDuplicate sets or clears (of == "") the duplicate link of article id.
func (db *DB) LinkDuplicate(ctx context.Context, id, of string, similarity float64) error {
	err := db.write(ctx, func(tx *sql.Tx) error {
		if id == of {
			return fmt.Errorf("an article cannot duplicate itself: %w", store.ErrInvalid)
		}
		if of != "" {
			ok, err := articleExists(ctx, tx, of)
			if err != nil {
				return err
			}
			if !ok {
				return fmt.Errorf("original %s: %w", of, store.ErrNotFound)
			}
		} else {
			similarity = 0
		}
		res, err := tx.ExecContext(ctx, `UPDATE articles SET duplicate_of = ?, similarity = ? WHERE id = ?`,
			nullable(of), similarity, id)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return store.ErrNotFound
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("link article %s as duplicate of %q: %w", id, of, err)
	}
	return nil
}

// DuplicatesOf lists the ids linked as duplicates of id.
func (db *DB) DuplicatesOf(ctx context.Context, id string) ([]string, error) {
	rows, err := db.r.QueryContext(ctx, `SELECT id FROM articles WHERE duplicate_of = ? ORDER BY id`, id)
	if err != nil {
		return nil, fmt.Errorf("duplicates of %s: %w", id, err)
	}
	defer rows.Close()
	var ids []string
	for rows.Next() {
		var dup string
		if err := rows.Scan(&dup); err != nil {
			return nil, fmt.Errorf("duplicates of %s: %w", id, err)
		}
		ids = append(ids, dup)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("duplicates of %s: %w", id, err)
	}
	return ids, nil
}
