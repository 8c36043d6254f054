package compare_test

import (
	"strings"
	"testing"
	"time"

	"github.com/storydesk/storydesk/internal/compare"
	"github.com/storydesk/storydesk/internal/model"
)

// story builds a story from one text per outlet and annotates it.
func story(texts ...string) ([]model.Article, []model.Annotations) {
	var arts []model.Article
	for i, t := range texts {
		id := string(rune('a'+i)) + "-article"
		arts = append(arts, model.Article{ID: id, Source: id + ".txt", Outlet: "Outlet " + string(rune('A'+i)), Text: t})
	}
	return arts, annotateAll(arts, time.Date(2024, 3, 12, 0, 0, 0, 0, time.UTC))
}

// Cases written from other news (a quake, a strike, a trade meeting), not
// from the seed story.
func TestCompare(t *testing.T) {
	tests := []struct {
		name  string
		texts []string
		check func(t *testing.T, r compare.Result)
	}{
		{
			name: "paraphrased fact aligns across outlets",
			texts: []string{
				"A magnitude 6.1 earthquake struck off the coast of northern Chile on Tuesday, the national seismology centre said.\n\nNo damage was reported in the port city of Iquique.",
				"Chile's seismology centre said a 6.1 magnitude quake struck off the northern coast on Tuesday.\n\nSchools in Arica were evacuated as a precaution, local radio reported.",
			},
			check: func(t *testing.T, r compare.Result) {
				f := findFact(r, "6.1")
				if f == nil || len(f.Sources) != 2 {
					t.Fatalf("quake fact: got %+v, want two sources", f)
				}
				if len(r.Conflicts) != 0 {
					t.Errorf("conflicts: got %+v, want none", r.Conflicts)
				}
				if !uniqueHas(r, "b-article", "Arica") || !uniqueHas(r, "a-article", "Iquique") {
					t.Errorf("unique: got %+v, want Arica for b and Iquique for a", r.Unique)
				}
				if len(r.Coverage.Cells) != 2 || len(r.Coverage.Cells[0]) != len(r.Facts) {
					t.Errorf("coverage: got %d×%d, want 2×%d", len(r.Coverage.Cells), len(r.Coverage.Cells[0]), len(r.Facts))
				}
				if len(r.Points) == 0 || len(r.Points[0].Sources) != 2 {
					t.Errorf("points: got %+v, want the two-source fact first", r.Points)
				}
				dated := false
				for _, row := range r.Timeline {
					dated = dated || strings.HasPrefix(row.When, "2024-03-12") && strings.Contains(row.Text, "6.1")
				}
				if !dated {
					t.Errorf("timeline: got %+v, want the quake on 2024-03-12", r.Timeline)
				}
			},
		},
		{
			name: "different meal in the same frame is a contradiction",
			texts: []string{
				"Union leaders said the negotiators will meet again on Friday and continue talks over a working dinner at the ministry.",
				"The negotiators will meet again on Friday and continue the talks over a working breakfast, union leaders said.",
			},
			check: func(t *testing.T, r compare.Result) {
				if len(r.Conflicts) != 1 || r.Conflicts[0].Kind != compare.Contradiction {
					t.Fatalf("got %+v, want one contradiction", r.Conflicts)
				}
				sides := r.Conflicts[0].Sides[0].Text + "|" + r.Conflicts[0].Sides[1].Text
				if !strings.Contains(sides, "dinner") || !strings.Contains(sides, "breakfast") {
					t.Errorf("sides %q, want dinner and breakfast", sides)
				}
			},
		},
		{
			name: "quote wording variant gets a diff",
			texts: []string{
				"Trade minister Anna Berg said the meeting in Oslo had been “extremely productive” for both sides.",
				"Anna Berg, the trade minister, told reporters in Oslo the meeting had been “productive” for both sides.",
			},
			check: func(t *testing.T, r compare.Result) {
				if len(r.Quotes) != 1 || len(r.Quotes[0].Variants) != 1 {
					t.Fatalf("quotes: got %+v, want one group with one variant", r.Quotes)
				}
				if d := r.Quotes[0].Variants[0].Diff; d != "[-extremely] productive" {
					t.Errorf("diff: got %q, want %q", d, "[-extremely] productive")
				}
				if len(r.Conflicts) != 1 || r.Conflicts[0].Kind != compare.Variant {
					t.Errorf("conflicts: got %+v, want one variant", r.Conflicts)
				}
			},
		},
		{
			name: "a rounder number is not a contradiction",
			texts: []string{
				"About 300 workers walked out at the Leeds plant on Monday over pay, the union said.",
				"Some 312 workers walked out at the Leeds plant on Monday in a dispute over pay, the union said.",
			},
			check: func(t *testing.T, r compare.Result) {
				if len(r.Conflicts) != 0 {
					t.Errorf("conflicts: got %+v, want none", r.Conflicts)
				}
				if f := findFact(r, "walked out"); f == nil || len(f.Sources) != 2 {
					t.Errorf("walkout fact: got %+v, want two sources", f)
				}
			},
		},
		{
			name:  "empty story",
			texts: nil,
			check: func(t *testing.T, r compare.Result) {
				if len(r.Facts)+len(r.Conflicts)+len(r.Quotes)+len(r.Points) != 0 {
					t.Errorf("got %+v, want empty", r)
				}
			},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			arts, anns := story(tc.texts...)
			tc.check(t, compare.Compare(arts, anns, compare.DefaultOptions()))
		})
	}
}

func findFact(r compare.Result, substr string) *model.Fact {
	for i := range r.Facts {
		for _, s := range r.Facts[i].Support {
			if strings.Contains(s.Text, substr) {
				return &r.Facts[i]
			}
		}
	}
	return nil
}

func uniqueHas(r compare.Result, id, substr string) bool {
	for _, u := range r.Unique {
		if u.Article != id {
			continue
		}
		for _, f := range u.Facts {
			if strings.Contains(f, substr) {
				return true
			}
		}
	}
	return false
}

func FuzzCompare(f *testing.F) {
	f.Add("The talks will continue over a working dinner, he said.", "Talks will continue over a “working lunch”, she said.")
	f.Add("", "“")
	f.Fuzz(func(t *testing.T, a, b string) {
		arts, anns := story(a, b)
		r := compare.Compare(arts, anns, compare.DefaultOptions())
		for _, fact := range r.Facts {
			if len(fact.Sources) == 0 || len(fact.Sources) != len(fact.Support) {
				t.Fatalf("fact %+v: sources and support disagree", fact)
			}
		}
	})
}

// BenchmarkCompare runs Compare on a 50-article story (the seed articles
// repeated under new ids) with annotations already made.
func BenchmarkCompare(b *testing.B) {
	seeds, seedAnns := seedStory(b)
	var arts []model.Article
	var anns []model.Annotations
	for i := 0; len(arts) < 50; i++ {
		a, n := seeds[i%len(seeds)], seedAnns[i%len(seeds)]
		a.ID = a.ID + "-" + string(rune('a'+i))
		n.ArticleID = a.ID
		arts, anns = append(arts, a), append(anns, n)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		compare.Compare(arts, anns, compare.DefaultOptions())
	}
	b.ReportMetric(float64(b.N*len(arts))/b.Elapsed().Seconds(), "articles/s")
}

// BenchmarkCompareSeeds runs Compare on the five-article seed story.
func BenchmarkCompareSeeds(b *testing.B) {
	arts, anns := seedStory(b)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		compare.Compare(arts, anns, compare.DefaultOptions())
	}
	b.ReportMetric(float64(b.N*len(arts))/b.Elapsed().Seconds(), "articles/s")
}
