package extract

import (
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/storydesk/storydesk/internal/model"
)

// Dates come in two kinds. Machine dates, in meta tags, JSON-LD and
// <time datetime>, follow a handful of layouts:
//
//	2025-08-14T09:30:00+02:00   ISO 8601 / RFC 3339, "T" or space, offset
//	                            as Z, ±HH:MM, ±HHMM or ±HH, optional fraction
//	20250814T093000Z            ISO 8601 basic
//	Thu, 14 Aug 2025 09:30:00 GMT   RFC 1123 / RFC 822
//	1755156600 (or ms)          Unix time
//
// Visible dates, in the text around the headline, are written for people
// in many languages: "14. August 2025, 09:30 Uhr", "August 14, 2025
// 9:30 a.m.", "14 de agosto de 2025", "14.08.2025", "2025年8月14日".
// parseDate tries the machine layouts and then the visible ones; both give
// a date-only Time when no clock time is written.

// monthNames maps lower-cased month names and abbreviations, nominative and
// genitive, to months. Names shared by several languages name the same
// month in each ("mai", "marzo", "listopad").
var monthNames = buildMonthNames(map[time.Month][]string{
	time.January: {"january", "jan", "januar", "jänner", "jän", "janvier", "janv", "enero", "ene",
		"gennaio", "gen", "janeiro", "januari", "styczeń", "stycznia", "sty", "leden", "ledna",
		"январь", "января", "янв", "ocak", "січня", "siječnja", "tammikuuta"},
	time.February: {"february", "feb", "februar", "feber", "février", "févr", "fevrier", "febrero",
		"febbraio", "fevereiro", "fev", "februari", "luty", "lutego", "lut", "únor", "února",
		"февраль", "февраля", "фев", "şubat", "лютого"},
	time.March: {"march", "mar", "märz", "mär", "mrz", "maerz", "mars", "marzo", "março", "marco",
		"maart", "mrt", "marts", "marzec", "marca", "březen", "března", "март", "марта", "мар",
		"mart", "березня"},
	time.April: {"april", "apr", "avril", "avr", "abril", "abr", "aprile", "kwiecień", "kwietnia",
		"kwi", "duben", "dubna", "апрель", "апреля", "апр", "nisan", "квітня"},
	time.May: {"may", "mai", "mayo", "maggio", "mag", "maio", "mei", "maj", "maja", "květen",
		"května", "май", "мая", "mayıs", "травня"},
	time.June: {"june", "jun", "juni", "juin", "junio", "giugno", "giu", "junho", "czerwiec",
		"czerwca", "cze", "červen", "června", "июнь", "июня", "haziran", "червня"},
	time.July: {"july", "jul", "juli", "juillet", "juil", "julio", "luglio", "lug", "julho",
		"lipiec", "lipca", "lip", "červenec", "července", "июль", "июля", "temmuz", "липня"},
	time.August: {"august", "aug", "août", "aout", "agosto", "ago", "augustus", "augusti",
		"sierpień", "sierpnia", "sie", "srpen", "srpna", "август", "августа", "авг", "ağustos",
		"серпня"},
	time.September: {"september", "sep", "sept", "septembre", "septiembre", "setiembre",
		"settembre", "set", "setembro", "wrzesień", "września", "wrz", "září", "сентябрь",
		"сентября", "сен", "eylül", "вересня"},
	time.October: {"october", "oct", "oktober", "okt", "octobre", "octubre", "ottobre", "ott",
		"outubro", "out", "październik", "października", "paź", "říjen", "října", "октябрь",
		"октября", "окт", "ekim", "жовтня"},
	time.November: {"november", "nov", "novembre", "noviembre", "novembro", "listopad",
		"listopada", "lis", "listopadu", "ноябрь", "ноября", "ноя", "kasım", "листопада"},
	time.December: {"december", "dec", "dezember", "dez", "décembre", "déc", "decembre",
		"diciembre", "dic", "dicembre", "dezembro", "desember", "grudzień", "grudnia", "gru",
		"prosinec", "prosince", "декабрь", "декабря", "дек", "aralık", "грудня"},
})

func buildMonthNames(by map[time.Month][]string) map[string]time.Month {
	m := make(map[string]time.Month)
	for mon, names := range by {
		for _, n := range names {
			m[n] = mon
		}
	}
	return m
}

