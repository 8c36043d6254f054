package worker

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"strconv"
	"sync"
	"time"

	"github.com/storydesk/storydesk/internal/extract"
	"github.com/storydesk/storydesk/internal/pipeline"
	"github.com/storydesk/storydesk/internal/source"
	"github.com/storydesk/storydesk/internal/store"
)

// Options tunes a worker.
type Options struct {
	// Name identifies the worker in the queue; empty means host:pid.
	// Goroutines of one worker add "/N".
	Name string
	// Concurrency is how many jobs run at once; 0 means 1. Each holds its
	// own duplicate index (about 1.5 KB per stored article).
	Concurrency int
	// Once stops each runner when no job is queued, instead of polling
	// until the context ends. (Queued jobs it cannot take yet, waiting to
	// be retried or behind a running job with their key, it waits for.)
	Once bool
	// Lease is how long a claimed job stays the worker's without a
	// heartbeat; 0 means one minute. Heartbeats come every third of it.
	Lease time.Duration
	// RetryDelay is how long a failed job waits before its second
	// attempt; each later attempt waits twice as long as the one before.
	// 0 means at once.
	RetryDelay time.Duration
	// PollMin and PollMax bound the wait between claims while the queue
	// is empty: it doubles from PollMin up to PollMax. 0 means 100 ms and
	// 5 s.
	PollMin, PollMax time.Duration
	// Pipeline is how inputs are read; an ingest job's payload overrides
	// its reference date, near-duplicate threshold and fetch flags. Start
	// from DefaultOptions: its zero value is not usable.
	Pipeline pipeline.Options
	// Brief is how articles are annotated and stories rebuilt; as for
	// Pipeline, start from DefaultOptions.
	Brief pipeline.BriefOptions
	// Log receives a line per job begun and ended; nil logs nothing.
	Log *slog.Logger
}

// DefaultOptions returns the options storydesk worker runs with.
func DefaultOptions() Options {
	return Options{
		Concurrency: 1,
		Lease:       time.Minute,
		RetryDelay:  5 * time.Second,
		PollMin:     100 * time.Millisecond,
		PollMax:     5 * time.Second,
		Pipeline:    pipeline.DefaultOptions(),
		Brief:       pipeline.DefaultBriefOptions(),
	}
}

// Stats counts what a worker did.
type Stats struct {
	// Done and Failed count attempts that ended so (a failed attempt may
	// be retried). Lost counts jobs whose lease another worker took.
	Done, Failed, Lost int
	// Stored counts the articles ingest jobs stored.
	Stored int
}

// Run takes and runs jobs from st until ctx ends (or, with Once, until
// no job is left to take). A job in hand when ctx ends is finished first.
// It returns what was done, and an error only when the store fails.
func Run(ctx context.Context, st store.Store, opts Options) (Stats, error) {
	opts = withDefaults(opts)
	var (
		mu    sync.Mutex
		total Stats
		errs  []error
		wg    sync.WaitGroup
	)
	for i := range opts.Concurrency {
		name := opts.Name
		if opts.Concurrency > 1 {
			name += "/" + strconv.Itoa(i+1)
		}
		r := &runner{st: st, opts: opts, name: name}
		wg.Go(func() {
			err := r.loop(ctx)
			mu.Lock()
			defer mu.Unlock()
			total.Done += r.stats.Done
			total.Failed += r.stats.Failed
			total.Lost += r.stats.Lost
			total.Stored += r.stats.Stored
			if err != nil {
				errs = append(errs, err)
			}
		})
	}
	wg.Wait()
	return total, errors.Join(errs...)
}

func withDefaults(o Options) Options {
	d := DefaultOptions()
	if o.Name == "" {
		host, _ := os.Hostname()
		o.Name = host + ":" + strconv.Itoa(os.Getpid())
	}
	o.Concurrency = max(o.Concurrency, 1)
	if o.Lease <= 0 {
		o.Lease = d.Lease
	}
	if o.PollMin <= 0 {
		o.PollMin = d.PollMin
	}
	if o.PollMax < o.PollMin {
		o.PollMax = max(d.PollMax, o.PollMin)
	}
	return o
}

// runner takes one job at a time.
type runner struct {
	st    store.Store
	opts  Options
	name  string
	stats Stats
	in    *reader // the ingest state, made on the first ingest job
	// then, when set by a job, is the recluster to enqueue once the job
	// is finished.
	then *ReclusterOptions
}

func (r *runner) loop(ctx context.Context) error {
	wait := r.opts.PollMin
	for ctx.Err() == nil {
		job, err := r.st.Claim(ctx, []string{KindIngest, KindRecluster}, r.name, r.opts.Lease)
		switch {
		case err == nil:
			wait = r.opts.PollMin
			if err := r.run(ctx, job); err != nil {
				return err
			}
			continue
		case errors.Is(err, store.ErrNoJob):
			if r.opts.Once {
				waiting, err := r.queued(ctx)
				if err != nil || !waiting {
					return err
				}
			}
		case ctx.Err() != nil:
			return nil
		default:
			return err
		}
		select {
		case <-ctx.Done():
		case <-time.After(wait):
		}
		wait = min(wait*2, r.opts.PollMax)
	}
	return nil
}

