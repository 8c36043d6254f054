package cli

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/storydesk/storydesk/internal/annotate"
	"github.com/storydesk/storydesk/internal/eval"
	"github.com/storydesk/storydesk/internal/model"
	"github.com/storydesk/storydesk/internal/pipeline"
)

func runEvalAnnotate(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "eval annotate", "--gold FILE [--seeds DIR]", "storydesk eval annotate --gold ../shared/gold/seeds.json")
	goldPath := fs.String("gold", "", "gold annotations (JSON, the seeds.json format)")
	seeds := fs.String("seeds", "", "directory of the files the gold annotates (default: ../seeds beside the gold file)")
	verbose := fs.Bool("v", false, "list every miss")
	if err := parse(fs, args); err != nil {
		return err
	}
	if *goldPath == "" {
		return fmt.Errorf("%w: -gold is required", errUsage)
	}
	if *seeds == "" {
		*seeds = filepath.Join(filepath.Dir(*goldPath), "..", "seeds")
	}
	gold, err := eval.LoadSeedsGold(*goldPath)
	if err != nil {
		return err
	}
	ref, err := time.Parse(time.DateOnly, gold.ReferenceDate)
	if err != nil {
		return fmt.Errorf("gold %s: reference_date %q: %w", *goldPath, gold.ReferenceDate, err)
	}

	// Entities and quotes are scored on what the system itself reads: the
	// top-level article of each file as extraction gives it.
	opts := pipeline.DefaultOptions()
	opts.Reference = ref
	var arts []model.Article
	for a, err := range pipeline.New(opts).Read(ctx, []string{*seeds}) {
		if err != nil {
			fmt.Fprintf(e.stderr, "storydesk: %v\n", oneLine(err))
			continue
		}
		if a.EmbeddedIn == "" {
			arts = append(arts, a)
		}
	}
	start := time.Now()
	anns := annotateAll(arts, ref)
	elapsed := time.Since(start)
	texts := make(map[string]string)
	byFile := make(map[string]model.Annotations)
	for i, a := range arts {
		f := filepath.Base(a.Source)
		texts[f], byFile[f] = a.Text, anns[i]
	}
	rep := eval.Annotation(gold, texts, byFile)

	// Times and quantities are scored on each file's own lines, which the
	// gold's scope (main text, no boilerplate) is written against.
	tg, err := eval.LoadTimexGold(*goldPath)
	if err != nil {
		return err
	}
	qopts := annotate.DefaultQuantityOptions()
	topts := annotate.DefaultTimeOptions()
	times, quants, err := eval.ScoreTimex(tg, func(file string) (string, error) {
		b, err := os.ReadFile(filepath.Join(*seeds, file))
		return string(b), err
	}, eval.TimexFinders{
		Times:      func(text string) []model.TimeExpr { return annotate.FindTimes(text, ref, topts) },
		Quantities: func(text string) []model.Quantity { return annotate.FindQuantities(text, qopts) },
	})
	if err != nil {
		return err
	}

	w := tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(w, "task\tP\tR\tF1\tTP\tFP\tFN")
	row := func(name string, s eval.PRF) {
		fmt.Fprintf(w, "%s\t%.3f\t%.3f\t%.3f\t%d\t%d\t%d\n", name, s.P, s.R, s.F1, s.TP, s.FP, s.FN)
	}
	row("entities (B-cubed)", rep.Entities)
	row("quotes", rep.Quotes)
	row("speakers", rep.Speakers)
	fmt.Fprintf(w, "%s\t%.3f\t%.3f\t%.3f\t%d\t%d\t%d\n", "times", times.Precision, times.Recall, times.F1, times.TP, times.FP, times.FN)
	fmt.Fprintf(w, "%s\t%.3f\t%.3f\t%.3f\t%d\t%d\t%d\n", "quantities", quants.Precision, quants.Recall, quants.F1, quants.TP, quants.FP, quants.FN)
	if err := w.Flush(); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "alias groups complete: %d of %d; merged: %d\n", rep.GroupsComplete, rep.Groups, len(rep.Merged))
	fmt.Fprintf(e.stdout, "annotated %d articles in %v\n", len(arts), elapsed.Round(time.Millisecond))
	if *verbose {
		for _, l := range append(append(append([]string{}, rep.Merged...), rep.Incomplete...), rep.Misses...) {
			fmt.Fprintln(e.stdout, "  "+l)
		}
		for _, l := range append(times.Errors, quants.Errors...) {
			fmt.Fprintln(e.stdout, "  "+strings.TrimSpace(l))
		}
	}
	return nil
}
