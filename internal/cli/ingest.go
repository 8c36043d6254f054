package cli

import (
	"context"
	"fmt"

	"github.com/storydesk/storydesk/internal/model"
	"github.com/storydesk/storydesk/internal/pipeline"
)

func runIngest(ctx context.Context, e *env, args []string) error {
	var in inputFlags
	fs := newFlags(e, "ingest", "[flags] PATH|URL...", "storydesk ingest --db news.db testdata/seeds https://example.org/feed.xml")
	dsn := dbFlag(fs)
	in.register(fs)
	if err := parse(fs, args); err != nil {
		return err
	}
	opts, err := in.options()
	if err != nil {
		return err
	}
	p := pipeline.New(opts)
	sink, err := openSink(ctx, e, *dsn, p)
	if err != nil {
		return err
	}
	defer sink.close()
	read, dups := 0, 0
	readErr := readAll(ctx, e, p, &in, fs.Args(), func(a model.Article) error {
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
	return readErr
}
