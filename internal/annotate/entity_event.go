package annotate

import (
	"strings"
	"time"

	"github.com/storydesk/storydesk/internal/model"
)

// Event phrases: a head noun, the words that may stand before it, and the
// prepositions that may follow it.
var (
	eventHeads2 = map[string]string{
		"summit": "meeting", "talks": "meeting", "meeting": "meeting", "meetings": "meeting",
		"one-on-one": "meeting", "call": "call", "calls": "call", "videoconference": "call",
		"conference": "conference", "election": "election", "elections": "election",
		"war": "war", "invasion": "war",
	}
	eventModifiers = wordSet(`the a an his her their its this that second first next three-way
	bilateral trilateral virtual video private breakfast working full-scale upcoming planned
	high-stakes historic joint emergency press news round of presidential general`)
	// laterWords mark a later, different occurrence of the event kind.
	laterWords  = wordSet(`second next three-way trilateral follow-up`)
	eventPreps  = wordSet(`in with from at on of`)
	determiners = wordSet(`the a an his her their its this that The A An His Her Their Its This That`)
)

// maxEvents bounds the distinct events kept per article.
const maxEvents = 256

// eventMention is an event phrase with what anchors it: a day, a year, a
// place, participants, or "later" (a second meeting).
type eventMention struct {
	span    Segment
	class   string
	anchors []string // "d:friday", "y:2018", "p:Alaska", "w:putin", "o:later"
}

// events finds event phrases ("Friday's summit", "the Trump-Putin
// summit", "a call with Trump on Wednesday") and groups them: phrases of
// one kind whose anchors agree are one event; a phrase with no anchor
// ("the summit") joins the kind's most-mentioned event.
func (r *entityReader) events() {
	var found []eventMention
	toks := r.d.Tokens
	for k := range toks {
		if toks[k].Kind != Word {
			continue
		}
		class, ok := lowerLookup(eventHeads2, r.word(toks[k].seg()))
		if !ok {
			continue
		}
		if m, ok := r.eventAt(k, class); ok {
			found = append(found, m)
		}
	}
	type cluster struct {
		ent     int
		class   string
		anchors []string
		n       int
	}
	var clusters []cluster
	var loose []eventMention
	for _, m := range found {
		if len(m.anchors) == 0 {
			loose = append(loose, m)
			continue
		}
		at, dominant := -1, -1
		for ci := range clusters {
			c := &clusters[ci]
			if c.class != m.class || !anchorsAgree(c.anchors, m.anchors) {
				continue
			}
			if shareAnchor(c.anchors, m.anchors) {
				at = ci
				break
			}
			if !placesDiffer(c.anchors, m.anchors) && !participantsDiffer(c.anchors, m.anchors) && (dominant < 0 || c.n > clusters[dominant].n) {
				dominant = ci
			}
		}
		if at < 0 {
			at = dominant
		}
		if at < 0 && len(clusters) >= maxEvents {
			continue // bound the work on pathological text
		}
		if at < 0 {
			r.ents = append(r.ents, docEntity{typ: model.Event, name: r.word(m.span)})
			clusters = append(clusters, cluster{ent: len(r.ents) - 1, class: m.class})
			at = len(clusters) - 1
		}
		c := &clusters[at]
		c.anchors = unionAnchors(c.anchors, m.anchors)
		c.n++
		r.ments = append(r.ments, Mention{Segment: m.span, Entity: c.ent, Form: "nominal"})
	}
	for _, m := range loose {
		best := -1
		for ci := range clusters {
			if clusters[ci].class == m.class && (best < 0 || clusters[ci].n > clusters[best].n) {
				best = ci
			}
		}
		if best < 0 {
			continue // "the summit" with nothing to anchor it names no event we can tell apart
		}
		r.ments = append(r.ments, Mention{Segment: m.span, Entity: clusters[best].ent, Form: "nominal"})
	}
}

