package eval

import (
	"context"
	"github.com/storydesk/storydesk/internal/seedtest"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/storydesk/storydesk/internal/cluster"
)

func TestScoreClustering(t *testing.T) {
	gold := map[string]string{"a": "X", "b": "X", "c": "Y", "d": "Y"}
	tests := []struct {
		name     string
		pred     map[string]string
		bp, br   float64
		pp, pr   float64
		stories  int
		coverage float64
	}{
		{"perfect", map[string]string{"a": "1", "b": "1", "c": "2", "d": "2"}, 1, 1, 1, 1, 2, 1},
		{"all one", map[string]string{"a": "1", "b": "1", "c": "1", "d": "1"}, 0.5, 1, 2.0 / 6, 1, 1, 1},
		{"singletons", map[string]string{"a": "1", "b": "2", "c": "3", "d": "4"}, 1, 0.5, 1, 0, 4, 1},
		{"missing counts alone", map[string]string{"a": "1", "b": "1", "c": "2", "z": "2"}, 1, 0.75, 1, 0.5, 3, 0.75},
		{"one wrong", map[string]string{"a": "1", "b": "1", "c": "1", "d": "2"}, (2.0/3 + 2.0/3 + 1.0/3 + 1) / 4, (1 + 1 + 0.5 + 0.5) / 4, 1.0 / 3, 0.5, 2, 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := ScoreClustering(gold, tc.pred)
			for _, c := range []struct {
				what      string
				got, want float64
			}{
				{"B3 P", got.BCubed.P, tc.bp}, {"B3 R", got.BCubed.R, tc.br},
				{"pair P", got.Pairwise.P, tc.pp}, {"pair R", got.Pairwise.R, tc.pr},
				{"coverage", got.Coverage, tc.coverage}, {"stories", float64(got.Stories), float64(tc.stories)},
			} {
				if math.Abs(c.got-c.want) > 1e-9 {
					t.Errorf("%s: got %.4f, want %.4f (pred %v)", c.what, c.got, c.want, tc.pred)
				}
			}
			if got.Gold != 2 {
				t.Errorf("gold clusters: got %d, want 2", got.Gold)
			}
		})
	}
}

func TestLoadClusterRecordsErrors(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, "bad.jsonl")
	if err := os.WriteFile(name, []byte(`{"id":"a","text":"x"}`+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := LoadClusterRecords(name); err == nil {
		t.Fatal("record without cluster: got no error")
	}
	if _, err := LoadClusterRecords(filepath.Join(dir, "none.jsonl")); !os.IsNotExist(unwrapAll(err)) {
		t.Fatalf("missing file: got %v, want a not-exist error", err)
	}
}

func unwrapAll(err error) error {
	for {
		u, ok := err.(interface{ Unwrap() error })
		if !ok {
			return err
		}
		err = u.Unwrap()
	}
}

// devBCubedF1 is the B-cubed F1 reached on the development set with
// DefaultOptions; the test fails when it drops by more than the margin.
const devBCubedF1, devMargin = 0.925, 0.02

func TestClusteringDev(t *testing.T) {
	path := seedtest.Shared(t, "eval", "clustering", "articles.jsonl")
	rep, err := Clustering(context.Background(), path, RunOnline(cluster.DefaultOptions()))
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("B3 P %.3f R %.3f F1 %.3f | pairwise P %.3f R %.3f F1 %.3f | stories %d / gold %d | coverage %.2f",
		rep.BCubed.P, rep.BCubed.R, rep.BCubed.F1, rep.Pairwise.P, rep.Pairwise.R, rep.Pairwise.F1, rep.Stories, rep.Gold, rep.Coverage)
	if rep.BCubed.F1 < devBCubedF1-devMargin {
		t.Errorf("B-cubed F1 %.3f, want at least %.3f", rep.BCubed.F1, devBCubedF1-devMargin)
	}
}

// TestClusteringDevOrders logs the spread of B-cubed F1 over shuffled
// orders of the development set; it fails when the worst order falls more
// than 0.05 below the floor.
func TestClusteringDevOrders(t *testing.T) {
	path := seedtest.Shared(t, "eval", "clustering", "articles.jsonl")
	recs, err := LoadClusterRecords(path)
	if err != nil {
		t.Fatal(err)
	}
	gold := make(map[string]string, len(recs))
	for _, r := range recs {
		gold[r.ID] = r.Cluster
	}
	worst, sum := 1.0, 0.0
	const orders = 5
	for seed := uint64(1); seed <= orders; seed++ {
		shuffled := slices.Clone(recs)
		rand.New(rand.NewPCG(seed, seed)).Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
		pred, err := RunOnline(cluster.DefaultOptions())(context.Background(), shuffled)
		if err != nil {
			t.Fatal(err)
		}
		f1 := ScoreClustering(gold, pred).BCubed.F1
		worst, sum = min(worst, f1), sum+f1
	}
	t.Logf("B-cubed F1 over %d shuffled orders: mean %.3f, worst %.3f", orders, sum/orders, worst)
	if worst < devBCubedF1-devMargin-0.05 {
		t.Errorf("worst order B-cubed F1 %.3f, want at least %.3f", worst, devBCubedF1-devMargin-0.05)
	}
}
