package compare

import (
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/storydesk/storydesk/internal/model"
)

// Outlets often give the when and where of an event in passing, in a
// clause about something else: "ahead of Friday's summit in Alaska",
// "the talks are set to begin at 11.30am on Friday". Such phrases share
// too few words to align as claims, yet once the annotator has resolved
// the event across articles they state one fact: the event takes place
// on that day, or at that place. eventFacts finds them.

// attachGap is the most runes between the end of an event's mention and
// a day or place that belongs to it ("the summit, which opens on
// Friday").
const attachGap = 40

// eventFacts returns, for each event that two or more articles give the
// same day or the same place, a fact of the sentence claims (cs[:first])
// that say so, one per article: the claim where the event is most its
// subject. A group that repeats one of have (the facts already found) is
// left out.
func eventFacts(cs []claim, first int, anns []model.Annotations, have [][]int32) [][]int32 {
	// byArt[ai] lists the sentence claims of article ai, in text order.
	byArt := make([][]int32, len(anns))
	for i := range cs[:first] {
		if a := cs[i].art; a < len(byArt) {
			byArt[a] = append(byArt[a], int32(i))
		}
	}
	type pick struct {
		claim int32
		score int
	}
	found := map[string]map[int]pick{} // key → article → its best claim
	var keys []string
	for ai := range anns {
		ann := &anns[ai]
		for _, e := range ann.Entities {
			if e.Type != model.Event || e.ID == "" {
				continue
			}
			for _, m := range e.Mentions {
				ci := claimAt(cs, byArt[ai], m.Start)
				if ci < 0 {
					continue
				}
				c := &cs[ci]
				subject := countWords(c.runes(c.start, m.Start)) <= 2
				// What lies between the mention and the next event
				// mention of the claim belongs to this one.
				limit := nextEvent(ann, m, c.end)
				var days, places []string
				explicit := false
				for _, t := range c.times {
					if calendarDay(t.Value) && attachedTime(c, t.Span, m.Span, limit) {
						days = append(days, t.Value[:10])
						explicit = explicit || t.Start >= m.End
					}
				}
				for _, p := range ann.Entities {
					if p.Type != model.GPE && p.Type != model.Location && p.Type != model.Facility || p.ID == "" {
						continue
					}
					for _, pm := range p.Mentions {
						if pm.Form == "adjective" { // "the Russian president's summit"
							continue
						}
						if pm.Start >= c.start && pm.Start < c.end && attachedPlace(c, pm.Span, m.Span) && !slices.Contains(places, p.ID) {
							places = append(places, p.ID)
						}
					}
				}
				score := 0
				if subject {
					score += 4
				}
				if explicit {
					score += 2
				}
				if len(days) > 0 && len(places) > 0 {
					score++
				}
				add := func(key string) {
					per := found[key]
					if per == nil {
						per = map[int]pick{}
						found[key] = per
						keys = append(keys, key)
					}
					if old, ok := per[ai]; !ok || score > old.score || score == old.score && len(c.text) < len(cs[old.claim].text) {
						per[ai] = pick{ci, score}
					}
				}
				for _, d := range days {
					add(e.ID + "|d:" + d)
				}
				for _, p := range places {
					add(e.ID + "|p:" + p)
				}
			}
		}
	}
	sort.Strings(keys)
	seen := map[string]bool{}
	for _, g := range have {
		seen[groupKey(g)] = true
	}
	// Only an event that two articles date is one that takes place
	// somewhere: a war "in Ukraine" is the setting, not a fact.
	dated := map[string]bool{}
	for _, k := range keys {
		if ev, what, _ := strings.Cut(k, "|"); strings.HasPrefix(what, "d:") && len(found[k]) >= 2 {
			dated[ev] = true
		}
	}
	var out [][]int32
	for _, k := range keys {
		per := found[k]
		if ev, _, _ := strings.Cut(k, "|"); len(per) < 2 || !dated[ev] {
			continue
		}
		g := make([]int32, 0, len(per))
		for _, p := range per {
			g = append(g, p.claim)
		}
		slices.Sort(g)
		if gk := groupKey(g); !seen[gk] {
			seen[gk] = true
			out = append(out, g)
		}
	}
	return out
}

// nextEvent returns where the first event mention of ann after m
// begins, or end when there is none before it.
func nextEvent(ann *model.Annotations, m model.Mention, end int) int {
	for _, e := range ann.Entities {
		if e.Type != model.Event {
			continue
		}
		for _, o := range e.Mentions {
			if o.Start >= m.End && o.Start < end {
				end = o.Start
			}
		}
	}
	return end
}

// attachedTime reports whether the time at s belongs to the event
// mention m of claim c: inside it ("Friday's summit") or after it,
// before the next event mention (limit), at most attachGap runes on and
// with no comma, colon or bracket between ("the talks are set to begin
// at 11.30am on Friday").
func attachedTime(c *claim, s, m model.Span, limit int) bool {
	if s.Start >= m.Start && s.Start < m.End {
		return true
	}
	if s.Start < m.End || s.Start >= limit || s.Start-m.End > attachGap {
		return false
	}
	return !strings.ContainsAny(c.runes(m.End, s.Start), ",;:()–—")
}

// attachedPlace reports whether the place at s locates the event
// mention m of claim c: a modifier inside it ("the Alaska summit", not
// "Russia's invasion" or "the US-Russia summit", which name its
// parties) or "in" or "at" the place right after it ("the summit in
// Anchorage").
func attachedPlace(c *claim, s, m model.Span) bool {
	if s.Start >= m.Start && s.End <= m.End {
		before := c.runes(max(s.Start-1, m.Start), s.Start)
		rest := c.runes(s.End, min(s.End+2, m.End))
		return before != "-" && !strings.HasPrefix(rest, "-") &&
			!strings.HasPrefix(rest, "'s") && !strings.HasPrefix(rest, "’s")
	}
	if s.Start < m.End || s.Start-m.End > 8 {
		return false
	}
	gap := strings.TrimPrefix(strings.TrimSpace(c.runes(m.End, s.Start)), "the ")
	gap = strings.TrimSuffix(gap, " the")
	return gap == "in" || gap == "at"
}

// runes returns the text of claim c between rune offsets from and to of
// its article (clamped to the claim).
func (c *claim) runes(from, to int) string {
	from, to = max(from, c.start)-c.start, min(to, c.end)-c.start
	if from >= to {
		return ""
	}
	return c.text[byteOffset(c.text, from):byteOffset(c.text, to)]
}

// claimAt returns the claim of list (an article's sentence claims, in
// text order) whose span holds rune offset at, or -1.
func claimAt(cs []claim, list []int32, at int) int32 {
	k := sort.Search(len(list), func(k int) bool { return cs[list[k]].end > at })
	if k < len(list) && cs[list[k]].start <= at {
		return list[k]
	}
	return -1
}

// byteOffset is the byte offset of rune offset r in s (len(s) past its end).
func byteOffset(s string, r int) int {
	n := 0
	for i := range s {
		if n == r {
			return i
		}
		n++
	}
	return len(s)
}

// groupKey is a text key for a sorted group of claims.
func groupKey(g []int32) string {
	b := make([]byte, 0, 6*len(g))
	for _, x := range g {
		b = strconv.AppendInt(append(b, ' '), int64(x), 10)
	}
	return string(b)
}
