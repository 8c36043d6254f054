package cluster

import (
	"testing"
	"time"
)

// TestAbsorb builds stories by hand (every article alone, then merged) and
// checks which Absorb takes into the large ferry story: a two-article
// fragment of it, but neither a story of another event nor a three-article
// part too large to be a fragment of a four-article story.
func TestAbsorb(t *testing.T) {
	at := time.Date(2025, 7, 3, 8, 0, 0, 0, time.UTC)
	ferry := []string{
		"A ferry carrying 65 people capsized in the Bali Strait late on Wednesday, and rescuers pulled survivors from the water off Banyuwangi.",
		"Rescuers searched the Bali Strait for missing passengers after the ferry capsized near Banyuwangi with 65 people on board.",
		"The ferry that capsized in the Bali Strait had 65 people on board; survivors were taken to hospital in Banyuwangi, rescuers said.",
		"Search teams in the Bali Strait found more survivors of the capsized ferry as the search off Banyuwangi went on.",
	}
	fragment := []string{
		"Survivors of the capsized ferry in the Bali Strait told rescuers in Banyuwangi the ferry listed before it sank.",
		"Rescuers in Banyuwangi said survivors of the ferry that capsized in the Bali Strait described it listing before it sank.",
	}
	bridge := []string{
		"A bridge collapsed over the Tieu river in northern Vietnam after the typhoon, sending a truck and two cars into the water.",
		"The typhoon brought down a bridge over the Tieu river in Vietnam; a truck and two cars fell into the water.",
	}
	var items []Item
	add := func(prefix string, texts []string) {
		for i, tx := range texts {
			items = append(items, Item{ID: prefix + string(rune('a'+i)), Text: tx, Published: at.Add(time.Duration(len(items)) * time.Hour)})
		}
	}
	add("ferry", ferry)
	add("frag", fragment)
	add("bridge", bridge)
	add("part", ferry)

	opts := DefaultOptions()
	opts.Threshold, opts.MergeEvery = 2, 0 // every article alone at first
	c := New(opts)
	for _, it := range items {
		c.Add(it)
	}
	// Stories by hand: 0-3 ferry, 4-5 fragment, 6-7 bridge, 8-11 a
	// retelling of the ferry story as large as it, so no fragment of it
	// even once the ferry story has taken in the fragment (6 < 2×4).
	for _, group := range [][]int32{{0, 1, 2, 3}, {4, 5}, {6, 7}, {8, 9, 10, 11}} {
		for _, i := range group[1:] {
			c.merge(c.stories[group[0]], c.stories[i])
		}
	}
	c.opts.Threshold = DefaultOptions().Threshold
	if n := c.Absorb(items); n != 1 {
		t.Errorf("Absorb took in %d stories, want 1 (the fragment)", n)
	}
	want := map[string]string{"s1": "s1", "s5": "s1", "s7": "s7", "s9": "s9"}
	for id, w := range want {
		if got := c.Resolve(id); got != w {
			t.Errorf("Resolve(%s) = %s, want %s", id, got, w)
		}
	}
}