// eventAt reads the event phrase whose head noun is token k.
func (r *entityReader) eventAt(k int, class string) (eventMention, bool) {
	toks := r.d.Tokens
	start := k
	anchored := false
	limit, aged := k-5, false
	var buf [32]byte
	for j := k - 1; j >= 0 && j >= limit; j-- {
		t := toks[j]
		w := r.word(t.seg())
		lw := string(appendLower(buf[:0], w)) // a short word's copy stays on the stack
		switch {
		case t.Kind == Word && ageAdjective(lw):
			// "the 3 1/2-year-old war", "a decade-long war": the numbers
			// before it are part of the phrase
			start, anchored, aged, limit = j, true, true, j-5
			continue
		case aged && (t.Kind == Number || w == "-" || w == "/"):
			if t.Kind == Number {
				start = j
			}
			continue
		case t.Kind == Punct:
		case eventModifiers[lw] || possessive(w) || t.Kind == Word && isCap(w) && (!r.g.common[lw] || isAcronym(w)) || t.Kind == Number && len(w) == 4:
			start = j
			anchored = anchored || !determiners[w] || possessive(w)
			if lw == "virtual" || lw == "video" {
				class = "call"
			}
			if (lw == "press" || lw == "news") && class == "conference" {
				class = "press"
			}
			continue
		}
		break
	}
	// "of the summit", "that the talks": keep from the last determiner
	for start < k {
		w := r.word(toks[start].seg())
		if !strings.EqualFold(w, "of") && !(determiners[w] && start+1 < k && determiners[r.word(toks[start+1].seg())]) {
			break
		}
		start++
	}
	end := k + 1
	if class != "war" && class != "election" {
		// "a call Wednesday among leaders of countries involved in the
		// coalition": a time word and the participants are part of it
		end = r.participantPhrase(end)
	}
	// a body may be named by the participants or after "of"
	bodied := end > k+1 || k+1 < len(toks) && strings.EqualFold(r.word(toks[k+1].seg()), "of")
	if end == k+1 && start == k {
		return eventMention{}, false
	}
	if end == k+1 && !anchored && !determiners[r.word(toks[start].seg())] {
		return eventMention{}, false
	}
	for pp := 0; pp < 2 && end+1 < len(toks); pp++ {
		p := r.word(toks[end].seg())
		if !eventPreps[p] {
			break
		}
		j := end + 1
		if p == "of" && class != "war" {
			// "a meeting of his Coalition of the Willing", "a call of the
			// G7": the body that meets, named
			if j < len(toks) && determiners[r.word(toks[j].seg())] {
				j++
			}
			if j >= len(toks) || toks[j].Kind != Word || !isCap(r.word(toks[j].seg())) || r.g.common[strings.ToLower(r.word(toks[j].seg()))] {
				break
			}
		}
		from := j
		for j < len(toks) && j < from+6 && toks[j].Kind != Punct {
			w := r.word(toks[j].seg())
			if isCap(w) || toks[j].Kind == Number || w == "leaders" && j > end+1 {
				j++
				continue
			}
			// "Coalition of the Willing": a connector inside a name
			if j > from && connectors[w] && j+1 < len(toks) {
				k := j + 1
				if strings.EqualFold(r.word(toks[k].seg()), "the") && k+1 < len(toks) {
					k++
				}
				if toks[k].Kind == Word && isCap(r.word(toks[k].seg())) {
					j = k
					continue
				}
			}
			break
		}
		if j == from {
			break
		}
		end = j
	}
	span := Segment{toks[start].Start, toks[end-1].End}
	m := eventMention{span: span, class: class}
	for j := start; j < end; j++ {
		m.anchors = append(m.anchors, r.eventAnchors(r.word(toks[j].seg()))...)
	}
	if bodied && end > k+1 && (class == "meeting" || class == "call" || class == "conference") {
		if b := bodyAnchor(r.d.Text[span.Start:span.End]); b != "" {
			m.anchors = append(m.anchors, b)
		}
	}
	if class != "war" && class != "election" {
		if t := r.eventTense(start); t != "" {
			m.anchors = append(m.anchors, t)
		}
		m.anchors = r.trailingAnchors(end, m.anchors)
	}
	return m, true
}

// trailingWords end the stretch after an event phrase that may still say
// where and when it is: a new clause or a report of speech.
var trailingWords = wordSet(`said says told added announced according that which who whom while but because although after before since ahead when`)

