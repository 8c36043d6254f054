package annotate

import (
	"fmt"
	"strconv"
	"strings"
	"time"
	_ "time/tzdata" // zone rules embedded, so "local time" resolves on any machine
)

// Clock times and their zones: "11:30am local time" in a sentence naming
// Anchorage is 11:30 at UTC−08:00 in August; "8.30 pm UK time" is 20:30 at
// UTC+01:00.

// txPlaceZones maps a place named in a sentence to its IANA zone, for
// "local time". Kept small: capitals and places that make news; lower case.
var txPlaceZones = map[string]string{
	"alaska": "America/Anchorage", "anchorage": "America/Anchorage",
	"washington": "America/New_York", "new york": "America/New_York",
	"white house": "America/New_York", "florida": "America/New_York",
	"chicago": "America/Chicago", "texas": "America/Chicago",
	"los angeles": "America/Los_Angeles", "california": "America/Los_Angeles",
	"hawaii": "Pacific/Honolulu", "ottawa": "America/Toronto", "toronto": "America/Toronto",
	"london": "Europe/London", "uk": "Europe/London", "britain": "Europe/London",
	"england": "Europe/London", "scotland": "Europe/London", "edinburgh": "Europe/London",
	"dublin": "Europe/Dublin", "ireland": "Europe/Dublin",
	"paris": "Europe/Paris", "france": "Europe/Paris",
	"berlin": "Europe/Berlin", "germany": "Europe/Berlin",
	"brussels": "Europe/Brussels", "belgium": "Europe/Brussels",
	"rome": "Europe/Rome", "italy": "Europe/Rome", "madrid": "Europe/Madrid",
	"the hague": "Europe/Amsterdam", "amsterdam": "Europe/Amsterdam",
	"geneva": "Europe/Zurich", "switzerland": "Europe/Zurich",
	"warsaw": "Europe/Warsaw", "poland": "Europe/Warsaw",
	"helsinki": "Europe/Helsinki", "finland": "Europe/Helsinki",
	"stockholm": "Europe/Stockholm", "oslo": "Europe/Oslo",
	"kyiv": "Europe/Kyiv", "kiev": "Europe/Kyiv", "ukraine": "Europe/Kyiv",
	"moscow": "Europe/Moscow", "istanbul": "Europe/Istanbul", "ankara": "Europe/Istanbul",
	"turkey": "Europe/Istanbul", "jerusalem": "Asia/Jerusalem", "israel": "Asia/Jerusalem",
	"gaza": "Asia/Gaza", "tehran": "Asia/Tehran", "iran": "Asia/Tehran",
	"riyadh": "Asia/Riyadh", "doha": "Asia/Qatar", "dubai": "Asia/Dubai",
	"beijing": "Asia/Shanghai", "china": "Asia/Shanghai", "hong kong": "Asia/Hong_Kong",
	"taipei": "Asia/Taipei", "tokyo": "Asia/Tokyo", "japan": "Asia/Tokyo",
	"seoul": "Asia/Seoul", "delhi": "Asia/Kolkata", "new delhi": "Asia/Kolkata",
	"india": "Asia/Kolkata", "singapore": "Asia/Singapore", "sydney": "Australia/Sydney",
	"canberra": "Australia/Sydney",
}

// Zone names written after a clock time.
var txZoneWords = map[string]string{
	"gmt": "Z", "utc": "Z", "bst": "+01:00", "cet": "+01:00", "cest": "+02:00",
	"et": "America/New_York", "est": "-05:00", "edt": "-04:00",
	"pt": "America/Los_Angeles", "pst": "-08:00", "pdt": "-07:00",
	"ct": "America/Chicago", "akdt": "-08:00", "msk": "+03:00",
	"eastern": "America/New_York", "central": "America/Chicago",
	"mountain": "America/Denver", "pacific": "America/Los_Angeles",
}

// matchClock reads "11:30am", "11.30 am", "8pm", "8 p.m.", "15:00 GMT",
// with a zone ("local time", "UK time", "ET") and a day ("on Friday")
// when given.
func (s *txState) matchClock(i int) (txHit, int, bool) {
	t := s.toks[i]
	hh, mm, ok := txClockDigits(t.text)
	if !ok {
		return txHit{}, i, false
	}
	k := i + 1
	// am/pm: "am", "pm", "a.m.", "p.m."
	if w := s.low(k); w == "am" || w == "pm" || ((w == "a" || w == "p") && s.low(k+1) == ".") {
		if hh < 1 || hh > 12 {
			return txHit{}, i, false
		}
		if w[0] == 'p' && hh != 12 {
			hh += 12
		} else if w[0] == 'a' && hh == 12 {
			hh = 0
		}
		k++
		if len(w) == 1 {
			k++ // "."
			if s.low(k) == "m" && s.low(k+1) == "." {
				k += 2
			}
		}
	} else if !strings.ContainsAny(t.text, ":.") || i == 0 {
		return txHit{}, i, false
	} else {
		// A bare "15:21" is a clock only after a preposition ("at 15:00")
		// or before a zone; alone on a line it is a video timestamp.
		// "8.30" without am/pm is a clock only before a zone: after "from"
		// or "to" it is more often a price or a rate.
		_, zoned := txZoneWords[s.low(k)]
		zoned = zoned || s.low(k+1) == "time" || s.low(k) == "(" && s.low(k+2) == "time"
		switch s.low(i - 1) {
		case "at", "by", "until", "from", "before", "after", "around", "to", "till":
			if !zoned && (strings.IndexByte(t.text, '.') >= 0 || s.low(k) == "%") {
				return txHit{}, i, false
			}
		default:
			if !zoned {
				return txHit{}, i, false
			}
		}
	}
	h := txHit{typ: "TIME", clock: fmt.Sprintf("T%02d:%02d", hh, mm)}
	k = s.clockZone(i, k, &h)
	// The day: "11.30am on Friday", else a day in the sentence, else the
	// day of an event the sentence names ("the meeting ... will start").
	var day txHit
	dayEnd := k
	if s.low(k) == "on" && k+1 < len(s.toks) {
		if d, n, ok := s.match(k + 1); ok && !d.day.IsZero() {
			day, dayEnd = d, n
		}
	} else if k < len(s.toks) && s.toks[k].kind == txWord && txWordKinds[txStem(s.low(k))] != 0 {
		// "at 3pm Tuesday", "at 9am tomorrow"
		if d, n, ok := s.match(k); ok && !d.day.IsZero() && d.typ == "DATE" {
			day, dayEnd = d, n
		}
	}
	if !day.day.IsZero() {
		k = s.clockZone(i, dayEnd, &h)
		h.day = day.day
		h.value = txClockValue(h.day, h.clock, h.loc, h.zone)
		return h, k, true
	}
	d, _ := s.sentenceOrRef(i)
	h.day = d
	h.value = txClockValue(d, h.clock, h.loc, h.zone)
	if c, _ := s.findEventInSentence(i); c != "" {
		// Resolved after the scan; h.day stays the fallback.
		h.event = c
	}
	return h, k, true
}

