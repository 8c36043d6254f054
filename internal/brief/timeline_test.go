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
		{"2024-05-08T18:30-05:00", "Wed 8 May 2024", "8 May", "18:30 (UTC−05:00)"},
		{"2024-05-08T07:00Z", "Wed 8 May 2024", "8 May", "07:00 (UTC)"},
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
		"Wed 8 May 2024 (published) | scheduled 12:00 (UTC+01:00) · 12:00 (UTC) Evacuations will start at noon. | past  Schools closed.",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("days:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}

	svg := string(timelineSVG(days, map[string]bool{"2024-05-08": true}))
	for _, s := range []string{`class="past"`, `class="scheduled"`, `class="published"`, ">7 May<", ">8 May<"} {
		if !strings.Contains(svg, s) {
			t.Errorf("timeline SVG lacks %q:\n%s", s, svg)
		}
	}
}

// TestTimelineDaysMerge checks the rows of an election night story: one
// instant given in two zones is one moment even across midnight, a span of
// days sorts after the day it starts on, and a sentence placed on two days
// is shown whole on the day of its main clause and trimmed to its
// relative clause on the other.
func TestTimelineDaysMerge(t *testing.T) {
	polls := "Polls close at 20:00 in New York, 01:00 in London."
	ruiz := "Ana Ruiz, who will concede on Thursday, voted on Tuesday in Albany."
	rows := []model.TimelineRow{
		{When: "2024-11-05", Text: "Voting began.", Status: StatusPast},
		{When: "2024-11-05", Text: ruiz, Status: StatusPast},
		{When: "2024-11-05/2024-11-06", Text: "Counting ran through the night.", Status: StatusPast},
		{When: "2024-11-05T10:00-05:00", Text: "Turnout passed a third.", Status: StatusPast},
		{When: "2024-11-05T20:00-05:00", Text: polls, Status: StatusScheduled},
		{When: "2024-11-06T01:00Z", Text: polls, Status: StatusScheduled},
		{When: "2024-11-07", Text: ruiz, Status: StatusScheduled},
	}
	var got []string
	for _, d := range timelineDays(rows, nil) {
		line := d.Label
		for _, r := range d.Rows {
			line += " | " + r.At + " " + r.Text
		}
		got = append(got, line)
	}
	want := []string{
		"Tue 5 Nov 2024 |  Voting began. |  " + ruiz + " | 10:00 (UTC−05:00) Turnout passed a third. | 20:00 (UTC−05:00) = 01:00 (UTC) " + polls,
		"5–6 Nov 2024 |  Counting ran through the night.",
		"Thu 7 Nov 2024 |  Ana Ruiz, who will concede on Thursday…",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("days:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestClauseTexts trims sentences placed on several days to the clause
// that names each day, when another row places the sentence by its main
// clause.
func TestClauseTexts(t *testing.T) {
	cases := []struct {
		name string
		rows []model.TimelineRow
		want []string
	}{
		{"relative clause with its noun",
			[]model.TimelineRow{
				{When: "2023-03-02", Text: "The ferry, which resumes sailing on Monday, ran aground on Thursday."},
				{When: "2023-03-06", Text: "The ferry, which resumes sailing on Monday, ran aground on Thursday."},
			},
			[]string{"The ferry, which resumes sailing on Monday, ran aground on Thursday.", "The ferry, which resumes sailing on Monday…"}},
		{"trailing phrase",
			[]model.TimelineRow{
				{When: "2023-03-02", Text: "Divers reached the hull on Thursday, a day after the storm."},
				{When: "2023-03-01", Text: "Divers reached the hull on Thursday, a day after the storm."},
			},
			[]string{"Divers reached the hull on Thursday, a day after the storm.", "Divers reached the hull on Thursday, a day after the storm."}},
		{"subordinate clause at the end",
			[]model.TimelineRow{
				{When: "2023-03-02", Text: "Divers reached the hull on Thursday, after the storm eased on Wednesday."},
				{When: "2023-03-01", Text: "Divers reached the hull on Thursday, after the storm eased on Wednesday."},
			},
			[]string{"Divers reached the hull on Thursday, after the storm eased on Wednesday.", "… after the storm eased on Wednesday."}},
		{"fronted phrase belongs to the main clause",
			[]model.TimelineRow{
				{When: "2023-03-01", Text: "On Wednesday, the port closed, while crews prepared for Friday's reopening."},
				{When: "2023-03-03", Text: "On Wednesday, the port closed, while crews prepared for Friday's reopening."},
			},
			[]string{"On Wednesday, the port closed, while crews prepared for Friday's reopening.", "… while crews prepared for Friday's reopening."}},
		{"no main clause row keeps the sentence",
			[]model.TimelineRow{
				{When: "2023-03-01", Text: "The captain, who sailed on Wednesday, resigned, saying the ship was unsafe for Friday's trip."},
				{When: "2023-03-03", Text: "The captain, who sailed on Wednesday, resigned, saying the ship was unsafe for Friday's trip."},
			},
			[]string{"The captain, who sailed on Wednesday, resigned, saying the ship was unsafe for Friday's trip.", "The captain, who sailed on Wednesday, resigned, saying the ship was unsafe for Friday's trip."}},
		{"speech: the day said about leaves out the day of saying",
			[]model.TimelineRow{
				{When: "2023-03-06", Text: "The port authority on Monday said the ferry will sail again on Friday."},
				{When: "2023-03-10", Text: "The port authority on Monday said the ferry will sail again on Friday."},
			},
			[]string{"The port authority on Monday said the ferry will sail again on Friday.", "The port authority … said the ferry will sail again on Friday."}},
		{"speech: day after the verb",
			[]model.TimelineRow{
				{When: "2023-03-07", Text: "Officials said Tuesday morning the bridge would reopen on Saturday."},
				{When: "2023-03-11", Text: "Officials said Tuesday morning the bridge would reopen on Saturday."},
			},
			[]string{"Officials said Tuesday morning the bridge would reopen on Saturday.", "Officials said … the bridge would reopen on Saturday."}},
		{"no speech verb keeps both",
			[]model.TimelineRow{
				{When: "2023-03-06", Text: "The board met on Monday and voted on Friday."},
				{When: "2023-03-10", Text: "The board met on Monday and voted on Friday."},
			},
			[]string{"The board met on Monday and voted on Friday.", "The board met on Monday and voted on Friday."}},
		{"one day only",
			[]model.TimelineRow{{When: "2023-03-03", Text: "The ferry, which sank on Friday, was old."}},
			[]string{"The ferry, which sank on Friday, was old."}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, _ := clauseTexts(c.rows)
			for i := range c.want {
				if got[i] != c.want[i] {
					t.Errorf("row %d (%s) of %q:\ngot  %q\nwant %q", i, c.rows[i].When, c.rows[i].Text, got[i], c.want[i])
				}
			}
		})
	}
}

// TestTimelineDaysSpeech checks that the rows of one reported-speech
// sentence on the day said about, one dated by the day and one by the
// clock, make one row without the day of saying.
func TestTimelineDaysSpeech(t *testing.T) {
	text := "The club on Monday said the parade will start at 2pm on Saturday."
	rows := []model.TimelineRow{
		{When: "2023-06-05", Text: text, Status: StatusPast},
		{When: "2023-06-10", Text: text, Status: StatusScheduled},
		{When: "2023-06-10T14:00+01:00", Text: text, Status: StatusScheduled},
	}
	var got []string
	for _, d := range timelineDays(rows, nil) {
		for _, r := range d.Rows {
			got = append(got, d.Label+" | "+r.At+" | "+r.Text)
		}
	}
	want := []string{
		"Mon 5 Jun 2023 |  | " + text,
		"Sat 10 Jun 2023 | 14:00 (UTC+01:00) | The club … said the parade will start at 2pm on Saturday.",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("rows:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
