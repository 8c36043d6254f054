package postgres

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/storydesk/storydesk/internal/store"
)

// LinkDuplicate sets or clears (of == "") the duplicate link of article id.
func (db *DB) LinkDuplicate(ctx context.Context, id, of string, similarity float64) error {
	err := db.write(ctx, func(tx pgx.Tx) error {
		if id == of {
			return fmt.Errorf("an article cannot duplicate itself: %w", store.ErrInvalid)
		}
		if of != "" {
			found, err := existing(ctx, tx, []string{of})
			if err != nil {
				return err
			}
			if !found[of] {
				return fmt.Errorf("original %s: %w", of, store.ErrNotFound)
			}
		} else {
			similarity = 0
		}
		tag, err := tx.Exec(ctx, `UPDATE articles SET duplicate_of = $1, similarity = $2 WHERE id = $3`,
			nullable(of), similarity, id)
		if err != nil {
			return err
		}
		if tag.RowsAffected() == 0 {
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
	rows, err := db.pool.Query(ctx, `SELECT id FROM articles WHERE duplicate_of = $1 ORDER BY id`, id)
	var ids []string
	if err == nil {
		ids, err = pgx.CollectRows(rows, pgx.RowTo[string])
	}
	if err != nil {
		return nil, fmt.Errorf("duplicates of %s: %w", id, err)
	}
	return ids, nil
}
