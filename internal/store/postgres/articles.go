package postgres

import (
	"context"
	"errors"
	"fmt"
	"math"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/jackc/pgx/v5"

	"github.com/storydesk/storydesk/internal/model"
	"github.com/storydesk/storydesk/internal/store"
)

const insertArticle = `INSERT INTO articles (id, source, url, outlet, title, byline, authors,
	published, published_us, date_only, language, text, captions, chars,
	embedded_in, duplicate_of, similarity)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)
ON CONFLICT (id) DO NOTHING`

const articleColumns = `id, source, url, outlet, title, byline, authors,
	published, date_only, language, text, captions, embedded_in, duplicate_of, similarity`

// noTextColumns reads the same columns with an empty text.
const noTextColumns = `id, source, url, outlet, title, byline, authors,
	published, date_only, language, '', captions, embedded_in, duplicate_of, similarity`

// PutArticle stores a unless its ID is already stored.
func (db *DB) PutArticle(ctx context.Context, a model.Article) (bool, error) {
	n, err := db.putArticles(ctx, []model.Article{a})
	if err != nil {
		return false, fmt.Errorf("put article %s: %w", a.ID, err)
	}
	return n == 1, nil
}

// PutArticles stores the batch in one transaction, all or nothing.
func (db *DB) PutArticles(ctx context.Context, as []model.Article) (int, error) {
	if len(as) == 0 {
		return 0, nil
	}
	n, err := db.putArticles(ctx, as)
	if err != nil {
		return 0, fmt.Errorf("put %d articles: %w", len(as), err)
	}
	return n, nil
}

func (db *DB) putArticles(ctx context.Context, as []model.Article) (int, error) {
	inBatch := make(map[string]bool, len(as))
	for i, a := range as {
		if err := checkArticle(a); err != nil {
			return 0, fmt.Errorf("article %s (#%d): %w", a.ID, i+1, err)
		}
		inBatch[a.ID] = true
	}
	// Inserting in id order keeps two overlapping batches from waiting on
	// each other's rows in opposite orders.
	order := make([]int, len(as))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(i, j int) bool { return as[order[i]].ID < as[order[j]].ID })
	var created int
	err := db.write(ctx, func(tx pgx.Tx) error {
		created = 0
		if err := checkLinks(ctx, tx, as, inBatch); err != nil {
			return err
		}
		b := &pgx.Batch{}
		for _, i := range order {
			b.Queue(insertArticle, articleArgs(as[i])...)
		}
		res := tx.SendBatch(ctx, b)
		for _, i := range order {
			tag, err := res.Exec()
			if err != nil {
				res.Close()
				return fmt.Errorf("article %s (#%d): %w", as[i].ID, i+1, err)
			}
			created += int(tag.RowsAffected())
		}
		return res.Close()
	})
	return created, err
}

// checkArticle turns what the schema or PostgreSQL would reject into
// store.ErrInvalid naming the field.
func checkArticle(a model.Article) error {
	if a.ID == "" {
		return fmt.Errorf("empty id: %w", store.ErrInvalid)
	}
	if math.IsNaN(a.Similarity) {
		return fmt.Errorf("similarity is NaN: %w", store.ErrInvalid)
	}
	for _, link := range []struct{ field, to string }{{"embedded_in", a.EmbeddedIn}, {"duplicate_of", a.DuplicateOf}} {
		if link.to == a.ID {
			return fmt.Errorf("%s names the article itself: %w", link.field, store.ErrInvalid)
		}
	}
	fields := []struct{ name, value string }{
		{"id", a.ID}, {"source", a.Source}, {"url", a.URL}, {"outlet", a.Outlet}, {"title", a.Title},
		{"byline", a.Byline}, {"language", a.Language}, {"text", a.Text},
		{"embedded_in", a.EmbeddedIn}, {"duplicate_of", a.DuplicateOf},
	}
	for _, s := range a.Authors {
		fields = append(fields, struct{ name, value string }{"authors", s})
	}
	for _, s := range a.Captions {
		fields = append(fields, struct{ name, value string }{"captions", s})
	}
	for _, f := range fields {
		if err := storable(f.value); err != nil {
			return fmt.Errorf("%s %w", f.name, err)
		}
	}
	return nil
}

// storable reports text PostgreSQL cannot hold in a text column.
func storable(s string) error {
	if !utf8.ValidString(s) {
		return fmt.Errorf("is not valid UTF-8: %w", store.ErrInvalid)
	}
	if strings.IndexByte(s, 0) >= 0 {
		return fmt.Errorf("holds a NUL character: %w", store.ErrInvalid)
	}
	return nil
}

// checkLinks makes sure every article a link names is in the batch or
// stored.
func checkLinks(ctx context.Context, tx pgx.Tx, as []model.Article, inBatch map[string]bool) error {
	var targets []string
	for _, a := range as {
		for _, to := range []string{a.EmbeddedIn, a.DuplicateOf} {
			if to != "" && !inBatch[to] {
				targets = append(targets, to)
			}
		}
	}
	if len(targets) == 0 {
		return nil
	}
	stored, err := existing(ctx, tx, targets)
	if err != nil {
		return err
	}
	for i, a := range as {
		for _, link := range []struct{ field, to string }{{"embedded_in", a.EmbeddedIn}, {"duplicate_of", a.DuplicateOf}} {
			if link.to != "" && !inBatch[link.to] && !stored[link.to] {
				return fmt.Errorf("article %s (#%d): %s %s is not stored: %w", a.ID, i+1, link.field, link.to, store.ErrInvalid)
			}
		}
	}
	return nil
}

