package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/storydesk/storydesk/internal/model"
	"github.com/storydesk/storydesk/internal/pipeline"
)

func runAnnotate(ctx context.Context, e *env, args []string) error {
	c := newInputCommand(e, "annotate", "storydesk annotate --format json --date 2025-08-14 testdata/seeds", "text", "json")
	if err := c.parse(args); err != nil {
		return err
	}
	arts, readErr := c.collect(ctx, e)
	if arts == nil && readErr != nil && !isInputs(readErr) {
		return readErr
	}
	anns := annotateAll(arts, c.opts.Reference)
	if *c.format == "json" {
		enc := json.NewEncoder(e.stdout)
		enc.SetEscapeHTML(false)
		for _, an := range anns {
			if err := enc.Encode(an); err != nil {
				return err
			}
		}
		return readErr
	}
	for i, an := range anns {
		printAnnotations(e, arts[i], an)
	}
	return readErr
}

// annotateAll annotates every article and merges entities across them.
func annotateAll(arts []model.Article, fallback time.Time) []model.Annotations {
	opts := pipeline.DefaultBriefOptions()
	opts.Reference = fallback
	anns, _ := pipeline.Annotate(arts, opts)
	for i := range anns {
		ensureLists(&anns[i])
	}
	return anns
}

// ensureLists makes empty layers print as [] rather than null.
func ensureLists(an *model.Annotations) {
	if an.Sentences == nil {
		an.Sentences = []model.Sentence{}
	}
	if an.Entities == nil {
		an.Entities = []model.Entity{}
	}
	if an.Quotes == nil {
		an.Quotes = []model.Quote{}
	}
	if an.Times == nil {
		an.Times = []model.TimeExpr{}
	}
	if an.Quantities == nil {
		an.Quantities = []model.Quantity{}
	}
}

func printAnnotations(e *env, a model.Article, an model.Annotations) {
	title := a.Title
	if title == "" {
		title = a.Source
	}
	fmt.Fprintf(e.stdout, "== %s (%s)\n", title, a.ID)
	fmt.Fprintf(e.stdout, "%d sentences, %d entities, %d quotes, %d times, %d quantities\n",
		len(an.Sentences), len(an.Entities), len(an.Quotes), len(an.Times), len(an.Quantities))
	for _, ent := range an.Entities {
		fmt.Fprintf(e.stdout, "  entity   %-8s %s (%d mentions)\n", ent.Type, ent.Name, len(ent.Mentions))
	}
	for _, q := range an.Quotes {
		fmt.Fprintf(e.stdout, "  quote    %s %s: “%s”\n", orDash(q.Speaker), q.Cue, q.Text)
	}
	for _, t := range an.Times {
		fmt.Fprintf(e.stdout, "  time     %-8s %-28s %s\n", t.Type, t.Value, t.Text)
	}
	for _, q := range an.Quantities {
		v := "vague"
		if q.Value != nil {
			v = fmt.Sprint(*q.Value)
		}
		fmt.Fprintf(e.stdout, "  quantity %-8s %-10s %s %s\n", v, q.Unit, q.Of, "("+q.Text+")")
	}
	fmt.Fprintln(e.stdout)
}