// The machine layouts. isoDate also accepts "/" or "." between the parts of
// a year-first date.
var (
	isoDate  = regexp.MustCompile(`^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T\s]+(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?)?$`)
	isoBasic = regexp.MustCompile(`^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})?(Z|[+-]\d{2}:?\d{2})?)?$`)
	unixTime = regexp.MustCompile(`^\d{10}(\d{3})?$`)
)

// rfcLayouts are tried with time.Parse after the ISO forms.
var rfcLayouts = []string{
	time.RFC1123Z, time.RFC1123, time.RFC850, time.RFC822Z, time.RFC822,
	"Mon, 2 Jan 2006 15:04:05 -0700", "Mon, 2 Jan 2006 15:04:05 MST",
	"Mon, 02 Jan 2006 15:04 -0700", "Mon Jan 2 15:04:05 MST 2006", time.ANSIC,
	"Mon Jan 02 2006 15:04:05 GMT-0700",
}

// ParseDate reads a date as publishers write it, in a machine layout
// ("2025-08-14T09:30:00Z", "Thu, 14 Aug 2025 09:30:00 GMT") or in words
// and figures in any of the languages extraction knows ("August 14,
// 2025 9:30 am EDT", "14. August 2025"), with the clock time after it
// when there is one; ok is false when s holds no date.
func ParseDate(s string) (model.Time, bool) { return parseDate(s) }

// parseDate reads a machine or visible date; ok is false when s holds none.
func parseDate(s string) (model.Time, bool) {
	s = strings.TrimSpace(s)
	if s == "" || len(s) > 200 {
		return model.Time{}, false
	}
	if t, ok := parseMachineDate(s); ok {
		return t, true
	}
	return findVisibleDate(s)
}

// parseMachineDate reads the layouts listed atop this file.
func parseMachineDate(s string) (model.Time, bool) {
	if m := isoDate.FindStringSubmatch(s); m != nil {
		return buildTime(m[1], m[2], m[3], m[4], m[5], m[6], m[7], m[8])
	}
	if m := isoBasic.FindStringSubmatch(s); m != nil {
		return buildTime(m[1], m[2], m[3], m[4], m[5], m[6], "", m[7])
	}
	if unixTime.MatchString(s) {
		n, err := strconv.ParseInt(s, 10, 64)
		if err != nil {
			return model.Time{}, false
		}
		if len(s) == 13 {
			n /= 1000
		}
		t := time.Unix(n, 0).UTC()
		if !plausibleYear(t.Year()) {
			return model.Time{}, false
		}
		return model.At(t), true
	}
	for _, layout := range rfcLayouts {
		if t, err := time.Parse(layout, s); err == nil && plausibleYear(t.Year()) {
			return model.At(fixZone(t)), true
		}
	}
	return model.Time{}, false
}

// zoneAbbrevs are the offsets, in hours, of zone abbreviations that news
// pages print and time.Parse cannot place. Ambiguous ones (IST, CST as
// China Standard Time) take their most common news-page reading.
var zoneAbbrevs = map[string]float64{
	"CET": 1, "CEST": 2, "MEZ": 1, "MESZ": 2, "EET": 2, "EEST": 3, "WET": 0, "WEST": 1,
	"BST": 1, "IST": 5.5, "MSK": 3, "EST": -5, "EDT": -4, "CST": -6, "CDT": -5,
	"MST": -7, "MDT": -6, "PST": -8, "PDT": -7, "AKST": -9, "AKDT": -8, "HST": -10,
	"JST": 9, "KST": 9, "HKT": 8, "SGT": 8, "AEST": 10, "AEDT": 11, "ACST": 9.5,
	"AWST": 8, "NZST": 12, "NZDT": 13, "SAST": 2, "CAT": 2, "EAT": 3, "WAT": 1, "PKT": 5,
}

// fixZone turns the zone time.Parse gave into a fixed offset: UTC for
// UTC, GMT and Z, the table's offset for an abbreviation time.Parse could
// only record with offset 0, and the parsed offset otherwise.
func fixZone(t time.Time) time.Time {
	name, off := t.Zone()
	if h, ok := zoneAbbrevs[name]; ok && off == 0 && name != "WET" {
		loc := time.FixedZone("", int(h*3600))
		return time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), t.Nanosecond(), loc)
	}
	if off == 0 {
		return t.UTC()
	}
	return t.In(time.FixedZone("", off))
}

func plausibleYear(y int) bool { return y >= 1990 && y <= 2100 }