// trailingAnchors adds the day and place said later in the clause of an
// event phrase that names none itself: "arrives for a meeting with the
// prime minister, at his office in London, on Thursday" gives d:thursday
// and p:London. It reads up to 20 tokens of the sentence after token k.
func (r *entityReader) trailingAnchors(k int, anchors []string) []string {
	hasDay, hasPlace := false, false
	for _, a := range anchors {
		hasDay = hasDay || strings.HasPrefix(a, "d:")
		hasPlace = hasPlace || strings.HasPrefix(a, "p:")
	}
	toks := r.d.Tokens
	if k >= len(toks) || k == 0 {
		return anchors
	}
	sent := r.d.SentenceOf[k-1]
	var buf [32]byte
	for j := k; j < len(toks) && j < k+20 && r.d.SentenceOf[j] == sent; j++ {
		w := r.word(toks[j].seg())
		lw := string(appendLower(buf[:0], w)) // a short word's copy stays on the stack
		if trailingWords[lw] || w == ";" || w == ":" {
			break
		}
		if j+1 >= len(toks) || toks[j+1].Kind != Word {
			continue
		}
		next := r.word(toks[j+1].seg())
		switch {
		case lw == "on" && !hasDay:
			for _, a := range wordAnchors(next, r.g) {
				if strings.HasPrefix(a, "d:") {
					anchors, hasDay = append(anchors, a), true
				}
			}
		case (lw == "in" || lw == "at") && !hasPlace:
			if p, ok := r.g.places[next]; ok && !p.Demonym {
				anchors, hasPlace = append(anchors, "p:"+p.Name), true
			}
		}
	}
	return anchors
}

// eventTense reads whether the words before an event phrase that starts
// at token k place it before the report or after it: "after their
// breakfast meeting", "following the call" give "t:past"; "ahead of
// Friday's summit", "awaits that meeting" give "t:future". A meeting the
// report looks back on is not the one it looks forward to.
func (r *entityReader) eventTense(k int) string {
	toks := r.d.Tokens
	if k == 0 || toks[k-1].Kind != Word {
		return ""
	}
	w := strings.ToLower(r.word(toks[k-1].seg()))
	switch w {
	case "after", "following":
		return "t:past"
	case "awaits", "await", "awaiting":
		return "t:future"
	case "of":
		if k >= 2 && strings.EqualFold(r.word(toks[k-2].seg()), "ahead") {
			return "t:future"
		}
	}
	return ""
}

// ageAdjective reports whether w gives an age or a length in time:
// "year-old", "decade-long", "months-long".
func ageAdjective(w string) bool {
	unit, kind, ok := strings.Cut(w, "-")
	if !ok || kind != "old" && kind != "long" {
		return false
	}
	switch strings.TrimSuffix(unit, "s") {
	case "year", "month", "week", "day", "decade", "century", "hour":
		return true
	}
	return false
}

// isAcronym reports whether w is written in capitals ("US", "UN"), which
// sets it apart from a common word of the same letters ("us").
func isAcronym(w string) bool {
	return len(w) >= 2 && strings.ToUpper(w) == w && strings.ToLower(w) != w
}

// eventAnchors reads the anchors one word gives.
func (r *entityReader) eventAnchors(w string) []string {
	base := strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s")
	var buf [32]byte
	lw := appendLower(buf[:0], base)
	switch {
	case string(lw) == "tomorrow" && !r.d.Ref.IsZero():
		return []string{"d:" + strings.ToLower(r.d.Ref.AddDate(0, 0, 1).Weekday().String())}
	case string(lw) == "today" && !r.d.Ref.IsZero():
		return []string{"d:" + strings.ToLower(r.d.Ref.Weekday().String())}
	}
	return wordAnchors(base, r.g)
}

