package cli

import (
	"encoding/json"
	"strings"
	"testing"
)

// TestStoredStories ingests the seeds, lists the stored stories, briefs
// one, rebuilds them with a stricter threshold and checks that the old id
// still resolves.
func TestStoredStories(t *testing.T) {
	eachBackend(t, func(t *testing.T, db string) {
		if out, stderr, code := run(t, "ingest", "--db", db, "--quiet", seedsDir); code != 0 || !strings.Contains(out, "2 stories") {
			t.Fatalf("ingest: code %d, out %q, stderr %q; want the seeds' story and the carried articles' story", code, out, stderr)
		}
		out, _, code := run(t, "stories", "--db", db, "--format", "json")
		if code != 0 {
			t.Fatalf("stories exited %d", code)
		}
		var first storyLine
		lines := strings.Split(strings.TrimSpace(out), "\n")
		if err := json.Unmarshal([]byte(lines[0]), &first); err != nil {
			t.Fatalf("%v: %s", err, lines[0])
		}
		for _, l := range lines {
			var s storyLine
			if err := json.Unmarshal([]byte(l), &s); err != nil || s.Label == "" {
				t.Errorf("story %s has no label (%v); every story of the seeds has titled articles", s.ID, err)
			}
		}
		if first.Articles != 5 || len(first.Outlets) != 4 {
			t.Errorf("newest story has %d articles from %v, want the 5 seeds from 4 named outlets", first.Articles, first.Outlets)
		}
		out, stderr, code := run(t, "story", "--db", db, "--format", "markdown", first.ID)
		if code != 0 || !strings.Contains(out, "## Key points") || !strings.Contains(out, "## Sources") {
			t.Fatalf("story: code %d, stderr %q, out:\n%s", code, stderr, out)
		}
		if _, _, code := run(t, "recluster", "--db", db, "--quiet", "--threshold", "0.99"); code != 0 {
			t.Fatalf("recluster exited %d", code)
		}
		if _, stderr, code := run(t, "story", "--db", db, first.ID); code != 0 {
			t.Errorf("story %s after recluster: exit %d, %s; want the id to resolve", first.ID, code, stderr)
		}
		if _, _, code := run(t, "story", "--db", db, "snosuch"); code != 1 {
			t.Errorf("unknown story: exit %d, want 1", code)
		}
	})
}
