package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/storydesk/storydesk/internal/model"
	"github.com/storydesk/storydesk/internal/store"
)

// PutAnnotations stores a as JSON, replacing what was stored for its article.
func (db *DB) PutAnnotations(ctx context.Context, a model.Annotations) error {
	if err := db.putAnnotations(ctx, a); err != nil {
		return fmt.Errorf("put annotations of article %s: %w", a.ArticleID, err)
	}
	return nil
}

func (db *DB) putAnnotations(ctx context.Context, a model.Annotations) error {
	data, err := store.EncodeAnnotations(a)
	if err != nil {
		return err
	}
	return db.write(ctx, func(tx *sql.Tx) error {
		// Selecting from articles makes a missing article insert no row.
		res, err := tx.ExecContext(ctx, `INSERT INTO annotations (article_id, data) SELECT id, ? FROM articles WHERE id = ?
			ON CONFLICT (article_id) DO UPDATE SET data = excluded.data`, string(data), a.ArticleID)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return store.ErrNotFound
		}
		return nil
	})
}

// Annotations returns the annotations stored for article articleID.
func (db *DB) Annotations(ctx context.Context, articleID string) (model.Annotations, error) {
	var data string
	err := db.r.QueryRowContext(ctx, `SELECT data FROM annotations WHERE article_id = ?`, articleID).Scan(&data)
	if errors.Is(err, sql.ErrNoRows) {
		err = store.ErrNotFound
	}
	var a model.Annotations
	if err == nil {
		err = json.Unmarshal([]byte(data), &a)
	}
	if err != nil {
		return model.Annotations{}, fmt.Errorf("get annotations of article %s: %w", articleID, err)
	}
	return a, nil
}
