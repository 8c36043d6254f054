package compare

import (
	"math/rand"
	"slices"
	"strings"
	"testing"
)

// TestCandidatesMatchAllPairs: the pairs candidates finds through its term
// index and similarity bound are exactly those a check of every pair of
// claims finds (different articles, a shared term held by at most a
// quarter of the claims, similarity at or above min), in the same order.
func TestCandidatesMatchAllPairs(t *testing.T) {
	rng := rand.New(rand.NewSource(7))
	vocab := strings.Fields(`summit talks leaders ceasefire troops villages border minister
	president meeting breakfast lunch london alaska sanctions drones energy grain port
	envoy treaty vote budget strike union harbour pay weeks night pension dispute`)
	// A few words most claims use, so that some terms are too common to
	// propose pairs and the bound has common weight to account for.
	common := []string{"government", "country", "officials"}
	var cs []claim
	for i := 0; i < 240; i++ {
		var ws []string
		for k := 0; k < 4+rng.Intn(10); k++ {
			// Skewed draws: early words are frequent, late ones rare.
			ws = append(ws, vocab[rng.Intn(1+rng.Intn(len(vocab)))])
		}
		for _, c := range common {
			if rng.Intn(3) > 0 {
				ws = append(ws, c)
			}
		}
		c := claim{art: rng.Intn(12), text: strings.Join(ws, " ")}
		c.words = words(c.text)
		cs = append(cs, c)
	}
	x := index(cs, len(cs))
	for _, min := range []float64{0.05, 0.12, 0.25, 0.4} {
		got := candidates(x, cs, len(cs), min, min, min)
		want := allPairs(cs, x.postings, min)
		if len(want) == 0 {
			t.Fatalf("min %v: no pairs at all; the test proves nothing", min)
		}
		if !slices.Equal(got, want) {
			t.Errorf("min %v: candidates gives %d pairs, all pairs %d", min, len(got), len(want))
		}
	}
}

// TestCandidatesNearPairs: below min, candidates keeps exactly the
// sentence pairs at or above near that share a modifier frame or a
// counted thing, the only ones contradictions can read a clash in.
func TestCandidatesNearPairs(t *testing.T) {
	rng := rand.New(rand.NewSource(11))
	vocab := strings.Fields(`breakfast lunch port city town union leaders night talks pay offer minister harbour strike
	ferry crews walked wage deal council vote budget mayor`)
	// Phrases that give claims modifier frames ("over a working").
	framed := []string{"over a working breakfast", "over a working lunch", "in the port city", "with the union leaders"}
	var cs []claim
	for i := 0; i < 200; i++ {
		var ws []string
		for k := 0; k < 6+rng.Intn(10); k++ {
			ws = append(ws, vocab[rng.Intn(1+rng.Intn(len(vocab)))])
		}
		if rng.Intn(3) == 0 {
			ws = append(ws, framed[rng.Intn(len(framed))])
		}
		c := claim{art: rng.Intn(10), text: strings.Join(ws, " ")}
		c.words = words(c.text)
		c.frames = frames(c.words)
		cs = append(cs, c)
	}
	x := index(cs, len(cs))
	shareFrame := func(a, b *claim) bool {
		for _, fa := range a.frames {
			for _, fb := range b.frames {
				if fa.key == fb.key {
					return true
				}
			}
		}
		return false
	}
	const min, near = 0.3, 0.12
	var want []pair
	nearOnly := 0
	for _, p := range allPairs(cs, x.postings, near) {
		if float64(p.score) >= min {
			want = append(want, p)
		} else if shareFrame(&cs[p.a], &cs[p.b]) {
			want = append(want, p)
			nearOnly++
		}
	}
	if nearOnly == 0 || len(want) == len(allPairs(cs, x.postings, near)) {
		t.Fatalf("no near pair kept or none dropped (%d kept of %d); the test proves nothing", nearOnly, len(allPairs(cs, x.postings, near)))
	}
	if got := candidates(x, cs, len(cs), min, near, min); !slices.Equal(got, want) {
		t.Errorf("candidates gives %d pairs, want %d", len(got), len(want))
	}
}

// allPairs is candidates done by checking every pair.
func allPairs(cs []claim, postings [][]int32, min float64) []pair {
	limit := len(cs)/4 + 2
	var out []pair
	for i := range cs {
		for j := i + 1; j < len(cs); j++ {
			if cs[i].art == cs[j].art {
				continue
			}
			rare := false
			for _, t := range cs[i].terms {
				if len(postings[t]) <= limit && hasTerm(cs[j].terms, t) {
					rare = true
				}
			}
			if s := similarity(&cs[i], &cs[j]); rare && s >= min {
				out = append(out, pair{int32(i), int32(j), float32(s)})
			}
		}
	}
	slices.SortStableFunc(out, func(x, y pair) int {
		switch {
		case x.score > y.score:
			return -1
		case x.score < y.score:
			return 1
		}
		return 0
	})
	return out
}

// TestJoinsMatchesMean: joins, which stops early, answers as the full
// mean of similarities does.
func TestJoinsMatchesMean(t *testing.T) {
	rng := rand.New(rand.NewSource(3))
	vocab := strings.Fields("troops border villages drones energy grain port envoy treaty vote budget strike")
	var cs []claim
	for i := 0; i < 60; i++ {
		var ws []string
		for k := 0; k < 3+rng.Intn(6); k++ {
			ws = append(ws, vocab[rng.Intn(len(vocab))])
		}
		c := claim{art: i, text: strings.Join(ws, " ")}
		c.words = words(c.text)
		cs = append(cs, c)
	}
	x := index(cs, len(cs))
	yes, no := 0, 0
	for trial := 0; trial < 300; trial++ {
		perm := rng.Perm(len(cs))
		na, nb := 1+rng.Intn(5), 1+rng.Intn(5)
		var a, b []int32
		for _, p := range perm[:na] {
			a = append(a, int32(p))
		}
		for _, p := range perm[na : na+nb] {
			b = append(b, int32(p))
		}
		link := rng.Float64() * 0.6
		var sum float64
		matched := map[int32]bool{}
		for _, x := range a {
			for _, y := range b {
				s := similarity(&cs[x], &cs[y])
				sum += s
				if s >= link {
					matched[x], matched[y] = true, true
				}
			}
		}
		want := sum/float64(na*nb) >= link
		// A fresh joiner counts only the matches across: of whole
		// sentences of one clause, a member of three or more needs one.
		if na+nb >= 3 {
			want = want && len(matched) == na+nb
		}
		if got := newJoiner(x, cs, len(cs), link).joins(a, b); got != want {
			t.Fatalf("joins(%v, %v, %.3f) = %v, want %v", a, b, link, got, want)
		}
		if want {
			yes++
		} else {
			no++
		}
	}
	if yes == 0 || no == 0 {
		t.Fatalf("one answer only (%d yes, %d no); the test proves nothing", yes, no)
	}
}
