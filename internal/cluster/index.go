package cluster

import (
	"math"
	"slices"
)

// keys are the index entries of a probe: all its names and its
// QueryTerms highest-weighted terms (weight × IDF).
func (c *Online) keys(a *story) []feat {
	ks := make([]feat, 0, len(a.names)+c.opts.QueryTerms)
	for _, f := range a.names {
		ks = append(ks, feat{f.id, float32(c.idf(f.id))})
	}
	terms := make([]feat, len(a.terms))
	for i, f := range a.terms {
		terms[i] = feat{f.id, f.w * float32(c.idf(f.id))}
	}
	topByWeight(terms, c.opts.QueryTerms)
	for _, f := range terms[:max(0, min(len(terms), c.opts.QueryTerms))] {
		ks = append(ks, feat{f.id, float32(c.idf(f.id))})
	}
	return ks
}

// topByWeight moves the k highest-weighted features to the front of v,
// in order of weight (ties by id, for determinism).
func topByWeight(v []feat, k int) {
	if k <= 0 {
		return
	}
	if k >= len(v) {
		slices.SortFunc(v, byWeight)
		return
	}
	// Partial selection: insertion into the first k slots.
	for i := range v {
		if i < k {
			for j := i; j > 0 && byWeight(v[j], v[j-1]) < 0; j-- {
				v[j], v[j-1] = v[j-1], v[j]
			}
			continue
		}
		if byWeight(v[i], v[k-1]) < 0 {
			v[i], v[k-1] = v[k-1], v[i]
			for j := k - 1; j > 0 && byWeight(v[j], v[j-1]) < 0; j-- {
				v[j], v[j-1] = v[j-1], v[j]
			}
		}
	}
}

func byWeight(a, b feat) int {
	switch {
	case a.w > b.w:
		return -1
	case a.w < b.w:
		return 1
	}
	return int(a.id - b.id)
}

// candidates returns up to Candidates live stories sharing the most
// IDF-weighted index keys with a, most recent first on ties. Its cost is
// bounded by keys × PostingLimit, whatever the number of stories.
func (c *Online) candidates(a *story) []int32 {
	c.fresh(a)
	ks := c.keys(a)
	var touched []int32
	for _, k := range ks {
		for _, s := range c.postings[k.id] {
			s = c.live(s)
			if s == a.idx {
				continue
			}
			r := &c.refs[s]
			if r.seen != int32(c.docs) {
				r.seen = int32(c.docs)
				r.hits = 0
				touched = append(touched, s)
			}
			r.hits += k.w
		}
	}
	k := c.opts.Candidates
	top := make([]int32, 0, k+1)
	for _, s := range touched {
		if c.tooOld(a, c.stories[s]) {
			continue
		}
		i := len(top)
		for i > 0 && c.before(s, top[i-1]) {
			i--
		}
		if i >= k {
			continue
		}
		top = slices.Insert(top, i, s)
		if len(top) > k {
			top = top[:k]
		}
	}
	// The scratch marks must not leak into a later call with the same
	// document count (the correction pass calls this repeatedly).
	for _, s := range touched {
		c.refs[s].seen = -1
	}
	return top
}

func (c *Online) before(s, t int32) bool {
	if hs, ht := c.refs[s].hits, c.refs[t].hits; hs != ht {
		return hs > ht
	}
	return s > t
}

func (c *Online) tooOld(a, s *story) bool {
	if c.opts.MaxAge <= 0 || a.first.IsZero() || s.last.IsZero() {
		return false
	}
	return a.first.Sub(s.last) > c.opts.MaxAge
}

// live follows merges to the story that absorbed s.
func (c *Online) live(s int32) int32 {
	for c.refs[s].into >= 0 {
		s = c.refs[s].into
	}
	return s
}

