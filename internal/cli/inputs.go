package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
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
