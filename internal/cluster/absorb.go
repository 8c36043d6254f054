package cluster

// Absorb merges each story into a candidate story at least AbsorbRatio
// times its size when every one of its articles would have joined that
// story on its own: each scores at least Threshold against it. It is the
// group move that Reassign cannot make: articles that started a story
// together hold each other there, though each alone belongs to a larger
// story that took shape later. Of several such stories the one whose
// worst-scoring article scores best wins (ties to the older). items must
// hold the articles of the stories to absorb (a story with an article
// missing from items stays). Stories are visited in creation order, so
// the result is deterministic; the older of the two keeps its ID. It
// returns the number of stories absorbed; AbsorbRatio 0 turns it off.
func (c *Online) Absorb(items []Item) int {
	if c.opts.AbsorbRatio <= 0 {
		return 0
	}
	byID := make(map[string]int, len(items))
	for i, it := range items {
		byID[it.ID] = i
	}
	absorbed := 0
	for si := range c.stories {
		s := c.stories[si]
		if s.into >= 0 {
			continue
		}
		members := make([]*story, 0, len(s.articles))
		for _, id := range s.articles {
			if i, ok := byID[id]; ok {
				members = append(members, c.featurise(items[i], false))
			}
		}
		if len(members) == 0 || len(members) != len(s.articles) {
			continue
		}
		if best := c.absorber(s, members); best >= 0 {
			c.merge(s, c.stories[best])
			absorbed++
		}
	}
	return absorbed
}

// absorber is the candidate that story s with its articles members would
// be absorbed by, or -1.
func (c *Online) absorber(s *story, members []*story) int32 {
	best, bestScore := int32(-1), c.opts.Threshold
	for _, o := range c.candidates(s) {
		t := c.stories[o]
		if o == s.idx || t.into >= 0 || float64(t.size) < c.opts.AbsorbRatio*float64(s.size) {
			continue
		}
		worst := 0.0
		for i, m := range members {
			if sc := c.score(m, t); i == 0 || sc < worst {
				worst = sc
			}
		}
		if worst > bestScore || (worst == bestScore && (best < 0 || o < best)) {
			best, bestScore = o, worst
		}
	}
	return best
}
