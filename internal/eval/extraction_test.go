package eval

import (
	"context"
	"errors"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func TestWordTokens(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string
	}{
		{"empty", "", nil},
		{"punctuation", "Hello, world! It's 3.5%", []string{"Hello", "world", "It", "s", "3", "5"}},
		{"underscore kept", "snake_case x", []string{"snake_case", "x"}},
		{"soft hyphen joins", "extra\u00adordinary", []string{"extraordinary"}},
		{"cyrillic and hangul", "Привет мир 안녕", []string{"Привет", "мир", "안녕"}},
		{"combining mark splits", "e\u0301x", []string{"e", "x"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := wordTokens(tt.in); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("wordTokens(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestExtractionScore(t *testing.T) {
	tests := []struct {
		name, gold, pred string
		p, r             float64
		empty, exact     bool
	}{
		{"exact", "a b c d e", "a, b; c d e.", 1, 1, false, true},
		{"empty prediction", "a b c d e", "", 0, 0, true, false},
		{"short texts one shingle", "a b", "a b", 1, 1, false, true},
		{"short texts differ", "a b", "a c", 0, 0, false, false},
		// gold shingles: abcd bcde; pred: abcd bcde cdef → TP 2, FP 1.
		{"extra tail", "a b c d e", "a b c d e f", 2.0 / 3, 1, false, false},
		// gold: abcd bcde cdef; pred: abcd → TP 1, FN 2.
		{"missing tail", "a b c d e f", "a b c d", 1, 1.0 / 3, false, false},
		// shingles are a multiset: pred abcd bcda cdab dabc abcd → TP 1, FP 4.
		{"repetition", "a b c d", "a b c d a b c d", 1.0 / 5, 1, false, false},
		{"disjoint", "a b c d", "w x y z", 0, 0, false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := ExtractionScore(tt.gold, tt.pred)
			if !near(s.Precision, tt.p) || !near(s.Recall, tt.r) || s.Empty != tt.empty || s.Exact != tt.exact {
				t.Errorf("ExtractionScore(%q, %q) = P %.3f R %.3f empty %v exact %v; want P %.3f R %.3f empty %v exact %v",
					tt.gold, tt.pred, s.Precision, s.Recall, s.Empty, s.Exact, tt.p, tt.r, tt.empty, tt.exact)
			}
		})
	}
}

func TestScoreExtraction(t *testing.T) {
	golds := []string{"a b c d e", "a b c d e f", "x y"}
	preds := []string{"a b c d e", "a b c d", ""}
	rep := ScoreExtraction(golds, preds)
	// P over the two non-empty predictions: (1 + 1)/2; R over all: (1 + 1/3 + 0)/3.
	wantP, wantR := 1.0, (1+1.0/3)/3
	if rep.Pages != 3 || rep.Empty != 1 || !near(rep.P, wantP) || !near(rep.R, wantR) ||
		!near(rep.F1, 2*wantP*wantR/(wantP+wantR)) || !near(rep.Accuracy, 1.0/3) {
		t.Errorf("ScoreExtraction = %+v; want Pages 3 Empty 1 P %.3f R %.3f Accuracy 0.333", rep, wantP, wantR)
	}
}

func TestExtractionLoadsAndTimes(t *testing.T) {
	dir := t.TempDir()
	jsonl := `{"id":"p1","file":"html/p1.html","url":"https://example.com/1","body":"one two three four five"}` + "\n" +
		`{"id":"p2","file":"html/p2.html","url":"https://example.com/2","body":"six seven"}` + "\n"
	if err := os.MkdirAll(filepath.Join(dir, "html"), 0o755); err != nil {
		t.Fatal(err)
	}
	for name, body := range map[string]string{
		"pages.jsonl":  jsonl,
		"html/p1.html": "<p>one two three four five</p>",
		"html/p2.html": "<p>nothing</p>",
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	rep, err := Extraction(context.Background(), dir, func(page []byte, url string) (string, error) {
		s := string(page)
		return strings.TrimSuffix(strings.TrimPrefix(s, "<p>"), "</p>"), nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Pages != 2 || !near(rep.Accuracy, 0.5) || rep.PagesPerSec <= 0 {
		t.Errorf("Extraction = %+v; want 2 pages, accuracy 0.5, positive pages/s", rep)
	}
	if _, err := Extraction(context.Background(), filepath.Join(dir, "missing"), nil); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("Extraction on a missing dir: err = %v, want not-exist", err)
	}
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }
