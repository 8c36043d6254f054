package extract

import (
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/storydesk/storydesk/internal/model"
)

// Dates in dumps come as an ISO prefix (" date 2025-08-14 …"), as date
// lines ("Published: 14 August 2025 10:32 BST", "Thu 14 Aug 2025") and as
// wire datelines ("LONDON, Aug 14 (Reuters) -"). The grammar read here:
//
//	date  = iso | day month year | month day "," year
//	iso   = YYYY "-" MM "-" DD [ ("T" | " ") hh ":" mm [":" ss] [zone] ]
//	month = an English month name or its three-letter abbreviation, "." optional
//	clock = hh (":" | ".") mm [am|pm] [zone]   (after a non-ISO date)
//	zone  = "Z" | ("+"|"-") hh[:]mm | an abbreviation in dumpZones
//
// A date without a clock is date-only; a clock without a zone is dropped
// (the offset is unknown, and a wrong offset is worse than none).

// dumpZones are the zone abbreviations English-language news pages print,
// with their fixed offsets in hours.
var dumpZones = map[string]float64{
	"UTC": 0, "GMT": 0, "Z": 0, "BST": 1, "IST": 1, "CET": 1, "CEST": 2,
	"EET": 2, "EEST": 3, "MSK": 3, "EST": -5, "EDT": -4, "CST": -6, "CDT": -5,
	"MST": -7, "MDT": -6, "PST": -8, "PDT": -7, "AKST": -9, "AKDT": -8,
	"AEST": 10, "AEDT": 11, "NZST": 12, "NZDT": 13, "JST": 9, "KST": 9,
}