// buildTime assembles a Time from matched parts; hour == "" gives a
// date-only Time and zone == "" a clock time taken as UTC.
func buildTime(year, month, day, hour, minute, second, frac, zone string) (model.Time, bool) {
	y, _ := strconv.Atoi(year)
	mo, _ := strconv.Atoi(month)
	d, _ := strconv.Atoi(day)
	if !validDate(y, mo, d) {
		return model.Time{}, false
	}
	if hour == "" {
		return model.Date(y, time.Month(mo), d), true
	}
	h, _ := strconv.Atoi(hour)
	mi, _ := strconv.Atoi(minute)
	sec, _ := strconv.Atoi(second)
	if h > 23 || mi > 59 || sec > 59 {
		return model.Time{}, false
	}
	ns := 0
	if frac != "" {
		f := (frac + "000000000")[:9]
		ns, _ = strconv.Atoi(f)
	}
	loc, ok := zoneOf(zone)
	if !ok {
		return model.Time{}, false
	}
	return model.At(time.Date(y, time.Month(mo), d, h, mi, sec, ns, loc)), true
}

func validDate(y, mo, d int) bool {
	if !plausibleYear(y) || mo < 1 || mo > 12 || d < 1 || d > 31 {
		return false
	}
	return time.Date(y, time.Month(mo), d, 0, 0, 0, 0, time.UTC).Day() == d
}

// zoneOf reads "Z", "UTC", "GMT", "+02", "+0200" or "+02:00".
func zoneOf(z string) (*time.Location, bool) {
	switch z {
	case "", "Z", "UTC", "GMT":
		return time.UTC, true
	}
	digits := strings.ReplaceAll(z[1:], ":", "")
	if len(digits) == 2 {
		digits += "00"
	}
	if len(digits) != 4 {
		return nil, false
	}
	h, _ := strconv.Atoi(digits[:2])
	m, _ := strconv.Atoi(digits[2:])
	if h > 14 || m > 59 {
		return nil, false
	}
	off := h*3600 + m*60
	if z[0] == '-' {
		off = -off
	}
	if off == 0 {
		return time.UTC, true
	}
	return time.FixedZone("", off), true
}

// Visible date patterns. A word is a run of letters; the month-name
// patterns are checked against monthNames after matching.
var (
	// 14. August 2025 / 14 de agosto de 2025 / 14 мая 2025 г.
	dayMonthYear = regexp.MustCompile(`(?i)\b(\d{1,2})(?:\.|er|st|nd|rd|th)?\s*(?:de\s+)?(\pL{3,12})\.?,?\s+(?:de\s+|del\s+)?(\d{4})\b`)
	// August 14, 2025 / Aug. 14 2025
	monthDayYear = regexp.MustCompile(`(?i)\b(\pL{3,12})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b`)
	// 14.08.2025 / 14/08/2025 / 14-08-2025
	numericDMY = regexp.MustCompile(`\b(\d{1,2})([./-])(\d{1,2})([./-])(\d{4})\b`)
	// 2025-08-14 / 2025/08/14 / 2025. 8. 14. / 2025年8月14日
	numericYMD = regexp.MustCompile(`\b(\d{4})(?:[-/]|\.\s?|年)(\d{1,2})(?:[-/]|\.\s?|月)(\d{1,2})(?:日|\b)`)
	// a clock time after the date: 09:30, 9.30 Uhr, 9:30 a.m., 15h47
	// and a zone after it: "2:23 PM EDT", "15:00 (GMT+2)", "09:30 UTC+02:00"
	clockTime = regexp.MustCompile(`(?i)^[^\d]{0,24}?(\d{1,2})(?:[:.h]|時)(\d{2})(?::(\d{2}))?\s*(a\.?m\.?|p\.?m\.?)?(?:\s*\(?(?-i:(?:GMT|UTC)\s*([+-])\s*(\d{1,2})(?::?(\d{2}))?|([A-Z]{2,5})\b))?`)
)

