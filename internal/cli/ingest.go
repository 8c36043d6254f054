package cli

import (
	"context"
	"fmt"

	"github.com/storydesk/storydesk/internal/model"
	"github.com/storydesk/storydesk/internal/pipeline"
	"github.com/storydesk/storydesk/internal/worker"
)

func runIngest(ctx context.Context, e *env, args []string) error {
	c := newInputCommand(e, "ingest", "storydesk ingest --db news.db testdata/seeds https://example.org/feed.xml\n  storydesk ingest --queue --db postgres://storydesk@db/news feeds.opml", "text")
	dsn := dbFlag(c.fs)
	noStories := c.fs.Bool("no-stories", false, "store the articles only; do not annotate them or rebuild the stories")
	queue := c.fs.Bool("queue", false, "queue one job per input (per file of a directory) for storydesk worker and print the job ids; workers read paths relative to their own working directory")
	if err := c.parse(args); err != nil {
		return err
	}
	if *queue {
		st, err := openStore(ctx, *dsn)
		if err != nil {
			return err
		}
		defer st.Close()
		return enqueueInputs(ctx, e, st, c.fs.Args(), worker.Input{Date: c.in.date, NearDup: c.in.nearDup,
			AllowPrivate: c.in.allowPrivate, NoFollow: c.in.noFollow, NoStories: *noStories})
	}
	p := pipeline.New(c.opts)
	sink, err := openSink(ctx, e, *dsn, p)
	if err != nil {
		return err
	}
	defer sink.close()
	read, dups := 0, 0
	readErr := c.read(ctx, e, p, func(a model.Article) error {
		read++
		if a.DuplicateOf != "" {
			dups++
		}
		return sink.put(ctx, a)
	})
	if readErr != nil && !isInputs(readErr) {
		return readErr
	}
	if err := sink.flush(ctx); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "read %d new articles (%d duplicates linked), stored %d\n", read, dups, sink.sink.Created)
	if !*noStories && sink.sink.Created > 0 {
		n, err := recluster(ctx, e, sink.st, c.briefOptions(), c.in.quiet)
		if err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "%d stories\n", n)
	}
	return readErr
}