var dumpMonths = map[string]time.Month{
	"jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
	"jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}

const dumpMonthPat = `(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?`

var (
	dumpISORe = regexp.MustCompile(`\b(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?\s*(Z|[+-]\d{2}:?\d{2})?)?\b`)
	dumpDMYRe = regexp.MustCompile(`(?i)\b(\d{1,2})(?:st|nd|rd|th)?\s+` + dumpMonthPat + `,?\s+(\d{4})\b`)
	dumpMDYRe = regexp.MustCompile(`(?i)\b` + dumpMonthPat + `\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b`)
	// dumpClockRe reads a clock right after a date ("10:32 BST", "at 2.15pm").
	dumpClockRe = regexp.MustCompile(`^[\s,|·•]*(?:at\s+|-\s+)?(\d{1,2})[:.](\d{2})\s*([aApP]\.?[mM]\.?)?\s*(?:\(?([A-Z]{1,5}\b|[+-]\d{2}:?\d{2})\)?)?`)
	// dumpDateWordsRe are the words a date line may carry besides its date.
	dumpDateWordsRe = regexp.MustCompile(`(?i)\b(published|updated|last updated|first published|posted|date|on|at|mon(day)?|tue(s|sday)?|wed(nesday)?|thu(rs|rsday)?|fri(day)?|sat(urday)?|sun(day)?|uk|am|pm|[A-Z]{2,4}T|UTC|GMT)\b|\b\d{1,2}[:.]\d{2}|[+-]\d{2}:?\d{2}\b|[\s,:|·•()\-–—.]+`)
	// dumpDatePrefixRe is a date given as a field at the start of a line.
	dumpDatePrefixRe = regexp.MustCompile(`(?i)^\s*(date|published(?: on)?|posted(?: on)?|updated|first published|last updated)\s*:?\s+`)
)

// dumpFindDate finds the first date in s and returns it with the byte span
// it covers (clock included).
func dumpFindDate(s string) (model.Time, int, int, bool) {
	if !strings.ContainsAny(s, "0123456789") {
		return model.Time{}, 0, 0, false // every form has a day or year
	}
	if m := dumpISORe.FindStringSubmatchIndex(s); m != nil {
		t, ok := dumpISOTime(s, m)
		return t, m[0], m[1], ok
	}
	best := []int(nil)
	var y, mo, d string
	if m := dumpDMYRe.FindStringSubmatchIndex(s); m != nil {
		best, d, mo, y = m, s[m[2]:m[3]], s[m[4]:m[5]], s[m[6]:m[7]]
	}
	if m := dumpMDYRe.FindStringSubmatchIndex(s); m != nil && (best == nil || m[0] < best[0]) {
		best, mo, d, y = m, s[m[2]:m[3]], s[m[4]:m[5]], s[m[6]:m[7]]
	}
	if best == nil {
		return model.Time{}, 0, 0, false
	}
	day := dumpCalendarDay(y, mo, d)
	if day.IsZero() {
		return model.Time{}, 0, 0, false
	}
	end := best[1]
	if c := dumpClockRe.FindStringSubmatchIndex(s[end:]); c != nil {
		if t, ok := dumpWithClock(day, s[end:], c); ok {
			return t, best[0], end + c[1], true
		}
	}
	return model.Time{Time: day, DateOnly: true}, best[0], end, true
}

func dumpISOTime(s string, m []int) (model.Time, bool) {
	part := func(i int) string {
		if m[2*i] < 0 {
			return ""
		}
		return s[m[2*i]:m[2*i+1]]
	}
	y, _ := strconv.Atoi(part(1))
	mo, _ := strconv.Atoi(part(2))
	day := dumpCalendarDay(part(1), strconv.Itoa(mo), part(3))
	if day.IsZero() || y < 1900 {
		return model.Time{}, false
	}
	if part(4) == "" || part(7) == "" {
		return model.Time{Time: day, DateOnly: true}, true
	}
	hh, _ := strconv.Atoi(part(4))
	mm, _ := strconv.Atoi(part(5))
	ss, _ := strconv.Atoi(part(6))
	loc, ok := dumpZone(part(7))
	if !ok || hh > 23 || mm > 59 || ss > 59 {
		return model.Time{Time: day, DateOnly: true}, true
	}
	return model.At(time.Date(day.Year(), day.Month(), day.Day(), hh, mm, ss, 0, loc)), true
}

// dumpCalendarDay builds a UTC midnight from year, month (number or name)
// and day, or the zero time when they do not make a real date.
func dumpCalendarDay(y, mo, d string) time.Time {
	year, err1 := strconv.Atoi(y)
	day, err2 := strconv.Atoi(d)
	name := strings.ToLower(strings.TrimSuffix(mo, "."))
	month, ok := dumpMonths[name[:min(3, len(name))]]
	if n, err := strconv.Atoi(mo); err == nil {
		month, ok = time.Month(n), n >= 1 && n <= 12
	}
	if err1 != nil || err2 != nil || !ok || year < 1900 || year > 2200 || day < 1 || day > 31 {
		return time.Time{}
	}
	t := time.Date(year, month, day, 0, 0, 0, 0, time.UTC)
	if t.Day() != day {
		return time.Time{} // 31 June and the like
	}
	return t
}

func dumpWithClock(day time.Time, s string, c []int) (model.Time, bool) {
	hh, _ := strconv.Atoi(s[c[2]:c[3]])
	mm, _ := strconv.Atoi(s[c[4]:c[5]])
	if c[6] >= 0 {
		pm := strings.HasPrefix(strings.ToLower(s[c[6]:c[7]]), "p")
		if hh == 12 {
			hh = 0
		}
		if pm {
			hh += 12
		}
	}
	if c[8] < 0 || hh > 23 || mm > 59 {
		return model.Time{}, false
	}
	loc, ok := dumpZone(s[c[8]:c[9]])
	if !ok {
		return model.Time{}, false
	}
	return model.At(time.Date(day.Year(), day.Month(), day.Day(), hh, mm, 0, 0, loc)), true
}

// dumpZone reads a zone abbreviation or numeric offset.
func dumpZone(z string) (*time.Location, bool) {
	if h, ok := dumpZones[z]; ok {
		return time.FixedZone(z, int(h*3600)), true
	}
	if len(z) < 5 || (z[0] != '+' && z[0] != '-') {
		return nil, false
	}
	digits := strings.ReplaceAll(z[1:], ":", "")
	if len(digits) != 4 {
		return nil, false
	}
	h, err1 := strconv.Atoi(digits[:2])
	m, err2 := strconv.Atoi(digits[2:])
	if err1 != nil || err2 != nil || h > 14 || m > 59 {
		return nil, false
	}
	off := h*3600 + m*60
	if z[0] == '-' {
		off = -off
	}
	return time.FixedZone("", off), true
}

// dumpDateLine reads a line that is only a date with its label ("Published:
// 14 August 2025 10:32 BST", "Thursday 14 August 2025"). updated says the
// label marks a later revision, which ranks below a publication date.
func dumpDateLine(s string) (t model.Time, updated, ok bool) {
	if len(s) > 100 {
		return model.Time{}, false, false
	}
	t, start, end, found := dumpFindDate(s)
	if !found {
		return model.Time{}, false, false
	}
	rest := s[:start] + " " + s[end:]
	if strings.TrimSpace(dumpDateWordsRe.ReplaceAllString(rest, "")) != "" {
		return model.Time{}, false, false
	}
	low := strings.ToLower(s)
	updated = strings.Contains(low, "updated") && !strings.Contains(low, "published")
	return t, updated, true
}

// dumpDatePrefix strips a date field from the start of a line (" date
// 2025-08-14 The text…") and returns the date and the rest of the line.
func dumpDatePrefix(s string) (model.Time, string, bool) {
	m := dumpDatePrefixRe.FindStringIndex(s)
	if m == nil {
		return model.Time{}, s, false
	}
	t, start, end, ok := dumpFindDate(s[m[1]:])
	if !ok || start != 0 {
		return model.Time{}, s, false
	}
	return t, strings.TrimSpace(s[m[1]+end:]), true
}

var dumpMonthDayRe = regexp.MustCompile(`(?i)\b(?:` + dumpMonthPat + `\s+(\d{1,2})|(\d{1,2})\s+` + dumpMonthPat + `)\b`)

// dumpMonthDay reads a date without a year ("Aug 14", "14 August").
func dumpMonthDay(s string) (time.Month, int, bool) {
	m := dumpMonthDayRe.FindStringSubmatch(s)
	if m == nil {
		return 0, 0, false
	}
	name, day := m[1], m[2]
	if name == "" {
		name, day = m[4], m[3]
	}
	t := dumpCalendarDay("2000", name, day) // a leap year admits 29 February
	if t.IsZero() {
		return 0, 0, false
	}
	return t.Month(), t.Day(), true
}

// dumpYearFor places a month and day in the year that puts it on or
// before ref (a dateline is not dated in the future), or zero when ref is
// unknown.
func dumpYearFor(month time.Month, day int, ref time.Time) model.Time {
	if ref.IsZero() || month == 0 {
		return model.Time{}
	}
	t := time.Date(ref.Year(), month, day, 0, 0, 0, 0, time.UTC)
	if t.After(ref.AddDate(0, 0, 1)) {
		t = t.AddDate(-1, 0, 0)
	}
	return model.Date(t.Year(), t.Month(), t.Day())
}

// dumpAgeRe matches a relative age on its own line ("5 hours ago", "2d
// ago", "yesterday").
var dumpAgeRe = regexp.MustCompile(`(?i)^(?:(?:updated|posted|published)\s+)?(?:(\d{1,4}|an?|one)\s*(s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?|w|wks?|weeks?|mos?|months?|y|yrs?|years?)\s+ago|(yesterday)|(just now))\.?$`)

// dumpAge is a relative age read from a line.
type dumpAge struct {
	n    int
	unit byte // 's', 'm' (minute), 'h', 'd', 'w', 'M' (month), 'y'
}

func dumpParseAge(s string) (dumpAge, bool) {
	if len(s) > 40 {
		return dumpAge{}, false
	}
	m := dumpAgeRe.FindStringSubmatch(strings.TrimSpace(s))
	switch {
	case m == nil:
		return dumpAge{}, false
	case m[3] != "":
		return dumpAge{1, 'd'}, true
	case m[4] != "":
		return dumpAge{0, 'm'}, true
	}
	n, err := strconv.Atoi(m[1])
	if err != nil {
		n = 1 // "an hour ago"
	}
	u := strings.ToLower(m[2])
	unit := u[0]
	switch {
	case strings.HasPrefix(u, "mo"):
		unit = 'M'
	case u == "m" || strings.HasPrefix(u, "min"):
		unit = 'm'
	}
	return dumpAge{n, unit}, true
}

// resolve turns the age into a time against base, by this rule:
//
//   - base zero (neither the page's date nor Options.Reference known):
//     the result is zero, unknown;
//   - base with a clock: ages under a day give an exact time, longer ages a
//     date (a "2 days ago" label is rounded by the page, so the clock
//     would be made up);
//   - base date-only: ages under a day give base's own date (the hours
//     cannot be placed on an unknown clock), longer ages a date.
func (a dumpAge) resolve(base model.Time) model.Time {
	if base.IsZero() {
		return model.Time{}
	}
	var d time.Duration
	switch a.unit {
	case 's':
		d = time.Duration(a.n) * time.Second
	case 'm':
		d = time.Duration(a.n) * time.Minute
	case 'h':
		d = time.Duration(a.n) * time.Hour
	}
	if d > 0 || a.n == 0 {
		if base.DateOnly {
			return base
		}
		return model.At(base.Add(-d))
	}
	t := base.Time
	switch a.unit {
	case 'd':
		t = t.AddDate(0, 0, -a.n)
	case 'w':
		t = t.AddDate(0, 0, -7*a.n)
	case 'M':
		t = t.AddDate(0, -a.n, 0)
	case 'y':
		t = t.AddDate(-a.n, 0, 0)
	}
	return model.Date(t.Year(), t.Month(), t.Day())
}