// wordAnchors reads the anchors of one word with no reference date.
func wordAnchors(w string, g *gazetteer) []string {
	w = strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s")
	var buf [32]byte
	lw := appendLower(buf[:0], w)
	switch {
	case laterWords[string(lw)]:
		return []string{"o:later"}
	case len(w) == 4 && startsWithDigit(w):
		return []string{"y:" + w}
	}
	for _, d := range []time.Weekday{time.Sunday, time.Monday, time.Tuesday, time.Wednesday, time.Thursday, time.Friday, time.Saturday} {
		if strings.EqualFold(string(lw), d.String()) {
			return []string{"d:" + string(lw)}
		}
	}
	if !isCap(w) || g.common[string(lw)] {
		return nil
	}
	var out []string
	joined := strings.Contains(w, "-")
	for rest, more := w, true; more; {
		var part string
		part, rest, more = strings.Cut(rest, "-")
		if part == "" || !isCap(part) {
			continue
		}
		if _, ok := lowerLookup(g.titles, part); ok {
			continue
		}
		if p, ok := g.places[part]; ok && joined {
			out = append(out, "w:"+strings.ToLower(p.Name)) // "US-Russia": the sides, not the venue
			continue
		}
		if p, ok := g.places[part]; ok {
			out = append(out, "p:"+p.Name)
			continue
		}
		key := surnameKey(part)
		out = append(out, "w:"+key)
		if c, ok := g.headOfState[key]; ok {
			// "Trump-Putin summit" and "US-Russia summit" name one meeting
			out = append(out, "w:"+strings.ToLower(c))
		}
	}
	return out
}

// anchorsAgree reports whether two anchor sets can name one event: no
// day, year, "later" or tense (before or after the report) on which both
// speak and share nothing. Places and
// participants never veto (Anchorage is in Alaska; a summit "with Putin"
// is the Trump–Putin summit); they only count as shared evidence.
func anchorsAgree(a, b []string) bool {
	if bodyApart(a, b) || bodyApart(b, a) {
		return false
	}
	for _, kind := range []string{"d:", "y:", "o:", "t:"} {
		ha, hb, common := false, false, false
		for _, x := range a {
			if strings.HasPrefix(x, kind) {
				ha = true
				for _, y := range b {
					if x == y {
						common = true
					}
				}
			}
		}
		for _, y := range b {
			if strings.HasPrefix(y, kind) {
				hb = true
			}
		}
		if kind == "o:" && ha != hb {
			return false // a second meeting is not the first
		}
		if kind == "y:" && ha != hb {
			return false // "his 2018 summit" is not "Friday's summit"
		}
		if ha && hb && !common {
			return false
		}
	}
	return true
}

// bodyApart reports whether a names a body that meets ("b:", "a meeting
// of the Group of Seven") and b names none but has participants of its
// own ("a call with Trump"): a body's meeting is not a talk between
// others held the same day.
func bodyApart(a, b []string) bool {
	ha, hb, wb := false, false, false
	for _, x := range a {
		ha = ha || strings.HasPrefix(x, "b:")
	}
	for _, y := range b {
		hb = hb || strings.HasPrefix(y, "b:")
		wb = wb || strings.HasPrefix(y, "w:")
	}
	return ha && !hb && wb
}

// sameBody reports whether both sets name one body that meets: a meeting
// and a call of one body on agreeing anchors are one event, as a
// meeting is often held by video.
func sameBody(a, b []string) bool {
	for _, x := range a {
		if strings.HasPrefix(x, "b:") && shareAnchor([]string{x}, b) {
			return true
		}
	}
	return false
}

// participantsDiffer reports whether both sets name participants and
// share none: "his meeting with Sir Keir" is not "the Trump-Putin
// summit", though "his summit with Putin" may be. It only keeps a phrase
// from joining the kind's dominant event; a shared day or place still
// joins it.
func participantsDiffer(a, b []string) bool {
	ha, hb := false, false
	for _, x := range a {
		if strings.HasPrefix(x, "w:") {
			ha = true
			if shareAnchor([]string{x}, b) {
				return false
			}
		}
	}
	for _, y := range b {
		hb = hb || strings.HasPrefix(y, "w:")
	}
	return ha && hb
}

// placesDiffer reports whether both sets name places and share none.
func placesDiffer(a, b []string) bool {
	ha, hb := false, false
	for _, x := range a {
		if strings.HasPrefix(x, "p:") {
			ha = true
			if shareAnchor([]string{x}, b) {
				return false
			}
		}
	}
	for _, y := range b {
		hb = hb || strings.HasPrefix(y, "p:")
	}
	return ha && hb
}

func shareAnchor(a, b []string) bool {
	for _, x := range a {
		for _, y := range b {
			if x == y {
				return true
			}
		}
	}
	return false
}

func unionAnchors(a, b []string) []string {
	for _, y := range b {
		if !shareAnchor(a, []string{y}) {
			a = append(a, y)
		}
	}
	return a
}
