package annotate

import (
	"github.com/storydesk/storydesk/internal/seedtest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/storydesk/storydesk/internal/eval"
	"github.com/storydesk/storydesk/internal/model"
)

// Floors for the seed scores: the level reached minus a margin, so a
// regression fails the test.
const (
	seedTimeF1Floor     = 0.95
	seedQuantityF1Floor = 0.85
)

// timexSeedText reads a seed file without the " date 2025-08-14" metadata
// prefix some carry (the extract stage turns it into the published date).
func timexSeedText(t testing.TB, root, file string) string {
	b, err := os.ReadFile(filepath.Join(root, "testdata", "seeds", file))
	if err != nil {
		t.Fatal(err)
	}
	s := string(b)
	if strings.HasPrefix(s, " date ") && len(s) >= 16 {
		if _, err := time.Parse("2006-01-02", s[6:16]); err == nil {
			s = strings.TrimLeft(s[16:], " ")
		}
	}
	return s
}

func TestSeedsTimesAndQuantities(t *testing.T) {
	root := seedtest.Root(t)
	goldPath := filepath.Join(root, "..", "shared", "gold", "seeds.json")
	if _, err := os.Stat(goldPath); err != nil {
		t.Skipf("no gold file: %v", err)
	}
	gold, err := eval.LoadTimexGold(goldPath)
	if err != nil {
		t.Fatal(err)
	}
	ref := time.Date(2025, 8, 14, 0, 0, 0, 0, time.UTC)
	times, qty, err := eval.ScoreTimex(gold, func(file string) (string, error) {
		return timexSeedText(t, root, file), nil
	}, eval.TimexFinders{
		Times:      func(text string) []model.TimeExpr { return FindTimes(text, ref, DefaultTimeOptions()) },
		Quantities: func(text string) []model.Quantity { return FindQuantities(text, DefaultQuantityOptions()) },
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range times.Errors {
		t.Logf("times: %s", e)
	}
	for _, e := range qty.Errors {
		t.Logf("quantities: %s", e)
	}
	t.Logf("times:      P %.3f R %.3f F1 %.3f (tp %d fp %d fn %d, %d gold not in text)", times.Precision, times.Recall, times.F1, times.TP, times.FP, times.FN, times.Unlocated)
	t.Logf("quantities: P %.3f R %.3f F1 %.3f (tp %d fp %d fn %d, %d gold not in text)", qty.Precision, qty.Recall, qty.F1, qty.TP, qty.FP, qty.FN, qty.Unlocated)
	if times.F1 < seedTimeF1Floor {
		t.Errorf("time F1 %.3f below floor %.2f", times.F1, seedTimeF1Floor)
	}
	if qty.F1 < seedQuantityF1Floor {
		t.Errorf("quantity F1 %.3f below floor %.2f", qty.F1, seedQuantityF1Floor)
	}
}
