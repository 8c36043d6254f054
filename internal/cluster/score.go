package cluster

import (
	"math"
	"time"
)

// score compares a probe (one article, or a story in the correction pass)
// with a story; see Options for the formula.
func (c *Online) score(a, s *story) float64 {
	ct := c.cosine(a.terms, s.terms)
	var sc float64
	if len(a.names) == 0 || len(s.names) == 0 {
		sc = (c.opts.TermWeight + c.opts.NameWeight) * ct
	} else {
		sc = c.opts.TermWeight*ct + c.opts.NameWeight*c.cosine(a.names, s.names)
	}
	for _, k := range [...]struct{ a, s []detail }{{a.places, s.places}, {a.dates, s.dates}, {a.numbers, s.numbers}} {
		agree, conflict := c.compareDetails(k.a, a.size, k.s, s.size)
		sc += c.opts.DetailWeight*agree - c.opts.ConflictWeight*conflict
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

// cosine is the TF-IDF cosine of two log-tf vectors, IDF taken now.
func (c *Online) cosine(a, b []feat) float64 {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	var dot, na, nb float64
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
	if dot == 0 {
		return 0
	}
	for _, f := range a {
		x := float64(f.w) * c.idf(f.id)
		na += x * x
	}
	for _, f := range b {
		x := float64(f.w) * c.idf(f.id)
		nb += x * x
	}
	return dot / math.Sqrt(na*nb)
}

// compareDetails gives agreement in [0, 1]: the best support in s of a
// detail a gives (for a probe story, weighted by its own support); and
// conflict 1 when a gives details of the kind, none of them is in s, and s
// has one carried by at least ConflictSupport of its articles. For numbers
// the kind is the noun: 12 dead against 40 dead conflicts, 12 dead against
// 3 injured does not.
func (c *Online) compareDetails(a []detail, asize int32, s []detail, ssize int32) (agree, conflict float64) {
	if len(a) == 0 || len(s) == 0 {
		return 0, 0
	}
	sharedNoun := false
	for _, x := range a {
		if float64(x.n) < c.opts.ConflictSupport*float64(asize) {
			continue
		}
		for _, y := range s {
			if y.noun != x.noun {
				continue
			}
			sharedNoun = true
			if y.id == x.id {
				if sup := float64(y.n) / float64(ssize); sup > agree {
					agree = sup
				}
			}
		}
	}
	if agree > 0 || !sharedNoun {
		return agree, 0
	}
	for _, x := range a {
		if float64(x.n) < c.opts.ConflictSupport*float64(asize) {
			continue
		}
		for _, y := range s {
			if y.noun == x.noun && float64(y.n) >= c.opts.ConflictSupport*float64(ssize) {
				return 0, 1
			}
		}
	}
	return 0, 0
}
