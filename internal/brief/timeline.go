package brief

import (
	"fmt"
	"html/template"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/storydesk/storydesk/internal/model"
)

// parts of the day in TIMEX3 values ("2025-08-13TAF") and how a reader
// says them.
var partsOfDay = map[string]string{
	"MO": "morning", "MI": "midday", "AF": "afternoon", "EV": "evening", "NI": "night", "DT": "daytime",
}

// timelineDay is a day (or span of days) of the timeline with the rows
// that fall on it.
type timelineDay struct {
	Key       string
	Label     string
	Published bool
	Rows      []timelineRow
}

// timelineRow is a row as the renderers show it: the same text given at
// several moments of one day appears once, with every moment in At.
type timelineRow struct {
	model.TimelineRow
	At string
}

// dayKey is the calendar part of a TIMEX3 value: its date, or both dates
// of a range.
func dayKey(v string) string {
	if a, b, ok := strings.Cut(v, "/"); ok && len(a) >= 10 && len(b) >= 10 {
		return a[:10] + "/" + b[:10]
	}
	if len(v) >= 10 {
		return v[:10]
	}
	return v
}

// dayLabel reads a dayKey: "Thu 14 Aug 2025", "9–10 Aug 2025"; a value
// it cannot read is given as it is.
func dayLabel(key string) string {
	a, b, isRange := strings.Cut(key, "/")
	ta, err := time.Parse(time.DateOnly, a)
	if err != nil {
		return key
	}
	if !isRange {
		return ta.Format("Mon 2 Jan 2006")
	}
	tb, err := time.Parse(time.DateOnly, b)
	switch {
	case err != nil:
		return key
	case ta.Year() != tb.Year():
		return ta.Format("2 Jan 2006") + " – " + tb.Format("2 Jan 2006")
	case ta.Month() != tb.Month():
		return ta.Format("2 Jan") + " – " + tb.Format("2 Jan 2006")
	}
	return ta.Format("2") + "–" + tb.Format("2 Jan 2006")
}

// shortDay is a dayKey as a chart label: "14 Aug", "9–10 Aug".
func shortDay(key string) string {
	a, b, isRange := strings.Cut(key, "/")
	ta, err := time.Parse(time.DateOnly, a)
	if err != nil {
		return key
	}
	if tb, err := time.Parse(time.DateOnly, b); isRange && err == nil {
		if ta.Month() == tb.Month() {
			return ta.Format("2") + "–" + tb.Format("2 Jan")
		}
		return ta.Format("2 Jan") + "–" + tb.Format("2 Jan")
	}
	return ta.Format("2 Jan")
}

// momentLabel is the part of a TIMEX3 value finer than its day: "11:30
// (UTC−08:00)", "afternoon"; empty for a bare date or a range.
func momentLabel(v string) string {
	if strings.Contains(v, "/") || len(v) <= 11 || v[10] != 'T' {
		return ""
	}
	rest := v[11:]
	if p, ok := partsOfDay[rest]; ok {
		return p
	}
	if t, ok := instant(v); ok {
		_, off := t.Zone()
		if off == 0 {
			return t.Format("15:04") + " (UTC)"
		}
		return t.Format("15:04") + " (UTC" + strings.Replace(t.Format("-07:00"), "-", "−", 1) + ")"
	}
	if len(rest) >= 5 && rest[2] == ':' {
		return rest[:5]
	}
	return rest
}

