package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestIngestTwiceAndBadInput stores the seeds, stores them again (nothing
// new), then ingests a bad input beside a good one: the bad one is named on
// stderr, the good one is stored and nothing stored before is lost.
func TestIngestTwiceAndBadInput(t *testing.T) {
	eachBackend(t, func(t *testing.T, db string) {
		out, stderr, code := run(t, "ingest", "--db", db, "--quiet", seedsDir)
		if code != 0 || !strings.Contains(out, "stored 8") {
			t.Fatalf("first ingest: code %d, out %q, stderr %q", code, out, stderr)
		}
		out, _, code = run(t, "ingest", "--db", db, "--quiet", seedsDir)
		if code != 0 || !strings.Contains(out, "stored 0") {
			t.Fatalf("second ingest: code %d, out %q; want nothing stored twice", code, out)
		}

		dir := t.TempDir()
		bad := filepath.Join(dir, "broken.xml")
		if err := os.WriteFile(bad, []byte(`<?xml version="1.0"?><rss version="2.0"><channel><item><title>x</ti`), 0o644); err != nil {
			t.Fatal(err)
		}
		good := filepath.Join(dir, "note.txt")
		if err := os.WriteFile(good, []byte("Harbour officials said on Tuesday that the ferry service would resume next month after the storm damage was repaired.\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		out, stderr, code = run(t, "ingest", "--db", db, "--quiet", bad, good)
		if code != 1 {
			t.Errorf("ingest with a bad input exited %d, want 1", code)
		}
		if !strings.Contains(stderr, "broken.xml") || strings.Count(strings.TrimSpace(stderr), "\n") != 0 {
			t.Errorf("stderr should be one line naming broken.xml:\n%s", stderr)
		}
		if !strings.Contains(out, "stored 1") {
			t.Errorf("the good input was not stored: %q", out)
		}
		out, _, code = run(t, "articles", "--db", db, "--format", "json", "--limit", "0")
		if code != 0 || strings.Count(out, "\n") != 9 {
			t.Errorf("articles: code %d, %d lines, want 9 (8 seeds + 1)", code, strings.Count(out, "\n"))
		}
		out, _, code = run(t, "search", "--db", db, "working lunch")
		if code != 0 || !strings.Contains(out, "lunch]") {
			t.Errorf("search: code %d, out %q", code, out)
		}
	})
}
