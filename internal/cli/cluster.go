package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"text/tabwriter"

	"github.com/storydesk/storydesk/internal/pipeline"
)

func runCluster(ctx context.Context, e *env, args []string) error {
	c := newInputCommand(e, "cluster", "storydesk cluster --format json articles.jsonl", "text", "json")
	if err := c.parse(args); err != nil {
		return err
	}
	arts, readErr := c.collect(ctx, e)
	if arts == nil && readErr != nil && !isInputs(readErr) {
		return readErr
	}
	place := pipeline.Cluster(arts, c.briefOptions())
	if *c.format == "json" {
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
