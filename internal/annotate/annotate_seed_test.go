package annotate

import (
	"github.com/storydesk/storydesk/internal/seedtest"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/storydesk/storydesk/internal/eval"
	"github.com/storydesk/storydesk/internal/model"
)

var blankLines = regexp.MustCompile(`\n\s*\n+`)

// mainText keeps the article body the gold marks (its main lines less
// boilerplate lines), blank lines collapsed: what extraction should yield.
func mainText(file string, gold *eval.SeedsGold, name string) string {
	for _, d := range gold.Documents {
		if d.File != name || len(d.MainTextLines) != 2 {
			continue
		}
		lines := strings.Split(file, "\n")
		lo, hi := d.MainTextLines[0]-1, min(d.MainTextLines[1], len(lines))
		if lo < 0 || lo >= hi {
			break
		}
		drop := map[string]bool{}
		for _, l := range d.BoilerplateLines {
			drop[strings.TrimSpace(l)] = true
		}
		var keep []string
		for _, l := range lines[lo:hi] {
			if !drop[strings.TrimSpace(l)] {
				keep = append(keep, l)
			}
		}
		file = strings.Join(keep, "\n")
	}
	return blankLines.ReplaceAllString(file, "\n")
}

// TestSeedsAgainstGold annotates the seed files (text with blank lines
// collapsed) and scores them against ../shared/gold/seeds.json.
func TestSeedsAgainstGold(t *testing.T) {
	root := seedtest.Root(t)
	gold, err := eval.LoadSeedsGold(filepath.Join(root, "..", "shared", "gold", "seeds.json"))
	if err != nil {
		t.Skipf("gold absent: %v", err)
	}
	files, _ := filepath.Glob(filepath.Join(root, "testdata", "seeds", "*.txt"))
	if len(files) == 0 {
		t.Skip("no seeds")
	}
	sort.Strings(files)
	chain := Default(DefaultOptions())
	texts := map[string]string{}
	var docs []model.Annotations
	var names []string
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		name := filepath.Base(f)
		text := mainText(string(b), gold, name)
		texts[name] = text
		names = append(names, name)
		docs = append(docs, Run(chain, model.Article{ID: name, Text: text}, time.Date(2025, 8, 14, 0, 0, 0, 0, time.UTC)))
	}
	Resolve(docs)
	anns := map[string]model.Annotations{}
	for i, n := range names {
		anns[n] = docs[i]
	}
	rep := eval.Annotation(gold, texts, anns)
	t.Logf("entities (B-cubed over variant×file): P %.3f R %.3f F1 %.3f; groups complete %d/%d",
		rep.Entities.P, rep.Entities.R, rep.Entities.F1, rep.GroupsComplete, rep.Groups)
	for _, s := range rep.Merged {
		t.Logf("merged: %s", s)
	}
	for _, s := range rep.Incomplete {
		t.Logf("incomplete: %s", s)
	}
	t.Logf("quotes: P %.3f R %.3f F1 %.3f (tp %d fp %d fn %d)", rep.Quotes.P, rep.Quotes.R, rep.Quotes.F1, rep.Quotes.TP, rep.Quotes.FP, rep.Quotes.FN)
	t.Logf("speakers: P %.3f R %.3f F1 %.3f", rep.Speakers.P, rep.Speakers.R, rep.Speakers.F1)
	for _, m := range rep.Misses {
		t.Logf("miss: %s", m)
	}
	// floors under today's figures: a regression fails the test
	if rep.Quotes.F1 < 0.95 || rep.Speakers.F1 < 0.98 || rep.Entities.F1 < 0.99 || rep.GroupsComplete < 77 || len(rep.Merged) > 0 {
		t.Errorf("annotation scores fell below the floor: %+v", rep)
	}
}
