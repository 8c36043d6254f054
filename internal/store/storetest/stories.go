package storetest

import (
	"context"
	"errors"
	"fmt"
	"math"
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/storydesk/storydesk/internal/model"
	"github.com/storydesk/storydesk/internal/store"
)

func testAnnotations(t *testing.T, s store.Store) {
	ctx := context.Background()
	mustPut(t, s, article("a"), article("b"))
	v := 3.5
	full := model.Annotations{
		ArticleID: "a", Source: "testdata/a.txt",
		Sentences: []model.Sentence{{Span: model.Span{Start: 0, End: 12}}, {Span: model.Span{Start: 13, End: 40}}},
		Entities: []model.Entity{{ID: "e1", Name: "Olena Kovalenko", Type: model.Person,
			Aliases:  []model.Alias{{Text: "Kovalenko", Count: 2}, {Text: "Olena Kovalenko", Count: 1}},
			Mentions: []model.Mention{{Span: model.Span{Start: 0, End: 15}, Text: "Olena Kovalenko", Form: "name"}}}},
		Quotes: []model.Quote{{Span: model.Span{Start: 20, End: 35}, Text: "we will rebuild — “together”", Speaker: "Olena Kovalenko",
			SpeakerStart: 0, SpeakerEnd: 15, SpeakerID: "e1", Cue: "said"}},
		Times:      []model.TimeExpr{{Span: model.Span{Start: 3, End: 9}, Text: "Monday", Type: "DATE", Value: "2024-03-11", Mod: "APPROX"}},
		Quantities: []model.Quantity{{Text: "3.5 km", Value: &v, Unit: "km", Of: "road", Precision: "approximate"}, {Text: "dozens", Precision: "vague"}},
	}
	if err := s.PutAnnotations(ctx, full); err != nil {
		t.Fatalf("PutAnnotations: %v", err)
	}
	got, err := s.Annotations(ctx, "a")
	if err != nil || !reflect.DeepEqual(got, full) {
		t.Fatalf("Annotations(a) = %+v, %v\nwant %+v", got, err, full)
	}
	replaced := model.Annotations{ArticleID: "a", Sentences: []model.Sentence{{Span: model.Span{End: 5}}}}
	if err := s.PutAnnotations(ctx, replaced); err != nil {
		t.Fatalf("PutAnnotations again: %v", err)
	}
	if got, err := s.Annotations(ctx, "a"); err != nil || !reflect.DeepEqual(got, replaced) {
		t.Errorf("Annotations(a) after a second put = %+v, %v; want the replacement %+v", got, err, replaced)
	}
	nan := math.NaN()
	bad := []struct {
		name string
		a    model.Annotations
		want error
	}{
		{"empty id", model.Annotations{}, store.ErrInvalid},
		{"NaN quantity", model.Annotations{ArticleID: "a", Quantities: []model.Quantity{{Value: &nan}}}, store.ErrInvalid},
		{"missing article", model.Annotations{ArticleID: "missing"}, store.ErrNotFound},
	}
	for _, tt := range bad {
		if err := s.PutAnnotations(ctx, tt.a); !errors.Is(err, tt.want) {
			t.Errorf("PutAnnotations(%s) = %v; want %v", tt.name, err, tt.want)
		}
	}
	if got, err := s.Annotations(ctx, "a"); err != nil || !reflect.DeepEqual(got, replaced) {
		t.Errorf("a refused put changed the stored annotations: %+v, %v", got, err)
	}
	for _, id := range []string{"b", "missing"} {
		if got, err := s.Annotations(ctx, id); !errors.Is(err, store.ErrNotFound) || got.ArticleID != "" {
			t.Errorf("Annotations(%s) = %+v, %v; want zero and ErrNotFound", id, got, err)
		}
	}
}

// diffStory describes how got differs from want, "" when they agree. Times
// compare by instant and offset.
func diffStory(got, want store.StoryRecord) string {
	for _, p := range []struct {
		name      string
		got, want time.Time
	}{{"FirstSeen", got.FirstSeen, want.FirstSeen}, {"LastSeen", got.LastSeen, want.LastSeen}} {
		_, goff := p.got.Zone()
		_, woff := p.want.Zone()
		if !p.got.Equal(p.want) || goff != woff || p.got.IsZero() != p.want.IsZero() {
			return fmt.Sprintf("%s: got %v, want %v", p.name, p.got, p.want)
		}
	}
	got.FirstSeen, got.LastSeen, want.FirstSeen, want.LastSeen = time.Time{}, time.Time{}, time.Time{}, time.Time{}
	if len(want.Outlets) == 0 {
		want.Outlets = nil
	}
	if len(want.Articles) == 0 {
		want.Articles = nil
	}
	if !reflect.DeepEqual(got, want) {
		return fmt.Sprintf("got  %+v\nwant %+v", got, want)
	}
	return ""
}

