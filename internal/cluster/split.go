package cluster

import "slices"

// Split is the batch correction that the stream cannot make: a story that
// took in two similar events (an article about the second arrived while
// the first story was the best match, and the rest followed) is cut in
// two. items must hold the articles added so far (others are ignored);
// they are featurised again, without counting them twice in the document
// frequencies. Each live story of at least 2·SplitMin articles is cut by
// two-means over its articles (seeded by its least typical article and the
// article least like that one), and the cut is kept when both parts hold
// SplitMin articles or more and their story-to-story score is below
// SplitThreshold. The part holding the story's first article keeps the
// story's ID; the other becomes a new story in the same thread. Stories are visited in creation order
// and ties go to the first part, so the result is deterministic. It
// returns the number of stories cut; SplitThreshold 0 turns it off.
func (c *Online) Split(items []Item) int {
	if c.opts.SplitThreshold <= 0 || c.opts.SplitMin < 1 {
		return 0
	}
	byID := make(map[string]int, len(items))
	for i, it := range items {
		byID[it.ID] = i
	}
	cut := 0
	n := len(c.stories)
	for si := range n {
		s := c.stories[si]
		if s.into >= 0 || len(s.articles) < 2*c.opts.SplitMin {
			continue
		}
		var members []*story
		for _, id := range s.articles {
			if i, ok := byID[id]; ok {
				members = append(members, c.featurise(items[i], false))
			}
		}
		if len(members) != len(s.articles) {
			continue
		}
		side, a, b := c.twoMeans(members, s)
		if a == nil || int(a.size) < c.opts.SplitMin || int(b.size) < c.opts.SplitMin {
			continue
		}
		if c.pairScore(a, b) >= c.opts.SplitThreshold {
			continue
		}
		if side[0] {
			// The part holding the story's first article keeps its ID.
			a, b = b, a
			for i := range side {
				side[i] = !side[i]
			}
		}
		c.apply(s, members, side, a, b)
		cut++
	}
	return cut
}

// twoMeans splits members in two; side[i] is true for the second part.
func (c *Online) twoMeans(members []*story, whole *story) (side []bool, a, b *story) {
	// Seeds: the member least like the whole story, and the member least
	// like that one.
	sb := c.argmin(members, whole)
	sa := c.argmin(members, members[sb])
	if sa == sb {
		return nil, nil, nil
	}
	a, b = members[sa], members[sb]
	side = make([]bool, len(members))
	for range 8 {
		changed := false
		for i, m := range members {
			toB := c.score(m, b) > c.score(m, a)
			if i == sa {
				toB = false
			} else if i == sb {
				toB = true
			}
			if toB != side[i] {
				side[i], changed = toB, true
			}
		}
		a, b = c.combine(members, side, false), c.combine(members, side, true)
		if !changed {
			break
		}
	}
	return side, a, b
}

func (c *Online) argmin(members []*story, to *story) int {
	best, bestScore := 0, 0.0
	for i, m := range members {
		if sc := c.score(m, to); i == 0 || sc < bestScore {
			best, bestScore = i, sc
		}
	}
	return best
}

// combine builds an unindexed story from the members on one side.
func (c *Online) combine(members []*story, side []bool, which bool) *story {
	s := &story{idx: -1, into: -1, epoch: c.voc.epoch}
	for i, m := range members {
		if side[i] != which {
			continue
		}
		c.fresh(m)
		s.terms = addVectors(s.terms, m.terms)
		s.names = addVectors(s.names, m.names)
		s.places = mergeDetails(s.places, m.places)
		s.dates = mergeDetails(s.dates, m.dates)
		s.numbers = mergeDetails(s.numbers, m.numbers)
		s.size += m.size
		if s.first.IsZero() || (!m.first.IsZero() && m.first.Before(s.first)) {
			s.first = m.first
		}
		if m.last.After(s.last) {
			s.last = m.last
		}
		for _, o := range m.outlets {
			if !slices.Contains(s.outlets, o) {
				s.outlets = append(s.outlets, o)
			}
		}
		s.articles = append(s.articles, m.articles...)
		if s.label == "" {
			s.label = m.label
		}
	}
	s.terms = c.prune(s.terms, c.opts.CentroidTerms)
	s.names = c.prune(s.names, c.opts.CentroidNames)
	return s
}

// apply replaces s by part a and adds part b as a new story in s's thread.
func (c *Online) apply(s *story, members []*story, side []bool, a, b *story) {
	s.terms, s.names, s.places, s.dates, s.numbers = a.terms, a.names, a.places, a.dates, a.numbers
	s.epoch = a.epoch
	s.size, s.first, s.last, s.outlets, s.articles = a.size, a.first, a.last, a.outlets, a.articles
	s.normAt = 0
	if !slices.Contains(s.articles, articleOfLabel(members, side, s.label, false)) {
		s.label = a.label
	}
	b.idx = int32(len(c.stories))
	b.thread = b.idx
	b.linked = true
	c.stories = append(c.stories, b)
	c.refs = append(c.refs, storyRef{into: -1, seen: -1})
	c.index(b, b)
	c.linkThreads(b.idx, s.idx)
	c.markTouched(s)
	c.markTouched(b)
}

