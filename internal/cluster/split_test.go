package cluster_test

import (
	"fmt"
	"testing"

	"github.com/storydesk/storydesk/internal/cluster"
)

// twoEvents gives n retellings each of two earthquakes of the same kind:
// the same vocabulary, other places, names and numbers.
func twoEvents(n int) (items []cluster.Item, event []int) {
	events := [2]struct{ place, region, official, mag, dead string }{
		{"Padang", "West Sumatra", "Governor Irwan Prayitno", "7.6", "40"},
		{"Valparaiso", "central Chile", "Mayor Jorge Sharp", "6.1", "3"},
	}
	verbs := []string{"struck", "hit", "shook", "rocked", "jolted", "rattled"}
	for i := range 2 * n {
		e := events[i%2]
		items = append(items, cluster.Item{
			ID:    fmt.Sprintf("a%02d", i),
			Title: fmt.Sprintf("Earthquake %s %s, killing %s people", verbs[(i/2)%len(verbs)], e.place, e.dead),
			Text: fmt.Sprintf("A magnitude %s earthquake %s %s in %s, killing %s people. %s said rescue teams were searching collapsed buildings in %s. "+
				"Hospitals in %s treated the injured and aftershocks were felt across %s.",
				e.mag, verbs[(i/2)%len(verbs)], e.place, e.region, e.dead, e.official, e.place, e.place, e.region),
		})
		event = append(event, i%2)
	}
	return items, event
}

func TestSplit(t *testing.T) {
	items, event := twoEvents(6)
	opts := cluster.DefaultOptions()
	opts.Threshold = 0 // the stream puts both events in one story
	c := cluster.New(opts)
	for _, it := range items {
		c.Add(it)
	}
	if n := len(c.Stories()); n != 1 {
		t.Fatalf("before Split: %d stories, want 1 (test set-up)", n)
	}
	if cut := c.Split(items); cut != 1 {
		t.Errorf("Split cut %d stories, want 1", cut)
	}
	story := map[string]string{}
	stories := c.Stories()
	for _, s := range stories {
		for _, id := range s.Articles {
			story[id] = s.ID
		}
	}
	if len(story) != len(items) {
		t.Fatalf("%d articles in stories, want %d", len(story), len(items))
	}
	for i := range items {
		for j := range items {
			if same := story[items[i].ID] == story[items[j].ID]; same != (event[i] == event[j]) {
				t.Fatalf("articles %d and %d: same story %v, same event %v", i, j, same, event[i] == event[j])
			}
		}
	}
	if len(stories) != 2 || stories[0].Thread != stories[1].Thread {
		t.Errorf("stories %+v: want two in one thread", stories)
	}
	// The first part keeps the story's ID.
	if story[items[0].ID] != "s1" {
		t.Errorf("first article in %s, want s1", story[items[0].ID])
	}
}

func TestSplitKeepsOneEvent(t *testing.T) {
	all, event := twoEvents(6)
	var items []cluster.Item
	for i, it := range all {
		if event[i] == 0 {
			items = append(items, it)
		}
	}
	opts := cluster.DefaultOptions()
	opts.Threshold = 0
	c := cluster.New(opts)
	for _, it := range items {
		c.Add(it)
	}
	if cut := c.Split(items); cut != 0 {
		t.Errorf("Split cut %d stories of one event, want 0", cut)
	}
	opts.SplitThreshold = 0
	c = cluster.New(opts)
	for _, it := range all {
		c.Add(it)
	}
	if cut := c.Split(all); cut != 0 {
		t.Errorf("SplitThreshold 0 cut %d stories, want 0", cut)
	}
}

// TestReassign adds one article of the second event as if the stream had
// read it as the first (its features say so), then gives Reassign the
// article as it is: it must move to the second event's story.
func TestReassign(t *testing.T) {
	items, event := twoEvents(5)
	c := cluster.New(cluster.DefaultOptions())
	wrong := -1
	for i, it := range items {
		if event[i] == 1 && wrong < 0 && i > 4 {
			wrong = i
			f := cluster.Extract(items[0].Title, items[0].Text)
			it.Features = &f
		}
		c.Add(it)
	}
	storyOf := func() map[string]string {
		m := map[string]string{}
		for _, s := range c.Stories() {
			for _, id := range s.Articles {
				m[id] = s.ID
			}
		}
		return m
	}
	before := storyOf()
	if before[items[wrong].ID] != before[items[0].ID] || before[items[1].ID] == before[items[0].ID] {
		t.Fatalf("set-up: stories %v, want the two events apart and article %d with the first", before, wrong)
	}
	if moved := c.Reassign(items); moved != 1 {
		t.Errorf("Reassign moved %d articles, want 1", moved)
	}
	after := storyOf()
	if after[items[wrong].ID] != after[items[1].ID] {
		t.Errorf("article %d in %s, want %s with its event", wrong, after[items[wrong].ID], after[items[1].ID])
	}
	if moved := c.Reassign(items); moved != 0 {
		t.Errorf("second Reassign moved %d articles, want 0", moved)
	}
}
