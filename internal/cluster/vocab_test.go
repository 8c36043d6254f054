package cluster

import (
	"fmt"
	"testing"
	"time"
)

// TestForgettingKeepsQuality checks that a vocabulary far smaller than the
// stream's, which forgets many times over, clusters a synthetic stream
// about as well as one that keeps every feature: the stories in play keep
// theirs (keepLive).
func TestForgettingKeepsQuality(t *testing.T) {
	so := SynthOptions{Articles: 5000, Stories: 500, Days: 40, Outlets: 10, Syndicated: 0.1, Noise: 0.05, Twins: 0.3, Seed: 11}
	run := func(limit int) (f1 float64, c *Online) {
		opts := DefaultOptions()
		opts.VocabLimit, opts.MaxAge = limit, 3*24*time.Hour
		c = New(opts)
		st := NewStream(so)
		gold, pred := map[string]string{}, map[string]string{}
		for {
			it, g, ok := st.Next()
			if !ok {
				break
			}
			gold[it.ID] = g
			pred[it.ID] = c.Add(it).Story
		}
		c.Correct()
		for id, s := range pred {
			pred[id] = c.Resolve(s)
		}
		return bcubedF1(gold, pred), c
	}
	all, full := run(0)
	small, c := run(6000)
	t.Logf("B-cubed F1: every feature kept %.3f (%d ids), limit 6000 %.3f (limit now %d, %d ids, %d sweeps)",
		all, len(full.voc.stats), small, c.voc.limit, len(c.voc.stats), c.voc.epoch)
	if c.voc.epoch < 3 || 4*len(c.voc.stats) > 3*len(full.voc.stats) {
		t.Fatalf("%d sweeps, %d ids of %d: the small vocabulary did not forget", c.voc.epoch, len(c.voc.stats), len(full.voc.stats))
	}
	if small < all-0.01 {
		t.Errorf("B-cubed F1 %.3f with a forgetting vocabulary, %.3f with all: forgetting costs too much", small, all)
	}
}

// bcubedF1 is the B-cubed F1 of pred against gold (item → cluster).
func bcubedF1(gold, pred map[string]string) float64 {
	type pair struct{ g, p string }
	both, byGold, byPred := map[pair]int{}, map[string]int{}, map[string]int{}
	for id, g := range gold {
		both[pair{g, pred[id]}]++
		byGold[g]++
		byPred[pred[id]]++
	}
	var p, r float64
	for id, g := range gold {
		n := float64(both[pair{g, pred[id]}])
		p += n / float64(byPred[pred[id]])
		r += n / float64(byGold[g])
	}
	p, r = p/float64(len(gold)), r/float64(len(gold))
	return 2 * p * r / (p + r)
}

// TestVocabInternsByHash checks that ids stay the same through the
// table's growth and that a key of one kind is not the same feature as
// the same key of another kind.
func TestVocabInternsByHash(t *testing.T) {
	var v vocab
	ids := map[string]int32{}
	noop := func(int32) {}
	for i := range 5000 {
		k := fmt.Sprint("word", i)
		ids[k] = v.intern(hashKey(kindTerm, k), 1, noop)
	}
	if len(v.slots) <= minSlots {
		t.Fatalf("table of %d slots for 5000 keys: it did not grow", len(v.slots))
	}
	for k, want := range ids {
		if got := v.intern(hashKey(kindTerm, k), 2, noop); got != want {
			t.Fatalf("%s: id %d after growth, want %d", k, got, want)
		}
	}
	if v.live != 5000 || len(v.stats) != 5000 {
		t.Errorf("live %d, stats %d, want 5000 each", v.live, len(v.stats))
	}
	if hashKey(kindTerm, "paris") == hashKey(kindName, "paris") {
		t.Errorf("term and name 'paris' hash alike")
	}
}

