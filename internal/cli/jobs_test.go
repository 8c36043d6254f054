package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestQueueAndWorker queues the seeds directory (one job per file) and a
// missing file, runs a worker until the queue is empty, and lists the
// jobs: the seeds are stored as storydesk ingest stores them, the missing
// file's job failed with a line naming it.
func TestQueueAndWorker(t *testing.T) {
	eachBackend(t, func(t *testing.T, db string) {
		missing := filepath.Join(t.TempDir(), "gone.html")
		out, stderr, code := run(t, "ingest", "--queue", "--db", db, seedsDir, missing)
		if code != 0 || len(strings.Fields(out)) != 6 {
			t.Fatalf("ingest --queue: code %d, out %q, stderr %q; want 6 job ids", code, out, stderr)
		}
		out, _, code = run(t, "jobs", "--db", db, "--state", "queued")
		if code != 0 || strings.Count(out, "ingest") != 6 || !strings.Contains(out, "6 queued, 0 running, 0 done, 0 failed") {
			t.Errorf("jobs: code %d, out:\n%s", code, out)
		}
		out, stderr, code = run(t, "worker", "--db", db, "--once", "--quiet", "--lease", "10s", "--retry-delay", "1ms")
		if code != 0 || !strings.Contains(out, "8 articles stored") {
			t.Fatalf("worker --once: code %d, out %q, stderr %q", code, out, stderr)
		}
		out, _, code = run(t, "jobs", "--db", db, "--format", "json")
		var got struct {
			Counts map[string]int `json:"counts"`
			Jobs   []struct {
				Kind, State, Error string
				Attempts           int
			} `json:"jobs"`
		}
		if err := json.Unmarshal([]byte(out), &got); code != 0 || err != nil {
			t.Fatalf("jobs --format json: code %d, %v:\n%s", code, err, out)
		}
		if got.Counts["done"] != 6 || got.Counts["failed"] != 1 || len(got.Jobs) != 7 {
			t.Errorf("counts %v, %d jobs; want 5 ingests and a recluster done, one failed", got.Counts, len(got.Jobs))
		}
		for _, j := range got.Jobs {
			if j.State == "failed" && (!strings.Contains(j.Error, "gone.html") || j.Attempts != 1) {
				t.Errorf("failed job %+v; want the missing file named, failed at its first attempt", j)
			}
		}
		out, _, _ = run(t, "stories", "--db", db, "--format", "json")
		stories := strings.Count(out, "\n")
		dir := t.TempDir()
		once := filepath.Join(dir, "once.db")
		run(t, "ingest", "--db", once, "--quiet", seedsDir)
		want, _, _ := run(t, "stories", "--db", once, "--format", "json")
		if stories == 0 || out != want {
			t.Errorf("stories after the worker:\n%s\nafter storydesk ingest:\n%s", out, want)
		}
	})
}

// TestQueueUsage checks the refusals of the queue commands.
func TestQueueUsage(t *testing.T) {
	db := filepath.Join(t.TempDir(), "q.db")
	for _, args := range [][]string{
		{"ingest", "--queue", "--db", db},
		{"worker", "--db", db, "stray"},
		{"worker", "--db", db, "--concurrency", "0"},
		{"jobs", "--db", db, "--state", "sleeping"},
	} {
		if _, _, code := run(t, args...); code != 2 {
			t.Errorf("%v exited %d; want 2", args, code)
		}
	}
	if _, err := os.Stat(db); err == nil {
		if out, _, _ := run(t, "jobs", "--db", db); !strings.Contains(out, "0 queued") {
			t.Errorf("jobs on an empty queue: %q", out)
		}
	}
}
