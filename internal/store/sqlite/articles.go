package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/storydesk/storydesk/internal/model"
	"github.com/storydesk/storydesk/internal/store"
)

const insertArticle = `INSERT INTO articles (id, source, url, outlet, title, byline, authors,
	published, published_us, date_only, language, text, captions, chars,
	embedded_in, duplicate_of, similarity, stored_at)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
ON CONFLICT (id) DO NOTHING`

const articleColumns = `id, source, url, outlet, title, byline, authors,
	published, date_only, language, text, captions, embedded_in, duplicate_of, similarity`

// noTextColumns reads the same columns with an empty text.
const noTextColumns = `id, source, url, outlet, title, byline, authors,
	published, date_only, language, '', captions, embedded_in, duplicate_of, similarity`

// PutArticle stores a unless its ID is already stored.
func (db *DB) PutArticle(ctx context.Context, a model.Article) (bool, error) {
	var created int
	err := db.write(ctx, func(tx *sql.Tx) error {
		var err error
		created, err = putArticles(ctx, tx, []model.Article{a})
		return err
	})
	if err != nil {
		return false, fmt.Errorf("put article %s: %w", a.ID, err)
	}
	return created == 1, nil
}

// PutArticles stores the batch in one transaction, all or nothing.
func (db *DB) PutArticles(ctx context.Context, as []model.Article) (int, error) {
	if len(as) == 0 {
		return 0, nil
	}
	var created int
	err := db.write(ctx, func(tx *sql.Tx) error {
		var err error
		created, err = putArticles(ctx, tx, as)
		return err
	})
	if err != nil {
		return 0, fmt.Errorf("put %d articles: %w", len(as), err)
	}
	return created, nil
}

func putArticles(ctx context.Context, tx *sql.Tx, as []model.Article) (int, error) {
	inBatch := make(map[string]bool, len(as))
	for _, a := range as {
		inBatch[a.ID] = true
	}
	stmt, err := tx.PrepareContext(ctx, insertArticle)
	if err != nil {
		return 0, err
	}
	defer stmt.Close()
	now := time.Now().UTC().Format(time.RFC3339)
	created := 0
	for i, a := range as {
		if err := checkArticle(ctx, tx, a, inBatch); err != nil {
			return 0, fmt.Errorf("article %s (#%d): %w", a.ID, i+1, err)
		}
		res, err := stmt.ExecContext(ctx, articleArgs(a, now)...)
		if err != nil {
			return 0, fmt.Errorf("article %s (#%d): %w", a.ID, i+1, err)
		}
		if n, _ := res.RowsAffected(); n == 1 {
			created++
		}
	}
	return created, nil
}

// checkArticle turns what the schema would reject into store.ErrInvalid
// naming the field, before SQLite reports it at commit without saying which
// article broke it.
func checkArticle(ctx context.Context, tx *sql.Tx, a model.Article, inBatch map[string]bool) error {
	if a.ID == "" {
		return fmt.Errorf("empty id: %w", store.ErrInvalid)
	}
	if math.IsNaN(a.Similarity) {
		return fmt.Errorf("similarity is NaN: %w", store.ErrInvalid)
	}
	for _, link := range []struct{ field, to string }{{"embedded_in", a.EmbeddedIn}, {"duplicate_of", a.DuplicateOf}} {
		switch {
		case link.to == "":
		case link.to == a.ID:
			return fmt.Errorf("%s names the article itself: %w", link.field, store.ErrInvalid)
		case !inBatch[link.to]:
			ok, err := articleExists(ctx, tx, link.to)
			if err != nil {
				return err
			}
			if !ok {
				return fmt.Errorf("%s %s is not stored: %w", link.field, link.to, store.ErrInvalid)
			}
		}
	}
	return nil
}

func articleExists(ctx context.Context, q interface {
	QueryRowContext(context.Context, string, ...any) *sql.Row
}, id string) (bool, error) {
	var n int
	err := q.QueryRowContext(ctx, `SELECT COUNT(*) FROM articles WHERE id = ?`, id).Scan(&n)
	return n > 0, err
}

func articleArgs(a model.Article, now string) []any {
	var published, publishedUS any
	if !a.Published.IsZero() {
		published = a.Published.Format(time.RFC3339Nano)
		publishedUS = a.Published.UnixMicro()
	}
	return []any{a.ID, a.Source, a.URL, a.Outlet, a.Title, a.Byline, jsonList(a.Authors),
		published, publishedUS, a.Published.DateOnly, a.Language, a.Text, jsonList(a.Captions),
		utf8.RuneCountInString(a.Text), nullable(a.EmbeddedIn), nullable(a.DuplicateOf), a.Similarity, now}
}

