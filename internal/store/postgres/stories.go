package postgres

import (
	"context"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/storydesk/storydesk/internal/store"
)

// storyColumns and storyJoin read a story with its articles, one row per
// article (one row with a NULL article for a story without any).
const (
	storyColumns = `s.id, s.thread, s.label, s.first_seen, s.last_seen, s.outlets, sa.article_id`
	storyJoin    = ` LEFT JOIN story_articles sa ON sa.story_id = s.id`
	storyOrder   = `s.last_seen_us IS NULL, s.last_seen_us DESC, s.id`
)

// PutStories replaces the stored stories with stories and adds redirects.
func (db *DB) PutStories(ctx context.Context, stories []store.StoryRecord, redirects map[string]string) error {
	final, err := store.CheckStories(stories, redirects)
	if err == nil {
		err = checkStoryText(stories)
	}
	if err == nil {
		err = db.write(ctx, func(tx pgx.Tx) error { return putStories(ctx, tx, stories, final) })
	}
	if err != nil {
		return fmt.Errorf("put %d stories: %w", len(stories), err)
	}
	return nil
}

// checkStoryText refuses text PostgreSQL cannot hold.
func checkStoryText(stories []store.StoryRecord) error {
	for _, s := range stories {
		for _, v := range append([]string{s.ID, s.Thread, s.Label}, s.Outlets...) {
			if err := storable(v); err != nil {
				return fmt.Errorf("story %s: %w", s.ID, err)
			}
		}
	}
	return nil
}

func putStories(ctx context.Context, tx pgx.Tx, stories []store.StoryRecord, redirects map[string]string) error {
	// Writers of stories take turns: each replaces the whole set.
	if _, err := tx.Exec(ctx, `LOCK TABLE stories IN EXCLUSIVE MODE`); err != nil {
		return err
	}
	if _, err := tx.Exec(ctx, `DELETE FROM story_articles; DELETE FROM stories`); err != nil {
		return err
	}
	b := &pgx.Batch{}
	for _, s := range stories {
		var lastUS any
		if !s.LastSeen.IsZero() {
			lastUS = s.LastSeen.UnixMicro()
		}
		b.Queue(`INSERT INTO stories (id, thread, label, first_seen, last_seen, last_seen_us, outlets)
			VALUES ($1, $2, $3, $4, $5, $6, $7)`,
			s.ID, s.Thread, s.Label, timeText(s.FirstSeen), timeText(s.LastSeen), lastUS, list(s.Outlets))
		if len(s.Articles) > 0 {
			// Joining with articles makes a missing article insert no row,
			// which the count of rows shows.
			b.Queue(`INSERT INTO story_articles (article_id, story_id, pos)
				SELECT a.id, $1, j.pos - 1 FROM unnest($2::text[]) WITH ORDINALITY AS j (id, pos)
				JOIN articles a ON a.id = j.id`, s.ID, s.Articles)
		}
	}
	res := tx.SendBatch(ctx, b)
	for _, s := range stories {
		if _, err := res.Exec(); err != nil {
			res.Close()
			return fmt.Errorf("story %s: %w", s.ID, err)
		}
		if len(s.Articles) == 0 {
			continue
		}
		tag, err := res.Exec()
		if err != nil {
			res.Close()
			return fmt.Errorf("story %s: %w", s.ID, err)
		}
		if tag.RowsAffected() != int64(len(s.Articles)) {
			res.Close()
			return fmt.Errorf("story %s: %w", s.ID, missingArticle(ctx, tx, s.Articles))
		}
	}
	if err := res.Close(); err != nil {
		return err
	}
	// A story stored again is no longer merged away.
	if _, err := tx.Exec(ctx, `DELETE FROM story_redirects WHERE from_id IN (SELECT id FROM stories)`); err != nil {
		return err
	}
	if len(redirects) == 0 {
		return nil
	}
	from, to := make([]string, 0, len(redirects)), make([]string, 0, len(redirects))
	for f, t := range redirects {
		from, to = append(from, f), append(to, t)
	}
	if _, err := tx.Exec(ctx, `INSERT INTO story_redirects (from_id, to_id) SELECT * FROM unnest($1::text[], $2::text[])
		ON CONFLICT (from_id) DO UPDATE SET to_id = excluded.to_id`, from, to); err != nil {
		return err
	}
	// Earlier redirects to a story merged away now point where it went.
	// New targets are live stories, so one step keeps every redirect one
	// hop from its story.
	_, err := tx.Exec(ctx, `UPDATE story_redirects r SET to_id = n.to_id
		FROM story_redirects n WHERE r.to_id = n.from_id`)
	return err
}

