package storetest

import (
	"context"
	"errors"
	"reflect"
	"testing"
	"time"

	"github.com/storydesk/storydesk/internal/model"
	"github.com/storydesk/storydesk/internal/store"
)

func testLinks(t *testing.T, s store.Store) {
	ctx := context.Background()
	mustPut(t, s, article("orig"), article("c1"), article("c2"))
	for _, id := range []string{"c2", "c1"} {
		if err := s.LinkDuplicate(ctx, id, "orig", 0.9); err != nil {
			t.Fatalf("LinkDuplicate(%s, orig): %v", id, err)
		}
	}
	if got, err := s.DuplicatesOf(ctx, "orig"); err != nil || !reflect.DeepEqual(got, []string{"c1", "c2"}) {
		t.Errorf("DuplicatesOf(orig) = %v, %v; want [c1 c2]", got, err)
	}
	if a, err := s.Article(ctx, "c1"); err != nil || a.DuplicateOf != "orig" || a.Similarity != 0.9 {
		t.Errorf("Article(c1) = %+v, %v; want DuplicateOf orig, Similarity 0.9", a, err)
	}
	if err := s.LinkDuplicate(ctx, "c2", "", 0.5); err != nil {
		t.Fatalf("clearing the link: %v", err)
	}
	if a, err := s.Article(ctx, "c2"); err != nil || a.DuplicateOf != "" || a.Similarity != 0 {
		t.Errorf("after clearing, Article(c2) = %+v, %v; want no link, similarity 0", a, err)
	}
	if got, err := s.DuplicatesOf(ctx, "c1"); err != nil || len(got) != 0 {
		t.Errorf("DuplicatesOf(c1) = %v, %v; want none", got, err)
	}
	errTests := []struct {
		name, id, of string
		want         error
	}{
		{"missing article", "nope", "orig", store.ErrNotFound},
		{"missing original", "c1", "nope", store.ErrNotFound},
		{"itself", "c1", "c1", store.ErrInvalid},
	}
	for _, tt := range errTests {
		t.Run(tt.name, func(t *testing.T) {
			if err := s.LinkDuplicate(ctx, tt.id, tt.of, 1); !errors.Is(err, tt.want) {
				t.Errorf("LinkDuplicate(%q, %q) = %v; want %v", tt.id, tt.of, err, tt.want)
			}
		})
	}
	if a, err := s.Article(ctx, "c1"); err != nil || a.DuplicateOf != "orig" {
		t.Errorf("a failed LinkDuplicate changed c1: %+v, %v", a, err)
	}
}

func testList(t *testing.T, s store.Store) {
	ctx := context.Background()
	day := func(d, h int) model.Time {
		return model.At(time.Date(2025, 8, d, h, 0, 0, 0, time.FixedZone("", -8*3600)))
	}
	mk := func(id, outlet string, pub model.Time) model.Article {
		a := article(id)
		a.Outlet, a.Published = outlet, pub
		return a
	}
	as := []model.Article{
		mk("e", "Metro", day(15, 9)),
		mk("b", "AFP", day(14, 9)),
		mk("a", "AFP", day(14, 9)), // same instant as b: id breaks the tie
		mk("nodate", "AFP", model.Time{}),
		mk("d", "metro", model.Date(2025, 8, 15)), // midnight UTC 15th = 14th 16:00 at -8
		mk("c", "France 24", day(14, 12)),
	}
	as[5].EmbeddedIn = "e"
	as[1].DuplicateOf, as[1].Similarity = "a", 1
	mustPut(t, s, as...)
	since := time.Date(2025, 8, 14, 20, 0, 0, 0, time.UTC) // 14th 12:00 at -8
	until := time.Date(2025, 8, 15, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name string
		opts store.ListOptions
		want []string
	}{
		{"all in order", store.ListOptions{}, []string{"a", "b", "c", "d", "e", "nodate"}},
		{"limit", store.ListOptions{Limit: 2}, []string{"a", "b"}},
		{"offset", store.ListOptions{Offset: 4}, []string{"e", "nodate"}},
		{"limit and offset", store.ListOptions{Limit: 2, Offset: 1}, []string{"b", "c"}},
		{"offset past end", store.ListOptions{Offset: 10}, nil},
		{"outlet any case", store.ListOptions{Outlet: "METRO"}, []string{"d", "e"}},
		{"unknown outlet", store.ListOptions{Outlet: "BBC"}, nil},
		{"since", store.ListOptions{Since: since}, []string{"c", "d", "e"}},
		{"until", store.ListOptions{Until: until}, []string{"a", "b", "c"}},
		{"since and until", store.ListOptions{Since: since, Until: until}, []string{"c"}},
		{"no embedded", store.ListOptions{ExcludeEmbedded: true}, []string{"a", "b", "d", "e", "nodate"}},
		{"no duplicates", store.ListOptions{ExcludeDuplicates: true}, []string{"a", "c", "d", "e", "nodate"}},
		{"everything at once", store.ListOptions{Outlet: "afp", Until: until, ExcludeDuplicates: true, Limit: 5}, []string{"a"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := s.ListArticles(ctx, tt.opts)
			if err != nil {
				t.Fatalf("ListArticles(%+v): %v", tt.opts, err)
			}
			if g := ids(got); !reflect.DeepEqual(g, tt.want) && (len(g) > 0 || len(tt.want) > 0) {
				t.Errorf("ListArticles(%+v) = %v; want %v", tt.opts, g, tt.want)
			}
			count := tt.opts
			count.Limit, count.Offset = 0, 0
			all, err := s.ListArticles(ctx, count)
			if err != nil {
				t.Fatal(err)
			}
			if n, err := s.CountArticles(ctx, tt.opts); err != nil || n != len(all) {
				t.Errorf("CountArticles(%+v) = %d, %v; want %d", tt.opts, n, err, len(all))
			}
		})
	}
	t.Run("no text", func(t *testing.T) {
		got, err := s.ListArticles(ctx, store.ListOptions{NoText: true})
		if err != nil {
			t.Fatal(err)
		}
		want, _ := s.ListArticles(ctx, store.ListOptions{})
		for i := range got {
			if got[i].Text != "" {
				t.Errorf("NoText listing has text for %s", got[i].ID)
			}
			w := want[i]
			w.Text = ""
			if d := diffArticle(got[i], w); d != "" {
				t.Errorf("NoText listing of %s differs beyond the text:\n%s", got[i].ID, d)
			}
		}
		if len(got) != len(want) {
			t.Errorf("NoText listing has %d articles, the full one %d", len(got), len(want))
		}
	})
}
