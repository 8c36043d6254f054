package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"text/tabwriter"
	"time"

	"github.com/storydesk/storydesk/internal/brief"
	"github.com/storydesk/storydesk/internal/cluster"
	"github.com/storydesk/storydesk/internal/pipeline"
	"github.com/storydesk/storydesk/internal/server"
	"github.com/storydesk/storydesk/internal/store"
)

// recluster rebuilds the stored stories, showing progress while it
// annotates articles that have no annotations yet.
func recluster(ctx context.Context, e *env, st pipeline.StoryStore, opts pipeline.BriefOptions, quiet bool) (int, error) {
	prog := newProgress(e, "annotate", "articles", 0)
	if quiet {
		prog.quiet()
	}
	n, err := pipeline.Recluster(ctx, st, opts, func(done, total int) {
		prog.total = total
		prog.add(done-prog.done, 0)
	})
	prog.finish()
	return n, err
}

func runRecluster(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "recluster", "[flags]", "storydesk recluster --threshold 0.3")
	dsn := dbFlag(fs)
	threshold := fs.Float64("threshold", cluster.DefaultOptions().Threshold, "least score at which an article joins a story")
	quiet := fs.Bool("quiet", false, "show no progress")
	if err := parse(fs, args); err != nil {
		return err
	}
	st, err := openStore(ctx, *dsn)
	if err != nil {
		return err
	}
	defer st.Close()
	opts := pipeline.DefaultBriefOptions()
	opts.Cluster.Threshold = *threshold
	n, err := recluster(ctx, e, st, opts, *quiet)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "%d stories\n", n)
	return nil
}

// storyLine is a story as storydesk stories prints it in JSON: as the
// API lists it.
type storyLine = server.StoryEntry

func runStories(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "stories", "[flags]", "storydesk stories --limit 20")
	dsn := dbFlag(fs)
	format := fs.String("format", "text", "output `format`: text or json (one object per line)")
	limit := fs.Int("limit", 50, "most stories to list, newest first (0: all)")
	if err := parse(fs, args); err != nil {
		return err
	}
	if err := oneOf("format", *format, "text", "json"); err != nil {
		return err
	}
	st, err := openStore(ctx, *dsn)
	if err != nil {
		return err
	}
	defer st.Close()
	recs, err := st.ListStories(ctx, store.StoryListOptions{Limit: *limit})
	if err != nil {
		return err
	}
	if *format == "json" {
		enc := json.NewEncoder(e.stdout)
		enc.SetEscapeHTML(false)
		for _, r := range recs {
			if err := enc.Encode(server.Entry(r)); err != nil {
				return err
			}
		}
		return nil
	}
	w := tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(w, "STORY\tTHREAD\tLAST SEEN\tARTICLES\tOUTLETS\tLABEL")
	for _, r := range recs {
		last := "-"
		if !r.LastSeen.IsZero() {
			last = r.LastSeen.Format(time.DateOnly)
		}
		fmt.Fprintf(w, "%s\t%s\t%s\t%d\t%d\t%s\n", r.ID, r.Thread, last, len(r.Articles), len(r.Outlets), orDash(r.Label))
	}
	return w.Flush()
}

func runStory(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "story", "[flags] ID", "storydesk story --format html se1d6fcfe27a0 > story.html")
	dsn := dbFlag(fs)
	format := fs.String("format", "text", "output `format`: text, markdown, json or html")
	llm := llmFlags(fs)
	if err := parse(fs, args); err != nil {
		return err
	}
	if err := oneOf("format", *format, "text", "markdown", "json", "html"); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return fmt.Errorf("%w: give one story id (see storydesk stories)", errUsage)
	}
	st, err := openStore(ctx, *dsn)
	if err != nil {
		return err
	}
	defer st.Close()
	s, err := pipeline.StoredStory(ctx, st, fs.Arg(0), pipeline.DefaultBriefOptions())
	if err != nil {
		return err
	}
	return render(e, *format, rewritten(ctx, e, brief.Build([]brief.Story{s}), llm()))
}