// index adds postings from probe a's keys to story s.
func (c *Online) index(s, a *story) {
	c.fresh(a)
	for _, k := range c.keys(a) {
		p := c.postings[k.id]
		if n := len(p); n > 0 && p[n-1] == s.idx {
			continue
		}
		if lim := c.opts.PostingLimit; lim > 0 && len(p) >= lim {
			// Drop the older half at once so that appends stay amortised.
			p = append(p[:0], p[len(p)-lim/2:]...)
		}
		c.postings[k.id] = append(p, s.idx)
	}
}

func (c *Online) markTouched(s *story) {
	if !s.touched {
		s.touched = true
		c.touched = append(c.touched, s.idx)
	}
}

// join adds probe a (an article, or a story being merged) to story s.
func (c *Online) join(s, a *story, sc float64) {
	c.fresh(s)
	c.fresh(a)
	if c.opts.HalfLife > 0 && !a.first.IsZero() && !s.last.IsZero() && a.last.After(s.last) {
		d := float32(math.Exp2(-float64(a.last.Sub(s.last)) / float64(c.opts.HalfLife)))
		scale(s.terms, d)
		scale(s.names, d)
	}
	s.terms = c.prune(addVectors(s.terms, a.terms), c.opts.CentroidTerms)
	s.names = c.prune(addVectors(s.names, a.names), c.opts.CentroidNames)
	s.places = mergeDetails(s.places, a.places)
	s.dates = mergeDetails(s.dates, a.dates)
	s.numbers = mergeDetails(s.numbers, a.numbers)
	s.size += a.size
	s.normAt = 0
	if s.first.IsZero() || (!a.first.IsZero() && a.first.Before(s.first)) {
		s.first = a.first
	}
	if a.last.After(s.last) {
		s.last = a.last
	}
	for _, o := range a.outlets {
		if !slices.Contains(s.outlets, o) {
			s.outlets = append(s.outlets, o)
		}
	}
	s.articles = append(s.articles, a.articles...)
	if a.size == 1 && sc > s.labelScore {
		s.label, s.labelScore = a.label, sc
	}
	s.lastDoc = int32(c.docs)
	c.index(s, a)
	c.markTouched(s)
}

func scale(v []feat, d float32) {
	for i := range v {
		v[i].w *= d
	}
}

// addVectors returns a + b, sorted by id.
func addVectors(a, b []feat) []feat {
	out := make([]feat, 0, len(a)+len(b))
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		switch {
		case j >= len(b) || (i < len(a) && a[i].id < b[j].id):
			out = append(out, a[i])
			i++
		case i >= len(a) || b[j].id < a[i].id:
			out = append(out, b[j])
			j++
		default:
			out = append(out, feat{a[i].id, a[i].w + b[j].w})
			i++
			j++
		}
	}
	return out
}

// prune keeps the n features of v with the highest weight × IDF once v
// holds more than 2n, so that pruning runs once per n additions.
func (c *Online) prune(v []feat, n int) []feat {
	if n <= 0 || len(v) <= 2*n {
		return v
	}
	tmp := make([]feat, len(v))
	for i, f := range v {
		tmp[i] = feat{f.id, f.w * float32(c.idf(f.id))}
	}
	topByWeight(tmp, n)
	keep := make(map[int32]bool, n)
	for _, f := range tmp[:n] {
		keep[f.id] = true
	}
	out := v[:0]
	for _, f := range v {
		if keep[f.id] {
			out = append(out, f)
		}
	}
	return out
}

// maxDetails caps the details a story keeps of each kind; past it the
// least supported go.
const maxDetails = 48

func mergeDetails(s, a []detail) []detail {
	for _, x := range a {
		found := false
		for i := range s {
			if s[i].id == x.id && s[i].noun == x.noun {
				s[i].n += x.n
				found = true
				break
			}
		}
		if !found {
			s = append(s, x)
		}
	}
	if len(s) > maxDetails {
		slices.SortStableFunc(s, func(x, y detail) int { return int(y.n - x.n) })
		s = s[:maxDetails*2/3]
	}
	return s
}
