package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"github.com/storydesk/storydesk/internal/model"
	"github.com/storydesk/storydesk/internal/store"
)

// TestDeleteArticleCascades: the store has no delete, but an article row
// removed by hand takes its annotations and its place in a story with it,
// and leaves the story.
func TestDeleteArticleCascades(t *testing.T) {
	ctx := context.Background()
	db := openTemp(t)
	if _, err := db.PutArticles(ctx, []model.Article{{ID: "a", Text: "x"}, {ID: "b", Text: "y"}}); err != nil {
		t.Fatal(err)
	}
	if err := db.PutAnnotations(ctx, model.Annotations{ArticleID: "a", Source: "s"}); err != nil {
		t.Fatal(err)
	}
	if err := db.PutStories(ctx, []store.StoryRecord{{ID: "s", Articles: []string{"a", "b"}}}, nil); err != nil {
		t.Fatal(err)
	}
	if _, err := db.w.ExecContext(ctx, `DELETE FROM articles WHERE id = 'a'`); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Annotations(ctx, "a"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Annotations of a deleted article = %v; want ErrNotFound", err)
	}
	if _, err := db.StoryOf(ctx, "a"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("StoryOf a deleted article = %v; want ErrNotFound", err)
	}
	if s, err := db.Story(ctx, "s"); err != nil || !reflect.DeepEqual(s.Articles, []string{"b"}) {
		t.Errorf("Story(s) after deleting a = %+v, %v; want articles [b]", s, err)
	}
}

// TestMigrateStoriesOntoOldDatabase: a database made by the first schema
// gains the stories and annotations tables and keeps its articles.
func TestMigrateStoriesOntoOldDatabase(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "old.db")
	old, err := sql.Open("sqlite", path+"?_pragma=foreign_keys(1)")
	if err != nil {
		t.Fatal(err)
	}
	ms, err := migrations(migrationFiles)
	if err != nil || len(ms) < 2 {
		t.Fatalf("migrations = %d, %v; want at least 2", len(ms), err)
	}
	if err := migrate(ctx, old, ms[:1]); err != nil {
		t.Fatal(err)
	}
	if _, err := old.ExecContext(ctx, `INSERT INTO articles (id, text, stored_at) VALUES ('a', 'x', '')`); err != nil {
		t.Fatal(err)
	}
	old.Close()
	db, err := Open(ctx, path, DefaultOptions())
	if err != nil {
		t.Fatalf("Open of a first-schema database: %v", err)
	}
	defer db.Close()
	if err := db.PutAnnotations(ctx, model.Annotations{ArticleID: "a"}); err != nil {
		t.Errorf("PutAnnotations after the upgrade: %v", err)
	}
	if err := db.PutStories(ctx, []store.StoryRecord{{ID: "s", Articles: []string{"a"}}}, nil); err != nil {
		t.Errorf("PutStories after the upgrade: %v", err)
	}
	if s, err := db.StoryOf(ctx, "a"); err != nil || s.ID != "s" {
		t.Errorf("StoryOf(a) after the upgrade = %+v, %v", s, err)
	}
}

// BenchmarkPutStories replaces an assignment of 10,000 stories of 5
// articles each (50,000 stored articles), with 1,000 redirects per call.
func BenchmarkPutStories(b *testing.B) {
	const stories, per = 10000, 5
	ctx := context.Background()
	db := openTemp(b)
	as := make([]model.Article, 0, stories*per)
	for i := range stories * per {
		as = append(as, model.Article{ID: fmt.Sprintf("a%07d", i), Title: "t", Text: "x"})
	}
	if _, err := db.PutArticles(ctx, as); err != nil {
		b.Fatal(err)
	}
	day := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	recs := make([]store.StoryRecord, stories)
	b.ReportAllocs()
	b.ResetTimer()
	for round := 0; b.Loop(); round++ {
		b.StopTimer()
		redirects := map[string]string{}
		for i := range recs {
			// Each round renames a tenth of the stories, as merges would.
			id := fmt.Sprintf("s%d", i)
			if i%10 == 9 {
				id = fmt.Sprintf("r%d-s%d", round, i)
				if round > 0 {
					redirects[fmt.Sprintf("r%d-s%d", round-1, i)] = id
				}
			}
			arts := make([]string, per)
			for j := range arts {
				arts[j] = as[(i*per+j+round)%len(as)].ID
			}
			recs[i] = store.StoryRecord{ID: id, Thread: fmt.Sprintf("t%d", i/3), Label: "label",
				FirstSeen: day.Add(time.Duration(i) * time.Minute), LastSeen: day.Add(time.Duration(i+60) * time.Minute),
				Outlets: []string{"Outlet A", "Outlet B"}, Articles: arts}
		}
		b.StartTimer()
		if err := db.PutStories(ctx, recs, redirects); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N*stories)/b.Elapsed().Seconds(), "stories/s")
}
