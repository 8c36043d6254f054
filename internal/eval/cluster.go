package eval

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"

	"github.com/storydesk/storydesk/internal/cluster"
)

// ClusterRecord is one article of a clustering set: a JSONL object with a
// gold "cluster" label. Outlet and Published are kept as found (free text,
// possibly empty); a method should not lean on their presence.
type ClusterRecord struct {
	ID        string `json:"id"`
	Outlet    string `json:"outlet"`
	Published string `json:"published"`
	Title     string `json:"title"`
	Text      string `json:"text"`
	Cluster   string `json:"cluster"`
}

// ClusterReport scores a predicted clustering against gold clusters, as
// ../shared/eval/clustering/README.md defines it.
type ClusterReport struct {
	// Articles is the number of gold articles; Covered how many of them
	// have a prediction (Coverage = Covered/Articles).
	Articles, Covered int
	Coverage          float64
	// Stories is the number of predicted stories over gold articles
	// (articles without a prediction count as one each); Gold the number
	// of gold clusters.
	Stories, Gold int
	// BCubed and Pairwise are the P/R/F1 of the two metrics.
	BCubed, Pairwise Scores
}

// Scores are precision, recall and F1.
type Scores struct{ P, R, F1 float64 }

// LoadClusterRecords reads a JSONL clustering set. Blank lines are skipped;
// a record without id or cluster is an error naming its line.
func LoadClusterRecords(path string) ([]ClusterRecord, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("load clustering set: %w", err)
	}
	defer f.Close()
	var out []ClusterRecord
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	line := 0
	for sc.Scan() {
		line++
		b := sc.Bytes()
		if len(b) == 0 {
			continue
		}
		var r ClusterRecord
		if err := json.Unmarshal(b, &r); err != nil {
			return nil, fmt.Errorf("load clustering set %s:%d: %w", path, line, err)
		}
		if r.ID == "" || r.Cluster == "" {
			return nil, fmt.Errorf("load clustering set %s:%d: %w", path, line, ErrClusterRecord)
		}
		out = append(out, r)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("load clustering set %s: %w", path, err)
	}
	return out, nil
}

// ErrClusterRecord is returned for a record without an id or a cluster.
var ErrClusterRecord = errors.New("record needs id and cluster")

// Clustering loads the set at path, calls run with its records (gold label
// included: run must not read it) and scores the returned map from
// record ID to story ID.
func Clustering(ctx context.Context, path string, run func(ctx context.Context, recs []ClusterRecord) (map[string]string, error)) (ClusterReport, error) {
	recs, err := LoadClusterRecords(path)
	if err != nil {
		return ClusterReport{}, err
	}
	pred, err := run(ctx, recs)
	if err != nil {
		return ClusterReport{}, fmt.Errorf("cluster %s: %w", path, err)
	}
	gold := make(map[string]string, len(recs))
	for _, r := range recs {
		gold[r.ID] = r.Cluster
	}
	return ScoreClustering(gold, pred), nil
}

// ScoreClustering scores pred (article → story) against gold (article →
// cluster). Articles missing from pred are stories of their own; predicted
// IDs not in gold are ignored.
func ScoreClustering(gold, pred map[string]string) ClusterReport {
	rep := ClusterReport{Articles: len(gold)}
	// Predicted stories restricted to gold articles; a missing prediction
	// gets a key of its own that no story name can take.
	story := make(map[string]string, len(gold))
	for id := range gold {
		if p, ok := pred[id]; ok {
			story[id] = "p:" + p
			rep.Covered++
		} else {
			story[id] = "missing:" + id
		}
	}
	goldSize := map[string]int{}
	predSize := map[string]int{}
	both := map[[2]string]int{}
	for id, g := range gold {
		goldSize[g]++
		predSize[story[id]]++
		both[[2]string{story[id], g}]++
	}
	rep.Gold, rep.Stories = len(goldSize), len(predSize)
	if rep.Articles == 0 {
		return rep
	}
	rep.Coverage = float64(rep.Covered) / float64(rep.Articles)
	var p, r float64
	for id, g := range gold {
		n := float64(both[[2]string{story[id], g}])
		p += n / float64(predSize[story[id]])
		r += n / float64(goldSize[g])
	}
	rep.BCubed = newScores(p/float64(rep.Articles), r/float64(rep.Articles))
	var tp, predPairs, goldPairs float64
	for _, n := range both {
		tp += pairs(n)
	}
	for _, n := range predSize {
		predPairs += pairs(n)
	}
	for _, n := range goldSize {
		goldPairs += pairs(n)
	}
	pp := 1.0
	if predPairs > 0 {
		pp = tp / predPairs
	}
	pr := 0.0
	if goldPairs > 0 {
		pr = tp / goldPairs
	}
	rep.Pairwise = newScores(pp, pr)
	return rep
}

func pairs(n int) float64 { return float64(n) * float64(n-1) / 2 }

func newScores(p, r float64) Scores {
	s := Scores{P: p, R: r}
	if p+r > 0 {
		s.F1 = 2 * p * r / (p + r)
	}
	return s
}

// RunOnline returns a run function for Clustering that feeds the records in
// file order to a cluster.Online with opts, then runs a last correction
// pass, the split pass, two rounds of reassignment and the absorb pass
// (see cluster.Online.Split, Reassign and Absorb) and reads the stories. It gives the clusterer the title and text only: outlet and published are left out, since on the development
// set their presence alone tells the two events of a topic apart.
func RunOnline(opts cluster.Options) func(context.Context, []ClusterRecord) (map[string]string, error) {
	return func(ctx context.Context, recs []ClusterRecord) (map[string]string, error) {
		c := cluster.New(opts)
		items := make([]cluster.Item, len(recs))
		for i, r := range recs {
			if i%1024 == 0 && ctx.Err() != nil {
				return nil, ctx.Err()
			}
			items[i] = cluster.Item{ID: r.ID, Title: r.Title, Text: r.Text}
			c.Add(items[i])
		}
		c.Settle(items)
		assigned := make(map[string]string, len(recs))
		for _, s := range c.Stories() {
			for _, id := range s.Articles {
				assigned[id] = s.ID
			}
		}
		return assigned, nil
	}
}
