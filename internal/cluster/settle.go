package cluster

// Settle runs the corrections that follow a stream, in the order storydesk
// runs them everywhere (briefs, stored stories and the eval): merge stories
// that converged (Correct), split stories that swallowed two similar events
// (Split), let each article move to the story it fits best (Reassign, twice:
// the second round settles what the first moved), then fold small stories
// into a much larger one that all their articles fit (Absorb). items are
// the articles added, as given to Add.
func (c *Online) Settle(items []Item) {
	c.Correct()
	c.Split(items)
	for range 2 {
		c.Reassign(items)
	}
	c.Absorb(items)
}
