package eval

import (
	"compress/gzip"
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/storydesk/storydesk/internal/model"
)

func TestNormalizeTitle(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"quotes", "„Niemand“ sagt ‘nein’", `"Niemand" sagt 'nein'`},
		{"guillemets", "la « gravité »", `la " gravité "`},
		{"spaces", "  a \t\n b  ", "a b"},
		{"nfc", "Cafe\u0301", "Café"},
		{"case kept", "BBC News", "BBC News"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := NormalizeTitle(tc.in); got != tc.want {
				t.Errorf("NormalizeTitle(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestTitleTokenF1(t *testing.T) {
	tests := []struct {
		name, gold, pred string
		want             float64
	}{
		{"equal", "Hello World", "hello world", 1},
		{"suffix", "Hello World", "Hello World - Site", 0.8},
		{"disjoint", "a b", "c d", 0},
		{"empty pred", "a b", "", 0},
		{"repeat counts once each", "a a b", "a b", 0.8},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := tokenF1(titleTokens(NormalizeTitle(tc.gold)), titleTokens(NormalizeTitle(tc.pred)))
			if !near(got, tc.want) {
				t.Errorf("F1(%q, %q) = %v, want %v", tc.gold, tc.pred, got, tc.want)
			}
		})
	}
}

func TestAuthorScore(t *testing.T) {
	tests := []struct {
		name       string
		gold, pred []string
		p, r, f1   float64
		exact      bool
	}{
		{"same set other case", []string{"Anna Fink", "dpa"}, []string{"DPA", "anna  fink"}, 1, 1, 1, true},
		{"one of two", []string{"A B", "C D"}, []string{"A B"}, 1, 0.5, 2.0 / 3, false},
		{"extra", []string{"A B"}, []string{"A B", "X"}, 0.5, 1, 2.0 / 3, false},
		{"empty prediction", []string{"A B"}, nil, 0, 0, 0, false},
		{"diacritics kept", []string{"André"}, []string{"Andre"}, 0, 0, 0, false},
		{"german sharp s folds", []string{"Laura Eßlinger"}, []string{"LAURA ESSLINGER"}, 1, 1, 1, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p, r, f1, exact := AuthorScore(tc.gold, tc.pred)
			if !near(p, tc.p) || !near(r, tc.r) || !near(f1, tc.f1) || exact != tc.exact {
				t.Errorf("AuthorScore(%q, %q) = %v %v %v %v, want %v %v %v %v",
					tc.gold, tc.pred, p, r, f1, exact, tc.p, tc.r, tc.f1, tc.exact)
			}
		})
	}
}

func TestPublishedScore(t *testing.T) {
	tests := []struct {
		name, gold, pred       string
		exact, sameDay, covers bool
	}{
		{"same instant other offset", "2024-05-03T15:47:42.389000+00:00", "2024-05-03T17:47:42+02:00", true, true, true},
		{"second differs", "2024-05-03T15:47:42+00:00", "2024-05-03T15:47:43Z", false, true, true},
		{"date only", "2024-05-03T15:47:42+00:00", "2024-05-03", false, true, true},
		{"naive gold compares written time", "2024-04-30T00:00:00", "2024-04-30T00:00:00+02:00", true, true, true},
		{"naive gold, other written time", "2024-04-30T12:00:00", "2024-04-30T10:00:00Z", false, true, true},
		{"moved into gold offset changes day", "2024-08-27T01:27:57+02:00", "2024-08-26T23:27:57Z", true, true, true},
		{"utc day differs from gold day", "2024-08-27T01:27:57+02:00", "2024-08-26", false, false, true},
		{"space separator", "2024-08-27 01:27:57+02:00", "2024-08-27T01:27:57+02:00", true, true, true},
		{"unparseable", "2024-08-27", "27.08.2024", false, false, false},
		{"missing", "2024-08-27", "", false, false, false},
		{"bad day", "2024-02-03", "2024-02-30", false, false, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			e, d, c := PublishedScore(tc.gold, tc.pred)
			if e != tc.exact || d != tc.sameDay || c != tc.covers {
				t.Errorf("PublishedScore(%q, %q) = %v %v %v, want %v %v %v",
					tc.gold, tc.pred, e, d, c, tc.exact, tc.sameDay, tc.covers)
			}
		})
	}
}

func TestMetadataLoadsAndScores(t *testing.T) {
	dir := t.TempDir()
	if err := os.Mkdir(filepath.Join(dir, "html"), 0o755); err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{"a", "b"} {
		f, err := os.Create(filepath.Join(dir, "html", id+".html.gz"))
		if err != nil {
			t.Fatal(err)
		}
		zw := gzip.NewWriter(f)
		zw.Write([]byte("<title>" + id + "</title>"))
		zw.Close()
		f.Close()
	}
	jsonl := `{"id":"a","file":"html/a.html.gz","url":"https://x/a","title":"T a","authors":["A"],"published":"2024-01-02T03:04:05+00:00"}
{"id":"b","file":"html/b.html.gz","url":"https://x/b","title":"T b","authors":null,"published":"2024-01-02"}
`
	if err := os.WriteFile(filepath.Join(dir, "pages.jsonl"), []byte(jsonl), 0o644); err != nil {
		t.Fatal(err)
	}
	extract := func(page []byte, url string) (model.Article, error) {
		if url == "https://x/b" {
			return model.Article{Title: "T b"}, errors.New("no text")
		}
		return model.Article{Title: "T a", Authors: []string{"A"}, Published: model.At(time.Date(2024, 1, 2, 3, 4, 5, 0, time.UTC))}, nil
	}
	rep, err := Metadata(context.Background(), dir, extract)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Pages != 2 || rep.AuthorPages != 1 || rep.Errors != 1 {
		t.Fatalf("pages %d author pages %d errors %d, want 2 1 1", rep.Pages, rep.AuthorPages, rep.Errors)
	}
	if !near(rep.TitleExact, 0.5) || !near(rep.AuthorF1, 1) || !near(rep.PublishedExact, 0.5) || !near(rep.PublishedCoverage, 0.5) {
		t.Errorf("report %+v", rep)
	}
}
