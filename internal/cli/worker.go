package cli

import (
	"context"
	"fmt"
	"log/slog"
	"time"

	"github.com/storydesk/storydesk/internal/worker"
)

func runWorker(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "worker", "[flags]", "storydesk worker --db postgres://storydesk@db/news --concurrency 2")
	dsn := dbFlag(fs)
	once := fs.Bool("once", false, "run jobs until none is queued, then exit")
	concurrency := fs.Int("concurrency", 1, "jobs run at once")
	name := fs.String("name", "", "worker `name` in the queue (default host:pid)")
	lease := fs.Duration("lease", worker.DefaultOptions().Lease, "how long a job stays this worker's without a heartbeat")
	retry := fs.Duration("retry-delay", worker.DefaultOptions().RetryDelay, "wait before a failed job's second attempt (doubling for each later one)")
	quiet := fs.Bool("quiet", false, "log only failures")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 0 {
		return fmt.Errorf("%w: worker takes no arguments (queue inputs with storydesk ingest --queue)", errUsage)
	}
	if *concurrency < 1 {
		return fmt.Errorf("%w: -concurrency must be at least 1", errUsage)
	}
	if *lease < time.Second {
		return fmt.Errorf("%w: -lease must be at least 1s", errUsage)
	}
	st, err := openStore(ctx, *dsn)
	if err != nil {
		return err
	}
	defer st.Close()
	opts := worker.DefaultOptions()
	opts.Name, opts.Concurrency, opts.Once, opts.Lease, opts.RetryDelay = *name, *concurrency, *once, *lease, max(*retry, 0)
	opts.Pipeline.Source.Fetch.UserAgent = "storydesk/" + Version + " (+https://github.com/storydesk/storydesk)"
	level := slog.LevelInfo
	if *quiet {
		level = slog.LevelWarn
	}
	opts.Log = slog.New(slog.NewTextHandler(e.stderr, &slog.HandlerOptions{Level: level}))
	stats, err := worker.Run(ctx, st, opts)
	fmt.Fprintf(e.stdout, "%d jobs done, %d attempts failed, %d leases lost, %d articles stored\n",
		stats.Done, stats.Failed, stats.Lost, stats.Stored)
	return err
}
