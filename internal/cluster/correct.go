package cluster

import "slices"

// Correct runs the correction pass now: each story changed since the last
// pass is compared with its index candidates, story to story, and merged
// into an older one scoring at least MergeThreshold. The older story keeps
// its ID; the younger one's ID redirects to it (see Resolve), and the two
// stories' threads become one (see ResolveThread). A changed story that
// has not yet found a thread to continue looks for one again, with what it
// has gathered since it started (see threadFor). It returns the number of
// merges. Stories are visited in creation order, so the
// result is deterministic. Cutting a story that took in two events is
// Split's job, a batch pass over the articles.
func (c *Online) Correct() int {
	c.sinceFix = 0
	touched := c.touched
	c.touched = nil
	slices.Sort(touched)
	merged := 0
	for _, t := range touched {
		s := c.stories[t]
		s.touched = false
		if s.into >= 0 {
			continue
		}
		best, bestScore := int32(-1), c.opts.MergeThreshold
		for _, o := range c.candidates(s) {
			if o == s.idx {
				continue
			}
			sc := c.pairScore(s, c.stories[o])
			if sc >= bestScore {
				if sc > bestScore || o < best {
					best, bestScore = o, sc
				}
			}
		}
		if best < 0 {
			continue
		}
		c.merge(s, c.stories[best])
		merged++
	}
	c.merges += merged
	c.relinkThreads(touched)
	return merged
}

// merge makes stories a and b one: the older keeps its ID and takes in
// the younger, whose ID redirects to it; their threads become one.
func (c *Online) merge(a, b *story) {
	old, young := b, a
	if young.idx < old.idx {
		old, young = young, old
	}
	c.join(old, young, 0)
	young.into = old.idx
	c.refs[young.idx].into = old.idx
	c.linkThreads(young.idx, old.idx)
	young.terms, young.names, young.places, young.dates, young.numbers = nil, nil, nil, nil, nil
	young.articles, young.outlets = nil, nil
}

// pairScore is the symmetric story-to-story score: the lower of the two
// directions, so that a small story's details count against a large one
// and the reverse.
func (c *Online) pairScore(a, b *story) float64 {
	return min(c.score(a, b), c.score(b, a))
}

// Resolve returns the ID a story ID now stands for: itself, or the story it
// was merged into. Unknown IDs come back unchanged.
func (c *Online) Resolve(id string) string {
	idx, ok := c.parseID(id)
	if !ok {
		return id
	}
	return c.storyID(c.live(idx))
}

func (c *Online) parseID(id string) (int32, bool) {
	if len(id) < 2 || id[0] != 's' {
		return 0, false
	}
	n := 0
	for _, r := range id[1:] {
		if r < '0' || r > '9' || n > len(c.stories) {
			return 0, false
		}
		n = n*10 + int(r-'0')
	}
	if n < 1 || n > len(c.stories) {
		return 0, false
	}
	return int32(n - 1), true
}

// Merges is the number of merges made by correction passes so far.
func (c *Online) Merges() int { return c.merges }

// Stories returns the live stories (merged ones excluded) in order of
// creation. Slices are copies.
func (c *Online) Stories() []Story {
	var out []Story
	for _, s := range c.stories {
		if s.into >= 0 {
			continue
		}
		out = append(out, Story{
			ID:        c.storyID(s.idx),
			Label:     s.label,
			FirstSeen: s.first,
			LastSeen:  s.last,
			Outlets:   slices.Clone(s.outlets),
			Articles:  slices.Clone(s.articles),
			Thread:    c.storyID(c.threadOf(s)),
		})
	}
	return out
}

// liveCount counts the stories not merged into another.
func (c *Online) liveCount() int {
	n := 0
	for _, s := range c.stories {
		if s.into < 0 {
			n++
		}
	}
	return n
}
