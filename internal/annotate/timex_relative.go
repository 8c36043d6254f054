package annotate

import (
	"fmt"
	"math"
	"strings"
	"time"
)

// Rules for expressions relative to the reference date or to another
// expression: "tomorrow", "last week", "the past 24 hours", "two days
// before the summit".

// txUnits maps a time unit word to its TIMEX3 letter and whether it is a
// time-of-day unit (written after "T" in a duration).
var txUnits = map[string]struct {
	letter string
	clock  bool
	scale  float64 // in units of the letter: a decade is 10 years
}{
	"second": {"S", true, 1}, "seconds": {"S", true, 1},
	"minute": {"M", true, 1}, "minutes": {"M", true, 1}, "min": {"M", true, 1}, "mins": {"M", true, 1},
	"hour": {"H", true, 1}, "hours": {"H", true, 1}, "hr": {"H", true, 1}, "hrs": {"H", true, 1},
	"day": {"D", false, 1}, "days": {"D", false, 1},
	"week": {"W", false, 1}, "weeks": {"W", false, 1},
	"fortnight": {"W", false, 2},
	"month":     {"M", false, 1}, "months": {"M", false, 1},
	"year": {"Y", false, 1}, "years": {"Y", false, 1},
	"decade": {"Y", false, 10}, "decades": {"Y", false, 10},
	"century": {"Y", false, 100}, "centuries": {"Y", false, 100},
}

// txDuration writes n units as a TIMEX3 duration: 3.5 years → "P3Y6M",
// 24 hours → "PT24H", 1.5 hours → "PT1H30M".
func txDuration(n float64, unit string) string {
	u := txUnits[unit]
	n *= u.scale
	whole, frac := math.Modf(n)
	p := "P"
	if u.clock {
		p = "PT"
	}
	v := fmt.Sprintf("%s%d%s", p, int64(whole), u.letter)
	if whole == 0 && frac > 0 {
		v = p
	}
	// The fraction in the next smaller unit, when it comes out whole.
	next := map[string]struct {
		letter string
		clock  bool
		per    float64
	}{"Y": {"M", false, 12}, "W": {"D", false, 7}, "D": {"H", true, 24}, "H": {"M", true, 60}}
	if frac > 1e-9 {
		if u.letter == "M" && !u.clock {
			return fmt.Sprintf("P%gM", n)
		}
		nx, ok := next[u.letter]
		r := frac * nx.per
		if !ok || math.Abs(r-math.Round(r)) > 1e-6 {
			return fmt.Sprintf("%s%g%s", p, n, u.letter)
		}
		if nx.clock && !u.clock {
			v += "T"
		}
		v += fmt.Sprintf("%d%s", int64(math.Round(r)), nx.letter)
	}
	return v
}

// txVague is the TIMEX3 value for "months", "years": "PXM", "PXY".
func txVague(unit string) string {
	u := txUnits[unit]
	if u.scale == 10 {
		return "PXDE"
	}
	if u.clock {
		return "PTX" + u.letter
	}
	return "PX" + u.letter
}

// txShift moves day by n units (n may be negative) and returns the value
// at that unit's precision: days → a day, weeks → an ISO week, months → a
// month, years → a year.
func txShift(day time.Time, n int, unit string) (string, time.Time) {
	switch txUnits[unit].letter {
	case "D":
		d := day.AddDate(0, 0, n)
		return txDay(d), d
	case "W":
		d := day.AddDate(0, 0, 7*n*int(txUnits[unit].scale))
		y, w := d.ISOWeek()
		return fmt.Sprintf("%04d-W%02d", y, w), time.Time{}
	case "M":
		d := time.Date(day.Year(), day.Month()+time.Month(n), 1, 0, 0, 0, 0, time.UTC)
		return d.Format("2006-01"), time.Time{}
	case "Y":
		return fmt.Sprintf("%04d", day.Year()+n*int(txUnits[unit].scale)), time.Time{}
	}
	return "", time.Time{}
}

// matchDeictic reads today, tomorrow('s), yesterday, tonight. Inside a
// quotation they refer to the day the words were spoken when the text
// names a past day just before (Options.QuoteAnchor).
func (s *txState) matchDeictic(i int) (txHit, int, bool) {
	var off int
	pod := ""
	switch txStem(s.toks[i].low) {
	case "today":
	case "tomorrow":
		off = 1
	case "yesterday":
		off = -1
	case "tonight":
		pod = "TNI"
	default:
		return txHit{}, i, false
	}
	base := s.ref
	if s.opts.QuoteAnchor && s.inQuote(i) {
		if d, ok := s.anchorDay(i); ok && d.Before(s.ref) {
			base = d
		}
	}
	day := base.AddDate(0, 0, off)
	h := txHit{typ: "DATE", value: txDay(day), day: day}
	next := i + 1
	if next < len(s.toks) && !txPossessive(s.toks[i].low) {
		if p, ok := txPartsOfDay[s.toks[next].low]; ok && pod == "" {
			pod = p
			next++
		}
	}
	if pod != "" {
		h.typ, h.value = "TIME", h.value+pod
	}
	return h, next, true
}

