package cli

import (
	"context"
	"fmt"
	"text/tabwriter"

	"github.com/storydesk/storydesk/internal/cluster"
	"github.com/storydesk/storydesk/internal/eval"
)

func runEvalCluster(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "eval cluster", "FILE.jsonl", "storydesk eval cluster ../shared/eval/clustering/articles.jsonl")
	threshold := fs.Float64("threshold", cluster.DefaultOptions().Threshold, "least score at which an article joins a story")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return fmt.Errorf("%w: give one JSONL file of records with a gold \"cluster\" field", errUsage)
	}
	opts := cluster.DefaultOptions()
	opts.Threshold = *threshold
	r, err := eval.Clustering(ctx, fs.Arg(0), eval.RunOnline(opts))
	if err != nil {
		return err
	}
	w := tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(w, "metric\tP\tR\tF1")
	fmt.Fprintf(w, "B-cubed\t%.3f\t%.3f\t%.3f\n", r.BCubed.P, r.BCubed.R, r.BCubed.F1)
	fmt.Fprintf(w, "pairwise\t%.3f\t%.3f\t%.3f\n", r.Pairwise.P, r.Pairwise.R, r.Pairwise.F1)
	if err := w.Flush(); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "stories %d / gold %d, coverage %.3f (%d of %d articles)\n", r.Stories, r.Gold, r.Coverage, r.Covered, r.Articles)
	return nil
}
