package cluster

import "testing"

// TestThreadsJoinOnMerge checks that a merge joins the two stories'
// threads, not only the two stories: when a story that continued one
// thread turns out to be the same story as one of another thread, every
// story of both threads ends in one thread, named by its earliest story.
func TestThreadsJoinOnMerge(t *testing.T) {
	opts := DefaultOptions()
	opts.Threshold, opts.ThreadThreshold, opts.MergeThreshold, opts.MergeEvery = 2, 2, 2, 0
	c := New(opts)
	quake := "A magnitude 6.4 earthquake struck near Izmir in Turkey on Friday, killing 25 people as buildings collapsed in the city of Izmir."
	x := c.Add(Item{ID: "x", Title: "Quake kills 25 in Izmir", Text: quake})
	r := c.Add(Item{ID: "r", Title: "Turkey asks for aid", Text: "Ankara asked the European Union for reconstruction aid on Monday, officials in Brussels said."})
	y := c.Add(Item{ID: "y", Title: "Izmir quake kills 25", Text: quake})
	// y continued r's thread when it started.
	ri, _ := c.parseID(r.Story)
	yi, _ := c.parseID(y.Story)
	c.linkThreads(yi, ri)
	if got := c.ResolveThread(y.Story); got != r.Story {
		t.Fatalf("before the merge: y's thread %s, want %s", got, r.Story)
	}
	c.opts.MergeThreshold = 0.3
	if n := c.Correct(); n != 1 {
		t.Fatalf("Correct merged %d stories, want 1 (y into x)", n)
	}
	if got := c.Resolve(y.Story); got != x.Story {
		t.Fatalf("Resolve(%s) = %s, want %s", y.Story, got, x.Story)
	}
	for _, s := range c.Stories() {
		if s.Thread != x.Story {
			t.Errorf("story %s: thread %s, want %s (x's, the earliest)", s.ID, s.Thread, x.Story)
		}
	}
	if got := c.ResolveThread(r.Story); got != x.Story {
		t.Errorf("ResolveThread(%s) = %s, want %s", r.Story, got, x.Story)
	}
}
