package cli

import (
	"context"
	"errors"
	"fmt"
	"text/tabwriter"

	"github.com/storydesk/storydesk/internal/eval"
	"github.com/storydesk/storydesk/internal/extract"
	"github.com/storydesk/storydesk/internal/model"
)

func runEvalExtract(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "eval extract", "DIR", "storydesk eval extract ../shared/eval/extraction")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return fmt.Errorf("%w: give one directory holding pages.jsonl", errUsage)
	}
	opts := extract.DefaultOptions()
	opts.MinTextChars = 0
	r, err := eval.Extraction(ctx, fs.Arg(0), func(page []byte, url string) (string, error) {
		a, err := extract.HTML(page, url, opts)
		if errors.Is(err, extract.ErrNoText) {
			return a.Text, nil
		}
		return a.Text, err
	})
	if err != nil {
		return err
	}
	w := tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(w, "extractor\tpages\tempty\tP\tR\tF1\taccuracy\tpages/s")
	fmt.Fprintf(w, "storydesk\t%d\t%d\t%.3f\t%.3f\t%.3f\t%.3f\t%.0f\n", r.Pages, r.Empty, r.P, r.R, r.F1, r.Accuracy, r.PagesPerSec)
	return w.Flush()
}

func runEvalMetadata(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "eval metadata", "DIR [-v]", "storydesk eval metadata ../shared/eval/metadata")
	verbose := fs.Bool("v", false, "list the pages whose title, authors or published time miss")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return fmt.Errorf("%w: give one directory holding pages.jsonl", errUsage)
	}
	opts := extract.DefaultOptions()
	opts.MinTextChars = 0
	r, err := eval.Metadata(ctx, fs.Arg(0), func(page []byte, url string) (model.Article, error) {
		a, err := extract.HTML(page, url, opts)
		if errors.Is(err, extract.ErrNoText) {
			err = nil
		}
		return a, err
	})
	if err != nil {
		return err
	}
	w := tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintf(w, "pages\t%d (%d with authors, %d errors)\n", r.Pages, r.AuthorPages, r.Errors)
	fmt.Fprintf(w, "title\texact %.3f\ttoken F1 %.3f\n", r.TitleExact, r.TitleF1)
	fmt.Fprintf(w, "authors\tP %.3f\tR %.3f\tF1 %.3f\texact %.3f\n", r.AuthorP, r.AuthorR, r.AuthorF1, r.AuthorExact)
	fmt.Fprintf(w, "published\texact %.3f\tsame day %.3f\tcoverage %.3f\n", r.PublishedExact, r.PublishedSameDay, r.PublishedCoverage)
	fmt.Fprintf(w, "speed\t%.0f pages/s\n", r.PagesPerSec)
	if err := w.Flush(); err != nil {
		return err
	}
	if *verbose {
		for _, s := range r.PerPage {
			if !s.TitleExact {
				fmt.Fprintf(e.stdout, "%s title: got %q, want %q\n", s.ID, s.Title, s.GoldTitle)
			}
			if s.AuthorsScored && !s.AuthorsExact {
				fmt.Fprintf(e.stdout, "%s authors: got %q, want %q\n", s.ID, s.Authors, s.GoldAuthors)
			}
			if !s.PublishedExact {
				fmt.Fprintf(e.stdout, "%s published: got %q, want %q\n", s.ID, s.Published, s.GoldPublished)
			}
		}
	}
	return nil
}
