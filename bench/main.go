// Command bench compares storydesk's main-text extractor with
// go-trafilatura and go-readability on one extraction set, in one run, on
// one core.
//
//	cd bench && go run . extract ../../shared/eval/extraction
//
// It lives in its own module so the peers never enter storydesk's
// dependencies.
package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/url"
	"os"
	"runtime"
	"strings"
	"time"

	readability "codeberg.org/readeck/go-readability/v2"
	trafilatura "github.com/markusmobius/go-trafilatura"

	"github.com/storydesk/storydesk/internal/eval"
	"github.com/storydesk/storydesk/internal/extract"
)

func main() {
	if err := run(context.Background(), os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
}

// extractor is one system under comparison.
type extractor struct {
	name string
	fn   func(page []byte, pageURL string) (string, error)
}

var extractors = []extractor{
	{"storydesk", storydesk},
	{"go-trafilatura", trafilaturaText},
	{"go-readability", readabilityText},
}

func run(ctx context.Context, args []string, w io.Writer) error {
	fs := flag.NewFlagSet("bench", flag.ContinueOnError)
	rounds := fs.Int("rounds", 1, "passes over the set; pages/s counts all of them")
	only := fs.String("only", "", "comma-separated extractor names to run (default all)")
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "usage: go run . extract [-rounds N] [-only storydesk,go-trafilatura] DIR")
		fs.PrintDefaults()
	}
	if len(args) == 0 || args[0] != "extract" {
		fs.Usage()
		return errors.New("want the subcommand extract")
	}
	if err := fs.Parse(args[1:]); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return errors.New("want one extraction set directory")
	}
	// One core, one goroutine: pages/s compare single-core throughput.
	runtime.GOMAXPROCS(1)
	pages, err := eval.LoadExtraction(fs.Arg(0))
	if err != nil {
		return err
	}
	var chosen []extractor
	for _, ex := range extractors {
		if *only == "" || strings.Contains(","+*only+",", ","+ex.name+",") {
			chosen = append(chosen, ex)
		}
	}
	fmt.Fprintf(w, "%d pages from %s, GOMAXPROCS=1, %d round(s), extractors interleaved page by page\n\n", len(pages), fs.Arg(0), *rounds)
	// Page by page, every extractor in turn: load from other processes on
	// the machine then slows all of them alike, and the ratio holds.
	spent := make([]time.Duration, len(chosen))
	preds := make([][]string, len(chosen))
	for i := range preds {
		preds[i] = make([]string, len(pages))
	}
	for r := 0; r < max(*rounds, 1); r++ {
		for pi, p := range pages {
			if err := ctx.Err(); err != nil {
				return err
			}
			for ei, ex := range chosen {
				start := time.Now()
				text, err := ex.fn(p.HTML, p.URL)
				spent[ei] += time.Since(start)
				if err != nil {
					text = ""
				}
				preds[ei][pi] = text
			}
		}
	}
	golds := make([]string, len(pages))
	for i, p := range pages {
		golds[i] = p.Gold
	}
	fmt.Fprintf(w, "%-16s %6s %6s %6s %8s %6s %9s\n", "extractor", "P", "R", "F1", "accuracy", "empty", "pages/s")
	speed := map[string]float64{}
	for ei, ex := range chosen {
		rep := eval.ScoreExtraction(golds, preds[ei])
		rep.PagesPerSec = float64(len(pages)*max(*rounds, 1)) / spent[ei].Seconds()
		speed[ex.name] = rep.PagesPerSec
		fmt.Fprintf(w, "%-16s %6.3f %6.3f %6.3f %8.3f %6d %9.0f\n",
			ex.name, rep.P, rep.R, rep.F1, rep.Accuracy, rep.Empty, rep.PagesPerSec)
	}
	if t := speed["go-trafilatura"]; t > 0 && speed["storydesk"] > 0 {
		fmt.Fprintf(w, "\nstorydesk pages/s ÷ go-trafilatura pages/s = %.2f\n", speed["storydesk"]/t)
	}
	return nil
}

func storydesk(page []byte, pageURL string) (string, error) {
	a, err := extract.HTML(page, pageURL, extract.DefaultOptions())
	if errors.Is(err, extract.ErrNoText) {
		return a.Text, nil
	}
	return a.Text, err
}

func trafilaturaText(page []byte, pageURL string) (string, error) {
	u, _ := url.Parse(pageURL)
	res, err := trafilatura.Extract(bytes.NewReader(page), trafilatura.Options{OriginalURL: u})
	if err != nil {
		return "", err
	}
	return res.ContentText, nil
}

func readabilityText(page []byte, pageURL string) (string, error) {
	u, _ := url.Parse(pageURL)
	art, err := readability.FromReader(bytes.NewReader(page), u)
	if err != nil {
		return "", err
	}
	var b strings.Builder
	if err := art.RenderText(&b); err != nil {
		return "", err
	}
	return b.String(), nil
}
