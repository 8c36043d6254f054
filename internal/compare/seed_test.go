package compare_test

import (
	"context"
	"github.com/storydesk/storydesk/internal/seedtest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/storydesk/storydesk/internal/annotate"
	"github.com/storydesk/storydesk/internal/compare"
	"github.com/storydesk/storydesk/internal/eval"
	"github.com/storydesk/storydesk/internal/model"
	"github.com/storydesk/storydesk/internal/pipeline"
)

// seedStory reads testdata/seeds as the pipeline does, keeps the top-level
// articles and annotates them with entities resolved across articles.
func seedStory(t testing.TB) ([]model.Article, []model.Annotations) {
	root := seedtest.Root(t)
	p := pipeline.New(pipeline.DefaultOptions())
	var arts []model.Article
	for a, err := range p.Read(context.Background(), []string{filepath.Join(root, "testdata", "seeds")}) {
		if err != nil {
			t.Fatal(err)
		}
		if a.EmbeddedIn == "" {
			arts = append(arts, a)
		}
	}
	return arts, annotateAll(arts, time.Date(2025, 8, 14, 0, 0, 0, 0, time.UTC))
}

func annotateAll(arts []model.Article, fallback time.Time) []model.Annotations {
	chain := annotate.Default(annotate.DefaultOptions())
	anns := make([]model.Annotations, len(arts))
	for i, a := range arts {
		ref := fallback
		if !a.Published.IsZero() {
			ref = a.Published.Time
		}
		anns[i] = annotate.Run(chain, a, ref)
	}
	annotate.Resolve(anns)
	return anns
}

// TestSeeds scores the comparison of the seed story against the gold and
// fails when a figure drops below what the method reached, minus a margin.
func TestSeeds(t *testing.T) {
	goldPath := filepath.Join(seedtest.Root(t), "..", "shared", "gold", "seeds.json")
	if _, err := os.Stat(goldPath); err != nil {
		t.Skip("no gold file:", err)
	}
	gold, err := eval.LoadBriefGold(goldPath)
	if err != nil {
		t.Fatal(err)
	}
	arts, anns := seedStory(t)
	res := compare.Compare(arts, anns, compare.DefaultOptions())
	r := eval.Brief(gold, arts, res)
	var sb strings.Builder
	r.Print(&sb)
	t.Log("\n" + sb.String())
	if os.Getenv("COMPARE_DUMP") != "" {
		dump(t, res)
		for _, w := range r.Wrong {
			t.Logf("WRONG %s", w)
		}
	}
	floor := []struct {
		name     string
		got, min float64
	}{
		{"fact recall exact", frac(r.FactsExact, r.GoldFacts), minExact},
		{"fact recall any", frac(r.FactsAny, r.GoldFacts), minAny},
		{"multi-source precision", frac(r.MultiCorrect, r.MultiJudged), minMultiPrecision},
		{"conflicts found", frac(r.ConflictsFound, r.GoldConflicts), minConflicts},
		{"unique recall", frac(r.UniqueFound, r.GoldUnique), minUnique},
	}
	for _, f := range floor {
		if f.got < f.min {
			t.Errorf("%s = %.2f, want ≥ %.2f", f.name, f.got, f.min)
		}
	}
	if r.FalseConflicts > maxFalseConflicts {
		t.Errorf("false conflicts = %d, want ≤ %d", r.FalseConflicts, maxFalseConflicts)
	}
}

func frac(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

func dump(t *testing.T, res compare.Result) {
	for _, f := range res.Facts {
		if len(f.Sources) > 1 {
			t.Logf("FACT %v %q", f.Sources, f.Text)
			for _, s := range f.Support {
				t.Logf("   %s: %s", s.Article[:6], s.Text)
			}
		}
	}
	for _, c := range res.Conflicts {
		t.Logf("CONFLICT %s %s %+v", c.Kind, c.Topic, c.Sides)
	}
	for _, q := range res.Quotes {
		t.Logf("QUOTE %s %q %v %+v", q.Speaker, q.Text, q.Articles, q.Variants)
	}
	for _, u := range res.Unique {
		for _, f := range u.Facts {
			t.Logf("UNIQUE %s %s", u.Article[:6], f)
		}
	}
}