func mustPutStories(t *testing.T, s store.Store, ss []store.StoryRecord, redirects map[string]string) {
	t.Helper()
	if err := s.PutStories(context.Background(), ss, redirects); err != nil {
		t.Fatalf("PutStories: %v", err)
	}
}

func storyIDs(ss []store.StoryRecord) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = s.ID
	}
	return out
}

// wantStory checks that Story(id) resolves to want.
func wantStory(t *testing.T, s store.Store, id string, want store.StoryRecord) {
	t.Helper()
	got, err := s.Story(context.Background(), id)
	if err != nil {
		t.Fatalf("Story(%s): %v", id, err)
	}
	if d := diffStory(got, want); d != "" {
		t.Errorf("Story(%s):\n%s", id, d)
	}
}

func wantNoStory(t *testing.T, s store.Store, id string) {
	t.Helper()
	if got, err := s.Story(context.Background(), id); !errors.Is(err, store.ErrNotFound) || got.ID != "" {
		t.Errorf("Story(%s) = %+v, %v; want zero and ErrNotFound", id, got, err)
	}
}

func testStoriesRoundTrip(t *testing.T, s store.Store) {
	ctx := context.Background()
	mustPut(t, s, article("a1"), article("a2"), article("a3"), article("a4"))
	lagos := time.FixedZone("", 3600)
	stories := []store.StoryRecord{
		{ID: "s1", Thread: "t1", Label: "Flood closes “the” bridge — day 2",
			FirstSeen: time.Date(2024, 3, 11, 8, 0, 0, 123456789, lagos), LastSeen: time.Date(2024, 3, 12, 9, 30, 0, 0, time.UTC),
			Outlets: []string{"Outlet B", "Outlet A"}, Articles: []string{"a3", "a1"}},
		{ID: "s2", Articles: []string{"a2"}, Outlets: []string{}},
		{ID: "empty"},
	}
	mustPutStories(t, s, stories, nil)
	for _, want := range stories {
		wantStory(t, s, want.ID, want)
	}
	for art, want := range map[string]store.StoryRecord{"a1": stories[0], "a3": stories[0], "a2": stories[1]} {
		got, err := s.StoryOf(ctx, art)
		if err != nil {
			t.Fatalf("StoryOf(%s): %v", art, err)
		}
		if d := diffStory(got, want); d != "" {
			t.Errorf("StoryOf(%s):\n%s", art, d)
		}
	}
	for _, art := range []string{"a4", "missing"} {
		if got, err := s.StoryOf(ctx, art); !errors.Is(err, store.ErrNotFound) || got.ID != "" {
			t.Errorf("StoryOf(%s) = %+v, %v; want zero and ErrNotFound", art, got, err)
		}
	}
	wantNoStory(t, s, "missing")
	listed, err := s.ListStories(ctx, store.StoryListOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(listed) != len(stories) {
		t.Fatalf("ListStories = %v; want 3 stories", storyIDs(listed))
	}
	for _, got := range listed {
		i := slices.IndexFunc(stories, func(w store.StoryRecord) bool { return w.ID == got.ID })
		if i < 0 {
			t.Fatalf("ListStories lists unknown story %s", got.ID)
		}
		if d := diffStory(got, stories[i]); d != "" {
			t.Errorf("ListStories entry %s:\n%s", got.ID, d)
		}
	}
}

func testStoriesReplace(t *testing.T, s store.Store) {
	ctx := context.Background()
	mustPut(t, s, article("a1"), article("a2"), article("a3"))
	mustPutStories(t, s, []store.StoryRecord{{ID: "s1", Articles: []string{"a1", "a2"}}, {ID: "s2", Articles: []string{"a3"}}}, nil)
	current := []store.StoryRecord{{ID: "s2", Label: "now", Articles: []string{"a1"}}, {ID: "s3", Articles: []string{"a3", "a2"}}}
	mustPutStories(t, s, current, nil)
	wantNoStory(t, s, "s1")
	wantStory(t, s, "s2", current[0])
	wantStory(t, s, "s3", current[1])
	if got, err := s.StoryOf(ctx, "a2"); err != nil || got.ID != "s3" {
		t.Errorf("StoryOf(a2) after the replacement = %+v, %v; want s3", got, err)
	}
	jan := time.Date(2024, 1, 2, 0, 0, 0, 0, time.UTC)
	bad := []struct {
		name      string
		stories   []store.StoryRecord
		redirects map[string]string
		want      error
	}{
		{"empty story id", []store.StoryRecord{{ID: "x"}, {ID: ""}}, nil, store.ErrInvalid},
		{"repeated story id", []store.StoryRecord{{ID: "x"}, {ID: "x"}}, nil, store.ErrInvalid},
		{"empty article id", []store.StoryRecord{{ID: "x", Articles: []string{"a1", ""}}}, nil, store.ErrInvalid},
		{"article in two stories", []store.StoryRecord{{ID: "x", Articles: []string{"a1"}}, {ID: "y", Articles: []string{"a1"}}}, nil, store.ErrInvalid},
		{"article twice in a story", []store.StoryRecord{{ID: "x", Articles: []string{"a1", "a1"}}}, nil, store.ErrInvalid},
		{"last seen before first seen", []store.StoryRecord{{ID: "x", FirstSeen: jan, LastSeen: jan.Add(-time.Second)}}, nil, store.ErrInvalid},
		{"missing article", []store.StoryRecord{{ID: "x", Articles: []string{"a1"}}, {ID: "y", Articles: []string{"missing"}}}, nil, store.ErrNotFound},
		{"redirect from a stored story", []store.StoryRecord{{ID: "x"}, {ID: "y"}}, map[string]string{"x": "y"}, store.ErrInvalid},
		{"redirect to no story", []store.StoryRecord{{ID: "x"}}, map[string]string{"old": "gone"}, store.ErrInvalid},
		{"redirect to an old story", []store.StoryRecord{{ID: "x"}}, map[string]string{"old": "s2"}, store.ErrInvalid},
		{"redirect cycle", []store.StoryRecord{{ID: "x"}}, map[string]string{"p": "q", "q": "p"}, store.ErrInvalid},
		{"redirect to itself", []store.StoryRecord{{ID: "x"}}, map[string]string{"p": "p"}, store.ErrInvalid},
		{"redirect to empty", []store.StoryRecord{{ID: "x"}}, map[string]string{"p": ""}, store.ErrInvalid},
		{"redirect from empty", []store.StoryRecord{{ID: "x"}}, map[string]string{"": "x"}, store.ErrInvalid},
	}
	for _, tt := range bad {
		t.Run(tt.name, func(t *testing.T) {
			if err := s.PutStories(ctx, tt.stories, tt.redirects); !errors.Is(err, tt.want) {
				t.Fatalf("PutStories = %v; want %v", err, tt.want)
			}
			listed, err := s.ListStories(ctx, store.StoryListOptions{})
			if err != nil {
				t.Fatal(err)
			}
			if got := storyIDs(listed); !reflect.DeepEqual(got, []string{"s2", "s3"}) {
				t.Errorf("after a refused PutStories, stories are %v; want [s2 s3] unchanged", got)
			}
			wantStory(t, s, "s3", current[1])
			for _, id := range []string{"x", "old", "p"} {
				wantNoStory(t, s, id)
			}
		})
	}
	mustPutStories(t, s, nil, nil)
	if listed, err := s.ListStories(ctx, store.StoryListOptions{}); err != nil || len(listed) != 0 {
		t.Errorf("ListStories after PutStories(nil) = %v, %v; want none", storyIDs(listed), err)
	}
	if _, err := s.StoryOf(ctx, "a1"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("StoryOf(a1) after PutStories(nil) = %v; want ErrNotFound", err)
	}
}

func testStoryRedirects(t *testing.T, s store.Store) {
	ctx := context.Background()
	mustPut(t, s, article("a1"), article("a2"), article("a3"))
	story := func(id string, arts ...string) store.StoryRecord { return store.StoryRecord{ID: id, Articles: arts} }
	mustPutStories(t, s, []store.StoryRecord{story("s1", "a1"), story("s2", "a2"), story("s3", "a3")}, nil)

	// s2 merges into s1.
	mustPutStories(t, s, []store.StoryRecord{story("s1", "a1", "a2"), story("s3", "a3")}, map[string]string{"s2": "s1"})
	wantStory(t, s, "s2", story("s1", "a1", "a2"))
	if listed, err := s.ListStories(ctx, store.StoryListOptions{}); err != nil || !reflect.DeepEqual(storyIDs(listed), []string{"s1", "s3"}) {
		t.Errorf("ListStories = %v, %v; want [s1 s3] (a merged id is not listed)", storyIDs(listed), err)
	}

	// s1 merges into s3: s2, merged into s1 earlier, follows.
	all := story("s3", "a1", "a2", "a3")
	mustPutStories(t, s, []store.StoryRecord{all}, map[string]string{"s1": "s3"})
	for _, id := range []string{"s1", "s2", "s3"} {
		wantStory(t, s, id, all)
	}

	// A chain inside one call: s3 → s5 → s4.
	s4 := story("s4", "a1", "a2", "a3")
	mustPutStories(t, s, []store.StoryRecord{s4}, map[string]string{"s3": "s5", "s5": "s4"})
	for _, id := range []string{"s1", "s2", "s3", "s5", "s4"} {
		wantStory(t, s, id, s4)
	}

	// s2 split off again: it is a story of its own, no longer redirected.
	mustPutStories(t, s, []store.StoryRecord{story("s2", "a2"), story("s4", "a1", "a3")}, nil)
	wantStory(t, s, "s2", story("s2", "a2"))
	wantStory(t, s, "s1", story("s4", "a1", "a3"))

	// s4 dropped without a redirect: the ids that led to it lead nowhere.
	mustPutStories(t, s, []store.StoryRecord{story("s2", "a2")}, nil)
	for _, id := range []string{"s1", "s3", "s4", "s5"} {
		wantNoStory(t, s, id)
	}
	wantStory(t, s, "s2", story("s2", "a2"))
}

func testStoryOrder(t *testing.T, s store.Store) {
	ctx := context.Background()
	var arts []model.Article
	for i := range 12 {
		arts = append(arts, article(fmt.Sprintf("a%02d", i)))
	}
	mustPut(t, s, arts...)
	day := func(d int) time.Time { return time.Date(2024, 5, d, 12, 0, 0, 0, time.UTC) }
	// Three articles each, so a page that limited rows, not stories, shows.
	stories := []store.StoryRecord{
		{ID: "old", LastSeen: day(1), Articles: []string{"a00", "a01", "a02"}},
		{ID: "undated", Articles: []string{"a03", "a04", "a05"}},
		{ID: "new-b", LastSeen: day(9), Articles: []string{"a06", "a07", "a08"}},
		// Same instant as new-b in another zone: ties go by id.
		{ID: "new-a", LastSeen: day(9).In(time.FixedZone("", -5*3600)), Articles: []string{"a09", "a10", "a11"}},
		{ID: "mid", FirstSeen: day(2), LastSeen: day(5)},
	}
	mustPutStories(t, s, stories, nil)
	tests := []struct {
		opts store.StoryListOptions
		want []string
	}{
		{store.StoryListOptions{}, []string{"new-a", "new-b", "mid", "old", "undated"}},
		{store.StoryListOptions{Limit: 2}, []string{"new-a", "new-b"}},
		{store.StoryListOptions{Limit: 2, Offset: 2}, []string{"mid", "old"}},
		{store.StoryListOptions{Offset: 4}, []string{"undated"}},
		{store.StoryListOptions{Offset: 9}, []string{}},
		{store.StoryListOptions{Since: day(5)}, []string{"new-a", "new-b", "mid"}},
		{store.StoryListOptions{Since: day(5).Add(time.Microsecond)}, []string{"new-a", "new-b"}},
		{store.StoryListOptions{Since: day(10)}, []string{}},
	}
	for _, tt := range tests {
		got, err := s.ListStories(ctx, tt.opts)
		if err != nil {
			t.Fatalf("ListStories(%+v): %v", tt.opts, err)
		}
		if ids := storyIDs(got); !reflect.DeepEqual(ids, tt.want) {
			t.Errorf("ListStories(%+v) = %v; want %v", tt.opts, ids, tt.want)
		}
		for _, g := range got {
			i := slices.IndexFunc(stories, func(w store.StoryRecord) bool { return w.ID == g.ID })
			if d := diffStory(g, stories[i]); d != "" {
				t.Errorf("ListStories(%+v) entry %s:\n%s", tt.opts, g.ID, d)
			}
		}
	}
}
