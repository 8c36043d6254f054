package cli

import (
	"context"
	"errors"

	"github.com/storydesk/storydesk/internal/brief"
	"github.com/storydesk/storydesk/internal/model"
	"github.com/storydesk/storydesk/internal/pipeline"
)

func runBrief(ctx context.Context, e *env, args []string) error {
	c := newInputCommand(e, "brief", "storydesk brief --format markdown testdata/seeds", "text", "markdown", "json", "html")
	dsn := c.fs.String("db", "", "also store the articles in this database (a SQLite path or postgres:// URL); empty: in memory only")
	llm := llmFlags(c.fs)
	if err := c.parse(args); err != nil {
		return err
	}
	p := pipeline.New(c.opts)
	var sink *storeSink
	if *dsn != "" {
		var err error
		if sink, err = openSink(ctx, e, *dsn, p); err != nil {
			return err
		}
		p.YieldKnown() // brief every input, stored before or not
		defer sink.close()
	}
	var arts []model.Article
	readErr := c.read(ctx, e, p, func(a model.Article) error {
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
	b := rewritten(ctx, e, brief.Build(pipeline.Stories(arts, c.briefOptions())), llm())
	if err := render(e, *c.format, b); err != nil {
		return err
	}
	return readErr
}

// render writes a briefing in format.
func render(e *env, format string, b model.Brief) error {
	var err error
	switch format {
	case "json":
		err = brief.JSON(e.stdout, b)
	case "html":
		err = brief.HTML(e.stdout, b)
	case "markdown":
		err = brief.Markdown(e.stdout, b)
	default:
		err = brief.Text(e.stdout, b, brief.TextOptions{Color: isTerminal(e.stdout)})
	}
	return err
}
