package dedup

import (
	"reflect"
	"strings"
	"testing"
)

func TestSynthesize(t *testing.T) {
	opts := SynthOptions{Articles: 3000, Seed: 7, Topics: 300}
	arts := Synthesize(opts)
	if again := Synthesize(opts); !reflect.DeepEqual(arts, again) {
		t.Fatal("same seed gave different corpora")
	}
	if other := Synthesize(SynthOptions{Articles: 3000, Seed: 8, Topics: 300}); other[0].Text == arts[0].Text {
		t.Error("different seeds gave the same first article")
	}
	index := make(map[string]int)
	var exact, near, rewrites int
	d := DefaultSynthOptions()
	for i, a := range arts {
		index[a.ID] = i
		n := len(strings.Fields(a.Text))
		if a.RewriteOf != "" {
			rewrites++
			src := arts[index[a.RewriteOf]]
			if sim := Similarity(Signature(a.Text, Options{}), Signature(src.Text, Options{})); sim < 0.15 || sim >= 0.8 {
				t.Errorf("%s rewrites %s with similarity %.2f, want 0.15-0.8", a.ID, src.ID, sim)
			}
		}
		if a.Original == "" {
			if a.RewriteOf == "" && (n < d.MinWords || n > d.MaxWords+40) {
				t.Errorf("%s: original of %d words, want %d-%d", a.ID, n, d.MinWords, d.MaxWords)
			}
			continue
		}
		o, ok := index[a.Original]
		if !ok || arts[o].Original != "" {
			t.Fatalf("%s copies %q, which is not an earlier original", a.ID, a.Original)
		}
		from, ok := index[a.From]
		if !ok || arts[from].Original != a.Original && arts[from].ID != a.Original {
			t.Fatalf("%s copied from %q, which is not an earlier copy of %s", a.ID, a.From, a.Original)
		}
		same := Signature(a.Text, Options{}).Exact == Signature(arts[from].Text, Options{}).Exact
		isExact := a.Edits == "exact" || a.Edits == "quotes" || a.Edits == "spacing"
		switch {
		case isExact && !same:
			t.Errorf("%s (%s): not the same words as %s", a.ID, a.Edits, a.From)
		case isExact:
			exact++
		default:
			near++
		}
	}
	// 10%, 15% and 5% of 3000, loosely.
	if exact < 200 || exact > 400 || near < 330 || near > 570 || rewrites < 90 || rewrites > 220 {
		t.Errorf("%d exact copies, %d near copies and %d rewrites of 3000, want about 300, 450 and 150", exact, near, rewrites)
	}
}

func TestSynthScore(t *testing.T) {
	arts := []SynthArticle{{ID: "a"}, {ID: "b", Original: "a"}, {ID: "c"}, {ID: "d", Original: "c"}}
	tests := []struct {
		name         string
		found        []string
		wantP, wantR float64
	}{
		{"perfect", []string{"", "a", "", "c"}, 1, 1},
		{"one missed", []string{"", "a", "", ""}, 1, 0.5},
		{"one false", []string{"", "a", "a", "c"}, 2.0 / 3, 1},
		{"wrong original", []string{"", "a", "", "b"}, 0.5, 0.5},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			matches := make([]Match, len(tc.found))
			for i, f := range tc.found {
				matches[i].Original = f
			}
			p, r := SynthScore(arts, matches)
			if p != tc.wantP || r != tc.wantR {
				t.Errorf("SynthScore = %v, %v; want %v, %v", p, r, tc.wantP, tc.wantR)
			}
		})
	}
}

// TestSynthRecallPrecision runs the index over a small synthetic corpus;
// the benchmark does the same at 100,000 articles.
func TestSynthRecallPrecision(t *testing.T) {
	arts := Synthesize(SynthOptions{Articles: 5000, Seed: 3, Topics: 300})
	docs := make([]Doc, len(arts))
	for i, a := range arts {
		docs[i] = Doc{a.ID, a.Text}
	}
	p, r := SynthScore(arts, New(DefaultOptions()).AddBatch(docs))
	if p < 0.99 || r < 0.95 {
		t.Errorf("precision %.4f, recall %.4f; want at least 0.99 and 0.95", p, r)
	}
}
