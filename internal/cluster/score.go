package cluster

import (
	"math"
	"slices"
	"time"
)

// score compares a probe (one article, or a story in the correction pass)
// with a story; see Options for the formula.
func (c *Online) score(a, s *story) float64 {
	c.fresh(a)
	c.fresh(s)
	c.norms(a)
	c.norms(s)
	ct := c.cosine(a.terms, s.terms, a.termNorm, s.termNorm)
	var sc float64
	if len(a.names) == 0 || len(s.names) == 0 {
		sc = (c.opts.TermWeight + c.opts.NameWeight) * ct
	} else {
		cn := c.cosine(a.names, s.names, a.nameNorm, s.nameNorm)
		sc = c.opts.TermWeight*ct + c.opts.NameWeight*cn
		if c.opts.NameGate > 0 {
			sc = (c.opts.TermWeight + c.opts.NameWeight) * ct * (1 - c.opts.NameGate + c.opts.NameGate*math.Sqrt(cn))
		}
		if c.leadConflict(a.names, s.names) {
			sc *= 1 - c.opts.LeadConflictWeight
		}
	}
	for _, k := range [...]struct {
		a, s    []detail
		perNoun bool
	}{{a.places, s.places, false}, {a.dates, s.dates, true}, {a.numbers, s.numbers, false}} {
		agree, conflict := c.compareDetails(k.a, a.size, k.s, s.size, k.perNoun)
		sc += c.opts.DetailWeight * agree
		if conflict > 0 {
			sc *= 1 - c.opts.ConflictWeight
		}
	}
	return sc * c.decay(a, s)
}

// decay is 2^(−gap/HalfLife), gap being the time between the probe's and
// the story's spans; 1 when either time is unknown.
func (c *Online) decay(a, s *story) float64 {
	if c.opts.HalfLife <= 0 || a.first.IsZero() || s.first.IsZero() {
		return 1
	}
	var gap time.Duration
	switch {
	case a.first.After(s.last):
		gap = a.first.Sub(s.last)
	case s.first.After(a.last):
		gap = s.first.Sub(a.last)
	}
	return math.Exp2(-float64(gap) / float64(c.opts.HalfLife))
}

// cosine is the TF-IDF cosine of two log-tf vectors with IDF-weighted
// norms na and nb.
func (c *Online) cosine(a, b []feat, na, nb float64) float64 {
	if len(a) == 0 || len(b) == 0 || na == 0 || nb == 0 {
		return 0
	}
	var dot float64
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i].id < b[j].id:
			i++
		case a[i].id > b[j].id:
			j++
		default:
			x := c.idf(a[i].id)
			dot += float64(a[i].w) * float64(b[j].w) * x * x
			i++
			j++
		}
	}
	return dot / (na * nb)
}

// normRefresh is how far (as a share of the document count) the stream may
// move on before a story's cached norms are recomputed: IDF drifts slowly.
const normRefresh = 0.02

// norms refreshes s's cached IDF-weighted norms when s changed or the
// stream moved on.
func (c *Online) norms(s *story) {
	if s.normAt > 0 && float64(c.docs-s.normAt) <= normRefresh*float64(s.normAt) {
		return
	}
	s.termNorm, s.nameNorm, s.normAt = c.norm(s.terms), c.norm(s.names), c.docs
}

func (c *Online) norm(v []feat) float64 {
	var n float64
	for _, f := range v {
		x := float64(f.w) * c.idf(f.id)
		n += x * x
	}
	return math.Sqrt(n)
}

// compareDetails gives agreement in [0, 1]: the best support in s of a
// detail a gives (for a probe story, weighted by its own support); and
// conflict 1 when, for some noun, a gives a value (carried by at least
// ConflictSupport of its articles) that s lacks while s carries another
// value of that noun in at least ConflictSupport of its articles. For
// numbers the noun is the counted thing: 12 dead against 40 dead
// conflicts, 12 dead against 3 injured does not, and 12 dead with 40
// injured against 12 dead with 3 injured does. For dates the nouns are
// the year and the day.
func (c *Online) compareDetails(a []detail, asize int32, s []detail, ssize int32, perNoun bool) (agree, conflict float64) {
	if len(a) == 0 || len(s) == 0 {
		return 0, 0
	}
	aLeast := c.opts.ConflictSupport * float64(asize)
	sLeast := c.opts.ConflictSupport * float64(ssize)
	// The nouns for which some value of a is in s; a gives few details,
	// so a small array holds them without allocating.
	var agreedBuf [16]int32
	agreed := agreedBuf[:0]
	for _, x := range a {
		if float64(x.n) < aLeast {
			continue
		}
		for _, y := range s {
			if y.noun == x.noun && y.id == x.id {
				agree = max(agree, float64(y.n)/float64(ssize))
				agreed = append(agreed, x.noun)
			}
		}
	}
	if !perNoun && agree > 0 {
		return agree, 0
	}
	for _, x := range a {
		if float64(x.n) < aLeast || slices.Contains(agreed, x.noun) {
			continue
		}
		for _, y := range s {
			if y.noun == x.noun && float64(y.n) >= sLeast {
				return agree, 1
			}
		}
	}
	return agree, 0
}

// leadConflict reports whether each side's leading name (highest weight ×
// IDF) is missing, or nearly so, from the other side: a story about one
// person or company and an article about another, though both name the
// same team or city.
func (c *Online) leadConflict(a, b []feat) bool {
	la, ma := c.lead(a)
	lb, mb := c.lead(b)
	return weightOf(b, la) < 0.2*mb && weightOf(a, lb) < 0.2*ma
}

func (c *Online) lead(v []feat) (id int32, w float32) {
	for _, f := range v {
		if x := f.w * float32(c.idf(f.id)); x > w {
			id, w = f.id, x
		}
	}
	if len(v) > 0 {
		w = 0
		for _, f := range v {
			if f.w > w {
				w = f.w
			}
		}
	}
	return id, w
}

// weightOf is the weight of feature id in v, 0 when absent.
func weightOf(v []feat, id int32) float32 {
	i, ok := slices.BinarySearchFunc(v, id, func(f feat, id int32) int { return int(f.id - id) })
	if !ok {
		return 0
	}
	return v[i].w
}
