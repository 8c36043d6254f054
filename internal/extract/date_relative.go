package extract

import (
	"regexp"
	"strings"
	"time"
)

// Pages often print a relative age instead of a date ("vor 14 Minuten",
// "2 hours ago", "il y a 3 heures"). relativeAge finds the first one in a
// text and returns how long ago it says; resolving it needs the moment the
// page was fetched (Options.Reference).

// ageUnits maps unit words, singular and plural, to durations.
var ageUnits = map[string]time.Duration{
	"second": time.Second, "seconds": time.Second, "sec": time.Second, "secs": time.Second,
	"minute": time.Minute, "minutes": time.Minute, "min": time.Minute, "mins": time.Minute,
	"hour": time.Hour, "hours": time.Hour, "hr": time.Hour, "hrs": time.Hour, "h": time.Hour,
	"day": 24 * time.Hour, "days": 24 * time.Hour,
	"sekunde": time.Second, "sekunden": time.Second, "minuten": time.Minute,
	"stunde": time.Hour, "stunden": time.Hour, "std": time.Hour, "tag": 24 * time.Hour, "tagen": 24 * time.Hour,
	"seconde": time.Second, "secondes": time.Second, "heure": time.Hour, "heures": time.Hour,
	"jour": 24 * time.Hour, "jours": 24 * time.Hour,
	"segundo": time.Second, "segundos": time.Second, "minuto": time.Minute, "minutos": time.Minute,
	"hora": time.Hour, "horas": time.Hour, "día": 24 * time.Hour, "días": 24 * time.Hour, "dia": 24 * time.Hour, "dias": 24 * time.Hour,
	"minuti": time.Minute, "ora": time.Hour, "ore": time.Hour, "giorno": 24 * time.Hour, "giorni": 24 * time.Hour,
	"minuut": time.Minute, "uur": time.Hour, "dag": 24 * time.Hour, "dagen": 24 * time.Hour,
	"minut": time.Minute, "minuter": time.Minute, "minutter": time.Minute, "timme": time.Hour, "timmar": time.Hour,
	"time": time.Hour, "timer": time.Hour, "dagar": 24 * time.Hour, "dage": 24 * time.Hour, "døgn": 24 * time.Hour,
}

// ageNumber is a count or the words for "one"/"a".
const ageNumber = `(\d{1,3}|an?|one|einer|einem|eine|ein|une|un|una|uno|um|uma|en|ett|et)`

var (
	// "2 hours ago", "14 minuti fa", "3 uur geleden", "2 timmar sedan", "2 timer siden"
	agePostfix = regexp.MustCompile(`(?i)\b` + ageNumber + `\s*(\pL+)\.?\s+(?:ago|fa|geleden|sedan|siden)\b`)
	// "vor 14 Minuten", "il y a 3 heures", "hace 2 horas", "há 2 horas"
	agePrefix = regexp.MustCompile(`(?i)\b(?:vor|il y a|hace|há)\s+` + ageNumber + `\s*(\pL+)\b`)
)

// relativeAge returns the first relative age in s.
func relativeAge(s string) (time.Duration, bool) {
	at, best := -1, time.Duration(0)
	for _, re := range []*regexp.Regexp{agePostfix, agePrefix} {
		m := re.FindStringSubmatchIndex(s)
		if m == nil || at >= 0 && m[0] > at {
			continue
		}
		unit, ok := ageUnits[strings.ToLower(s[m[4]:m[5]])]
		if !ok {
			continue
		}
		n := atoi(s[m[2]:m[3]])
		if n < 0 {
			n = 1 // "an hour ago", "vor einer Stunde"
		}
		at, best = m[0], time.Duration(n)*unit
	}
	return best, at >= 0
}

// dayMonth is a visible date without a year: "8 января, 17:46", "3. Mai".
var dayMonth = regexp.MustCompile(`(?i)\b(\d{1,2})\.?\s*(?:de\s+)?(\pL{3,12})\.?,?`)

// yearlessDate finds the first day and month written without a year and
// places it in the year that puts it on or before ref (a page is not
// published after it is fetched), with the clock time after it if any.
func yearlessDate(s string, ref time.Time) (time.Time, bool, bool) {
	for _, m := range dayMonth.FindAllStringSubmatchIndex(s, 12) {
		mon, ok := monthNames[strings.ToLower(s[m[4]:m[5]])]
		if !ok {
			continue
		}
		d := atoi(s[m[2]:m[3]])
		y := ref.Year()
		if !validDate(y, int(mon), d) {
			continue
		}
		t := time.Date(y, mon, d, 0, 0, 0, 0, time.UTC)
		hasClock := false
		if c := clockTime.FindStringSubmatch(s[m[1]:]); c != nil && len(c[0]) < 40 {
			h, mi := atoi(c[1]), atoi(c[2])
			if h <= 23 && mi <= 59 {
				t = time.Date(y, mon, d, h, mi, 0, 0, clockZone(c[8], c[5], c[6], c[7]))
				hasClock = true
			}
		}
		if t.After(ref.Add(24 * time.Hour)) {
			t = t.AddDate(-1, 0, 0)
		}
		return t, hasClock, true
	}
	return time.Time{}, false, false
}
