// Package storetest is the conformance suite every store backend runs:
// round trips of every field, idempotent and all-or-nothing writes, links,
// list filters and order, search, annotations, stories and their redirects,
// not-found errors, concurrent writers and cancellation. A backend's test
// calls Run with a function that opens a fresh, empty store.
package storetest

import (
	"context"
	"errors"
	"fmt"
	"math"
	"reflect"
	"testing"
	"time"

	"github.com/storydesk/storydesk/internal/model"
	"github.com/storydesk/storydesk/internal/store"
)

// Run runs every conformance test, each on a fresh store from open. open
// should arrange (t.Cleanup) for the store to be closed.
func Run(t *testing.T, open func(t *testing.T) store.Store) {
	tests := []struct {
		name string
		fn   func(t *testing.T, s store.Store)
	}{
		{"RoundTrip", testRoundTrip},
		{"IdempotentPut", testIdempotentPut},
		{"BatchAllOrNothing", testBatchAllOrNothing},
		{"Links", testLinks},
		{"ListFilterAndOrder", testList},
		{"Search", testSearch},
		{"SearchOddQueries", testSearchOddQueries},
		{"NotFound", testNotFound},
		{"Validators", testValidators},
		{"Signatures", testSignatures},
		{"Annotations", testAnnotations},
		{"StoriesRoundTrip", testStoriesRoundTrip},
		{"StoriesReplace", testStoriesReplace},
		{"StoryRedirects", testStoryRedirects},
		{"StoryOrder", testStoryOrder},
		{"ConcurrentWriters", testConcurrentWriters},
		{"Cancel", testCancel},
		{"JobLifecycle", testJobLifecycle},
		{"JobInvalid", testJobInvalid},
		{"JobClaimExclusive", testJobClaimExclusive},
		{"JobLease", testJobLease},
		{"JobRetries", testJobRetries},
		{"JobKeys", testJobKeys},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { tt.fn(t, open(t)) })
	}
}

// article returns a small article with every string field set from id.
func article(id string) model.Article {
	return model.Article{
		ID:     id,
		Source: "testdata/" + id + ".txt",
		Title:  "Title of " + id,
		Outlet: "Outlet",
		Text:   "Body of article " + id + ".",
	}
}

// diffArticle describes how got differs from want, "" when they agree.
// Published compares by instant, offset and DateOnly, not by *Location.
func diffArticle(got, want model.Article) string {
	gp, wp := got.Published, want.Published
	_, goff := gp.Zone()
	_, woff := wp.Zone()
	if !gp.Equal(wp.Time) || goff != woff || gp.DateOnly != wp.DateOnly || gp.IsZero() != wp.IsZero() {
		return fmt.Sprintf("Published: got %v (offset %d, date only %v), want %v (offset %d, date only %v)",
			gp.Time, goff, gp.DateOnly, wp.Time, woff, wp.DateOnly)
	}
	got.Published, want.Published = model.Time{}, model.Time{}
	if len(want.Authors) == 0 {
		want.Authors = nil
	}
	if len(want.Captions) == 0 {
		want.Captions = nil
	}
	if !reflect.DeepEqual(got, want) {
		return fmt.Sprintf("got  %+v\nwant %+v", got, want)
	}
	return ""
}

func mustPut(t *testing.T, s store.Store, as ...model.Article) {
	t.Helper()
	if _, err := s.PutArticles(context.Background(), as); err != nil {
		t.Fatalf("PutArticles: %v", err)
	}
}

func ids(as []model.Article) []string {
	out := make([]string, len(as))
	for i, a := range as {
		out[i] = a.ID
	}
	return out
}

func testRoundTrip(t *testing.T, s store.Store) {
	ctx := context.Background()
	kyiv := time.FixedZone("", 3*3600)
	full := model.Article{
		ID: "full", Source: "https://example.com/a", URL: "https://example.com/a?utm=x",
		Outlet: "Agence France-Presse", Title: "Zelensky meets Starmer — “working breakfast”",
		Byline: "By A. Writer and B. Writer", Authors: []string{"A. Writer", "B. Writer"},
		Published: model.At(time.Date(2025, 8, 14, 11, 30, 15, 123456789, kyiv)),
		Language:  "en", Text: "First paragraph.\n\nSecond — with ünïcödé, emoji 🇺🇦 and \"quotes\".",
		Captions: []string{"Photo: a caption", ""},
	}
	tests := []struct {
		name string
		in   []model.Article // stored together; the last is checked
	}{
		{"every field", []model.Article{full}},
		{"date only", []model.Article{{ID: "d", Text: "x", Published: model.Date(2025, 8, 14)}}},
		{"no date and empty lists", []model.Article{{ID: "z", Text: "", Authors: []string{}, Captions: nil}}},
		{"utc time", []model.Article{{ID: "u", Text: "x", Published: model.At(time.Date(2025, 8, 15, 19, 0, 0, 0, time.UTC))}}},
		{"links", []model.Article{
			{ID: "page", Text: "page"},
			{ID: "orig", Text: "orig"},
			{ID: "linked", Text: "copy", EmbeddedIn: "page", DuplicateOf: "orig", Similarity: 0.8734567891234},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			mustPut(t, s, tt.in...)
			want := tt.in[len(tt.in)-1]
			got, err := s.Article(ctx, want.ID)
			if err != nil {
				t.Fatalf("Article(%q): %v", want.ID, err)
			}
			if d := diffArticle(got, want); d != "" {
				t.Errorf("Article(%q) after PutArticles:\n%s", want.ID, d)
			}
			listed, err := s.ListArticles(ctx, store.ListOptions{})
			if err != nil {
				t.Fatal(err)
			}
			for _, a := range listed {
				if a.ID == want.ID {
					if d := diffArticle(a, want); d != "" {
						t.Errorf("ListArticles entry %q:\n%s", want.ID, d)
					}
				}
			}
		})
	}
}

