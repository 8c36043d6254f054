package storetest

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/storydesk/storydesk/internal/store"
)

// testJobLifecycle follows one job from queued to done, with the listing
// and counts along the way.
func testJobLifecycle(t *testing.T, s store.Store) {
	ctx := context.Background()
	j, created, err := s.Enqueue(ctx, store.NewJob{Kind: "ingest", Payload: []byte(`{"input":"a.html"}`)})
	if err != nil || !created {
		t.Fatalf("Enqueue = %v, %v; want created", created, err)
	}
	if j.State != store.JobQueued || j.Attempts != 0 || j.MaxAttempts != store.DefaultMaxAttempts || j.Created.IsZero() {
		t.Errorf("enqueued job = %+v; want queued, 0 attempts, default max, a creation time", j)
	}
	other := enqueue(t, s, store.NewJob{Kind: "other"})
	if _, err := s.Claim(ctx, []string{"nothing-of-this-kind"}, "w1", time.Minute); !errors.Is(err, store.ErrNoJob) {
		t.Errorf("Claim of an absent kind = %v; want ErrNoJob", err)
	}
	got, err := s.Claim(ctx, []string{"ingest"}, "w1", time.Minute)
	if err != nil {
		t.Fatal(err)
	}
	if got.ID != j.ID || got.State != store.JobRunning || got.Attempts != 1 || got.Worker != "w1" ||
		got.LeaseUntil.Before(time.Now().Add(30*time.Second)) || got.Started.IsZero() || string(got.Payload) != `{"input":"a.html"}` {
		t.Errorf("claimed %+v; want job %d running under w1 for about a minute with its payload", got, j.ID)
	}
	if _, err := s.Claim(ctx, []string{"ingest"}, "w2", time.Minute); !errors.Is(err, store.ErrNoJob) {
		t.Errorf("second Claim = %v; want ErrNoJob while the lease lives", err)
	}
	if _, err := s.Finish(ctx, j.ID, "w2", store.Outcome{}); !errors.Is(err, store.ErrLeaseLost) {
		t.Errorf("Finish by a worker that does not hold the job = %v; want ErrLeaseLost", err)
	}
	done, err := s.Finish(ctx, j.ID, "w1", store.Outcome{Result: []byte(`{"stored":2}`)})
	if err != nil {
		t.Fatal(err)
	}
	if done.State != store.JobDone || done.Finished.IsZero() || string(done.Result) != `{"stored":2}` || !done.LeaseUntil.IsZero() {
		t.Errorf("finished job = %+v; want done with its result and end time", done)
	}
	if _, err := s.Finish(ctx, j.ID, "w1", store.Outcome{}); !errors.Is(err, store.ErrLeaseLost) {
		t.Errorf("Finish twice = %v; want ErrLeaseLost", err)
	}
	if err := s.Heartbeat(ctx, j.ID, "w1", time.Minute); !errors.Is(err, store.ErrLeaseLost) {
		t.Errorf("Heartbeat of a done job = %v; want ErrLeaseLost", err)
	}
	stored, err := s.Job(ctx, j.ID)
	if err != nil || stored.State != store.JobDone || string(stored.Result) != `{"stored":2}` {
		t.Errorf("Job = %+v, %v; want it done", stored, err)
	}
	if _, err := s.Job(ctx, other.ID+100); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Job of an unknown id = %v; want ErrNotFound", err)
	}
	all, err := s.ListJobs(ctx, store.JobListOptions{})
	if err != nil || len(all) != 2 || all[0].ID != j.ID || all[1].ID != other.ID {
		t.Errorf("ListJobs = %v, %v; want both, oldest first", jobIDs(all), err)
	}
	queued, err := s.ListJobs(ctx, store.JobListOptions{State: store.JobQueued})
	if err != nil || len(queued) != 1 || queued[0].ID != other.ID {
		t.Errorf("ListJobs(queued) = %v, %v; want [%d]", jobIDs(queued), err, other.ID)
	}
	paged, err := s.ListJobs(ctx, store.JobListOptions{Limit: 1, Offset: 1})
	if err != nil || len(paged) != 1 || paged[0].ID != other.ID {
		t.Errorf("ListJobs(limit 1, offset 1) = %v, %v; want [%d]", jobIDs(paged), err, other.ID)
	}
	after, err := s.ListJobs(ctx, store.JobListOptions{AfterID: j.ID})
	if err != nil || len(after) != 1 || after[0].ID != other.ID {
		t.Errorf("ListJobs(after %d) = %v, %v; want [%d]", j.ID, jobIDs(after), err, other.ID)
	}
	counts, err := s.CountJobs(ctx)
	want := map[store.JobState]int{store.JobDone: 1, store.JobQueued: 1}
	if err != nil || fmt.Sprint(counts) != fmt.Sprint(want) {
		t.Errorf("CountJobs = %v, %v; want %v", counts, err, want)
	}
}