// findVisibleDate finds the first visible date in s, with the clock time
// written right after it when there is one.
func findVisibleDate(s string) (model.Time, bool) {
	type hit struct {
		at, end  int
		y, mo, d int
	}
	var best *hit
	bestClass := 0
	consider := func(h hit) {
		if !validDate(h.y, h.mo, h.d) {
			return
		}
		c := dateContext(s[max(0, h.at-40):h.at])
		if best == nil || c < bestClass || c == bestClass && h.at < best.at {
			best, bestClass = &h, c
		}
	}
	for _, m := range dayMonthYear.FindAllStringSubmatchIndex(s, 12) {
		if mon, ok := monthNames[strings.ToLower(s[m[4]:m[5]])]; ok {
			consider(hit{at: m[0], end: m[1], y: atoi(s[m[6]:m[7]]), mo: int(mon), d: atoi(s[m[2]:m[3]])})
		}
	}
	for _, m := range monthDayYear.FindAllStringSubmatchIndex(s, 12) {
		if mon, ok := monthNames[strings.ToLower(s[m[2]:m[3]])]; ok {
			consider(hit{at: m[0], end: m[1], y: atoi(s[m[6]:m[7]]), mo: int(mon), d: atoi(s[m[4]:m[5]])})
		}
	}
	for _, m := range numericYMD.FindAllStringSubmatchIndex(s, 12) {
		consider(hit{at: m[0], end: m[1], y: atoi(s[m[2]:m[3]]), mo: atoi(s[m[4]:m[5]]), d: atoi(s[m[6]:m[7]])})
	}
	for _, m := range numericDMY.FindAllStringSubmatchIndex(s, 12) {
		if s[m[4]:m[5]] != s[m[8]:m[9]] {
			continue // mixed separators: a range or a phone number
		}
		a, b := atoi(s[m[2]:m[3]]), atoi(s[m[6]:m[7]])
		d, mo := a, b
		if s[m[4]:m[5]] == "/" && b > 12 && a <= 12 {
			d, mo = b, a // US month/day
		}
		consider(hit{at: m[0], end: m[1], y: atoi(s[m[10]:m[11]]), mo: mo, d: d})
	}
	if best == nil {
		return model.Time{}, false
	}
	rest := s[best.end:]
	if c := clockTime.FindStringSubmatch(rest); c != nil {
		h, mi := atoi(c[1]), atoi(c[2])
		sec := 0
		if c[3] != "" {
			sec = atoi(c[3])
		}
		ampm := strings.ToLower(strings.ReplaceAll(c[4], ".", ""))
		if ampm == "pm" && h < 12 {
			h += 12
		} else if ampm == "am" && h == 12 {
			h = 0
		}
		if h <= 23 && mi <= 59 && sec <= 59 {
			return model.At(time.Date(best.y, time.Month(best.mo), best.d, h, mi, sec, 0, clockZone(c[8], c[5], c[6], c[7]))), true
		}
	}
	return model.Date(best.y, time.Month(best.mo), best.d), true
}

// Words before a visible date that say what it is: the publication
// (preferred) or an update, an expiry or a deadline (used last).
var (
	publishedCue = regexp.MustCompile(`(?i)\b(published|posted|veröffentlicht|erschienen|publié|publicado|pubblicato|gepubliceerd|publicerad|publiceret|publisert|opublikowano|publikováno|опубликовано|yayınlanma|erstellt|created|date)\W{0,6}(?:\pL+\W{1,3}){0,2}$`)
	otherCue     = regexp.MustCompile(`(?i)\b(updated|modified|aktualisiert|geändert|bis|until|verfügbar|available|mis à jour|actualizado|aggiornato|bijgewerkt|uppdaterad|opdateret|oppdatert|zaktualizowano|aktualizováno|обновлено|güncellenme)\W{0,6}(?:\pL+\W{1,3}){0,2}$`)
)

// dateContext classes the text just before a date: 0 for a publication
// cue, 1 for none, 2 for an update or expiry cue.
func dateContext(before string) int {
	switch {
	case publishedCue.MatchString(before):
		return 0
	case otherCue.MatchString(before):
		return 2
	}
	return 1
}

// clockZone reads the zone written after a clock time: an abbreviation
// or a GMT/UTC offset. Without one, or with an unknown abbreviation, the
// time is taken as UTC.
func clockZone(abbrev, sign, hours, minutes string) *time.Location {
	if abbrev != "" {
		if h, ok := zoneAbbrevs[abbrev]; ok {
			return time.FixedZone("", int(h*3600))
		}
		return time.UTC
	}
	if sign == "" {
		return time.UTC
	}
	off := atoi(hours)*3600 + max(0, atoi(minutes))*60
	if off > 14*3600 {
		return time.UTC
	}
	if sign == "-" {
		off = -off
	}
	if off == 0 {
		return time.UTC
	}
	return time.FixedZone("", off)
}

func atoi(s string) int {
	n, err := strconv.Atoi(s)
	if err != nil {
		return -1
	}
	return n
}