// matchRelative reads last/this/next/past + unit, weekday, month or
// season; "earlier this month"; the weekend; "in recent months"; "for
// months"; "mid-September"; "in its fourth year"; "the day before".
func (s *txState) matchRelative(i int) (txHit, int, bool) {
	t := s.toks[i]
	n := len(s.toks)
	at := func(k int) string {
		if k < n {
			return s.toks[k].low
		}
		return ""
	}
	switch t.low {
	case "the":
		if m := txPartOf[at(i+1)]; m != "" && at(i+2) == "of" {
			return s.partOf(i, i+3, m)
		}
		if code, ok := txSeasons[at(i+1)]; ok {
			return s.season(i+2, code)
		}
		switch at(i + 1) {
		case "past", "last", "previous", "next", "coming", "following":
			if h, next, ok := s.matchSpan(i+1, true); ok {
				return h, next, true
			}
		case "weekend":
			return s.weekend(i, i+2, s.tense(i, i+2))
		case "eve":
			if at(i+2) == "of" {
				return s.eventAfter(i, i+3, -1, "")
			}
		case "day", "night":
			switch at(i + 2) {
			case "before":
				if d, ok := s.sentenceOrRef(i); ok {
					return s.dayHit(d.AddDate(0, 0, -1)), i + 3, true
				}
			case "after":
				if d, ok := s.sentenceOrRef(i); ok && i+3 < n && s.toks[i+3].kind == txPunct {
					return s.dayHit(d.AddDate(0, 0, 1)), i + 3, true
				}
			}
		}
	case "last", "this", "next", "past", "previous", "coming", "current":
		return s.matchSpan(i, false)
	case "earlier", "later":
		switch at(i + 1) {
		case "this", "last", "next":
			if h, next, ok := s.matchSpan(i+1, false); ok && h.typ == "DATE" {
				return h, next, true
			}
		}
	case "at", "over", "since", "during":
		if at(i+1) == "the" && at(i+2) == "weekend" {
			if t.low == "since" {
				h, next, ok := s.weekend(i, i+3, -1)
				h.mod = "SINCE"
				return h, next, ok
			}
			return s.weekend(i, i+3, s.tense(i, i+3))
		}
	case "in":
		if at(i+1) == "recent" {
			if _, ok := txUnits[at(i+2)]; ok {
				return txHit{typ: "DURATION", value: txVague(at(i + 2))}, i + 3, true
			}
		}
		if at(i+1) == "its" || at(i+1) == "their" || at(i+1) == "the" {
			if o, ok := ordinalValues[at(i+2)]; ok && o > 1 {
				if u, ok := txUnits[at(i+3)]; ok && !u.clock {
					return txHit{typ: "DURATION", value: txDuration(o-1, at(i+3)), mod: "MORE_THAN"}, i + 4, true
				}
			}
		}
	case "now":
		if at(i+1) == "in" {
			if h, next, ok := s.matchRelative(i + 1); ok && h.typ == "DURATION" {
				return h, next, true
			}
		}
	case "for":
		k := i + 1
		switch at(k) {
		case "many", "several", "some", "few":
			k++
		}
		if u, ok := txUnits[at(k)]; ok && at(k)[len(at(k))-1] == 's' && u.scale >= 1 {
			return txHit{typ: "DURATION", value: txVague(at(k))}, k + 1, true
		}
	case "several", "few", "many", "couple":
		k := i + 1
		if at(k) == "of" {
			k++
		}
		if u := at(k); txUnits[u].letter != "" && strings.HasSuffix(u, "s") {
			return txHit{typ: "DURATION", value: txVague(u)}, k + 1, true
		}
	case "first", "second", "third", "fourth":
		if txStem(at(i+1)) == "quarter" {
			q := int(ordinalValues[t.low])
			y, next := s.ref.Year(), i+2
			// "the first quarter of 1990"
			if at(next) == "of" && next+1 < n && s.toks[next+1].kind == txNum && len(s.toks[next+1].text) == 4 {
				if v, ok := numDigits(s.toks[next+1].text); ok && v >= 1000 {
					y, next = int(v), next+2
				}
			}
			return txHit{typ: "DATE", value: fmt.Sprintf("%04d-Q%d", y, q)}, next, true
		}
	case "noon", "midnight":
		switch at(i - 1) {
		case "at", "by", "until", "before", "after", "from", "till":
			clock := "T12:00"
			if t.low == "midnight" {
				clock = "T24:00"
			}
			d, _ := s.sentenceOrRef(i)
			h := txHit{typ: "TIME", clock: clock, day: d}
			next := s.clockZone(i, i+1, &h)
			h.value = txClockValue(d, clock, h.loc, h.zone)
			return h, next, true
		}
	case "mid", "early", "late":
		k := i + 1
		if at(k) == "-" {
			k++
		}
		if k < n && s.toks[k].kind == txNum && len(s.toks[k].text) == 4 {
			// "mid-1989", "early 2019", "the mid-1990s"
			v, ok := numDigits(s.toks[k].text)
			if ok && v >= 1000 {
				h := txHit{typ: "DATE", value: s.toks[k].text}
				next := k + 1
				if s.low(next) == "s" && !s.toks[next].gap && s.toks[k].text[3] == '0' {
					h.value = s.toks[k].text[:3]
					next++
				}
				h.mod = map[string]string{"mid": "MID", "early": "START", "late": "END"}[t.low]
				return h, next, true
			}
		}
		if k < n && txCapital(s.toks[k].text) {
			if _, ok := txMonths[at(k)]; ok {
				h, next, ok := s.matchMonth(k)
				if ok {
					h.mod = map[string]string{"mid": "MID", "early": "START", "late": "END"}[t.low]
					h.day = time.Time{}
				}
				return h, next, ok
			}
		}
	}
	return txHit{}, i, false
}

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

func (s *txState) dayHit(d time.Time) txHit {
	return txHit{typ: "DATE", value: txDay(d), day: d}
}

// sentenceOrRef is the last day named in the sentence before i, else the
// reference date.
func (s *txState) sentenceOrRef(i int) (time.Time, bool) {
	if d, ok := s.sentenceDay(i); ok {
		return d, true
	}
	return s.ref, true
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
