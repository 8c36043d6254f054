package brief

import (
	"strings"
	"testing"

	"github.com/storydesk/storydesk/internal/model"
)

func TestTimelineLabels(t *testing.T) {
	for _, c := range []struct{ when, day, short, moment string }{
		{"2024-05-08", "Wed 8 May 2024", "8 May", ""},
		{"2024-05-08TAF", "Wed 8 May 2024", "8 May", "afternoon"},
		{"2024-05-08T18:30-05:00", "Wed 8 May 2024", "8 May", "18:30 UTC−05:00"},
		{"2024-05-08T07:00Z", "Wed 8 May 2024", "8 May", "07:00 UTC"},
		{"2024-05-04/2024-05-05", "4–5 May 2024", "4–5 May", ""},
		{"2024-04-30/2024-05-02", "30 Apr – 2 May 2024", "30 Apr–2 May", ""},
		{"2024-W19", "2024-W19", "2024-W19", ""},
	} {
		key := dayKey(c.when)
		if got := dayLabel(key); got != c.day {
			t.Errorf("dayLabel(%q) = %q, want %q", key, got, c.day)
		}
		if got := shortDay(key); got != c.short {
			t.Errorf("shortDay(%q) = %q, want %q", key, got, c.short)
		}
		if got := momentLabel(c.when); got != c.moment {
			t.Errorf("momentLabel(%q) = %q, want %q", c.when, got, c.moment)
		}
	}
}

// TestTimelineDays groups rows of a flood story by day and merges the same
// line given at two moments of one day.
func TestTimelineDays(t *testing.T) {
	rows := []model.TimelineRow{
		{When: "2024-05-07", Text: "The river burst its banks.", Status: StatusPast},
		{When: "2024-05-08", Text: "Evacuations will start at noon.", Status: StatusScheduled},
		{When: "2024-05-08T12:00+01:00", Text: "Evacuations will start at noon.", Status: StatusScheduled},
		{When: "2024-05-08T12:00Z", Text: "Evacuations will start at noon.", Status: StatusScheduled},
		{When: "2024-05-08", Text: "Schools closed.", Status: StatusPast},
	}
	days := timelineDays(rows, map[string]bool{"2024-05-08": true})
	var got []string
	for _, d := range days {
		line := d.Label
		if d.Published {
			line += " (published)"
		}
		for _, r := range d.Rows {
			line += " | " + r.Status + " " + r.At + " " + r.Text
		}
		got = append(got, line)
	}
	want := []string{
		"Tue 7 May 2024 | past  The river burst its banks.",
		"Wed 8 May 2024 (published) | scheduled 12:00 UTC+01:00 · 12:00 UTC Evacuations will start at noon. | past  Schools closed.",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("days:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}

	svg := string(timelineSVG(rows, map[string]bool{"2024-05-08": true}))
	for _, s := range []string{`class="past"`, `class="scheduled"`, `class="published"`, ">7 May<", ">8 May<"} {
		if !strings.Contains(svg, s) {
			t.Errorf("timeline SVG lacks %q:\n%s", s, svg)
		}
	}
}
