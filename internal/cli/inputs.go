package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"strings"
	"time"

	"github.com/storydesk/storydesk/internal/model"
	"github.com/storydesk/storydesk/internal/pipeline"
)

// inputFlags are the flags of every command that reads inputs.
type inputFlags struct {
	allowPrivate bool
	date         string
	quiet        bool
	nearDup      float64
	workers      int
	noFollow     bool
}

func (f *inputFlags) register(fs *flag.FlagSet) {
	def := pipeline.DefaultOptions()
	fs.BoolVar(&f.allowPrivate, "allow-private", false, "allow fetching from loopback and private network addresses")
	fs.StringVar(&f.date, "date", "", "reference date `YYYY-MM-DD` for inputs that carry none")
	fs.BoolVar(&f.quiet, "quiet", false, "show no progress")
	fs.Float64Var(&f.nearDup, "near-dup", def.Dedup.Threshold, "estimated Jaccard similarity from which an article counts as a near duplicate")
	fs.IntVar(&f.workers, "workers", 0, "documents extracted at once (0: one per CPU)")
	fs.BoolVar(&f.noFollow, "no-follow", false, "do not fetch the pages that short feed entries link to")
}

func (f *inputFlags) options() (pipeline.Options, error) {
	opts := pipeline.DefaultOptions()
	opts.Source.Fetch.AllowPrivate = f.allowPrivate
	opts.Source.Fetch.UserAgent = "storydesk/" + Version + " (+https://github.com/storydesk/storydesk)"
	opts.Source.FollowLinks = !f.noFollow
	opts.Workers = f.workers
	if f.nearDup <= 0 || f.nearDup > 1 {
		return opts, fmt.Errorf("%w: -near-dup must be in (0, 1], not %v", errUsage, f.nearDup)
	}
	opts.Dedup.Threshold = f.nearDup
	if f.date != "" {
		d, err := time.Parse(time.DateOnly, f.date)
		if err != nil {
			return opts, fmt.Errorf("%w: -date %q is not YYYY-MM-DD", errUsage, f.date)
		}
		opts.Reference = d
	}
	return opts, nil
}

// readAll runs the pipeline over inputs and calls each for every article,
// reporting every failed input on its own stderr line and showing
// progress. It returns errInputs when any input failed, after the others
// were read.
func readAll(ctx context.Context, e *env, p *pipeline.Pipeline, f *inputFlags, inputs []string, each func(model.Article) error) error {
	if len(inputs) == 0 {
		return fmt.Errorf("%w: no inputs given", errUsage)
	}
	prog := newProgress(e, "read", "articles", 0)
	if f.quiet {
		prog.quiet()
	}
	failed := 0
	for a, err := range p.Read(ctx, inputs) {
		if err != nil {
			failed++
			prog.clearLine()
			fmt.Fprintf(e.stderr, "storydesk: %v\n", oneLine(err))
			prog.add(0, 1)
			continue
		}
		if err := each(a); err != nil {
			prog.finish()
			return err
		}
		prog.add(1, 0)
	}
	prog.finish()
	if err := ctx.Err(); err != nil {
		return err
	}
	if failed > 0 {
		return errInputs
	}
	return nil
}

// oneLine renders an error on one line.
func oneLine(err error) string {
	s := err.Error()
	out := make([]rune, 0, len(s))
	for _, r := range s {
		if r == '\n' || r == '\r' {
			r = ' '
		}
		out = append(out, r)
	}
	return string(out)
}

// isInputs reports whether err only says that some inputs failed.
func isInputs(err error) bool { return errors.Is(err, errInputs) }

// inputCommand is the frame of a command that reads inputs: its flag set
// with the input flags and a -format flag, and the pipeline options the
// flags give.
type inputCommand struct {
	fs      *flag.FlagSet
	in      inputFlags
	format  *string
	formats []string
	opts    pipeline.Options
}

// newInputCommand registers the input flags and -format, whose first
// allowed value is the default.
func newInputCommand(e *env, name, example string, formats ...string) *inputCommand {
	c := &inputCommand{fs: newFlags(e, name, "[flags] PATH|URL...", example), formats: formats}
	c.format = c.fs.String("format", formats[0], "output `format`: "+strings.Join(formats, ", "))
	c.in.register(c.fs)
	return c
}

// parse reads args and checks the flags.
func (c *inputCommand) parse(args []string) error {
	if err := parse(c.fs, args); err != nil {
		return err
	}
	if err := oneOf("format", *c.format, c.formats...); err != nil {
		return err
	}
	var err error
	c.opts, err = c.in.options()
	return err
}

// read runs the pipeline over the command's inputs, calling each for every
// article; see readAll.
func (c *inputCommand) read(ctx context.Context, e *env, p *pipeline.Pipeline, each func(model.Article) error) error {
	return readAll(ctx, e, p, &c.in, c.fs.Args(), each)
}

// collect reads every input into memory. Besides the articles it returns
// errInputs when some inputs failed (the rest were read); any other error
// means the run stopped.
func (c *inputCommand) collect(ctx context.Context, e *env) ([]model.Article, error) {
	var arts []model.Article
	err := c.read(ctx, e, pipeline.New(c.opts), func(a model.Article) error {
		arts = append(arts, a)
		return nil
	})
	if err != nil && !isInputs(err) {
		return nil, err
	}
	return arts, err
}

// briefOptions are the later stages' options, with the reference date the
// flags give.
func (c *inputCommand) briefOptions() pipeline.BriefOptions {
	o := pipeline.DefaultBriefOptions()
	o.Reference = c.opts.Reference
	return o
}