// testJobInvalid checks what Enqueue and Finish refuse.
func testJobInvalid(t *testing.T, s store.Store) {
	ctx := context.Background()
	for _, nj := range []store.NewJob{
		{Kind: ""},
		{Kind: "ingest", Payload: []byte(`{"input":`)},
		{Kind: "ingest", MaxAttempts: -1},
		{Kind: "in\x00gest"},
	} {
		if _, _, err := s.Enqueue(ctx, nj); !errors.Is(err, store.ErrInvalid) {
			t.Errorf("Enqueue(%+v) = %v; want ErrInvalid", nj, err)
		}
	}
	j := enqueue(t, s, store.NewJob{Kind: "ingest"})
	claim(t, s, "w", time.Minute)
	if _, err := s.Finish(ctx, j.ID, "w", store.Outcome{Result: []byte("not json")}); !errors.Is(err, store.ErrInvalid) {
		t.Errorf("Finish with a result that is not JSON = %v; want ErrInvalid", err)
	}
	f, err := s.Finish(ctx, j.ID, "w", store.Outcome{Error: "bad\x00 input\nsecond line"})
	if err != nil || f.Error != "bad input second line" {
		t.Errorf("Finish with a NUL and a newline in the error = %q, %v; want it on one line without the NUL", f.Error, err)
	}
	if n, _ := s.CountJobs(ctx); n[store.JobQueued] != 1 {
		t.Errorf("counts %v; want the one valid job queued again", n)
	}
}

// testJobClaimExclusive has several claimers drain one queue at once:
// each job must be claimed once, by one of them.
func testJobClaimExclusive(t *testing.T, s store.Store) {
	ctx := context.Background()
	const jobs, claimers = 60, 6
	for i := range jobs {
		enqueue(t, s, store.NewJob{Kind: "ingest", Payload: fmt.Appendf(nil, `{"n":%d}`, i)})
	}
	var mu sync.Mutex
	claimedBy := make(map[int64]string)
	errs := make([]error, claimers)
	var wg sync.WaitGroup
	for c := range claimers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			name := fmt.Sprintf("w%d", c)
			for {
				j, err := s.Claim(ctx, nil, name, time.Minute)
				if errors.Is(err, store.ErrNoJob) {
					return
				}
				if err != nil {
					errs[c] = err
					return
				}
				mu.Lock()
				if prev, ok := claimedBy[j.ID]; ok {
					errs[c] = fmt.Errorf("job %d claimed by %s and %s", j.ID, prev, name)
				}
				claimedBy[j.ID] = name
				mu.Unlock()
				if _, err := s.Finish(ctx, j.ID, name, store.Outcome{}); err != nil {
					errs[c] = err
					return
				}
			}
		}()
	}
	wg.Wait()
	for c, err := range errs {
		if err != nil {
			t.Errorf("claimer %d: %v", c, err)
		}
	}
	counts, err := s.CountJobs(ctx)
	if err != nil || len(claimedBy) != jobs || counts[store.JobDone] != jobs {
		t.Errorf("claimed %d jobs, counts %v (%v); want all %d claimed once and done", len(claimedBy), counts, err, jobs)
	}
}

