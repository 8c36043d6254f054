package extract

import (
	"context"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/storydesk/storydesk/internal/eval"
)

var (
	verbosePages = flag.Bool("pages", false, "TestExtractionSet: log the score of every page")
	showPage     = flag.String("page", "", "TestExtractionSet: log output and gold of pages whose id starts so")
)

// extractionSet locates ../shared/eval/extraction beside the repository
// root, skipping the test when it is absent.
func extractionSet(tb testing.TB) string {
	tb.Helper()
	dir, err := os.Getwd()
	if err != nil {
		tb.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		up := filepath.Dir(dir)
		if up == dir {
			tb.Skip("repository root not found")
		}
		dir = up
	}
	set := filepath.Join(dir, "..", "shared", "eval", "extraction")
	if _, err := os.Stat(filepath.Join(set, "pages.jsonl")); err != nil {
		tb.Skipf("extraction set absent: %v", err)
	}
	return set
}

func extractText(page []byte, url string) (string, error) {
	a, err := HTML(page, url, DefaultOptions())
	if errors.Is(err, ErrNoText) {
		return a.Text, nil
	}
	return a.Text, err
}

// TestExtractionSet scores the extractor on the development set and fails
// when it falls below the floor it has reached.
func TestExtractionSet(t *testing.T) {
	pages, err := eval.LoadExtraction(extractionSet(t))
	if err != nil {
		t.Fatal(err)
	}
	rep, err := eval.ExtractionPages(context.Background(), pages, extractText)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("pages %d empty %d P %.3f R %.3f F1 %.3f accuracy %.3f pages/s %.0f",
		rep.Pages, rep.Empty, rep.P, rep.R, rep.F1, rep.Accuracy, rep.PagesPerSec)
	for _, p := range pages {
		if *showPage != "" && strings.HasPrefix(p.ID, *showPage) {
			text, err := extractText(p.HTML, p.URL)
			t.Logf("%s %s err %v\n--- got:\n%s\n--- gold:\n%s", p.ID, p.URL, err, text, p.Gold)
		}
	}
	if *verbosePages {
		type row struct {
			id, url string
			s       eval.PageScore
		}
		var rows []row
		for _, p := range pages {
			text, _ := extractText(p.HTML, p.URL)
			rows = append(rows, row{p.ID[:8], p.URL, eval.ExtractionScore(p.Gold, text)})
		}
		sort.Slice(rows, func(i, j int) bool {
			return rows[i].s.Precision+rows[i].s.Recall < rows[j].s.Precision+rows[j].s.Recall
		})
		for _, r := range rows {
			t.Logf("%s P %.2f R %.2f %s", r.id, r.s.Precision, r.s.Recall, r.url)
		}
	}
	const floor = 0.98
	if rep.F1 < floor {
		t.Errorf("F1 %.3f below floor %.3f", rep.F1, floor)
	}
}
