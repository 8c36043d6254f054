package annotate

import (
	"math"
	"strings"
	"time"
)

// Rules for counted units of time: durations ("three years", "24-hour
// period", "within 24 hours"), offsets ("two weeks ago", "a day earlier",
// "two days before his summit"), event anchors ("just before the summit")
// and sets ("every week").

// Words before a count that bound it, with their TIMEX3 mod and how many
// tokens they take.
var txBounds = map[string]struct {
	mod  string
	need string // a second word that must follow ("than", "to", "least")
}{
	"within": {"LESS_THAN", ""}, "under": {"LESS_THAN", ""},
	"less": {"LESS_THAN", "than"}, "fewer": {"LESS_THAN", "than"},
	"up": {"LESS_THAN", "to"}, "over": {"MORE_THAN", ""},
	"more": {"MORE_THAN", "than"}, "at": {"MORE_THAN", "least"},
	"around": {"APPROX", ""}, "about": {"APPROX", ""}, "roughly": {"APPROX", ""},
	"approximately": {"APPROX", ""}, "nearly": {"APPROX", ""}, "almost": {"APPROX", ""},
	"some": {"APPROX", ""},
}

// Nouns a hyphenated duration may qualify and take into its span.
var txPeriodNouns = map[string]bool{
	"period": true, "span": true, "window": true, "stretch": true, "deadline": true,
}

func (s *txState) low(k int) string {
	if k >= 0 && k < len(s.toks) {
		return s.toks[k].low
	}
	return ""
}

// matchCount reads a count of time units with what bounds or follows it.
func (s *txState) matchCount(i int) (txHit, int, bool) {
	k, mod := i, ""
	if s.low(k) == "in" {
		if _, ok := txBounds[s.low(k+1)]; !ok {
			return txHit{}, i, false
		}
		k++
	}
	if b, ok := txBounds[s.low(k)]; ok {
		if b.need != "" {
			if s.low(k+1) != b.need {
				return txHit{}, i, false
			}
			k++
		}
		mod = b.mod
		k++
	}
	var num float64
	article := false
	if w := s.low(k); w == "a" || w == "an" {
		num, article = 1, true
		k++
	} else {
		v, next, ok := numParse(s.toks, k)
		if !ok {
			return txHit{}, i, false
		}
		num, k = v, next
	}
	hyphen := k < len(s.toks) && s.toks[k].text == "-" && !s.toks[k].gap
	if hyphen {
		k++
	}
	unit := s.low(k)
	_, ok := txUnits[unit]
	if !ok {
		return txHit{}, i, false
	}
	k++
	if hyphen {
		// "3 1/2-year-old", "24-hour period".
		if s.low(k) == "-" && s.low(k+1) == "old" {
			if num != math.Trunc(num) {
				mod = "APPROX"
			}
			return txHit{typ: "DURATION", value: txDuration(num, unit), mod: mod}, k + 2, true
		}
		if txPeriodNouns[s.low(k)] {
			k++
		}
		return txHit{typ: "DURATION", value: txDuration(num, unit), mod: mod}, k, true
	}
	if h, next, ok := s.offset(i, k, num, unit, mod); ok {
		return h, next, true
	}
	if article && mod == "" {
		return txHit{}, i, false // "a day" is an article, not a count
	}
	return txHit{typ: "DURATION", value: txDuration(num, unit), mod: mod}, k, true
}