// missingArticle names the first of ids that is not stored.
func missingArticle(ctx context.Context, tx pgx.Tx, ids []string) error {
	found, err := existing(ctx, tx, ids)
	if err != nil {
		return err
	}
	for _, id := range ids {
		if !found[id] {
			return fmt.Errorf("article %s: %w", id, store.ErrNotFound)
		}
	}
	return fmt.Errorf("an article was not stored: %w", store.ErrNotFound)
}

func timeText(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t.Format(time.RFC3339Nano)
}

// Story returns the story id, or the one it was merged into.
func (db *DB) Story(ctx context.Context, id string) (store.StoryRecord, error) {
	s, err := db.oneStory(ctx, `s.id = COALESCE((SELECT to_id FROM story_redirects WHERE from_id = $1), $1)`, id)
	if err != nil {
		return store.StoryRecord{}, fmt.Errorf("get story %s: %w", id, err)
	}
	return s, nil
}

// StoryOf returns the story that holds article articleID.
func (db *DB) StoryOf(ctx context.Context, articleID string) (store.StoryRecord, error) {
	s, err := db.oneStory(ctx, `s.id = (SELECT story_id FROM story_articles WHERE article_id = $1)`, articleID)
	if err != nil {
		return store.StoryRecord{}, fmt.Errorf("get story of article %s: %w", articleID, err)
	}
	return s, nil
}

func (db *DB) oneStory(ctx context.Context, where string, arg string) (store.StoryRecord, error) {
	rows, err := db.pool.Query(ctx, `SELECT `+storyColumns+` FROM stories s`+storyJoin+` WHERE `+where+` ORDER BY sa.pos`, arg)
	if err != nil {
		return store.StoryRecord{}, err
	}
	ss, err := scanStories(rows)
	if err != nil {
		return store.StoryRecord{}, err
	}
	if len(ss) == 0 {
		return store.StoryRecord{}, store.ErrNotFound
	}
	return ss[0], nil
}

// ListStories returns the stories passing opts, latest last seen first.
func (db *DB) ListStories(ctx context.Context, opts store.StoryListOptions) ([]store.StoryRecord, error) {
	var where string
	var args []any
	if !opts.Since.IsZero() {
		where = ` WHERE last_seen_us >= $1`
		args = append(args, opts.Since.UnixMicro())
	}
	var limit any // NULL: no limit
	if opts.Limit > 0 {
		limit = opts.Limit
	}
	args = append(args, limit, max(opts.Offset, 0))
	// One statement, so the page and its articles come from one snapshot.
	rows, err := db.pool.Query(ctx, `WITH s AS (SELECT * FROM stories`+where+`
		ORDER BY last_seen_us IS NULL, last_seen_us DESC, id `+fmt.Sprintf("LIMIT $%d OFFSET $%d", len(args)-1, len(args))+`)
		SELECT `+storyColumns+` FROM s`+storyJoin+` ORDER BY `+storyOrder+`, sa.pos`, args...)
	if err != nil {
		return nil, fmt.Errorf("list stories: %w", err)
	}
	ss, err := scanStories(rows)
	if err != nil {
		return nil, fmt.Errorf("list stories: %w", err)
	}
	return ss, nil
}

// scanStories reads rows of storyColumns, each story's rows together, and
// closes rows.
func scanStories(rows pgx.Rows) ([]store.StoryRecord, error) {
	defer rows.Close()
	var ss []store.StoryRecord
	for rows.Next() {
		var s store.StoryRecord
		var first, last, article *string
		if err := rows.Scan(&s.ID, &s.Thread, &s.Label, &first, &last, &s.Outlets, &article); err != nil {
			return nil, err
		}
		if n := len(ss); n > 0 && ss[n-1].ID == s.ID {
			if article != nil {
				ss[n-1].Articles = append(ss[n-1].Articles, *article)
			}
			continue
		}
		var err error
		if s.FirstSeen, err = parseTime(first); err != nil {
			return nil, fmt.Errorf("story %s: first seen: %w", s.ID, err)
		}
		if s.LastSeen, err = parseTime(last); err != nil {
			return nil, fmt.Errorf("story %s: last seen: %w", s.ID, err)
		}
		if len(s.Outlets) == 0 {
			s.Outlets = nil
		}
		if article != nil {
			s.Articles = []string{*article}
		}
		ss = append(ss, s)
	}
	return ss, rows.Err()
}

func parseTime(s *string) (time.Time, error) {
	if s == nil {
		return time.Time{}, nil
	}
	t, err := time.Parse(time.RFC3339Nano, *s)
	if err != nil {
		return time.Time{}, fmt.Errorf("%q: %w", *s, err)
	}
	return t, nil
}
