package annotate

import (
	"strings"
)

// The participants of an event phrase: "a call Wednesday among leaders of
// countries involved in the coalition", "talks on Monday between officials
// of the two unions taking part in the dispute".
var (
	// participantPreps open the phrase naming who takes part.
	participantPreps = wordSet(`among between with of`)
	// phraseStops end a participant phrase: a clause verb, a conjunction
	// that opens a clause, or a preposition outside the "of" chain.
	phraseStops = wordSet(`said says say told tell added adds announced according that which who whom whose while but
	because although after before since ahead when where whether is are was were be been being will would could should
	can may might must has have had do does did to for on at about over into from by as than if so not also during
	under until in near after amid against without across through`)
	// participleLinks may follow a participle inside the phrase: "involved
	// in", "based at", "taking part in". A verb's own complement ("agreed
	// on", "turned to") ends the phrase instead.
	participleLinks = wordSet(`in at from`)
	// timeWords may stand between an event head and its participants.
	timeWords = wordSet(`monday tuesday wednesday thursday friday saturday sunday today tomorrow yesterday tonight`)
)

// maxParticipantTokens bounds the tokens a participant phrase may span.
const maxParticipantTokens = 18

// participantPhrase reads, after the event head that ends before token
// end, an optional time word ("Wednesday", "on Monday") and a phrase
// opened by among, between, with or of whose noun phrase runs on through
// an "of" chain and a participial modifier ("leaders of countries involved
// in the pact", "ministers taking part in the talks"). The phrase ends at
// a dash, comma, clause verb or the sentence end. It returns the token
// after the phrase, or end when there is none. Only a phrase with a time
// word or opened by among or between, and naming its participants by a
// common noun, is read here; names after "with" and "of" are read by
// eventAt, and names after "between" are left out of the phrase.
func (r *entityReader) participantPhrase(end int) int {
	toks := r.d.Tokens
	if end <= 0 || end >= len(toks) {
		return end
	}
	sent := r.d.SentenceOf[end-1]
	in := func(j int) bool { return j < len(toks) && r.d.SentenceOf[j] == sent && toks[j].Kind == Word }
	var buf [32]byte
	lower := func(j int) string { return string(appendLower(buf[:0], r.word(toks[j].seg()))) }
	t, timed := end, false
	switch {
	case in(t) && timeWords[lower(t)]:
		t, timed = t+1, true
	case in(t) && lower(t) == "on" && in(t+1) && timeWords[lower(t+1)]:
		t, timed = t+2, true
	}
	if !in(t) {
		return end
	}
	p := lower(t)
	if !participantPreps[p] || !timed && p != "among" && p != "between" {
		return end
	}
	// named participants ("between Trump and Putin") are left to eventAt;
	// this phrase names them by what they are ("leaders of countries")
	for j := t + 1; j < len(toks) && j <= t+3; j++ {
		if w := r.word(toks[j].seg()); toks[j].Kind == Word && !determiners[w] {
			if isCap(w) {
				return end
			}
			break
		}
	}
	last, quoted := -1, false
	for j := t + 1; j < len(toks) && j <= t+maxParticipantTokens && r.d.SentenceOf[j] == sent; j++ {
		tok := toks[j]
		w := r.word(tok.seg())
		if tok.Kind == Punct {
			if !quoteMark(w) {
				break
			}
			if quoted && last == j-1 {
				last, quoted = j, false // the closing mark of a quoted name
				continue
			}
			if !quoted && last != j-1 && in(j+1) {
				quoted = true // an opening mark
				continue
			}
			break
		}
		if tok.Kind == Number || quoted {
			last = j
			continue
		}
		lw := lower(j)
		switch {
		case lw == "of":
			if last != j-1 {
				return r.phraseEnd(end, t, last, quoted)
			}
			continue
		case lw == "and" || lw == "or":
			if !in(j+1) || phraseStops[lower(j+1)] || last != j-1 {
				return r.phraseEnd(end, t, last, quoted)
			}
			continue
		case last == j-1 && participle(lw):
			// "involved in", "taking part in": the modifier and its link
			k := j + 1
			if in(k) && lower(k) == "part" {
				k++
			}
			if in(k) && participleLinks[lower(k)] {
				j = k
				continue
			}
			return r.phraseEnd(end, t, last, quoted)
		case phraseStops[lw] || !isCap(w) && participle(lw):
			return r.phraseEnd(end, t, last, quoted)
		}
		if !determiners[w] && !possessive(w) {
			last = j
		}
	}
	return r.phraseEnd(end, t, last, quoted)
}

