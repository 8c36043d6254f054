package worker_test

import (
	"bytes"
	"encoding/json"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"

	"github.com/storydesk/storydesk/internal/store/pgtest"
)

// TestWorkerProcesses builds storydesk, queues inputs with storydesk
// ingest --queue and runs two storydesk worker --once processes on one
// PostgreSQL database: the database ends as storydesk ingest leaves
// another, and storydesk jobs reports the one bad input.
func TestWorkerProcesses(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	dsn := pgtest.Database(t)
	once := pgtest.Database(t)
	bin := filepath.Join(t.TempDir(), "storydesk")
	if out, err := exec.Command("go", "build", "-o", bin, "../../cmd/storydesk").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	storydesk := func(args ...string) (string, string, error) {
		cmd := exec.Command(bin, args...)
		var out, errOut bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &errOut
		err := cmd.Run()
		return out.String(), errOut.String(), err
	}
	inputs := []string{"testdata/ferry-wire.txt", "../../testdata/seeds", "testdata/ferry.txt", "testdata/ferry-copy.txt", "testdata/broken.xml"}

	out, stderr, err := storydesk(append([]string{"ingest", "--queue", "--db", dsn}, inputs...)...)
	if err != nil || len(strings.Fields(out)) != 9 {
		t.Fatalf("ingest --queue: %v, out %q, stderr %q; want 9 job ids (the seeds one per file)", err, out, stderr)
	}
	var wg sync.WaitGroup
	outs := make([]string, 2)
	errs := make([]error, 2)
	for i, name := range []string{"a", "b"} {
		wg.Go(func() {
			var stderr string
			outs[i], stderr, errs[i] = storydesk("worker", "--db", dsn, "--once", "--name", name, "--retry-delay", "10ms")
			if errs[i] != nil {
				t.Logf("worker %s stderr:\n%s", name, stderr)
			}
		})
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil || !strings.Contains(outs[i], "jobs done") {
			t.Fatalf("worker %d: %v, out %q", i, err, outs[i])
		}
	}
	t.Logf("workers: %q", outs)

	if _, stderr, err := storydesk(append([]string{"ingest", "--quiet", "--db", once}, inputs...)...); err == nil ||
		!strings.Contains(stderr, "broken.xml") {
		t.Fatalf("ingest: %v, stderr %q; want exit 1 naming broken.xml", err, stderr)
	}
	got, want := stateOf(t, openPG(t, dsn)), stateOf(t, openPG(t, once))
	if !reflect.DeepEqual(got, want) {
		t.Errorf("workers stored:\n%+v\nstorydesk ingest stored:\n%+v", got, want)
	}

	out, _, err = storydesk("jobs", "--db", dsn, "--format", "json")
	var jobs struct {
		Counts map[string]int `json:"counts"`
	}
	if err != nil || json.Unmarshal([]byte(out), &jobs) != nil {
		t.Fatalf("jobs: %v\n%s", err, out)
	}
	if jobs.Counts["failed"] != 1 || jobs.Counts["queued"] != 0 || jobs.Counts["running"] != 0 || jobs.Counts["done"] < 9 {
		t.Errorf("job counts %v; want 8 ingests and the reclusters done, the bad input failed", jobs.Counts)
	}
}
