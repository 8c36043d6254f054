package compare

import (
	"math"
	"sort"
	"strconv"
)

// index gives every claim its weighted terms: content-word stems, resolved
// entities, numbers and full dates, each weighted by its inverse document
// frequency over the story's claims, so that words every article repeats
// ("summit", the main actors) count for less than a rare detail.
func index(cs []claim) (postings [][]int32) {
	ids := map[string]int32{}
	id := func(t string) int32 {
		if v, ok := ids[t]; ok {
			return v
		}
		v := int32(len(ids))
		ids[t] = v
		postings = append(postings, nil)
		return v
	}
	for i := range cs {
		c := &cs[i]
		set := map[int32]bool{}
		for _, w := range c.words {
			if content(w.text) {
				set[id("w:"+stem(w.text))] = true
			}
		}
		for _, e := range c.entities {
			set[id("e:"+e)] = true
		}
		for _, q := range c.numbers {
			if q.Value != nil {
				set[id("n:"+strconv.FormatFloat(*q.Value, 'g', -1, 64))] = true
			}
		}
		for _, t := range c.times {
			if len(t.Value) >= 10 {
				set[id("t:"+t.Value[:10])] = true
			}
		}
		for t := range set {
			c.terms = append(c.terms, t)
		}
		sort.Slice(c.terms, func(a, b int) bool { return c.terms[a] < c.terms[b] })
		for _, t := range c.terms {
			postings[t] = append(postings[t], int32(i))
		}
	}
	n := float64(len(cs))
	for i := range cs {
		c := &cs[i]
		c.weights = make([]float32, len(c.terms))
		c.norm = 0
		for k, t := range c.terms {
			w := float32(math.Log(1 + n/float64(len(postings[t]))))
			c.weights[k] = w
			c.norm += w
		}
	}
	return postings
}

// similarity is the weighted Dice overlap of two claims' terms: 1 when
// they share every term, 0 when none.
func similarity(a, b *claim) float64 {
	if a.norm+b.norm == 0 {
		return 0
	}
	var shared float32
	i, j := 0, 0
	for i < len(a.terms) && j < len(b.terms) {
		switch {
		case a.terms[i] < b.terms[j]:
			i++
		case a.terms[i] > b.terms[j]:
			j++
		default:
			shared += a.weights[i] + b.weights[j]
			i++
			j++
		}
	}
	return float64(shared / (a.norm + b.norm))
}

// pair is two claims of different articles and their similarity.
type pair struct {
	a, b  int32
	score float64
}

// candidates returns the pairs of claims from different articles whose
// similarity reaches min. Terms held by more than a quarter of the claims
// do not propose pairs (they still count in the score), which keeps the
// work near linear in the story's size.
func candidates(cs []claim, postings [][]int32, min float64) []pair {
	limit := len(cs)/4 + 2
	hits := make([]int32, len(cs))
	var touched []int32
	var out []pair
	for i := range cs {
		touched = touched[:0]
		for _, t := range cs[i].terms {
			p := postings[t]
			if len(p) > limit {
				continue
			}
			for _, j := range p {
				if j > int32(i) && cs[j].art != cs[i].art {
					if hits[j] == 0 {
						touched = append(touched, j)
					}
					hits[j]++
				}
			}
		}
		for _, j := range touched {
			hits[j] = 0
			if s := similarity(&cs[i], &cs[j]); s >= min {
				out = append(out, pair{int32(i), j, s})
			}
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].score != out[j].score {
			return out[i].score > out[j].score
		}
		if out[i].a != out[j].a {
			return out[i].a < out[j].a
		}
		return out[i].b < out[j].b
	})
	return out
}

// group joins claims into facts, best pairs first: two groups merge when
// they share no article (one claim per article per fact) and their claims'
// mean pairwise similarity stays at or above link.
func group(cs []claim, pairs []pair, link float64) [][]int32 {
	of := make([]int, len(cs))
	groups := make([][]int32, len(cs))
	for i := range cs {
		of[i] = i
		groups[i] = []int32{int32(i)}
	}
	for _, p := range pairs {
		ga, gb := of[p.a], of[p.b]
		if ga == gb || !disjoint(cs, groups[ga], groups[gb]) {
			continue
		}
		if meanLink(cs, groups[ga], groups[gb]) < link {
			continue
		}
		for _, m := range groups[gb] {
			of[m] = ga
		}
		groups[ga] = append(groups[ga], groups[gb]...)
		groups[gb] = nil
	}
	var out [][]int32
	for _, g := range groups {
		if len(g) > 0 {
			sort.Slice(g, func(i, j int) bool { return g[i] < g[j] })
			out = append(out, g)
		}
	}
	return out
}

func disjoint(cs []claim, a, b []int32) bool {
	for _, x := range a {
		for _, y := range b {
			if cs[x].art == cs[y].art {
				return false
			}
		}
	}
	return true
}

func meanLink(cs []claim, a, b []int32) float64 {
	var sum float64
	for _, x := range a {
		for _, y := range b {
			sum += similarity(&cs[x], &cs[y])
		}
	}
	return sum / float64(len(a)*len(b))
}