func jsonList(s []string) any {
	if len(s) == 0 {
		return nil
	}
	b, _ := json.Marshal(s) // a []string always marshals
	return string(b)
}

func nullable(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// Article returns the stored article id.
func (db *DB) Article(ctx context.Context, id string) (model.Article, error) {
	row := db.r.QueryRowContext(ctx, `SELECT `+articleColumns+` FROM articles WHERE id = ?`, id)
	a, err := scanArticle(row)
	if errors.Is(err, sql.ErrNoRows) {
		err = store.ErrNotFound
	}
	if err != nil {
		return model.Article{}, fmt.Errorf("get article %s: %w", id, err)
	}
	return a, nil
}

// ListArticles returns the articles passing opts in published, id order.
func (db *DB) ListArticles(ctx context.Context, opts store.ListOptions) ([]model.Article, error) {
	where, args := listFilter(opts)
	limit := opts.Limit
	if limit <= 0 {
		limit = -1
	}
	args = append(args, limit, max(opts.Offset, 0))
	cols := articleColumns
	if opts.NoText {
		cols = noTextColumns
	}
	rows, err := db.r.QueryContext(ctx, `SELECT `+cols+` FROM articles`+where+
		` ORDER BY published_us IS NULL, published_us, id LIMIT ? OFFSET ?`, args...)
	if err != nil {
		return nil, fmt.Errorf("list articles: %w", err)
	}
	defer rows.Close()
	var as []model.Article
	for rows.Next() {
		a, err := scanArticle(rows)
		if err != nil {
			return nil, fmt.Errorf("list articles: %w", err)
		}
		as = append(as, a)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list articles: %w", err)
	}
	return as, nil
}

// CountArticles counts the articles passing opts, ignoring Limit and Offset.
func (db *DB) CountArticles(ctx context.Context, opts store.ListOptions) (int, error) {
	where, args := listFilter(opts)
	var n int
	if err := db.r.QueryRowContext(ctx, `SELECT COUNT(*) FROM articles`+where, args...).Scan(&n); err != nil {
		return 0, fmt.Errorf("count articles: %w", err)
	}
	return n, nil
}

func listFilter(opts store.ListOptions) (string, []any) {
	var conds []string
	var args []any
	if opts.Outlet != "" {
		conds = append(conds, `outlet = ? COLLATE NOCASE`)
		args = append(args, opts.Outlet)
	}
	if !opts.Since.IsZero() {
		conds = append(conds, `published_us >= ?`)
		args = append(args, opts.Since.UnixMicro())
	}
	if !opts.Until.IsZero() {
		conds = append(conds, `published_us < ?`)
		args = append(args, opts.Until.UnixMicro())
	}
	if opts.ExcludeEmbedded {
		conds = append(conds, `embedded_in IS NULL`)
	}
	if opts.ExcludeDuplicates {
		conds = append(conds, `duplicate_of IS NULL`)
	}
	if len(conds) == 0 {
		return "", nil
	}
	return " WHERE " + strings.Join(conds, " AND "), args
}

func scanArticle(row interface{ Scan(...any) error }) (model.Article, error) {
	var a model.Article
	var authors, published, captions, embeddedIn, duplicateOf sql.NullString
	err := row.Scan(&a.ID, &a.Source, &a.URL, &a.Outlet, &a.Title, &a.Byline, &authors,
		&published, &a.Published.DateOnly, &a.Language, &a.Text, &captions, &embeddedIn, &duplicateOf, &a.Similarity)
	if err != nil {
		return model.Article{}, err
	}
	a.EmbeddedIn, a.DuplicateOf = embeddedIn.String, duplicateOf.String
	if a.Published, err = parsePublished(published, a.Published.DateOnly); err != nil {
		return model.Article{}, fmt.Errorf("article %s: %w", a.ID, err)
	}
	for _, l := range []struct {
		col sql.NullString
		to  *[]string
	}{{authors, &a.Authors}, {captions, &a.Captions}} {
		if l.col.Valid {
			if err := json.Unmarshal([]byte(l.col.String), l.to); err != nil {
				return model.Article{}, fmt.Errorf("article %s: %w", a.ID, err)
			}
		}
	}
	return a, nil
}

// parsePublished reads the published and date_only columns back into a
// model.Time; a NULL published is the zero Time.
func parsePublished(s sql.NullString, dateOnly bool) (model.Time, error) {
	if !s.Valid {
		return model.Time{}, nil
	}
	t, err := time.Parse(time.RFC3339Nano, s.String)
	if err != nil {
		return model.Time{}, fmt.Errorf("published %q: %w", s.String, err)
	}
	return model.Time{Time: t, DateOnly: dateOnly}, nil
}