// offset reads what follows a count at k: "ago", "earlier", "later",
// "before the summit", "after he took part".
func (s *txState) offset(i, k int, num float64, unit, mod string) (txHit, int, bool) {
	u := txUnits[unit]
	w := s.low(k)
	sign := 0
	switch w {
	case "ago", "earlier", "before", "previously", "beforehand", "prior":
		sign = -1
	case "later", "after", "afterwards", "afterward", "on":
		sign = 1
	default:
		return txHit{}, i, false
	}
	if w == "on" && s.low(k+1) != "" && s.toks[k+1].kind != txPunct {
		return txHit{}, i, false // "two days on," only at a clause end
	}
	if w == "prior" && s.low(k+1) != "to" {
		return txHit{}, i, false
	}
	if u.clock {
		if w == "ago" {
			// "five hours ago": the day it falls on.
			d := s.ref.Add(-time.Duration(num * float64(txClockUnit(unit))))
			d = time.Date(d.Year(), d.Month(), d.Day(), 0, 0, 0, 0, time.UTC)
			return txHit{typ: "DATE", value: txDay(d), day: d}, k + 1, true
		}
		// "an hour later": the gold keeps sub-day offsets as durations.
		return txHit{typ: "DURATION", value: txDuration(num, unit), mod: mod}, k + 1, true
	}
	n := int(num)
	if float64(n) != num {
		return txHit{}, i, false
	}
	if w == "ago" {
		v, day := txShift(s.ref, -n, unit)
		return txHit{typ: "DATE", value: v, day: day}, k + 1, true
	}
	if w == "before" || w == "after" || w == "prior" {
		next := k + 1
		if w == "prior" {
			next++
		}
		if s.isNounPhrase(next) {
			c, at := s.findEvent(next, 4)
			if c == "" || u.letter != "D" && u.letter != "W" {
				return txHit{}, i, false
			}
			days := n
			if u.letter == "W" {
				days *= 7
			}
			return txHit{typ: "DATE", event: c, shift: sign * days}, at + 1, true
		}
		// "a day after he took part": the clause's event happened that
		// long before (after) the sentence's day.
		sign = -sign
	}
	base := s.sentenceAnchor(i, u.letter)
	v, day := txShift(base, sign*n, unit)
	return txHit{typ: "DATE", value: v, day: day}, k + 1, true
}

// isNounPhrase reports whether a noun phrase starts at k: a determiner or
// a possessive.
func (s *txState) isNounPhrase(k int) bool {
	switch s.low(k) {
	case "the", "his", "her", "their", "its", "our", "this", "that", "a", "an", "next", "last":
		return true
	}
	return k < len(s.toks) && txPossessive(s.low(k))
}

// findEvent returns the class and index of the first event noun within n
// tokens from k, stopping at punctuation other than hyphens.
func (s *txState) findEvent(k, n int) (string, int) {
	for j := k; j < len(s.toks) && j < k+n; j++ {
		if s.toks[j].kind == txPunct && s.toks[j].text != "-" {
			return "", 0
		}
		if c := txEventClass(s.toks, j); c != "" {
			return c, j
		}
	}
	return "", 0
}

// eventAfter makes a hit for "the eve of the Alaska summit": the day of
// the event found from k on, shifted.
func (s *txState) eventAfter(i, k, shift int, mod string) (txHit, int, bool) {
	c, at := s.findEvent(k, 5)
	if c == "" {
		return txHit{}, i, false
	}
	// "the eve of Friday's summit": the day is right here.
	for j := k; j < at; j++ {
		if h, _, ok := s.match(j); ok && !h.day.IsZero() && h.event == "" {
			if s.events == nil {
				s.events = map[string]time.Time{}
			}
			if _, known := s.events[c]; !known {
				s.events[c] = h.day
			}
			d := h.day.AddDate(0, 0, shift)
			return txHit{typ: "DATE", value: txDay(d), day: d, mod: mod}, at + 1, true
		}
	}
	return txHit{typ: "DATE", event: c, shift: shift, mod: mod}, at + 1, true
}

// matchEventRelative reads "(just) before the summit", "after the video
// call": the day of a singular event named with "the".
func (s *txState) matchEventRelative(i int) (txHit, int, bool) {
	k := i
	switch s.low(k) {
	case "just", "shortly", "soon", "right", "immediately":
		k++
	}
	mod := ""
	switch s.low(k) {
	case "before":
		mod = "BEFORE"
	case "after":
		mod = "AFTER"
	default:
		return txHit{}, i, false
	}
	if s.low(k+1) != "the" {
		return txHit{}, i, false
	}
	c, at := s.findEvent(k+2, 3)
	if c == "" {
		return txHit{}, i, false
	}
	if w := s.low(at); strings.HasSuffix(w, "s") && w != "talks" {
		return txHit{}, i, false
	}
	return txHit{typ: "DATE", event: c, mod: mod}, at + 1, true
}

