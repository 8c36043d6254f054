package worker_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/storydesk/storydesk/internal/model"
	"github.com/storydesk/storydesk/internal/pipeline"
	"github.com/storydesk/storydesk/internal/store"
	"github.com/storydesk/storydesk/internal/store/pgtest"
	"github.com/storydesk/storydesk/internal/store/postgres"
	"github.com/storydesk/storydesk/internal/store/sqlite"
	"github.com/storydesk/storydesk/internal/worker"
)

func TestMain(m *testing.M) { os.Exit(pgtest.Main(m)) }

// testInputs are the seed files one by one, with a near copy of a local
// news story queued before its original and an exact copy after it, and an
// input that cannot be read.
func testInputs(t *testing.T) []string {
	t.Helper()
	seeds, err := filepath.Glob("../../testdata/seeds/*.txt")
	if err != nil || len(seeds) == 0 {
		t.Fatalf("no seeds: %v", err)
	}
	ins := []string{"testdata/ferry-wire.txt"}
	ins = append(ins, seeds...)
	return append(ins, "testdata/ferry.txt", "testdata/ferry-copy.txt", "testdata/broken.xml")
}

// ingestOnce stores inputs as storydesk ingest does, in one process.
func ingestOnce(t *testing.T, st store.Store, inputs []string) {
	t.Helper()
	ctx := context.Background()
	p := pipeline.New(pipeline.DefaultOptions())
	if err := pipeline.Load(ctx, p, st); err != nil {
		t.Fatal(err)
	}
	sink := pipeline.NewSink(st)
	for a, err := range p.Read(ctx, inputs) {
		if err != nil {
			continue
		}
		if err := sink.Put(ctx, a); err != nil {
			t.Fatal(err)
		}
	}
	if err := sink.Flush(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := pipeline.Recluster(ctx, st, pipeline.DefaultBriefOptions(), nil); err != nil {
		t.Fatal(err)
	}
}

// state is what two ingests of the same inputs must agree on.
type state struct {
	Articles []string // id, duplicate link, similarity, embedding
	Stories  []store.StoryRecord
}

func stateOf(t *testing.T, st store.Store) state {
	t.Helper()
	ctx := context.Background()
	arts, err := st.ListArticles(ctx, store.ListOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var s state
	for _, a := range arts {
		s.Articles = append(s.Articles, fmt.Sprintf("%s dup=%s sim=%.6f in=%s", a.ID, a.DuplicateOf, a.Similarity, a.EmbeddedIn))
	}
	if s.Stories, err = st.ListStories(ctx, store.StoryListOptions{}); err != nil {
		t.Fatal(err)
	}
	for i := range s.Stories {
		s.Stories[i].FirstSeen = s.Stories[i].FirstSeen.UTC()
		s.Stories[i].LastSeen = s.Stories[i].LastSeen.UTC()
	}
	return s
}

func openPG(t testing.TB, dsn string) *postgres.DB {
	t.Helper()
	db, err := postgres.Open(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// TestWorkersMatchOneProcess runs several workers, each on its own
// connection pool, over one queue of inputs, and checks that they store
// the articles, duplicate links and stories one process stores; the
// unreadable input fails for good with a line naming it.
func TestWorkersMatchOneProcess(t *testing.T) {
	ctx := context.Background()
	inputs := testInputs(t)

	want := openPG(t, pgtest.Database(t))
	ingestOnce(t, want, inputs)

	dsn := pgtest.Database(t)
	q := openPG(t, dsn)
	for _, in := range inputs {
		if _, err := worker.EnqueueInput(ctx, q, worker.Input{Input: in}); err != nil {
			t.Fatal(err)
		}
	}
	const workers = 3
	start := time.Now()
	stats := make([]worker.Stats, workers)
	errs := make(chan error, workers)
	for i := range workers {
		st := openPG(t, dsn)
		go func() {
			opts := worker.DefaultOptions()
			opts.Name = fmt.Sprintf("w%d", i)
			opts.Once = true
			opts.Concurrency = 1 + i%2 // one worker runs two jobs at once
			opts.RetryDelay = 100 * time.Millisecond
			opts.Pipeline.Workers = 1
			var err error
			stats[i], err = worker.Run(ctx, st, opts)
			errs <- err
		}()
	}
	for range workers {
		if err := <-errs; err != nil {
			t.Fatal(err)
		}
	}
	busy := 0
	for _, s := range stats {
		if s.Done > 0 {
			busy++
		}
	}
	t.Logf("workers: %+v (%d did jobs) in %v", stats, busy, time.Since(start))

	if got, want := stateOf(t, q), stateOf(t, want); !reflect.DeepEqual(got, want) {
		t.Errorf("workers stored:\n%+v\none process stored:\n%+v", got, want)
	}
	counts, err := q.CountJobs(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if counts[store.JobQueued]+counts[store.JobRunning] != 0 || counts[store.JobFailed] != 1 {
		t.Errorf("job counts %v; want none left and the one bad input failed", counts)
	}
	failed, err := q.ListJobs(ctx, store.JobListOptions{State: store.JobFailed})
	if err != nil || len(failed) != 1 || !strings.Contains(failed[0].Error, "broken.xml") ||
		strings.Contains(failed[0].Error, "\n") || failed[0].Attempts != 1 {
		t.Errorf("failed jobs %+v (%v); want the broken input, tried once (it reads the same every time), with one line naming it", failed, err)
	}
}

// TestPermanentFailsAtOnce checks that a job whose input is missing or
// malformed fails at its first attempt, while one that meets a server
// error is tried again until its attempts are used.
func TestPermanentFailsAtOnce(t *testing.T) {
	ctx := context.Background()
	st, err := sqlite.Open(ctx, sqlite.Memory, sqlite.DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	var hits atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			http.NotFound(w, r)
			return
		}
		hits.Add(1)
		http.Error(w, "busy", http.StatusServiceUnavailable)
	}))
	defer srv.Close()
	want := map[string]int{
		"testdata/no-such-file.txt": 1,
		"testdata/broken.xml":       1,
		srv.URL + "/news.html":      store.DefaultMaxAttempts,
	}
	for in := range want {
		if _, err := worker.EnqueueInput(ctx, st, worker.Input{Input: in, AllowPrivate: true, NoStories: true}); err != nil {
			t.Fatal(err)
		}
	}
	opts := worker.DefaultOptions()
	opts.Name, opts.Once, opts.RetryDelay = "w", true, 10*time.Millisecond
	if _, err := worker.Run(ctx, st, opts); err != nil {
		t.Fatal(err)
	}
	failed, err := st.ListJobs(ctx, store.JobListOptions{State: store.JobFailed})
	if err != nil || len(failed) != len(want) {
		t.Fatalf("failed jobs %+v (%v); want %d", failed, err, len(want))
	}
	for _, j := range failed {
		var in worker.Input
		if err := json.Unmarshal(j.Payload, &in); err != nil {
			t.Fatal(err)
		}
		if j.Attempts != want[in.Input] {
			t.Errorf("%s: %d attempts (%s); want %d", in.Input, j.Attempts, j.Error, want[in.Input])
		}
	}
	if got := hits.Load(); got < store.DefaultMaxAttempts {
		t.Errorf("the server was asked %d times; want a request per attempt", got)
	}
}

// TestRelink checks the duplicate links Relink sets against links that
// workers racing one another could leave: the later input's copy stored
// as the original, and a copy stored as an original.
func TestRelink(t *testing.T) {
	ctx := context.Background()
	st, err := sqlite.Open(ctx, sqlite.Memory, sqlite.DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	text := func(name string) string {
		b, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	// Stored in the order the jobs finished: the third job first.
	arts := []model.Article{
		{ID: "copy", Text: text("ferry-copy.txt")},
		{ID: "orig", Text: text("ferry.txt"), DuplicateOf: "copy", Similarity: 1},
		{ID: "wire", Text: text("ferry-wire.txt")},
		{ID: "direct", Text: "An article storydesk ingest stored before any job ran, about a library opening."},
	}
	if _, err := st.PutArticles(ctx, arts); err != nil {
		t.Fatal(err)
	}
	for _, ids := range []string{`["wire"]`, `["orig"]`, `["copy"]`} {
		if _, _, err := st.Enqueue(ctx, store.NewJob{Kind: worker.KindIngest, Payload: []byte(`{"input":"x"}`)}); err != nil {
			t.Fatal(err)
		}
		j, err := st.Claim(ctx, nil, "w", time.Minute)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := st.Finish(ctx, j.ID, "w", store.Outcome{Result: []byte(`{"articles":` + ids + `}`)}); err != nil {
			t.Fatal(err)
		}
	}
	n, err := worker.Relink(ctx, st, pipeline.DefaultOptions().Dedup)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"wire": "", "orig": "wire", "copy": "wire", "direct": ""}
	for id, of := range want {
		a, err := st.Article(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		if a.DuplicateOf != of || (of != "" && a.Similarity < 0.8) {
			t.Errorf("%s: duplicate of %q (%.2f); want %q", id, a.DuplicateOf, a.Similarity, of)
		}
	}
	if n != 2 {
		t.Errorf("Relink changed %d links; want 2 (orig, copy)", n)
	}
	if n, err := worker.Relink(ctx, st, pipeline.DefaultOptions().Dedup); err != nil || n != 0 {
		t.Errorf("second Relink changed %d links (%v); want 0", n, err)
	}
}

// TestStopFinishesJob cancels a polling worker and checks it returns.
func TestStopFinishesJob(t *testing.T) {
	st, err := sqlite.Open(context.Background(), sqlite.Memory, sqlite.DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error)
	go func() {
		opts := worker.DefaultOptions()
		opts.Name, opts.PollMax = "w", 50*time.Millisecond
		_, err := worker.Run(ctx, st, opts)
		done <- err
	}()
	time.Sleep(50 * time.Millisecond)
	if _, err := worker.EnqueueInput(context.Background(), st, worker.Input{Input: "testdata/ferry.txt"}); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(20 * time.Second)
	for {
		c, err := st.CountJobs(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		if c[store.JobDone] == 2 { // the ingest and its recluster
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("jobs %v; want the ingest and its recluster done by the polling worker", c)
		}
		time.Sleep(20 * time.Millisecond)
	}
	cancel()
	select {
	case err := <-done:
		if err != nil && !errors.Is(err, context.Canceled) {
			t.Errorf("Run = %v; want nil after cancel", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("Run did not return after cancel")
	}
}

// TestTakesOverExpiredLease has a worker that died leave a job running
// under a lease that then expires: another worker takes the job over and
// stores its article.
func TestTakesOverExpiredLease(t *testing.T) {
	ctx := context.Background()
	st, err := sqlite.Open(ctx, sqlite.Memory, sqlite.DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	j, err := worker.EnqueueInput(ctx, st, worker.Input{Input: "testdata/ferry.txt"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.Claim(ctx, nil, "dead", 20*time.Millisecond); err != nil {
		t.Fatal(err)
	}
	opts := worker.DefaultOptions()
	opts.Name, opts.Once = "alive", true
	if stats, err := worker.Run(ctx, st, opts); err != nil || stats.Done != 0 {
		t.Fatalf("Run while the lease lives = %+v, %v; want nothing done", stats, err)
	}
	time.Sleep(50 * time.Millisecond)
	stats, err := worker.Run(ctx, st, opts)
	if err != nil || stats.Done != 2 || stats.Stored != 1 {
		t.Fatalf("Run after the lease expired = %+v, %v; want the ingest and its recluster done, 1 article", stats, err)
	}
	got, err := st.Job(ctx, j.ID)
	if err != nil || got.State != store.JobDone || got.Worker != "alive" || got.Attempts != 2 {
		t.Errorf("job = %+v, %v; want done by 'alive' on attempt 2", got, err)
	}
}
