package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/storydesk/storydesk/internal/store"
)

// defaultSearchLimit is what Search returns when asked for limit <= 0.
const defaultSearchLimit = 20

// rank is bm25 with the column weights set in 0001_init.sql (lower is
// better); Score is its negation so that higher is better. A snippet spans
// 16 tokens of the best-matching column.
const searchArticles = `SELECT a.id, a.source, a.url, a.outlet, a.title, a.published, a.date_only,
	a.embedded_in, a.duplicate_of, a.chars,
	-f.rank, snippet(articles_fts, -1, '[', ']', '…', 16)
FROM articles_fts AS f JOIN articles AS a ON a.seq = f.rowid
WHERE articles_fts MATCH ?
ORDER BY f.rank, a.id
LIMIT ?`

// Search runs query (store.ParseQuery syntax) against title, text and
// outlet.
func (db *DB) Search(ctx context.Context, query string, limit int) ([]store.Hit, error) {
	q := store.ParseQuery(query)
	if q.Empty() {
		return nil, nil
	}
	if limit <= 0 {
		limit = defaultSearchLimit
	}
	rows, err := db.r.QueryContext(ctx, searchArticles, matchExpr(q), limit)
	if err != nil {
		return nil, fmt.Errorf("search %q: %w", query, err)
	}
	defer rows.Close()
	var hits []store.Hit
	for rows.Next() {
		h, err := scanHit(rows)
		if err != nil {
			return nil, fmt.Errorf("search %q: %w", query, err)
		}
		hits = append(hits, h)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("search %q: %w", query, err)
	}
	return hits, nil
}

// matchExpr writes q as an FTS5 MATCH expression. Every phrase is a quoted
// FTS5 string, so nothing the user typed is read as FTS5 syntax.
func matchExpr(q store.Query) string {
	var b strings.Builder
	for i, c := range q.Clauses {
		if i > 0 {
			b.WriteString(" AND ")
		}
		b.WriteByte('(')
		for j, p := range c {
			if j > 0 {
				b.WriteString(" OR ")
			}
			b.WriteByte('"')
			b.WriteString(strings.ReplaceAll(strings.Join(p.Words, " "), `"`, `""`))
			b.WriteByte('"')
			if p.Prefix {
				b.WriteByte('*')
			}
		}
		b.WriteByte(')')
	}
	return b.String()
}

func scanHit(rows interface{ Scan(...any) error }) (store.Hit, error) {
	var h store.Hit
	s := &h.Article
	var published, embeddedIn, duplicateOf sql.NullString
	err := rows.Scan(&s.ID, &s.Source, &s.URL, &s.Outlet, &s.Title, &published, &s.Published.DateOnly,
		&embeddedIn, &duplicateOf, &s.Chars, &h.Score, &h.Snippet)
	if err != nil {
		return store.Hit{}, err
	}
	s.EmbeddedIn, s.DuplicateOf = embeddedIn.String, duplicateOf.String
	if s.Published, err = parsePublished(published, s.Published.DateOnly); err != nil {
		return store.Hit{}, fmt.Errorf("article %s: %w", s.ID, err)
	}
	return h, nil
}