// TestVocabForgetsLeastRecent checks that a limited vocabulary stays
// within its limit, forgets the keys seen least recently and keeps the
// document frequency of a key in use.
func TestVocabForgetsLeastRecent(t *testing.T) {
	v := vocab{limit: 100}
	var dropped []int32
	drop := func(id int32) { dropped = append(dropped, id) }
	common := v.intern(hashKey(kindTerm, "flood"), 1, drop)
	v.count(common)
	for doc := int32(1); doc <= 1000; doc++ {
		v.intern(hashKey(kindTerm, "flood"), doc, drop)
		v.count(common)
		v.intern(hashKey(kindTerm, fmt.Sprint("rare", doc)), doc, drop)
		if v.live > v.limit {
			t.Fatalf("doc %d: %d ids live, limit %d", doc, v.live, v.limit)
		}
	}
	if v.limit != 100 {
		t.Errorf("limit grew to %d though old keys could go", v.limit)
	}
	if len(dropped) == 0 || v.epoch == 0 {
		t.Fatalf("nothing forgotten (epoch %d)", v.epoch)
	}
	if len(v.stats) > v.limit {
		t.Errorf("%d ids made for a limit of %d: dropped ids not reused", len(v.stats), v.limit)
	}
	if id, _ := v.lookup(hashKey(kindTerm, "flood")); id != common || v.stats[id].df != 1001 {
		t.Errorf("flood: id %d df %d, want id %d df 1001", id, v.stats[max(id, 0)].df, common)
	}
	if id, _ := v.lookup(hashKey(kindTerm, "rare1")); id >= 0 {
		t.Errorf("rare1, seen only at the start, still has id %d", id)
	}
	if id, _ := v.lookup(hashKey(kindTerm, "rare1000")); id < 0 {
		t.Errorf("rare1000, seen last, was forgotten")
	}
}

// TestVocabGrowsWhenAllRecent checks that when every key is as recent as
// the current document (nothing may go), the limit grows instead.
func TestVocabGrowsWhenAllRecent(t *testing.T) {
	v := vocab{limit: 8}
	for i := range 20 {
		v.intern(hashKey(kindName, fmt.Sprint("minister", i)), 5, func(int32) {})
	}
	if v.live != 20 || v.limit < 20 {
		t.Errorf("live %d, limit %d, want all 20 kept", v.live, v.limit)
	}
}

// TestForgottenIDsLeaveStories checks that a story fed before its
// features were forgotten does not match a later article whose new
// features were given the same ids.
func TestForgottenIDsLeaveStories(t *testing.T) {
	opts := DefaultOptions()
	opts.VocabLimit, opts.MergeEvery = 60, 0
	c := New(opts)
	at := time.Date(2026, 5, 4, 8, 0, 0, 0, time.UTC)
	fire := Item{ID: "fire", Published: at, Title: "Wildfire forces evacuation of Valencia suburbs",
		Text: "Firefighters battled a wildfire that forced the evacuation of 2,000 residents from suburbs west of Valencia, regional authorities said."}
	first := c.Add(fire)
	old := c.stories[0]
	oldIDs := map[int32]bool{}
	for _, f := range old.terms {
		oldIDs[f.id] = true
	}
	// Other news, weeks later, each article with words of its own, until
	// some of the fire story's ids stand for other words.
	later := at.Add(opts.MaxAge + 24*time.Hour)
	reused := false
	for i := 0; i < 400 && !reused; i++ {
		it := Item{ID: fmt.Sprint("n", i), Published: later.Add(time.Duration(i) * time.Hour),
			Title: fmt.Sprintf("Council%d approves budget%d", i, i),
			Text:  fmt.Sprintf("The council%d of district%d approved budget%d for school%d repairs.", i, i, i, i)}
		a := c.Add(it)
		if a.Story == first.Story {
			t.Fatalf("unrelated article %s joined the fire story", it.ID)
		}
		for id := range oldIDs {
			if c.voc.stats[id].born > old.epoch && c.voc.stats[id].seen >= 0 {
				reused = true
			}
		}
	}
	if !reused {
		t.Fatal("no id of the fire story was given to another word")
	}
	probe := c.featurise(Item{ID: "p", Title: "Council approves budget", Text: "The district council approved the school budget."}, false)
	if sc := c.score(probe, old); sc > 0.05 {
		t.Errorf("score %.3f of a council article against the old fire story", sc)
	}
	for _, f := range old.terms {
		if c.voc.stats[f.id].born > old.epoch {
			t.Errorf("fire story still holds id %d given out at epoch %d (story at %d)", f.id, c.voc.stats[f.id].born, old.epoch)
		}
	}
}
