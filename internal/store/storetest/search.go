package storetest

import (
	"context"
	"strings"
	"testing"

	"github.com/storydesk/storydesk/internal/model"
	"github.com/storydesk/storydesk/internal/store"
)

// searchArticles is a small corpus where each query below has one right
// answer, or a right order.
func searchArticles() []model.Article {
	return []model.Article{
		{ID: "title", Outlet: "Metro", Title: "Starmer hosts Zelensky",
			Text: "The prime minister met the Ukrainian president in London before the summit."},
		{ID: "body", Outlet: "AFP", Title: "Leaders meet in London",
			Text: "Keir Starmer welcomed Volodymyr Zelensky to Downing Street for a working breakfast on Thursday."},
		{ID: "lunch", Outlet: "France 24", Title: "Talks in Downing Street",
			Text: "Over a working lunch the two discussed the Trump-Putin summit in Alaska; sanctions were mentioned."},
		{ID: "other", Outlet: "BBC", Title: "Weather",
			Text: "Rain is expected across the south. Résumé of the forecast follows."},
	}
}

func testSearch(t *testing.T, s store.Store) {
	ctx := context.Background()
	mustPut(t, s, searchArticles()...)
	tests := []struct {
		name, query string
		want        []string // ids in rank order; nil: no hits
		snippet     string   // text the first hit's snippet must hold, opening with a marked term
	}{
		{"title match ranks first", "Starmer", []string{"title", "body"}, "Starmer"},
		{"all words required", "Starmer breakfast", []string{"body"}, "breakfast"},
		{"exact phrase", `"working lunch"`, []string{"lunch"}, "working lunch"},
		{"phrase words apart do not match", `"working Thursday"`, nil, ""},
		{"hyphenated token as phrase", "Trump-Putin", []string{"lunch"}, "Trump-Putin"},
		{"or", "breakfast OR lunch", []string{"body", "lunch"}, ""},
		{"prefix", "sanction*", []string{"lunch"}, "sanctions"},
		{"case and diacritics folded", "RESUME", []string{"other"}, "Résumé"},
		{"outlet searched", "afp", []string{"body"}, ""},
		{"no match", "Kamchatka", nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			hits, err := s.Search(ctx, tt.query, 10)
			if err != nil {
				t.Fatalf("Search(%q): %v", tt.query, err)
			}
			var got []string
			for _, h := range hits {
				got = append(got, h.Article.ID)
			}
			if strings.Join(got, ",") != strings.Join(tt.want, ",") {
				t.Fatalf("Search(%q) = %v; want %v", tt.query, got, tt.want)
			}
			for i := 1; i < len(hits); i++ {
				if hits[i].Score > hits[i-1].Score {
					t.Errorf("Search(%q): hit %d scores %g above hit %d's %g", tt.query, i, hits[i].Score, i-1, hits[i-1].Score)
				}
			}
			if tt.snippet != "" && !markedIn(hits[0].Snippet, tt.snippet) {
				t.Errorf("Search(%q) snippet = %q; want it to contain %q with its words in [brackets]", tt.query, hits[0].Snippet, tt.snippet)
			}
		})
	}
	t.Run("summary and limit", func(t *testing.T) {
		hits, err := s.Search(ctx, "Downing", 1)
		if err != nil || len(hits) != 1 {
			t.Fatalf("Search(Downing, 1) = %d hits, %v; want 1", len(hits), err)
		}
		want := map[string]model.Article{}
		for _, a := range searchArticles() {
			want[a.ID] = a
		}
		h := hits[0].Article
		w := want[h.ID]
		if h.Title != w.Title || h.Outlet != w.Outlet || h.Chars != len([]rune(w.Text)) {
			t.Errorf("hit summary = %+v; want title %q, outlet %q, chars %d", h, w.Title, w.Outlet, len([]rune(w.Text)))
		}
	})
}

// testSearchOddQueries feeds what users type by accident or on purpose:
// none may fail.
func testSearchOddQueries(t *testing.T, s store.Store) {
	ctx := context.Background()
	mustPut(t, s, searchArticles()...)
	queries := []string{
		"", " ", `"`, `""`, `"""`, "'", "-", "*", "**", "(", ")", "()", ":", "^", "+", "OR", "AND", "NOT",
		"OR OR", "Starmer OR", "NOT Starmer", "Starmer NOT", "NEAR(Starmer Zelensky)", "title:Starmer",
		"{title}: Starmer", `Starmer"`, `"Starmer`, "Zelensky's", "U.S.", "#ukraine", "@afp", "50%", "$100",
		"Trump–Putin", "Trump—Putin", "\x00", "\xff\xfe", "Зеленський", "中文", "🇺🇦", strings.Repeat("a ", 300),
	}
	for _, q := range queries {
		if _, err := s.Search(ctx, q, 5); err != nil {
			t.Errorf("Search(%q): %v", q, err)
		}
	}
	if hits, err := s.Search(ctx, `"Starmer`, 5); err != nil || len(hits) != 2 {
		t.Errorf(`Search("\"Starmer") = %d hits, %v; want 2`, len(hits), err)
	}
}

// markedIn reports whether snippet holds text once the brackets are taken
// out, with a bracket opening before its first word: "[working lunch]" and
// "[working] [lunch]" both mark "working lunch". A backend may mark a
// matched phrase as one span or word by word.
func markedIn(snippet, text string) bool {
	plain := strings.NewReplacer("[", "", "]", "").Replace(snippet)
	first, _, _ := strings.Cut(text, " ")
	return strings.Contains(plain, text) && strings.Contains(snippet, "["+first)
}