// queued reports whether a job this worker runs is queued.
func (r *runner) queued(ctx context.Context) (bool, error) {
	for _, kind := range []string{KindIngest, KindRecluster} {
		jobs, err := r.st.ListJobs(ctx, store.JobListOptions{State: store.JobQueued, Kind: kind, Limit: 1})
		if err != nil || len(jobs) > 0 {
			return len(jobs) > 0, err
		}
	}
	return false, nil
}

// run runs job under its lease, heartbeating, and records how it ended.
// The job goes on when ctx ends (the worker finishes the job in hand);
// it stops if the lease is lost.
func (r *runner) run(ctx context.Context, job store.Job) error {
	jctx, cancel := context.WithCancel(context.WithoutCancel(ctx))
	defer cancel()
	lost := make(chan struct{})
	beat := make(chan struct{})
	go func() {
		defer close(beat)
		t := time.NewTicker(r.opts.Lease / 3)
		defer t.Stop()
		for {
			select {
			case <-jctx.Done():
				return
			case <-t.C:
				if err := r.st.Heartbeat(jctx, job.ID, r.name, r.opts.Lease); errors.Is(err, store.ErrLeaseLost) {
					close(lost)
					cancel()
					return
				}
			}
		}
	}()
	r.logf(slog.LevelInfo, "job started", job)
	r.then = nil
	start := time.Now()
	result, err := r.do(jctx, job)
	cancel()
	<-beat
	select {
	case <-lost:
		r.stats.Lost++
		r.logf(slog.LevelWarn, "job lease lost", job)
		return nil
	default:
	}
	out := store.Outcome{Result: result}
	if err != nil {
		out.Error = err.Error()
		out.RetryIn = r.opts.RetryDelay << min(max(job.Attempts-1, 0), 16)
		out.Permanent = permanent(err)
	}
	fin, ferr := r.st.Finish(context.WithoutCancel(ctx), job.ID, r.name, out)
	if errors.Is(ferr, store.ErrLeaseLost) {
		r.stats.Lost++
		return nil
	}
	if ferr != nil {
		return ferr
	}
	if then := r.then; then != nil {
		r.then = nil
		if _, err := EnqueueRecluster(context.WithoutCancel(ctx), r.st, *then); err != nil {
			return err
		}
	}
	if err != nil {
		r.stats.Failed++
		if r.opts.Log != nil {
			r.opts.Log.Warn("job failed", "id", job.ID, "kind", job.Kind, "state", fin.State, "attempt", fin.Attempts, "error", fin.Error)
		}
		return nil
	}
	r.stats.Done++
	if r.opts.Log != nil {
		r.opts.Log.Info("job done", "id", job.ID, "kind", job.Kind, "took", time.Since(start).Round(time.Millisecond))
	}
	return nil
}

func (r *runner) logf(level slog.Level, msg string, job store.Job) {
	if r.opts.Log != nil {
		r.opts.Log.Log(context.Background(), level, msg, "id", job.ID, "kind", job.Kind, "worker", r.name)
	}
}

// do runs job and returns its result as JSON. A panic in a stage fails
// the job, not the worker.
func (r *runner) do(ctx context.Context, job store.Job) (result []byte, err error) {
	defer func() {
		if p := recover(); p != nil {
			// The same input would panic again.
			result, err = nil, permanentError{fmt.Errorf("job %d (%s): panic: %v", job.ID, job.Kind, p)}
		}
	}()
	switch job.Kind {
	case KindIngest:
		return r.ingest(ctx, job)
	case KindRecluster:
		return r.recluster(ctx, job)
	default:
		return nil, fmt.Errorf("job %d: unknown kind %q", job.ID, job.Kind)
	}
}

// permanentError marks an error that a retry cannot mend.
type permanentError struct{ error }

func (e permanentError) Unwrap() error { return e.error }

// lasting are the errors of input that reads the same way every time:
// missing, malformed, undecodable, refused, too large or without text.
// A robots.txt refusal is not among them: a server that fails to serve
// its robots.txt refuses everything until it serves it again.
var lasting = []error{
	source.ErrNotFound, source.ErrMalformed, source.ErrDecode, source.ErrUnsupported,
	source.ErrRefused, source.ErrTooLarge, source.ErrRedirects,
	extract.ErrNoText, store.ErrInvalid,
}

// permanent reports whether err will come back on a retry of its job:
// the job then fails at once rather than use its attempts. Timeouts,
// HTTP errors, robots.txt refusals and the store's own errors may pass
// and are retried.
func permanent(err error) bool {
	var p permanentError
	if errors.As(err, &p) {
		return true
	}
	for _, e := range lasting {
		if errors.Is(err, e) {
			return true
		}
	}
	return false
}
