package cli

import (
	"context"
	"fmt"
	"path/filepath"
	"time"

	"github.com/storydesk/storydesk/internal/compare"
	"github.com/storydesk/storydesk/internal/eval"
	"github.com/storydesk/storydesk/internal/model"
	"github.com/storydesk/storydesk/internal/pipeline"
)

func runEvalBrief(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "eval brief", "--gold FILE [--seeds DIR] [-v]", "storydesk eval brief --gold ../shared/gold/seeds.json")
	goldPath := fs.String("gold", "", "gold facts, conflicts, quote groups and unique contributions (the seeds.json format)")
	verbose := fs.Bool("v", false, "list the multi-source facts judged wrong")
	seeds := fs.String("seeds", "", "directory of the files the gold annotates (default: ../seeds beside the gold file)")
	if err := parse(fs, args); err != nil {
		return err
	}
	if *goldPath == "" {
		return fmt.Errorf("%w: -gold is required", errUsage)
	}
	if *seeds == "" {
		*seeds = filepath.Join(filepath.Dir(*goldPath), "..", "seeds")
	}
	gold, err := eval.LoadBriefGold(*goldPath)
	if err != nil {
		return err
	}
	// The gold story is the files' own articles; what pages carry inside
	// them belongs to later stories.
	var arts []model.Article
	for a, err := range pipeline.New(pipeline.DefaultOptions()).Read(ctx, []string{*seeds}) {
		if err != nil {
			fmt.Fprintf(e.stderr, "storydesk: %v\n", oneLine(err))
			continue
		}
		if a.EmbeddedIn == "" && a.DuplicateOf == "" {
			arts = append(arts, a)
		}
	}
	opts := pipeline.DefaultBriefOptions()
	start := time.Now()
	anns, _ := pipeline.Annotate(arts, opts)
	annotated := time.Since(start)
	start = time.Now()
	res := compare.Compare(arts, anns, opts.Compare)
	compared := time.Since(start)
	report := eval.Brief(gold, arts, res)
	report.Print(e.stdout)
	if *verbose {
		for _, w := range report.Wrong {
			fmt.Fprintf(e.stdout, "wrong: %s\n", w)
		}
	}
	fmt.Fprintf(e.stdout, "%d articles: annotated in %v, compared in %v\n", len(arts), annotated.Round(time.Millisecond), compared.Round(time.Millisecond))
	return nil
}