// testJobLease checks that a heartbeat keeps a job and that an expired
// lease lets another worker take it, after which the first worker has
// lost it.
func testJobLease(t *testing.T, s store.Store) {
	ctx := context.Background()
	j := enqueue(t, s, store.NewJob{Kind: "ingest"})
	claim(t, s, "slow", 300*time.Millisecond)
	if err := s.Heartbeat(ctx, j.ID, "slow", time.Hour); err != nil {
		t.Fatal(err)
	}
	time.Sleep(400 * time.Millisecond)
	if _, err := s.Claim(ctx, nil, "other", time.Minute); !errors.Is(err, store.ErrNoJob) {
		t.Fatalf("Claim after a heartbeat = %v; want ErrNoJob: the lease was extended", err)
	}
	if err := s.Heartbeat(ctx, j.ID, "slow", 50*time.Millisecond); err != nil {
		t.Fatal(err)
	}
	time.Sleep(150 * time.Millisecond)
	got := claim(t, s, "other", time.Minute)
	if got.ID != j.ID || got.Attempts != 2 || got.Worker != "other" {
		t.Errorf("reclaimed %+v; want job %d on its second attempt under 'other'", got, j.ID)
	}
	if err := s.Heartbeat(ctx, j.ID, "slow", time.Minute); !errors.Is(err, store.ErrLeaseLost) {
		t.Errorf("Heartbeat by the worker whose lease expired = %v; want ErrLeaseLost", err)
	}
	if _, err := s.Finish(ctx, j.ID, "slow", store.Outcome{}); !errors.Is(err, store.ErrLeaseLost) {
		t.Errorf("Finish by the worker whose lease expired = %v; want ErrLeaseLost", err)
	}
	if f, err := s.Finish(ctx, j.ID, "other", store.Outcome{}); err != nil || f.State != store.JobDone {
		t.Errorf("Finish by the new holder = %+v, %v; want done", f, err)
	}
}

// testJobRetries checks that a failed attempt is queued again until the
// job has used its attempts, and then fails for good with its error; and
// that a permanent error fails it at once.
func testJobRetries(t *testing.T, s store.Store) {
	ctx := context.Background()
	j := enqueue(t, s, store.NewJob{Kind: "ingest", MaxAttempts: 2})
	claim(t, s, "w", time.Minute)
	f, err := s.Finish(ctx, j.ID, "w", store.Outcome{Result: []byte(`{"stored":1}`), Error: "feed.xml: timeout", RetryIn: 300 * time.Millisecond})
	if err != nil || f.State != store.JobQueued || f.Error != "feed.xml: timeout" || !f.Finished.IsZero() || string(f.Result) != `{"stored":1}` {
		t.Fatalf("first failure = %+v, %v; want queued again with the error and the result", f, err)
	}
	if f.LeaseUntil.IsZero() {
		t.Errorf("a job waiting to be retried has no LeaseUntil saying when")
	}
	if _, err := s.Claim(ctx, nil, "w2", time.Minute); !errors.Is(err, store.ErrNoJob) {
		t.Fatalf("Claim before the retry delay passed = %v; want ErrNoJob", err)
	}
	time.Sleep(400 * time.Millisecond)
	again := claim(t, s, "w2", time.Minute)
	if again.ID != j.ID || again.Attempts != 2 {
		t.Fatalf("second claim = %+v; want job %d, attempt 2", again, j.ID)
	}
	f, err = s.Finish(ctx, j.ID, "w2", store.Outcome{Error: "feed.xml: parse error"})
	if err != nil || f.State != store.JobFailed || f.Error != "feed.xml: parse error" || f.Finished.IsZero() || string(f.Result) != `{"stored":1}` {
		t.Fatalf("last failure = %+v, %v; want failed for good with the last error, the earlier result kept", f, err)
	}
	if _, err := s.Claim(ctx, nil, "w", time.Minute); !errors.Is(err, store.ErrNoJob) {
		t.Errorf("Claim after the job failed for good = %v; want ErrNoJob", err)
	}

	// A permanent error fails the job at once, attempts left or not.
	p := enqueue(t, s, store.NewJob{Kind: "ingest", MaxAttempts: 3})
	claim(t, s, "w", time.Minute)
	f, err = s.Finish(ctx, p.ID, "w", store.Outcome{Error: "missing.txt: not found", RetryIn: time.Millisecond, Permanent: true})
	if err != nil || f.State != store.JobFailed || f.Attempts != 1 || f.Finished.IsZero() || !f.LeaseUntil.IsZero() {
		t.Fatalf("permanent failure = %+v, %v; want failed for good after one attempt", f, err)
	}
	if _, err := s.Claim(ctx, nil, "w", time.Minute); !errors.Is(err, store.ErrNoJob) {
		t.Errorf("Claim after a permanent failure = %v; want ErrNoJob", err)
	}
}

