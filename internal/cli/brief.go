package cli

import (
	"context"
	"errors"

	"github.com/storydesk/storydesk/internal/brief"
	"github.com/storydesk/storydesk/internal/model"
	"github.com/storydesk/storydesk/internal/pipeline"
)

func runBrief(ctx context.Context, e *env, args []string) error {
	var in inputFlags
	fs := newFlags(e, "brief", "[flags] PATH|URL...", "storydesk brief testdata/seeds")
	format := fs.String("format", "text", "output `format`: text, markdown, json or html")
	dsn := fs.String("db", "", "also store the articles in this database (a SQLite path or postgres:// URL); empty: in memory only")
	in.register(fs)
	if err := parse(fs, args); err != nil {
		return err
	}
	if err := oneOf("format", *format, "text", "markdown", "json", "html"); err != nil {
		return err
	}
	opts, err := in.options()
	if err != nil {
		return err
	}
	p := pipeline.New(opts)
	var sink *storeSink
	if *dsn != "" {
		if sink, err = openSink(ctx, e, *dsn, p); err != nil {
			return err
		}
		defer sink.close()
	}
	var arts []model.Article
	readErr := readAll(ctx, e, p, &in, fs.Args(), func(a model.Article) error {
		arts = append(arts, a)
		if sink != nil {
			return sink.put(ctx, a)
		}
		return nil
	})
	if readErr != nil && !isInputs(readErr) {
		return readErr
	}
	if sink != nil {
		if err := sink.flush(ctx); err != nil {
			return err
		}
	}
	if len(arts) == 0 {
		return errors.Join(readErr, errors.New("no articles to brief"))
	}
	bopts := pipeline.DefaultBriefOptions()
	bopts.Reference = opts.Reference
	b := brief.Build(pipeline.Stories(arts, bopts))
	switch *format {
	case "json":
		err = brief.JSON(e.stdout, b)
	case "html":
		err = brief.HTML(e.stdout, b)
	case "markdown":
		err = brief.Markdown(e.stdout, b)
	default:
		err = brief.Text(e.stdout, b, brief.TextOptions{Color: isTerminal(e.stdout)})
	}
	if err != nil {
		return err
	}
	return readErr
}