// Adverbs of frequency.
var txSetWords = map[string]string{
	"hourly": "PT1H", "daily": "P1D", "nightly": "P1D", "weekly": "P1W",
	"fortnightly": "P2W", "monthly": "P1M", "quarterly": "P3M",
	"annually": "P1Y", "yearly": "P1Y",
}

// matchSet reads "every week", "each year", "every two months", "weekly".
func (s *txState) matchSet(i int) (txHit, int, bool) {
	if v, ok := txSetWords[s.low(i)]; ok {
		return txHit{typ: "SET", value: v}, i + 1, true
	}
	// "twice a week", "three times a year", "once a month"
	k := i
	switch s.low(k) {
	case "once", "twice", "thrice":
		k++
	default:
		if _, next, ok := numParse(s.toks, k); ok && s.low(next) == "times" {
			k = next + 1
		}
	}
	if k > i {
		if a := s.low(k); a == "a" || a == "an" || a == "per" || a == "each" || a == "every" {
			if u, ok := txUnits[s.low(k+1)]; ok && u.scale == 1 {
				return txHit{typ: "SET", value: txDuration(1, s.low(k+1))}, k + 2, true
			}
		}
		return txHit{}, i, false
	}
	if w := s.low(i); w != "every" && w != "each" {
		return txHit{}, i, false
	}
	k, num := i+1, 1.0
	if v, next, ok := numParse(s.toks, k); ok {
		num, k = v, next
	}
	if u, ok := txUnits[s.low(k)]; ok && u.scale == 1 {
		return txHit{typ: "SET", value: txDuration(num, s.low(k))}, k + 1, true
	}
	return txHit{}, i, false
}

// matchRefs reads the general references to the present, past and future
// when Options.GeneralRefs is set.
func (s *txState) matchRefs(i int) (txHit, int, bool) {
	if !s.opts.GeneralRefs {
		return txHit{}, i, false
	}
	switch s.low(i) {
	case "now", "currently", "presently", "nowadays":
		return txHit{typ: "DATE", value: "PRESENT_REF"}, i + 1, true
	case "recently", "previously", "formerly":
		return txHit{typ: "DATE", value: "PAST_REF"}, i + 1, true
	case "in":
		if s.low(i+1) == "the" {
			switch s.low(i + 2) {
			case "future":
				return txHit{typ: "DATE", value: "FUTURE_REF"}, i + 3, true
			case "past":
				if s.toks[min(i+3, len(s.toks)-1)].kind == txPunct || i+3 >= len(s.toks) {
					return txHit{typ: "DATE", value: "PAST_REF"}, i + 3, true
				}
			}
		}
	}
	return txHit{}, i, false
}

// sentenceAnchor is what "a month earlier" counts from: the last day, or
// for month and year units the last month or year, named in the sentence
// before token i; else the reference date.
func (s *txState) sentenceAnchor(i int, letter string) time.Time {
	for k := len(s.hits) - 1; k >= 0 && k >= len(s.hits)-txHitReach; k-- {
		h := s.hits[k]
		if s.sent[h.first] != s.sent[i] {
			break
		}
		if h.event != "" || h.typ == "DURATION" || h.typ == "SET" {
			continue
		}
		if !h.day.IsZero() {
			return h.day
		}
		v := h.value
		if letter == "M" || letter == "Y" {
			if t, err := time.Parse("2006-01", v); err == nil && len(v) == 7 {
				return t
			}
		}
		if letter == "Y" && len(v) == 4 {
			if t, err := time.Parse("2006", v); err == nil {
				return t
			}
		}
	}
	return s.ref
}

// txClockUnit is the length of a time-of-day unit.
func txClockUnit(unit string) time.Duration {
	switch txUnits[unit].letter {
	case "H":
		return time.Hour
	case "M":
		return time.Minute
	}
	return time.Second
}