// instant reads a TIMEX3 value with a clock time and a zone.
func instant(v string) (time.Time, bool) {
	for _, layout := range []string{"2006-01-02T15:04Z07:00", "2006-01-02T15:04:05Z07:00"} {
		if t, err := time.Parse(layout, v); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

// timelineDays groups rows by day (or span of days) in calendar order.
// Within a day a text appears once, with the moments it was given at;
// the same instant given in two zones is one moment showing both clocks
// ("11:30 (UTC−08:00) = 20:30 (UTC+01:00)"), on the day of the first.
// A sentence placed on several days is trimmed on the days named only in
// a subordinate clause (clauseTexts). published holds the days on which
// the story's articles came out.
func timelineDays(rows []model.TimelineRow, published map[string]bool) []timelineDay {
	texts, byMain := clauseTexts(rows)
	type item struct {
		row     model.TimelineRow
		orig    string
		main    bool
		key, at string
		when    time.Time
		clock   bool
	}
	items := make([]item, 0, len(rows))
	for i, r := range rows {
		it := item{row: r, orig: r.Text, main: byMain[i], key: dayKey(r.When), at: momentLabel(r.When)}
		it.row.Text = texts[i]
		it.when, it.clock = instant(r.When)
		merged := false
		for k := range items {
			o := &items[k]
			if it.clock && o.clock && o.orig == it.orig && o.when.Equal(it.when) {
				if !slices.Contains(strings.Split(o.at, " = "), it.at) {
					o.at += " = " + it.at
				}
				merged = true
				break
			}
		}
		if !merged {
			items = append(items, it)
		}
	}
	var days []timelineDay
	type source struct {
		orig string
		main bool
	}
	var shown [][]source // per day, the sentence each row stands for
	index := make(map[string]int)
	for _, it := range items {
		k, ok := index[it.key]
		if !ok {
			k = len(days)
			index[it.key] = k
			days = append(days, timelineDay{Key: it.key, Label: dayLabel(it.key), Published: published[it.key]})
			shown = append(shown, nil)
		}
		d := &days[k]
		merged := false
		for i := range d.Rows {
			r := &d.Rows[i]
			src := &shown[k][i]
			if src.orig != it.orig {
				continue
			}
			// The sentence shown whole by its main clause stays whole;
			// else a part it was trimmed to for this day stands for it.
			switch {
			case it.main && !src.main:
				r.Text, src.main = it.orig, true
			case !src.main && r.Text == it.orig:
				r.Text = it.row.Text
			}
			if it.at != "" && !slices.Contains(strings.Split(r.At, " · "), it.at) {
				r.At = strings.TrimPrefix(r.At+" · "+it.at, " · ")
			}
			for _, id := range it.row.Articles {
				if !slices.Contains(r.Articles, id) {
					r.Articles = append(slices.Clip(r.Articles), id)
				}
			}
			merged = true
			break
		}
		if !merged {
			d.Rows = append(d.Rows, timelineRow{TimelineRow: it.row, At: it.at})
			shown[k] = append(shown[k], source{it.orig, it.main})
		}
	}
	sort.SliceStable(days, func(i, j int) bool { return dayBefore(days[i].Key, days[j].Key) })
	return days
}

// publishedDays holds the days on which the story's own articles (not the
// ones a page carries inside it) came out.
func publishedDays(arts []model.ArticleRef) map[string]bool {
	published := make(map[string]bool)
	for _, a := range arts {
		if !a.Published.IsZero() && a.EmbeddedIn == "" {
			published[a.Published.Day()] = true
		}
	}
	return published
}

// dayBefore orders day keys by their first day, a day before a span that
// starts on it, then a shorter span first.
func dayBefore(a, b string) bool {
	sa, sb := a[:min(len(a), 10)], b[:min(len(b), 10)]
	if sa != sb {
		return sa < sb
	}
	if len(a) != len(b) {
		return len(a) < len(b)
	}
	return a < b
}

// timelineSVG draws one mark per day (or span of days) on a line: filled
// when the day's events had happened as reported, hollow and dashed when
// they were scheduled, both when the day holds both, larger with more
// events; a dashed upright marks the days the articles came out.
func timelineSVG(groups []timelineDay, published map[string]bool) template.HTML {
	type day struct {
		key             string
		past, scheduled int
	}
	days := make([]day, 0, len(groups))
	for _, g := range groups {
		d := day{key: g.Key}
		for _, r := range g.Rows {
			if r.Status == StatusScheduled {
				d.scheduled++
			} else {
				d.past++
			}
		}
		days = append(days, d)
	}
	if len(days) == 0 {
		return ""
	}
	const pad, gap, axis = 44, 92, 50
	width := max(320, min(760, 2*pad+gap*(len(days)-1)))
	step := 0.0
	if len(days) > 1 {
		step = float64(width-2*pad) / float64(len(days)-1)
	}
	xOf := func(i int) float64 {
		if len(days) == 1 {
			return float64(width) / 2
		}
		return float64(pad) + step*float64(i)
	}
	var b strings.Builder
	fmt.Fprintf(&b, `<svg class="timeline" viewBox="0 0 %d 90" width="%d" role="img" aria-label="timeline: %d days">`, width, width, len(days))
	fmt.Fprintf(&b, `<line x1="%d" y1="%d" x2="%d" y2="%d" stroke="#999"/>`, pad-20, axis, width-pad+20, axis)
	// Publication days: on a day mark when one, else between its neighbours.
	pubs := make([]string, 0, len(published))
	for pub := range published {
		pubs = append(pubs, pub)
	}
	sort.Strings(pubs)
	for _, pub := range pubs {
		x, found := -1.0, false
		for i, d := range days {
			switch {
			case d.key == pub:
				x, found = xOf(i), true
			case !found && d.key[:min(10, len(d.key))] > pub && x < 0:
				x = xOf(i) - step/2
				if i == 0 {
					x = xOf(0) - 22
				}
			}
		}
		if x < 0 {
			x = xOf(len(days)-1) + min(step/2, 22)
		}
		fmt.Fprintf(&b, `<line class="published" x1="%.0f" y1="14" x2="%.0f" y2="%d" stroke="#777" stroke-dasharray="3 3"><title>published %s</title></line>`, x, x, axis+14, template.HTMLEscapeString(pub))
		fmt.Fprintf(&b, `<text x="%.0f" y="10" text-anchor="middle" font-size="11" fill="#555">published</text>`, x)
	}
	for i, d := range days {
		x := xOf(i)
		n := d.past + d.scheduled
		r := 5 + min(n, 7)
		title := fmt.Sprintf("%s: %d past, %d scheduled", dayLabel(d.key), d.past, d.scheduled)
		switch {
		case d.scheduled == 0:
			fmt.Fprintf(&b, `<circle class="past" cx="%.0f" cy="%d" r="%d" fill="#1f5fa8"><title>%s</title></circle>`, x, axis, r, template.HTMLEscapeString(title))
		case d.past == 0:
			fmt.Fprintf(&b, `<circle class="scheduled" cx="%.0f" cy="%d" r="%d" fill="#fff" stroke="#a35a00" stroke-width="2" stroke-dasharray="3 2"><title>%s</title></circle>`, x, axis, r, template.HTMLEscapeString(title))
		default:
			fmt.Fprintf(&b, `<circle class="scheduled" cx="%.0f" cy="%d" r="%d" fill="#fff" stroke="#a35a00" stroke-width="2" stroke-dasharray="3 2"/>`, x, axis, r+4)
			fmt.Fprintf(&b, `<circle class="past" cx="%.0f" cy="%d" r="%d" fill="#1f5fa8"><title>%s</title></circle>`, x, axis, r-1, template.HTMLEscapeString(title))
		}
		fmt.Fprintf(&b, `<text x="%.0f" y="%d" text-anchor="middle" font-size="12">%s</text>`, x, axis+32, template.HTMLEscapeString(shortDay(d.key)))
	}
	b.WriteString(`</svg>`)
	return template.HTML(b.String())
}
