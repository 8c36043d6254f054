package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"text/tabwriter"

	"github.com/storydesk/storydesk/internal/model"
	"github.com/storydesk/storydesk/internal/pipeline"
)

func runCluster(ctx context.Context, e *env, args []string) error {
	var in inputFlags
	fs := newFlags(e, "cluster", "[flags] PATH|URL...", "storydesk cluster --format json articles.jsonl")
	format := fs.String("format", "text", "output `format`: text or json (one object per article per line)")
	in.register(fs)
	if err := parse(fs, args); err != nil {
		return err
	}
	if err := oneOf("format", *format, "text", "json"); err != nil {
		return err
	}
	opts, err := in.options()
	if err != nil {
		return err
	}
	var arts []model.Article
	readErr := readAll(ctx, e, pipeline.New(opts), &in, fs.Args(), func(a model.Article) error {
		arts = append(arts, a)
		return nil
	})
	if readErr != nil && !isInputs(readErr) {
		return readErr
	}
	bopts := pipeline.DefaultBriefOptions()
	bopts.Reference = opts.Reference
	place := pipeline.Cluster(arts, bopts)
	if *format == "json" {
		enc := json.NewEncoder(e.stdout)
		enc.SetEscapeHTML(false)
		for i, a := range arts {
			rec := struct {
				ID     string `json:"id"`
				Source string `json:"source"`
				Story  string `json:"story"`
				Thread string `json:"thread"`
			}{a.ID, a.Source, place[i].Story, place[i].Thread}
			if err := enc.Encode(rec); err != nil {
				return err
			}
		}
		return readErr
	}
	w := tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(w, "STORY\tTHREAD\tOUTLET\tTITLE")
	for i, a := range arts {
		title := a.Title
		if title == "" {
			title = a.Source
		}
		fmt.Fprintf(w, "%s\t%s\t%s\t%s\n", place[i].Story, place[i].Thread, orDash(a.Outlet), title)
	}
	if err := w.Flush(); err != nil {
		return err
	}
	return readErr
}