// existing returns which of ids are stored.
func existing(ctx context.Context, q querier, ids []string) (map[string]bool, error) {
	rows, err := q.Query(ctx, `SELECT id FROM articles WHERE id = ANY($1)`, ids)
	if err != nil {
		return nil, err
	}
	found, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		return nil, err
	}
	m := make(map[string]bool, len(found))
	for _, id := range found {
		m[id] = true
	}
	return m, nil
}

// querier is a pool, a connection or a transaction.
type querier interface {
	Query(ctx context.Context, sql string, args ...any) (pgx.Rows, error)
	QueryRow(ctx context.Context, sql string, args ...any) pgx.Row
}

func articleArgs(a model.Article) []any {
	var published, publishedUS any
	if !a.Published.IsZero() {
		published = a.Published.Format(time.RFC3339Nano)
		publishedUS = a.Published.UnixMicro()
	}
	return []any{a.ID, a.Source, a.URL, a.Outlet, a.Title, a.Byline, list(a.Authors),
		published, publishedUS, a.Published.DateOnly, a.Language, a.Text, list(a.Captions),
		utf8.RuneCountInString(a.Text), nullable(a.EmbeddedIn), nullable(a.DuplicateOf), a.Similarity}
}

// list is a text[] value: NULL when empty.
func list(s []string) any {
	if len(s) == 0 {
		return nil
	}
	return s
}

func nullable(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// Article returns the stored article id.
func (db *DB) Article(ctx context.Context, id string) (model.Article, error) {
	rows, err := db.pool.Query(ctx, `SELECT `+articleColumns+` FROM articles WHERE id = $1`, id)
	var a model.Article
	if err == nil {
		a, err = pgx.CollectExactlyOneRow(rows, scanArticle)
	}
	if errors.Is(err, pgx.ErrNoRows) {
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
	var limit any // NULL: no limit
	if opts.Limit > 0 {
		limit = opts.Limit
	}
	args = append(args, limit, max(opts.Offset, 0))
	cols := articleColumns
	if opts.NoText {
		cols = noTextColumns
	}
	rows, err := db.pool.Query(ctx, `SELECT `+cols+` FROM articles`+where+
		fmt.Sprintf(` ORDER BY published_us IS NULL, published_us, id LIMIT $%d OFFSET $%d`, len(args)-1, len(args)), args...)
	var as []model.Article
	if err == nil {
		as, err = pgx.CollectRows(rows, scanArticle)
	}
	if err != nil {
		return nil, fmt.Errorf("list articles: %w", err)
	}
	return as, nil
}

// CountArticles counts the articles passing opts, ignoring Limit and Offset.
func (db *DB) CountArticles(ctx context.Context, opts store.ListOptions) (int, error) {
	where, args := listFilter(opts)
	var n int
	if err := db.pool.QueryRow(ctx, `SELECT COUNT(*) FROM articles`+where, args...).Scan(&n); err != nil {
		return 0, fmt.Errorf("count articles: %w", err)
	}
	return n, nil
}

func listFilter(opts store.ListOptions) (string, []any) {
	var conds []string
	var args []any
	arg := func(v any) string {
		args = append(args, v)
		return fmt.Sprintf("$%d", len(args))
	}
	if opts.Outlet != "" {
		conds = append(conds, `lower(outlet) = lower(`+arg(opts.Outlet)+`)`)
	}
	if !opts.Since.IsZero() {
		conds = append(conds, `published_us >= `+arg(opts.Since.UnixMicro()))
	}
	if !opts.Until.IsZero() {
		conds = append(conds, `published_us < `+arg(opts.Until.UnixMicro()))
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

func scanArticle(row pgx.CollectableRow) (model.Article, error) {
	var a model.Article
	var published, embeddedIn, duplicateOf *string
	err := row.Scan(&a.ID, &a.Source, &a.URL, &a.Outlet, &a.Title, &a.Byline, &a.Authors,
		&published, &a.Published.DateOnly, &a.Language, &a.Text, &a.Captions, &embeddedIn, &duplicateOf, &a.Similarity)
	if err != nil {
		return model.Article{}, err
	}
	a.EmbeddedIn, a.DuplicateOf = deref(embeddedIn), deref(duplicateOf)
	if a.Published, err = parsePublished(published, a.Published.DateOnly); err != nil {
		return model.Article{}, fmt.Errorf("article %s: %w", a.ID, err)
	}
	if len(a.Authors) == 0 {
		a.Authors = nil
	}
	if len(a.Captions) == 0 {
		a.Captions = nil
	}
	return a, nil
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

// parsePublished reads the published and date_only columns back into a
// model.Time; a NULL published is the zero Time.
func parsePublished(s *string, dateOnly bool) (model.Time, error) {
	if s == nil {
		return model.Time{}, nil
	}
	t, err := time.Parse(time.RFC3339Nano, *s)
	if err != nil {
		return model.Time{}, fmt.Errorf("published %q: %w", *s, err)
	}
	return model.Time{Time: t, DateOnly: dateOnly}, nil
}