func testIdempotentPut(t *testing.T, s store.Store) {
	ctx := context.Background()
	a := article("a")
	if created, err := s.PutArticle(ctx, a); err != nil || !created {
		t.Fatalf("first PutArticle = %v, %v; want true, nil", created, err)
	}
	changed := a
	changed.Title = "another title"
	for i, b := range []model.Article{a, changed} {
		if created, err := s.PutArticle(ctx, b); err != nil || created {
			t.Fatalf("PutArticle #%d of the same id = %v, %v; want false, nil", i+2, created, err)
		}
	}
	got, err := s.Article(ctx, "a")
	if err != nil {
		t.Fatal(err)
	}
	if d := diffArticle(got, a); d != "" {
		t.Errorf("a second put changed the stored article (first write must win):\n%s", d)
	}
	batch := []model.Article{article("a"), article("b"), article("b"), article("c")}
	if n, err := s.PutArticles(ctx, batch); err != nil || n != 2 {
		t.Errorf("PutArticles(a,b,b,c) with a stored = %d, %v; want 2 created", n, err)
	}
	if n, err := s.PutArticles(ctx, batch); err != nil || n != 0 {
		t.Errorf("PutArticles of the same batch again = %d, %v; want 0", n, err)
	}
	if n, err := s.CountArticles(ctx, store.ListOptions{}); err != nil || n != 3 {
		t.Errorf("CountArticles = %d, %v; want 3", n, err)
	}
	if n, err := s.PutArticles(ctx, nil); err != nil || n != 0 {
		t.Errorf("PutArticles(nil) = %d, %v; want 0, nil", n, err)
	}
}

func testBatchAllOrNothing(t *testing.T, s store.Store) {
	ctx := context.Background()
	kept := article("kept")
	mustPut(t, s, kept)
	bad := func(mut func(*model.Article)) model.Article {
		a := article("bad")
		mut(&a)
		return a
	}
	tests := []struct {
		name string
		bad  model.Article
	}{
		{"empty id", bad(func(a *model.Article) { a.ID = "" })},
		{"duplicate of missing", bad(func(a *model.Article) { a.DuplicateOf = "missing" })},
		{"embedded in missing", bad(func(a *model.Article) { a.EmbeddedIn = "missing" })},
		{"duplicate of itself", bad(func(a *model.Article) { a.DuplicateOf = "bad" })},
		{"embedded in itself", bad(func(a *model.Article) { a.EmbeddedIn = "bad" })},
		{"similarity NaN", bad(func(a *model.Article) { a.Similarity = math.NaN() })},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			batch := []model.Article{article("new1"), tt.bad, article("new2")}
			n, err := s.PutArticles(ctx, batch)
			if !errors.Is(err, store.ErrInvalid) {
				t.Fatalf("PutArticles with %s = %d, %v; want ErrInvalid", tt.name, n, err)
			}
			if _, err := s.PutArticle(ctx, tt.bad); !errors.Is(err, store.ErrInvalid) {
				t.Errorf("PutArticle(%s) = %v; want ErrInvalid", tt.name, err)
			}
			for _, id := range []string{"new1", "new2", "bad"} {
				if _, err := s.Article(ctx, id); !errors.Is(err, store.ErrNotFound) {
					t.Errorf("after the failed batch, Article(%q) err = %v; want ErrNotFound", id, err)
				}
			}
			got, err := s.Article(ctx, "kept")
			if err != nil {
				t.Fatalf("the article stored before the failed batch is gone: %v", err)
			}
			if d := diffArticle(got, kept); d != "" {
				t.Errorf("the failed batch changed a stored article:\n%s", d)
			}
			if n, err := s.CountArticles(ctx, store.ListOptions{}); err != nil || n != 1 {
				t.Errorf("CountArticles = %d, %v; want 1", n, err)
			}
		})
	}
	t.Run("links inside the batch in any order", func(t *testing.T) {
		copyOf := article("copy")
		copyOf.DuplicateOf, copyOf.Similarity, copyOf.EmbeddedIn = "orig", 1, "kept"
		if n, err := s.PutArticles(ctx, []model.Article{copyOf, article("orig")}); err != nil || n != 2 {
			t.Fatalf("PutArticles(copy before its original) = %d, %v; want 2, nil", n, err)
		}
	})
}