// articleOfLabel is the ID of the first member on side which whose label
// is label, or "".
func articleOfLabel(members []*story, side []bool, label string, which bool) string {
	for i, m := range members {
		if side[i] == which && m.label == label {
			return m.articles[0]
		}
	}
	return ""
}

// Reassign moves each article of items, in order, to the story among its
// own and its index candidates that it scores best against, when that is
// not its own story and the score is at least Threshold; its own story is
// taken without it, so that an article is not held by its own weight. The
// stories that changed are then rebuilt from their articles; items must
// hold every article of a story an article moves into or out of. A story left empty
// redirects to the story its last article went to. It returns the number
// of articles moved.
func (c *Online) Reassign(items []Item) int {
	home := make(map[string]int32)
	for _, s := range c.stories {
		if s.into >= 0 {
			continue
		}
		for _, id := range s.articles {
			home[id] = s.idx
		}
	}
	feats := make(map[string]*story)
	moved := 0
	dest := make(map[string]int32)
	for _, it := range items {
		own, ok := home[it.ID]
		if !ok {
			continue
		}
		a := c.featurise(it, false)
		feats[it.ID] = a
		best, bestScore := own, c.score(a, c.without(c.stories[own], a))
		for _, o := range c.candidates(a) {
			if o == own {
				continue
			}
			if sc := c.score(a, c.stories[o]); sc > bestScore && sc >= c.opts.Threshold {
				best, bestScore = o, sc
			}
		}
		if best != own {
			dest[it.ID] = best
			moved++
		}
	}
	if moved == 0 {
		return 0
	}
	changed := map[int32]bool{}
	for id, d := range dest {
		changed[home[id]], changed[d] = true, true
	}
	idxs := make([]int32, 0, len(changed))
	for i := range changed {
		idxs = append(idxs, i)
	}
	slices.Sort(idxs)
	for _, i := range idxs {
		for _, id := range c.stories[i].articles {
			if feats[id] == nil {
				return 0 // an article of a changed story is not in items
			}
		}
	}
	members := map[int32][]*story{}
	for _, i := range idxs {
		for _, id := range c.stories[i].articles {
			to := i
			if d, ok := dest[id]; ok {
				to = d
			}
			members[to] = append(members[to], feats[id])
		}
	}
	for _, i := range idxs {
		s := c.stories[i]
		ms := members[i]
		if len(ms) == 0 {
			// Redirect to where its first article went.
			s.into = dest[s.articles[0]]
			c.refs[s.idx].into = s.into
			c.linkThreads(s.idx, s.into)
			s.terms, s.names, s.places, s.dates, s.numbers = nil, nil, nil, nil, nil
			s.articles, s.outlets = nil, nil
			continue
		}
		side := make([]bool, len(ms))
		a := c.combine(ms, side, false)
		label := s.label
		s.terms, s.names, s.places, s.dates, s.numbers = a.terms, a.names, a.places, a.dates, a.numbers
		s.epoch = a.epoch
		s.size, s.first, s.last, s.outlets, s.articles = a.size, a.first, a.last, a.outlets, a.articles
		s.normAt = 0
		s.label = a.label
		for _, m := range ms {
			if m.label == label {
				s.label = label
			}
		}
		c.index(s, s)
		c.markTouched(s)
	}
	return moved
}

// without is s less article a: the story an article is compared with when
// asking whether it belongs there.
func (c *Online) without(s, a *story) *story {
	c.fresh(s)
	c.fresh(a)
	o := &story{idx: s.idx, into: -1, size: s.size - a.size, first: s.first, last: s.last, epoch: c.voc.epoch}
	if o.size <= 0 {
		return o
	}
	o.terms = subVectors(s.terms, a.terms)
	o.names = subVectors(s.names, a.names)
	o.places = subDetails(s.places, a.places)
	o.dates = subDetails(s.dates, a.dates)
	o.numbers = subDetails(s.numbers, a.numbers)
	return o
}

func subVectors(a, b []feat) []feat {
	out := make([]feat, 0, len(a))
	for _, f := range a {
		if w := f.w - weightOf(b, f.id); w > 1e-6 {
			out = append(out, feat{f.id, w})
		}
	}
	return out
}

func subDetails(s, a []detail) []detail {
	out := make([]detail, 0, len(s))
	for _, d := range s {
		for _, x := range a {
			if x.id == d.id && x.noun == d.noun {
				d.n -= x.n
			}
		}
		if d.n > 0 {
			out = append(out, d)
		}
	}
	return out
}
