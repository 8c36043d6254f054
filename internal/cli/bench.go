package cli

import (
	"context"
	"fmt"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/storydesk/storydesk/internal/annotate"
	"github.com/storydesk/storydesk/internal/model"
	"github.com/storydesk/storydesk/internal/pipeline"
)

// benchTasks are the throughput figures storydesk bench prints.
func benchTasks() map[string]command {
	return map[string]command{
		"annotate": {"full annotation chain: articles/s and allocations per article", runBenchAnnotate},
	}
}

func runBench(ctx context.Context, e *env, args []string) error {
	return dispatch(ctx, e, "bench", benchTasks(), args)
}

func runBenchAnnotate(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "bench annotate", "[flags] [PATH...]", "storydesk bench annotate -n 5000 testdata/seeds")
	n := fs.Int("n", 4000, "articles to annotate (the inputs' articles repeated)")
	workers := fs.Int("workers", runtime.GOMAXPROCS(0), "goroutines annotating at once")
	if err := parse(fs, args); err != nil {
		return err
	}
	inputs := fs.Args()
	if len(inputs) == 0 {
		inputs = []string{"testdata/seeds"}
	}
	var arts []model.Article
	for a, err := range pipeline.New(pipeline.DefaultOptions()).Read(ctx, inputs) {
		if err != nil {
			fmt.Fprintf(e.stderr, "storydesk: %v\n", oneLine(err))
			continue
		}
		arts = append(arts, a)
	}
	if len(arts) == 0 {
		return fmt.Errorf("no articles in %s", strings.Join(inputs, " "))
	}
	bytes := 0
	for i := range *n {
		bytes += len(arts[i%len(arts)].Text)
	}
	chain := annotate.Default(annotate.DefaultOptions())
	ref := time.Date(2025, 8, 14, 0, 0, 0, 0, time.UTC)
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	start := time.Now()
	var next atomic.Int64
	var wg sync.WaitGroup
	for range max(1, *workers) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1) - 1)
				if i >= *n {
					return
				}
				annotate.Run(chain, arts[i%len(arts)], ref)
			}
		}()
	}
	wg.Wait()
	elapsed := time.Since(start)
	runtime.ReadMemStats(&after)
	fmt.Fprintf(e.stdout, "annotate: %d articles (mean %.1f KB) on %d workers in %v\n", *n, float64(bytes)/float64(*n)/1000, *workers, elapsed.Round(time.Millisecond))
	fmt.Fprintf(e.stdout, "  %.0f articles/s, %.1f MB/s, %.0f allocs/article, %.0f KB allocated/article\n",
		float64(*n)/elapsed.Seconds(), float64(bytes)/elapsed.Seconds()/1e6,
		float64(after.Mallocs-before.Mallocs)/float64(*n), float64(after.TotalAlloc-before.TotalAlloc)/float64(*n)/1024)
	return nil
}
