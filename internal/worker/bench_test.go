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
// articles per second from the first claim to the empty queue.
//
//	go test ./internal/worker -run '^$' -bench Workers -benchtime 1x
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
	for _, workers := range []int{1, 2, 4} {
		b.Run(fmt.Sprintf("workers=%d", workers), func(b *testing.B) {
			b.ReportAllocs()
			var total time.Duration
			for range b.N {
				b.StopTimer()
				dsn := pgtest.Database(b)
				q := openPG(b, dsn)
				for _, in := range inputs {
					if _, err := worker.EnqueueInput(context.Background(), q, worker.Input{Input: in, Date: "2025-11-04"}); err != nil {
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
						_, err := worker.Run(context.Background(), st, opts)
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
				if c, err := q.CountJobs(context.Background()); err != nil || c[store.JobDone] < len(inputs)+1 {
					b.Fatalf("jobs %v (%v); want every job done", c, err)
				}
				b.StartTimer()
			}
			b.ReportMetric(float64(len(inputs)*b.N)/total.Seconds(), "docs/s")
		})
	}
}
