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
