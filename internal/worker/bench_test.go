package worker_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/storydesk/storydesk/internal/dedup"
	"github.com/storydesk/storydesk/internal/store"
	"github.com/storydesk/storydesk/internal/store/pgtest"
	"github.com/storydesk/storydesk/internal/worker"
)

// BenchmarkWorkers ingests a synthetic corpus (one file per article, one
// job per file, then the recluster) through the queue on PostgreSQL with
// 1, 2 and 4 workers, each on its own connection pool, and reports
// articles per second from the first claim to the empty queue. The
// articles-only runs store the articles alone (no annotations, no
// recluster), to tell the two costs apart.
//
//	go test ./internal/worker -run '^$' -bench Workers -benchtime 1x -count 5
func BenchmarkWorkers(b *testing.B) {
	dir := b.TempDir()
	corpus := dedup.Synthesize(dedup.SynthOptions{Articles: 160, Seed: 7, Topics: 20,
		ExactCopies: 0.05, NearCopies: 0.05, Rewrites: 0.05})
	var inputs []string
	for i, a := range corpus {
		p := filepath.Join(dir, fmt.Sprintf("%04d.txt", i))
		text := fmt.Sprintf("Report %d\n\nPublished 4 November 2025.\n\n%s\n", i, a.Text)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			b.Fatal(err)
		}
		inputs = append(inputs, p)
	}
	for _, mode := range []string{"stories", "articles-only"} {
		for _, workers := range []int{1, 2, 4} {
			b.Run(fmt.Sprintf("%s/workers=%d", mode, workers), func(b *testing.B) {
				benchWorkers(b, inputs, workers, mode == "articles-only")
			})
		}
	}
}

func benchWorkers(b *testing.B, inputs []string, workers int, articlesOnly bool) {
	b.ReportAllocs()
	ctx := context.Background()
	var total time.Duration
	for range b.N {
		b.StopTimer()
		dsn := pgtest.Database(b)
		q := openPG(b, dsn)
		for _, in := range inputs {
			if _, err := worker.EnqueueInput(ctx, q, worker.Input{Input: in, Date: "2025-11-04", NoStories: articlesOnly}); err != nil {
				b.Fatal(err)
			}
		}
		stores := make([]store.Store, workers)
		for i := range stores {
			stores[i] = openPG(b, dsn)
		}
		b.StartTimer()
		start := time.Now()
		errs := make(chan error, workers)
		for i, st := range stores {
			go func() {
				opts := worker.DefaultOptions()
				opts.Name, opts.Once = fmt.Sprintf("w%d", i), true
				opts.Pipeline.Workers = 1
				_, err := worker.Run(ctx, st, opts)
				errs <- err
			}()
		}
		for range workers {
			if err := <-errs; err != nil {
				b.Fatal(err)
			}
		}
		total += time.Since(start)
		b.StopTimer()
		if c, err := q.CountJobs(ctx); err != nil || c[store.JobDone] < len(inputs) || c[store.JobQueued]+c[store.JobFailed] > 0 {
			b.Fatalf("jobs %v (%v); want every job done", c, err)
		}
		b.StartTimer()
	}
	b.ReportMetric(float64(len(inputs)*b.N)/total.Seconds(), "docs/s")
}
