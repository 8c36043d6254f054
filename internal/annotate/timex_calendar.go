package annotate

import (
	"fmt"
	"strconv"
	"time"
)

// Calendar words and the rules for named days, months and years.

var txWeekdays = map[string]time.Weekday{
	"monday": time.Monday, "tuesday": time.Tuesday, "wednesday": time.Wednesday,
	"thursday": time.Thursday, "friday": time.Friday, "saturday": time.Saturday,
	"sunday": time.Sunday,
}

var txMonths = map[string]time.Month{
	"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6,
	"july": 7, "august": 8, "september": 9, "october": 10, "november": 11,
	"december": 12, "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6,
	"jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}

// Words that make a weekday part of a name: "Good Friday", "Black Friday".
var txWeekdayNames = map[string]bool{
	"good": true, "black": true, "super": true, "easter": true, "palm": true,
	"cyber": true, "ash": true, "holy": true, "maundy": true, "bloody": true,
	"shrove": true, "giving": true, "blue": true, "small": true,
}

// Parts of day in TIMEX3 notation.
var txPartsOfDay = map[string]string{
	"morning": "TMO", "afternoon": "TAF", "evening": "TEV", "night": "TNI",
	"overnight": "TNI", "lunchtime": "TMI", "midday": "TMI",
}

// Seasons in TIMEX3 notation, with the month each one starts in
// (northern hemisphere).
var txSeasons = map[string]string{
	"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI",
}

// resolveWeekday returns the day of weekday wd nearest to the reference
// date; dir -1 (past tense) or +1 (future) moves it to the other side when
// the nearest one contradicts the tense.
func (s *txState) resolveWeekday(wd time.Weekday, dir int) time.Time {
	diff := (int(wd) - int(s.ref.Weekday()) + 7) % 7
	if diff == 0 {
		return s.ref
	}
	off := diff
	if diff > 3 {
		off = diff - 7
	}
	if dir < 0 && off > 0 {
		off -= 7
	}
	if dir > 0 && off < 0 {
		off += 7
	}
	return s.ref.AddDate(0, 0, off)
}

// matchWeekday reads "Friday", "Friday's", "Tuesday night",
// "Thursday, Aug. 14, 2025".
func (s *txState) matchWeekday(i int) (txHit, int, bool) {
	t := s.toks[i]
	if !txCapital(t.text) {
		return txHit{}, i, false
	}
	// "the Sunday Times", "Good Friday", "Black Friday": names.
	if i > 0 && s.sent[i-1] == s.sent[i] && (s.toks[i-1].low == "the" || s.toks[i-1].low == "a" ||
		txCapital(s.toks[i-1].text) && txWeekdayNames[s.toks[i-1].low]) {
		return txHit{}, i, false
	}
	wd := txWeekdays[txStem(t.low)]
	next := i + 1
	// A full date after the weekday decides: "Thursday, Aug. 14, 2025".
	k := next
	if k < len(s.toks) && s.toks[k].text == "," {
		k++
	}
	if k < len(s.toks) && !txPossessive(t.low) {
		var h txHit
		var n int
		var ok bool
		if s.toks[k].kind == txNum {
			h, n, ok = s.matchDayMonth(k)
		} else if _, isMonth := txMonths[s.toks[k].low]; isMonth {
			h, n, ok = s.matchMonth(k)
		}
		if ok && len(h.value) == 10 {
			return h, n, true
		}
	}
	// "Friday's summit": the day inside a noun phrase is the nearest one;
	// the clause's tense belongs to the reporting verb.
	dir := 0
	if !txPossessive(t.low) {
		dir = s.tense(i, next)
	}
	day := s.resolveWeekday(wd, dir)
	h := txHit{typ: "DATE", value: txDay(day), day: day}
	if next < len(s.toks) && !txPossessive(t.low) {
		if pod, ok := txPartsOfDay[s.toks[next].low]; ok {
			h.typ, h.value = "TIME", h.value+pod
			next++
		}
	}
	return h, next, true
}

// matchMonth reads "Aug. 14, 2025", "August 14", "September 2022",
// "January" (the nearest one that fits the tense).
func (s *txState) matchMonth(i int) (txHit, int, bool) {
	m := txMonths[s.toks[i].low]
	next := i + 1
	if next < len(s.toks) && s.toks[next].text == "." && !s.toks[next].gap && len(s.toks[i].low) <= 4 &&
		next+1 < len(s.toks) && s.toks[next+1].kind == txNum {
		next++
	}
	if next < len(s.toks) && s.toks[next].kind == txNum {
		if d, err := strconv.Atoi(s.toks[next].text); err == nil && d >= 1 && d <= 31 {
			n := next + 1
			if n < len(s.toks) && !s.toks[n].gap && (s.toks[n].low == "st" || s.toks[n].low == "nd" || s.toks[n].low == "rd" || s.toks[n].low == "th") {
				n++
			}
			year, n2, ok := s.yearAfter(n)
			if !ok {
				year = s.yearForDay(m, d, s.tense(i, n))
				n2 = n
			}
			day := time.Date(year, m, d, 0, 0, 0, 0, time.UTC)
			if day.Month() != m {
				return txHit{}, i, false
			}
			return txHit{typ: "DATE", value: txDay(day), day: day}, n2, true
		}
		if y, err := strconv.Atoi(s.toks[next].text); err == nil && len(s.toks[next].text) == 4 && y >= 1000 {
			return txHit{typ: "DATE", value: fmt.Sprintf("%04d-%02d", y, m)}, next + 1, true
		}
	}
	// "July-September": a range we leave alone.
	if i > 0 && s.toks[i-1].text == "-" && !s.toks[i].gap && !txMonthModifier(s.low(i-2)) ||
		next < len(s.toks) && s.toks[next].text == "-" && !s.toks[next].gap {
		return txHit{}, i, false
	}
	// A bare month. "May" and "March" are also a verb: take them only
	// after a preposition.
	if m == time.May || m == time.March || len(s.toks[i].low) <= 4 {
		if i == 0 {
			return txHit{}, i, false
		}
		switch s.toks[i-1].low {
		case "in", "since", "until", "by", "of", "early", "late", "mid", "last", "next", "this", "from", "through", "before", "after":
		default:
			return txHit{}, i, false
		}
	}
	year := s.ref.Year()
	dir := s.tense(i, next)
	if dir == 0 {
		// No tense to go by: a month in the next quarter is ahead, any
		// other is the last one past (news reports more than it previews).
		ahead := (int(m) - int(s.ref.Month()) + 12) % 12
		dir = -1
		if ahead > 0 && ahead <= 3 {
			dir = 1
		}
	}
	switch {
	case dir > 0 && m < s.ref.Month():
		year++
	case dir < 0 && m > s.ref.Month():
		year--
	}
	return txHit{typ: "DATE", value: fmt.Sprintf("%04d-%02d", year, m)}, next, true
}

// yearAfter reads ", 2025" or " 2025" at i.
func (s *txState) yearAfter(i int) (int, int, bool) {
	k := i
	if k < len(s.toks) && s.toks[k].text == "," {
		k++
	}
	if k < len(s.toks) && s.toks[k].kind == txNum && len(s.toks[k].text) == 4 {
		if y, err := strconv.Atoi(s.toks[k].text); err == nil && y >= 1000 {
			return y, k + 1, true
		}
	}
	return 0, i, false
}

// yearForDay picks the year of a day given without one: the nearest to
// the reference date, moved by tense when it contradicts.
func (s *txState) yearForDay(m time.Month, d, dir int) int {
	y := s.ref.Year()
	day := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	diff := day.Sub(s.ref)
	const half = 183 * 24 * time.Hour
	switch {
	case diff > half || (dir < 0 && diff > 0 && diff > 60*24*time.Hour):
		y--
	case diff < -half || (dir > 0 && diff < 0 && diff < -60*24*time.Hour):
		y++
	}
	return y
}

// matchDayMonth reads "14 August", "14th August 2025".
func (s *txState) matchDayMonth(i int) (txHit, int, bool) {
	d, err := strconv.Atoi(s.toks[i].text)
	if err != nil || d < 1 || d > 31 {
		return txHit{}, i, false
	}
	k := i + 1
	if k < len(s.toks) && !s.toks[k].gap && (s.toks[k].low == "st" || s.toks[k].low == "nd" || s.toks[k].low == "rd" || s.toks[k].low == "th") {
		k++
	}
	if k < len(s.toks) && s.toks[k].low == "of" {
		k++
	}
	if k >= len(s.toks) || !txCapital(s.toks[k].text) {
		return txHit{}, i, false
	}
	m, ok := txMonths[s.toks[k].low]
	if !ok {
		return txHit{}, i, false
	}
	k++
	if k < len(s.toks) && s.toks[k].text == "." && !s.toks[k].gap && len(s.toks[k-1].low) <= 4 {
		k++
	}
	year, n, ok := s.yearAfter(k)
	if !ok {
		year = s.yearForDay(m, d, s.tense(i, k))
		n = k
	}
	day := time.Date(year, m, d, 0, 0, 0, 0, time.UTC)
	if day.Month() != m {
		return txHit{}, i, false
	}
	return txHit{typ: "DATE", value: txDay(day), day: day}, n, true
}

// matchISODate reads "2025-08-14".
func (s *txState) matchISODate(i int) (txHit, int, bool) {
	if i+4 >= len(s.toks) || len(s.toks[i].text) != 4 {
		return txHit{}, i, false
	}
	a, b, c, d := s.toks[i+1], s.toks[i+2], s.toks[i+3], s.toks[i+4]
	if a.text != "-" || c.text != "-" || a.gap || b.gap || c.gap || d.gap || b.kind != txNum || d.kind != txNum {
		return txHit{}, i, false
	}
	day, err := time.Parse("2006-01-02", s.text[s.toks[i].start:d.end])
	if err != nil {
		return txHit{}, i, false
	}
	return txHit{typ: "DATE", value: txDay(day), day: day}, i + 5, true
}

// matchYear reads "2018" (not a count: "2000 troops") and decades
// "the 1990s", "the '90s".
func (s *txState) matchYear(i int) (txHit, int, bool) {
	t := s.toks[i]
	next := i + 1
	decade := next < len(s.toks) && s.toks[next].low == "s" && !s.toks[next].gap
	if decade {
		switch len(t.text) {
		case 4:
			if t.text[3] == '0' {
				return txHit{typ: "DATE", value: t.text[:3]}, next + 1, true
			}
		case 2:
			if t.text[1] == '0' && i > 0 && (s.toks[i-1].low == "the" || s.toks[i-1].text == "'" || s.toks[i-1].text == "’") {
				century := "19"
				if t.text[0] < '3' {
					century = "20"
				}
				return txHit{typ: "DATE", value: century + t.text[:1]}, next + 1, true
			}
		}
		return txHit{}, i, false
	}
	if len(t.text) != 4 {
		return txHit{}, i, false
	}
	y, err := strconv.Atoi(t.text)
	if err != nil || y < 1900 || y > 2099 {
		return txHit{}, i, false
	}
	if i > 0 && !t.gap {
		return txHit{}, i, false // "$2025", "F-2018"
	}
	if i > 0 {
		switch s.toks[i-1].text {
		case "$", "£", "€", "No", "no", "number", "Article", "article", "Resolution":
			return txHit{}, i, false
		}
	}
	// "2000 troops": a count, not a year. Only round hundreds are taken
	// for counts: "fiscal 1998 results" is a year.
	if next < len(s.toks) && s.toks[next].kind == txWord && !txCapital(s.toks[next].text) && y%100 == 0 {
		w := s.toks[next].low
		if len(w) > 3 && w[len(w)-1] == 's' && !txPossessive(w) && w != "elections" {
			return txHit{}, i, false
		}
		if _, ok := qtyUnits[w]; ok {
			return txHit{}, i, false
		}
	}
	return txHit{typ: "DATE", value: t.text}, next, true
}

func txMonthModifier(w string) bool { return w == "mid" || w == "early" || w == "late" }