// testJobKeys checks that keyed jobs coalesce while queued and never run
// two at a time.
func testJobKeys(t *testing.T, s store.Store) {
	ctx := context.Background()
	rc := store.NewJob{Kind: "recluster", Key: "recluster"}
	first := enqueue(t, s, rc)
	same, created, err := s.Enqueue(ctx, rc)
	if err != nil || created || same.ID != first.ID {
		t.Fatalf("second Enqueue = job %d, created %v, %v; want job %d, not created", same.ID, created, err, first.ID)
	}
	plain := enqueue(t, s, store.NewJob{Kind: "recluster"})
	if plain.ID == first.ID {
		t.Errorf("an unkeyed job coalesced with a keyed one")
	}
	if got := claim(t, s, "a", time.Minute); got.ID != first.ID {
		t.Fatalf("claimed %d; want %d", got.ID, first.ID)
	}
	second := enqueue(t, s, rc)
	if second.ID == first.ID {
		t.Fatal("Enqueue while the keyed job runs returned the running job; want a new queued one")
	}
	if got := claim(t, s, "b", time.Minute); got.ID != plain.ID {
		t.Errorf("claimed %d; want the unkeyed job %d, the keyed one waiting", got.ID, plain.ID)
	}
	if _, err := s.Claim(ctx, nil, "b", time.Minute); !errors.Is(err, store.ErrNoJob) {
		t.Errorf("Claim while a job with the same key runs = %v; want ErrNoJob", err)
	}
	if _, err := s.Finish(ctx, first.ID, "a", store.Outcome{}); err != nil {
		t.Fatal(err)
	}
	if got := claim(t, s, "b", time.Minute); got.ID != second.ID {
		t.Errorf("claimed %d after the first finished; want %d", got.ID, second.ID)
	}

	// Many enqueuers at once still leave one queued job per key.
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() { s.Enqueue(ctx, store.NewJob{Kind: "recluster", Key: "other-key"}) })
	}
	wg.Wait()
	queued, err := s.ListJobs(ctx, store.JobListOptions{State: store.JobQueued})
	n := 0
	for _, j := range queued {
		if j.Key == "other-key" {
			n++
		}
	}
	if err != nil || n != 1 {
		t.Errorf("%d queued jobs with the key after concurrent enqueues (%v); want 1", n, err)
	}
}

func enqueue(t *testing.T, s store.Store, nj store.NewJob) store.Job {
	t.Helper()
	j, _, err := s.Enqueue(context.Background(), nj)
	if err != nil {
		t.Fatal(err)
	}
	return j
}

func claim(t *testing.T, s store.Store, worker string, lease time.Duration) store.Job {
	t.Helper()
	j, err := s.Claim(context.Background(), nil, worker, lease)
	if err != nil {
		t.Fatalf("Claim(%s): %v", worker, err)
	}
	return j
}

func jobIDs(jobs []store.Job) []int64 {
	out := make([]int64, len(jobs))
	for i, j := range jobs {
		out[i] = j.ID
	}
	return out
}
