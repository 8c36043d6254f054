package annotate

import (
	"fmt"
	"strings"
	"time"
)

// Periods named relative to the reference date: "last week", "this fall",
// "the past 24 hours", "at the weekend", "the end of the year".

// matchSpan reads the word at i (last, this, next, past, ...) and a unit,
// weekday, month, season or part of day after it. the tells whether "the"
// came before: "the past week" is a duration, "last week" a date.
func (s *txState) matchSpan(i int, the bool) (txHit, int, bool) {
	if i+1 >= len(s.toks) {
		return txHit{}, i, false
	}
	w, u := s.toks[i].low, s.toks[i+1]
	dir := map[string]int{"last": -1, "past": -1, "previous": -1, "this": 0, "current": 0, "next": 1, "coming": 1, "following": 1}[w]
	// "the past 24 hours", "the last three years", "the past few days".
	if the || w == "past" {
		k := i + 1
		num, next, ok := numParse(s.toks, k)
		if !ok && (s.toks[k].low == "few" || s.toks[k].low == "several") {
			if k+1 < len(s.toks) && txUnits[s.toks[k+1].low].letter != "" {
				return txHit{typ: "DURATION", value: txVague(s.toks[k+1].low)}, k + 2, true
			}
		}
		if ok && next < len(s.toks) {
			if _, isUnit := txUnits[s.toks[next].low]; isUnit {
				return txHit{typ: "DURATION", value: txDuration(num, s.toks[next].low)}, next + 1, true
			}
		}
		if _, isUnit := txUnits[u.low]; isUnit && the {
			switch {
			case strings.HasSuffix(u.low, "s"):
				// "the coming weeks", "the past months"
				return txHit{typ: "DURATION", value: txVague(u.low)}, i + 2, true
			case w == "past" || w == "last":
				return txHit{typ: "DURATION", value: txDuration(1, u.low)}, i + 2, true
			default:
				// "the previous year", "the following day": from the day
				// the sentence is about.
				base, _ := s.sentenceOrRef(i)
				v, day := txShift(base, dir, u.low)
				return txHit{typ: "DATE", value: v, day: day}, i + 2, true
			}
		}
		if w == "past" {
			return txHit{}, i, false
		}
	}
	if wd, ok := txWeekdays[txStem(u.low)]; ok && txCapital(u.text) {
		off := (int(wd) - int(s.ref.Weekday()) + 7) % 7
		switch {
		case dir < 0 && off >= 0:
			off -= 7
		case dir > 0 && off <= 0:
			off += 7
		case dir == 0:
			return txHit{}, i, false // "this Friday": left to the weekday rule
		}
		return s.dayHit(s.ref.AddDate(0, 0, off)), i + 2, true
	}
	switch txStem(u.low) {
	case "week", "month", "year":
		v, _ := txShift(s.ref, dir, txStem(u.low))
		return txHit{typ: "DATE", value: v}, i + 2, true
	case "quarter":
		q := (int(s.ref.Month())-1)/3 + dir
		y := s.ref.Year()
		for q < 0 {
			q += 4
			y--
		}
		for q > 3 {
			q -= 4
			y++
		}
		return txHit{typ: "DATE", value: fmt.Sprintf("%04d-Q%d", y, q+1)}, i + 2, true
	case "weekend":
		return s.weekend(i, i+2, dir)
	case "night", "morning", "afternoon", "evening":
		day := s.ref
		if w == "last" && u.low == "night" {
			day = day.AddDate(0, 0, -1)
		} else if w != "this" {
			return txHit{}, i, false
		}
		h := s.dayHit(day)
		h.typ, h.value = "TIME", h.value+txPartsOfDay[u.low]
		return h, i + 2, true
	}
	if code, ok := txSeasons[u.low]; ok {
		y := s.ref.Year()
		cur := txSeasonIndex(s.ref.Month())
		idx := map[string]int{"WI": 0, "SP": 1, "SU": 2, "FA": 3}[code]
		switch {
		case dir < 0 && idx >= cur:
			y--
		case dir > 0 && idx <= cur:
			y++
		}
		return txHit{typ: "DATE", value: fmt.Sprintf("%04d-%s", y, code)}, i + 2, true
	}
	if m, ok := txMonths[u.low]; ok && txCapital(u.text) && len(u.low) > 3 {
		y := s.ref.Year()
		switch {
		case dir < 0 && m >= s.ref.Month():
			y--
		case dir > 0 && m <= s.ref.Month():
			y++
		}
		return txHit{typ: "DATE", value: fmt.Sprintf("%04d-%02d", y, m)}, i + 2, true
	}
	return txHit{}, i, false
}

