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
	s := &story{idx: -1, into: -1}
	for i, m := range members {
		if side[i] != which {
			continue
		}
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
	s.size, s.first, s.last, s.outlets, s.articles = a.size, a.first, a.last, a.outlets, a.articles
	s.normAt = 0
	if !slices.Contains(s.articles, articleOfLabel(members, side, s.label, false)) {
		s.label = a.label
	}
	b.idx = int32(len(c.stories))
	b.thread = s.thread
	c.stories = append(c.stories, b)
	c.hits = append(c.hits, 0)
	c.seen = append(c.seen, -1)
	c.index(b, b)
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
