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
	x := index(cs)
	for _, min := range []float64{0.05, 0.12, 0.25, 0.4} {
		got := candidates(cs, x.postings, min)
		want := allPairs(cs, x.postings, min)
		if len(want) == 0 {
			t.Fatalf("min %v: no pairs at all; the test proves nothing", min)
		}
		if !slices.Equal(got, want) {
			t.Errorf("min %v: candidates gives %d pairs, all pairs %d", min, len(got), len(want))
		}
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
				out = append(out, pair{int32(i), int32(j), s})
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
