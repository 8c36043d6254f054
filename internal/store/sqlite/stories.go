package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"time"

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
		err = db.write(ctx, func(tx *sql.Tx) error { return putStories(ctx, tx, stories, final) })
	}
	if err != nil {
		return fmt.Errorf("put %d stories: %w", len(stories), err)
	}
	return nil
}

func putStories(ctx context.Context, tx *sql.Tx, stories []store.StoryRecord, redirects map[string]string) error {
	for _, q := range []string{`DELETE FROM story_articles`, `DELETE FROM stories`} {
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return err
		}
	}
	insStory, err := tx.PrepareContext(ctx, `INSERT INTO stories (id, thread, label, first_seen, last_seen, last_seen_us, outlets)
		VALUES (?, ?, ?, ?, ?, ?, ?)`)
	if err != nil {
		return err
	}
	defer insStory.Close()
	// One statement per story: joining with articles makes a missing
	// article insert no row, which the count of rows shows.
	insArticles, err := tx.PrepareContext(ctx, `INSERT INTO story_articles (article_id, story_id, pos)
		SELECT a.id, ?, j.key FROM json_each(?) j JOIN articles a ON a.id = j.value`)
	if err != nil {
		return err
	}
	defer insArticles.Close()
	for _, s := range stories {
		var lastUS any
		if !s.LastSeen.IsZero() {
			lastUS = s.LastSeen.UnixMicro()
		}
		if _, err := insStory.ExecContext(ctx, s.ID, s.Thread, s.Label, timeText(s.FirstSeen), timeText(s.LastSeen), lastUS, jsonList(s.Outlets)); err != nil {
			return fmt.Errorf("story %s: %w", s.ID, err)
		}
		if len(s.Articles) == 0 {
			continue
		}
		res, err := insArticles.ExecContext(ctx, s.ID, jsonList(s.Articles))
		if err != nil {
			return fmt.Errorf("story %s: %w", s.ID, err)
		}
		if n, _ := res.RowsAffected(); n != int64(len(s.Articles)) {
			return fmt.Errorf("story %s: %w", s.ID, missingArticle(ctx, tx, s.Articles))
		}
	}
	// A story stored again is no longer merged away.
	if _, err := tx.ExecContext(ctx, `DELETE FROM story_redirects WHERE from_id IN (SELECT id FROM stories)`); err != nil {
		return err
	}
	if len(redirects) > 0 {
		ins, err := tx.PrepareContext(ctx, `INSERT INTO story_redirects (from_id, to_id) VALUES (?, ?)
			ON CONFLICT (from_id) DO UPDATE SET to_id = excluded.to_id`)
		if err != nil {
			return err
		}
		defer ins.Close()
		for from, to := range redirects {
			if _, err := ins.ExecContext(ctx, from, to); err != nil {
				return fmt.Errorf("redirect %s → %s: %w", from, to, err)
			}
		}
		// Earlier redirects to a story merged away now point where it went.
		// New targets are live stories, so one step keeps every redirect one
		// hop from its story.
		if _, err := tx.ExecContext(ctx, `UPDATE story_redirects
			SET to_id = (SELECT r.to_id FROM story_redirects r WHERE r.from_id = story_redirects.to_id)
			WHERE to_id IN (SELECT from_id FROM story_redirects)`); err != nil {
			return err
		}
	}
	return nil
}

// missingArticle names the first of ids that is not stored.
func missingArticle(ctx context.Context, tx *sql.Tx, ids []string) error {
	for _, id := range ids {
		ok, err := articleExists(ctx, tx, id)
		if err != nil {
			return err
		}
		if !ok {
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
	s, err := db.oneStory(ctx, `s.id = COALESCE((SELECT to_id FROM story_redirects WHERE from_id = ?1), ?1)`, id)
	if err != nil {
		return store.StoryRecord{}, fmt.Errorf("get story %s: %w", id, err)
	}
	return s, nil
}

// StoryOf returns the story that holds article articleID.
func (db *DB) StoryOf(ctx context.Context, articleID string) (store.StoryRecord, error) {
	s, err := db.oneStory(ctx, `s.id = (SELECT story_id FROM story_articles WHERE article_id = ?1)`, articleID)
	if err != nil {
		return store.StoryRecord{}, fmt.Errorf("get story of article %s: %w", articleID, err)
	}
	return s, nil
}

func (db *DB) oneStory(ctx context.Context, where string, arg string) (store.StoryRecord, error) {
	rows, err := db.r.QueryContext(ctx, `SELECT `+storyColumns+` FROM stories s`+storyJoin+` WHERE `+where+` ORDER BY sa.pos`, arg)
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
		where = ` WHERE last_seen_us >= ?`
		args = append(args, opts.Since.UnixMicro())
	}
	limit := opts.Limit
	if limit <= 0 {
		limit = -1
	}
	args = append(args, limit, max(opts.Offset, 0))
	// One statement, so the page and its articles come from one snapshot.
	rows, err := db.r.QueryContext(ctx, `WITH s AS (SELECT * FROM stories`+where+`
		ORDER BY last_seen_us IS NULL, last_seen_us DESC, id LIMIT ? OFFSET ?)
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
func scanStories(rows *sql.Rows) ([]store.StoryRecord, error) {
	defer rows.Close()
	var ss []store.StoryRecord
	for rows.Next() {
		var s store.StoryRecord
		var first, last, outlets, article sql.NullString
		if err := rows.Scan(&s.ID, &s.Thread, &s.Label, &first, &last, &outlets, &article); err != nil {
			return nil, err
		}
		if n := len(ss); n > 0 && ss[n-1].ID == s.ID {
			if article.Valid {
				ss[n-1].Articles = append(ss[n-1].Articles, article.String)
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
		if outlets.Valid {
			if err := json.Unmarshal([]byte(outlets.String), &s.Outlets); err != nil {
				return nil, fmt.Errorf("story %s: outlets: %w", s.ID, err)
			}
		}
		if article.Valid {
			s.Articles = []string{article.String}
		}
		ss = append(ss, s)
	}
	return ss, rows.Err()
}

func parseTime(s sql.NullString) (time.Time, error) {
	if !s.Valid {
		return time.Time{}, nil
	}
	t, err := time.Parse(time.RFC3339Nano, s.String)
	if err != nil {
		return time.Time{}, fmt.Errorf("%q: %w", s.String, err)
	}
	return t, nil
}
