package annotate

import (
	"fmt"
	"math"
	"strconv"
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

// txNextUnit is the next smaller unit of a duration letter, with how
// many of it make one: a year is 12 months.
var txNextUnit = map[string]struct {
	letter string
	clock  bool
	per    float64
}{"Y": {"M", false, 12}, "W": {"D", false, 7}, "D": {"H", true, 24}, "H": {"M", true, 60}}

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
	v := p + strconv.FormatInt(int64(whole), 10) + u.letter
	if whole == 0 && frac > 0 {
		v = p
	}
	// The fraction in the next smaller unit, when it comes out whole.
	if frac > 1e-9 {
		g := strconv.FormatFloat(n, 'g', -1, 64)
		if u.letter == "M" && !u.clock {
			return "P" + g + "M"
		}
		nx, ok := txNextUnit[u.letter]
		r := frac * nx.per
		if !ok || math.Abs(r-math.Round(r)) > 1e-6 {
			return p + g + u.letter
		}
		if nx.clock && !u.clock {
			v += "T"
		}
		v += strconv.FormatInt(int64(math.Round(r)), 10) + nx.letter
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
			if at(k+1) == "ago" {
				return txHit{typ: "DATE", value: "PAST_REF"}, k + 2, true // "a few hours ago"
			}
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
