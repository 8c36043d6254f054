package cluster

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// seedItems reads the five seed pages under the repository's
// testdata/seeds and the three France 24 articles carried in seed 000's
// "Related Articles" block (a title line, then the text line, after each
// "- France 24" line). Publication times: the seeds on 14–15 August 2025,
// the France 24 articles as their "N hours/days ago" put them against a
// page read on 18 August 2025.
func seedItems(t *testing.T) (seeds, related []Item) {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("..", "..", "testdata", "seeds", "*.txt"))
	if err != nil || len(files) != 5 {
		t.Skipf("seed pages not found (%d files, %v)", len(files), err)
	}
	base := time.Date(2025, 8, 14, 12, 0, 0, 0, time.UTC)
	read := time.Date(2025, 8, 18, 6, 0, 0, 0, time.UTC)
	ago := []time.Duration{5 * time.Hour, 14 * time.Hour, 48 * time.Hour}
	for i, name := range files {
		b, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		text := string(b)
		if page, rel, ok := strings.Cut(text, "Related Articles"); ok {
			text = page
			for k, block := range strings.Split(rel, "- France 24\n")[1:] {
				lines := strings.SplitN(strings.TrimSpace(block), "\n", 3)
				if len(lines) < 2 || k >= len(ago) {
					t.Fatalf("unexpected related block %q", block)
				}
				related = append(related, Item{ID: "related" + string(rune('1'+k)), Outlet: "France 24",
					Published: read.Add(-ago[k]), Title: lines[0], Text: lines[1]})
			}
		}
		title, body, _ := strings.Cut(strings.TrimSpace(text), "\n")
		seeds = append(seeds, Item{ID: filepath.Base(name), Outlet: "seed" + string(rune('0'+i)),
			Published: base.Add(time.Duration(i) * 6 * time.Hour), Title: title, Text: body})
	}
	// They arrive in time order, oldest first.
	slices.Reverse(related)
	if len(related) != 3 {
		t.Fatalf("found %d France 24 articles, want 3", len(related))
	}
	return seeds, related
}

// TestSeedsThread checks the thread rule on the seeds: the five seed
// articles form one story; each France 24 article (the summit's outcome,
// the Washington meeting, days later) is in a story of its own thread
// lineage, the seed story's thread, whether or not it joined that story.
func TestSeedsThread(t *testing.T) {
	seeds, related := seedItems(t)
	c := New(DefaultOptions())
	var story, thread string
	for i, it := range seeds {
		a := c.Add(it)
		if i == 0 {
			story, thread = a.Story, a.Thread
		} else if c.Resolve(a.Story) != c.Resolve(story) {
			t.Errorf("seed %s: story %s, want %s (the first seed's)", it.ID, a.Story, story)
		}
	}
	for _, it := range related {
		a := c.Add(it)
		t.Logf("%s %q: story %s (new %v), thread %s", it.ID, it.Title, a.Story, a.New, a.Thread)
		if a.Thread != thread {
			t.Errorf("%s: thread %s, want the seeds' thread %s", it.ID, a.Thread, thread)
		}
	}
}