// phraseEnd gives the token after a participant phrase whose last word
// is token last, or end when the phrase holds no word after its
// preposition at t or leaves a quotation open.
func (r *entityReader) phraseEnd(end, t, last int, quoted bool) int {
	if last <= t || quoted {
		return end
	}
	return last + 1
}

// participle reports whether a lower-case word reads as a participle
// ("involved", "taking", "based"): a clause verb unless a preposition
// links it into the phrase.
func participle(w string) bool {
	return len(w) > 4 && (strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "ing"))
}

// quoteMark reports whether w is a quotation mark.
func quoteMark(w string) bool {
	switch w {
	case "'", "‘", "’", `"`, "“", "”":
		return true
	}
	return false
}

// bodyAnchor reads the named body an event phrase belongs to, as a "b:"
// anchor: "a meeting of the Group of Seven" and "a call among leaders of
// countries involved in the 'Group of Seven'" both give "b:group of
// seven". The body is the name right after "of" that follows the head, or
// the name a participial modifier links to ("involved in", "taking part
// in", "members of"); it must be capitalised or quoted. It gives "" when
// the phrase names no body.
func bodyAnchor(text string) string {
	fields := strings.Fields(text)
	h := -1
	for i, f := range fields {
		c := eventHeads2[strings.ToLower(strings.Trim(f, ",.;:"))]
		if c == "meeting" || c == "call" || c == "conference" {
			h = i
			break
		}
	}
	if h < 0 || h+1 >= len(fields) {
		return ""
	}
	i := h + 1
	if lf := strings.ToLower(fields[i]); timeWords[lf] {
		i++
	} else if lf == "on" && i+1 < len(fields) && timeWords[strings.ToLower(fields[i+1])] {
		i += 2
	}
	if i < len(fields) && strings.ToLower(fields[i]) == "of" {
		if name := bodyName(fields[i+1:]); name != "" {
			return "b:" + name
		}
	}
	for j := i + 1; j+1 < len(fields); j++ {
		lw := strings.ToLower(fields[j])
		if lw != "members" && lw != "part" && !participle(lw) {
			continue
		}
		if participleLinks[strings.ToLower(fields[j+1])] {
			if name := bodyName(fields[j+2:]); name != "" {
				return "b:" + name
			}
		}
	}
	return ""
}

// bodyName reads a name at the start of ws, after a determiner: a quoted
// stretch, or capitalised words joined by connectors ("Coalition of the
// Willing"). It gives the name lower-cased, or "".
func bodyName(ws []string) string {
	if len(ws) > 0 && (determiners[ws[0]] || possessive(ws[0])) {
		ws = ws[1:]
	}
	if len(ws) == 0 {
		return ""
	}
	if r := []rune(ws[0]); len(r) > 1 && quoteMark(string(r[0])) {
		for k, w := range ws {
			if r := []rune(w); len(r) > 0 && quoteMark(string(r[len(r)-1])) && (k > 0 || len(r) > 2) {
				name := strings.Join(ws[:k+1], " ")
				return strings.ToLower(strings.Trim(name, `'‘’"“”,.;:`))
			}
		}
		return ""
	}
	n := 0
	for n < len(ws) {
		w := strings.Trim(ws[n], ",.;:")
		if isCap(w) {
			n++
			if w != ws[n-1] {
				break // the name ends at its punctuation
			}
			continue
		}
		if n > 0 && connectors[strings.ToLower(w)] && n+1 < len(ws) {
			k := n + 1
			if strings.EqualFold(ws[k], "the") && k+1 < len(ws) {
				k++
			}
			if isCap(ws[k]) {
				n = k
				continue
			}
		}
		break
	}
	if n == 0 {
		return ""
	}
	return strings.ToLower(strings.Trim(strings.Join(ws[:n], " "), ",.;:"))
}