// clockZone reads a zone after a clock time at k — "local time", "(local
// time)", "UK time", "GMT" — sets it on h and returns the index after it.
func (s *txState) clockZone(i, k int, h *txHit) int {
	paren := s.low(k) == "("
	j := k
	if paren {
		j++
	}
	w := s.low(j)
	end := -1
	switch {
	case w == "local" && s.low(j+1) == "time":
		if loc := s.sentencePlace(i); loc != nil {
			h.loc = loc
		}
		end = j + 2
	case s.low(j+1) == "time" && txPlaceZones[w] != "":
		h.loc, _ = time.LoadLocation(txPlaceZones[w])
		end = j + 2
	case txZoneWords[w] != "":
		z := txZoneWords[w]
		if strings.Contains(z, "/") {
			h.loc, _ = time.LoadLocation(z)
		} else {
			h.zone = z
		}
		end = j + 1
		if s.low(end) == "time" {
			end++
		}
	}
	if end < 0 {
		return k
	}
	if paren && s.low(end) == ")" {
		end++
	}
	return end
}

// sentencePlace is the zone of the place named in the sentence nearest to
// token i.
func (s *txState) sentencePlace(i int) *time.Location {
	best, dist := "", 1<<30
	for k := i - 1; k >= 0 && k >= i-txSentenceReach && s.sent[k] == s.sent[i]; k-- {
		if z := s.placeZoneAt(k); z != "" && i-k < dist {
			best, dist = z, i-k
			break
		}
	}
	for k := i + 1; k < len(s.toks) && k <= i+txSentenceReach && s.sent[k] == s.sent[i] && k-i < dist; k++ {
		if z := s.placeZoneAt(k); z != "" {
			best = z
			break
		}
	}
	if best == "" {
		return nil
	}
	loc, err := time.LoadLocation(best)
	if err != nil {
		return nil
	}
	return loc
}

func (s *txState) placeZoneAt(k int) string {
	t := s.toks[k]
	if t.kind != txWord || !txCapital(t.text) && t.low != "uk" {
		return ""
	}
	if k+1 < len(s.toks) && s.toks[k+1].kind == txWord {
		if z := txPlaceZones[t.low+" "+s.toks[k+1].low]; z != "" {
			return z
		}
	}
	return txPlaceZones[txStem(t.low)]
}

// findEventInSentence returns an event noun of the sentence of token i
// whose day the text gives.
func (s *txState) findEventInSentence(i int) (string, int) {
	lo := i
	for lo > 0 && lo > i-txSentenceReach && s.sent[lo-1] == s.sent[i] {
		lo--
	}
	for k := lo; k < len(s.toks) && k <= i+txSentenceReach && s.sent[k] == s.sent[i]; k++ {
		if c := txEventClass(s.toks, k); c != "" {
			return c, k
		}
	}
	return "", 0
}

// txClockDigits parses "11:30", "8.30", "8" into hours and minutes.
func txClockDigits(s string) (int, int, bool) {
	hs, ms := s, "00"
	if k := strings.IndexAny(s, ":."); k >= 0 {
		hs, ms = s[:k], s[k+1:]
	}
	if len(hs) == 0 || len(hs) > 2 || len(ms) != 2 {
		return 0, 0, false
	}
	h, err1 := strconv.Atoi(hs)
	m, err2 := strconv.Atoi(ms)
	if err1 != nil || err2 != nil || h > 24 || m > 59 {
		return 0, 0, false
	}
	return h, m, true
}

// txClockValue writes day + clock with the zone's UTC offset on that day:
// "2025-08-15T11:30-08:00".
func txClockValue(day time.Time, clock string, loc *time.Location, zone string) string {
	v := txDay(day) + clock
	switch {
	case loc != nil:
		hh, _ := strconv.Atoi(clock[1:3])
		mm, _ := strconv.Atoi(clock[4:6])
		at := time.Date(day.Year(), day.Month(), day.Day(), hh, mm, 0, 0, loc)
		off := at.Format("-07:00")
		if off == "+00:00" {
			off = "Z"
		}
		return v + off
	case zone != "":
		return v + zone
	}
	return v
}