func txSeasonIndex(m time.Month) int {
	switch {
	case m == 12 || m <= 2:
		return 0
	case m <= 5:
		return 1
	case m <= 8:
		return 2
	}
	return 3
}

// weekend is the Saturday–Sunday span, written "2025-08-09/2025-08-10" as
// the gold does: the one before the reference date when dir < 0 (or the
// reference date is early in the week), else the coming one.
func (s *txState) weekend(start, next, dir int) (txHit, int, bool) {
	wd := int(s.ref.Weekday()) // Sunday = 0
	var sat time.Time
	switch {
	case wd == 6:
		sat = s.ref
	case wd == 0:
		sat = s.ref.AddDate(0, 0, -1)
	case dir < 0 || (dir == 0 && wd <= 3):
		sat = s.ref.AddDate(0, 0, -wd-1)
	default:
		sat = s.ref.AddDate(0, 0, 6-wd)
	}
	if (wd == 6 || wd == 0) && dir != 0 {
		sat = sat.AddDate(0, 0, 7*dir)
	}
	v := txDay(sat) + "/" + txDay(sat.AddDate(0, 0, 1))
	return txHit{typ: "DATE", value: v}, next, true
}

// "the end of", "the start of": TIMEX3 mods on the period that follows.
var txPartOf = map[string]string{
	"end": "END", "start": "START", "beginning": "START", "middle": "MID",
}

// partOf reads the period after "the end of" at k: "the year", "the
// month", "this year", "March", "2026".
func (s *txState) partOf(i, k int, mod string) (txHit, int, bool) {
	if s.low(k) == "the" {
		switch txStem(s.low(k + 1)) {
		case "week", "month", "year", "quarter":
			h, next, ok := s.matchSpanAt(k+1, 0)
			h.mod = mod
			return h, next, ok
		}
	}
	if s.low(k) == "the" {
		k++ // "the end of the first quarter"
	}
	if k >= len(s.toks) {
		return txHit{}, i, false
	}
	h, next, ok := s.match(k)
	if !ok || h.typ != "DATE" || !h.day.IsZero() || h.mod != "" || h.event != "" {
		return txHit{}, i, false
	}
	h.mod = mod
	return h, next, true
}

// matchSpanAt gives the current week, month, year or quarter for "the
// year" in "the end of the year", shifted by dir.
func (s *txState) matchSpanAt(k, dir int) (txHit, int, bool) {
	u := txStem(s.low(k))
	if u == "quarter" {
		q := (int(s.ref.Month())-1)/3 + 1
		return txHit{typ: "DATE", value: fmt.Sprintf("%04d-Q%d", s.ref.Year(), q)}, k + 1, true
	}
	v, _ := txShift(s.ref, dir, u)
	return txHit{typ: "DATE", value: v}, k + 1, true
}

// season reads the rest of "the fall (of 2022)" from k: the season of the
// year given, else of the year the tense points to.
func (s *txState) season(k int, code string) (txHit, int, bool) {
	y := s.ref.Year()
	if s.low(k) == "of" && k+1 < len(s.toks) && len(s.toks[k+1].text) == 4 {
		if v, ok := numDigits(s.toks[k+1].text); ok && v >= 1000 {
			return txHit{typ: "DATE", value: fmt.Sprintf("%04d-%s", int(v), code)}, k + 2, true
		}
	}
	cur := txSeasonIndex(s.ref.Month())
	idx := map[string]int{"WI": 0, "SP": 1, "SU": 2, "FA": 3}[code]
	dir := s.tense(k-2, k)
	switch {
	case dir < 0 && idx > cur:
		y--
	case dir > 0 && idx < cur:
		y++
	}
	return txHit{typ: "DATE", value: fmt.Sprintf("%04d-%s", y, code)}, k, true
}
