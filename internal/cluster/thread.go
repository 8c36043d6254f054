package cluster

// Threads are kept as a union-find forest over stories: each story points
// to a parent in its thread, and the root, the thread's earliest story,
// names the thread. A new story links to the earlier story it continues
// (threadFor); a merge, a split or a story emptied by Reassign joins the
// threads of the stories involved; and a correction pass lets a story that
// started without a thread find one with what it has gathered since. Two
// threads that become one take the earlier root's ID, and the other ID
// redirects to it (ResolveThread), so a thread's ID changes only when it is
// found to continue an earlier thread.

// threadOf is the index of the root of s's thread.
func (c *Online) threadOf(s *story) int32 {
	return c.threadRoot(s.idx)
}

// threadRoot finds the root of the thread of story i, halving the path on
// the way so that later finds are short.
func (c *Online) threadRoot(i int32) int32 {
	for {
		p := c.stories[i].thread
		if p == i {
			return i
		}
		gp := c.stories[p].thread
		c.stories[i].thread = gp
		i = p
	}
}

// linkThreads makes the threads of stories a and b one; the earlier root
// stays the root.
func (c *Online) linkThreads(a, b int32) {
	ra, rb := c.threadRoot(a), c.threadRoot(b)
	switch {
	case ra < rb:
		c.stories[rb].thread = ra
	case rb < ra:
		c.stories[ra].thread = rb
	}
}

// threadFor picks, for a story s, the earlier story whose thread it
// continues: the best-scoring of cands at or above ThreadThreshold, not
// already in s's thread, that started before s, was last seen no more than
// ThreadWindow before s started (when both times are known), and shares a
// name with s when both have names. The score here is taken without time
// decay: the window is the time criterion. It returns -1 for none.
func (c *Online) threadFor(s *story, cands []int32) int32 {
	best, bestScore := int32(-1), c.opts.ThreadThreshold
	own := c.threadOf(s)
	for _, o := range cands {
		t := c.stories[o]
		if t.into >= 0 || o == s.idx || (s.idx >= 0 && c.threadOf(t) == own) {
			continue
		}
		if !s.first.IsZero() && !t.first.IsZero() && t.first.After(s.first) {
			continue
		}
		if s.first.IsZero() || t.first.IsZero() {
			// Without times, the earlier story is the one made first.
			if s.idx >= 0 && o > s.idx {
				continue
			}
		}
		if c.opts.ThreadWindow > 0 && !s.first.IsZero() && !t.last.IsZero() && s.first.Sub(t.last) > c.opts.ThreadWindow {
			continue
		}
		c.fresh(s)
		c.fresh(t)
		if len(s.names) > 0 && len(t.names) > 0 && c.cosine(s.names, t.names, 1, 1) == 0 {
			continue
		}
		d := c.decay(s, t)
		if d == 0 {
			continue
		}
		if sc := c.score(s, t) / d; sc >= bestScore {
			best, bestScore = o, sc
		}
	}
	return best
}

// relinkThreads gives each of the stories touched since the last pass
// that has not yet found a thread to continue another chance, with its
// representation as it stands now, once it has at least doubled in size
// since it last looked: a story looks about log2(size) times in all, so
// the cost stays a small share of Add's.
func (c *Online) relinkThreads(touched []int32) {
	for _, i := range touched {
		s := c.stories[i]
		if s.into >= 0 || s.linked || s.size < 2*s.threadTried {
			continue
		}
		s.threadTried = s.size
		if t := c.threadFor(s, c.candidates(s)); t >= 0 {
			c.linkThreads(s.idx, t)
			s.linked = true
		}
	}
}

// ResolveThread returns the ID a thread ID now stands for: the ID of the
// earliest story of the thread it became part of. Any story ID is also
// accepted and gives that story's thread. Unknown IDs come back unchanged.
func (c *Online) ResolveThread(id string) string {
	idx, ok := c.parseID(id)
	if !ok {
		return id
	}
	return c.storyID(c.threadRoot(idx))
}
