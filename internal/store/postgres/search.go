package postgres

import (
	"context"
	"fmt"
	"strings"
	"unicode"

	"github.com/jackc/pgx/v5"

	"github.com/storydesk/storydesk/internal/store"
)

// defaultSearchLimit is what Search returns when asked for limit <= 0.
const defaultSearchLimit = 20

// headline marks matched words in [brackets] in one fragment of about 16
// words.
const headline = `StartSel=[, StopSel=], MaxWords=16, MinWords=6, ShortWord=0, MaxFragments=1, FragmentDelimiter=" … "`

// searchArticles ranks with ts_rank over the weighted vector (title A,
// outlet B, text C) and takes the snippet from the text when the text
// matches on its own, else from the title, else from both.
const searchArticles = `WITH q AS (SELECT to_tsquery('storydesk_search', $1) AS q)
SELECT a.id, a.source, a.url, a.outlet, a.title, a.published, a.date_only,
	a.embedded_in, a.duplicate_of, a.chars, ts_rank(a.search, q.q)::float8 AS score,
	CASE WHEN to_tsvector('storydesk_search', a.text) @@ q.q THEN ts_headline('storydesk_search', a.text, q.q, $3)
		WHEN to_tsvector('storydesk_search', a.title) @@ q.q THEN ts_headline('storydesk_search', a.title, q.q, $3)
		ELSE ts_headline('storydesk_search', a.title || ' — ' || a.text, q.q, $3) END
FROM articles a, q
WHERE a.search @@ q.q
ORDER BY score DESC, a.id
LIMIT $2`

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
	rows, err := db.pool.Query(ctx, searchArticles, tsquery(q), limit, headline)
	var hits []store.Hit
	if err == nil {
		hits, err = pgx.CollectRows(rows, scanHit)
	}
	if err != nil {
		return nil, fmt.Errorf("search %q: %w", query, err)
	}
	return hits, nil
}

// tsquery writes q in to_tsquery syntax: clauses joined by &, phrases by |,
// the words of a phrase by <->. Words hold only letters, digits and marks,
// and each is quoted, so nothing the user typed is read as syntax.
func tsquery(q store.Query) string {
	var b strings.Builder
	for i, c := range q.Clauses {
		if i > 0 {
			b.WriteString(" & ")
		}
		b.WriteByte('(')
		for j, p := range c {
			if j > 0 {
				b.WriteString(" | ")
			}
			b.WriteByte('(')
			for k, w := range p.Words {
				if k > 0 {
					b.WriteString(" <-> ")
				}
				b.WriteByte('\'')
				b.WriteString(w)
				b.WriteByte('\'')
			}
			if p.Prefix {
				b.WriteString(":*")
			}
			b.WriteByte(')')
		}
		b.WriteByte(')')
	}
	return b.String()
}

// joinMarks makes one span of marked words that only spaces or
// punctuation separate: ts_headline marks "[Trump]-[Putin]" and
// "[working] [lunch]" word by word where the match was one phrase.
func joinMarks(snippet string) string {
	var b strings.Builder
	for {
		i := strings.IndexByte(snippet, ']')
		if i < 0 {
			b.WriteString(snippet)
			return b.String()
		}
		j := strings.IndexByte(snippet[i+1:], '[')
		if j >= 0 && j <= 3 && strings.IndexFunc(snippet[i+1:i+1+j], func(r rune) bool {
			return unicode.IsLetter(r) || unicode.IsDigit(r) || r == ']'
		}) < 0 {
			b.WriteString(snippet[:i])
			b.WriteString(snippet[i+1 : i+1+j])
			snippet = snippet[i+2+j:]
			continue
		}
		b.WriteString(snippet[:i+1])
		snippet = snippet[i+1:]
	}
}

func scanHit(row pgx.CollectableRow) (store.Hit, error) {
	var h store.Hit
	s := &h.Article
	var published, embeddedIn, duplicateOf *string
	err := row.Scan(&s.ID, &s.Source, &s.URL, &s.Outlet, &s.Title, &published, &s.Published.DateOnly,
		&embeddedIn, &duplicateOf, &s.Chars, &h.Score, &h.Snippet)
	if err != nil {
		return store.Hit{}, err
	}
	s.EmbeddedIn, s.DuplicateOf = deref(embeddedIn), deref(duplicateOf)
	h.Snippet = joinMarks(h.Snippet)
	if s.Published, err = parsePublished(published, s.Published.DateOnly); err != nil {
		return store.Hit{}, fmt.Errorf("article %s: %w", s.ID, err)
	}
	return h, nil
}
