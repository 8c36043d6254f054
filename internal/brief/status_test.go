package brief

import (
	"strings"
	"testing"
	"time"

	"github.com/storydesk/storydesk/internal/model"
)

// TestRowStatus judges rows written from a rail strike story, reported on
// Wednesday 2024-05-08 (a date alone) or at 09:00 UTC that day.
func TestRowStatus(t *testing.T) {
	day := model.Date(2024, time.May, 8)
	morning := model.At(time.Date(2024, 5, 8, 9, 0, 0, 0, time.UTC))
	cases := []struct {
		name string
		when string
		text string
		ref  model.Time
		want string
	}{
		{"day before", "2024-05-07", "Drivers will walk out on Tuesday.", day, StatusPast},
		{"day after", "2024-05-09", "Drivers walked out on Thursday.", day, StatusScheduled},
		{"range ended before", "2024-05-04/2024-05-05", "Talks broke down at the weekend.", day, StatusPast},
		{"range still running", "2024-05-06/2024-05-12", "The union is set to hold more talks this week.", day, StatusScheduled},
		{"same day, said", "2024-05-08", "The union on Wednesday said drivers will strike next month.", day, StatusPast},
		{"same day, set to", "2024-05-08", "Drivers are set to walk out on Wednesday evening, the union said.", day, StatusScheduled},
		{"same day, due to", "2024-05-08", "The minister is due to meet union leaders today.", day, StatusScheduled},
		{"same day, expected", "2024-05-08", "A ruling is expected on Wednesday.", day, StatusScheduled},
		{"same day, past tense", "2024-05-08", "Police closed the station on Wednesday.", day, StatusPast},
		{"clock time later", "2024-05-08T18:00+00:00", "The rally began at 6pm.", morning, StatusScheduled},
		{"clock time earlier", "2024-05-08T07:30+00:00", "The first trains will leave at 7.30am.", morning, StatusPast},
		{"no date, modal", "2024-05-10", "The union said on Monday it would strike on Friday.", model.Time{}, StatusScheduled},
		{"no date, past", "2024-05-06", "The union said on Monday it would strike on Friday.", model.Time{}, StatusPast},
		{"no cue at all", "2024-05-08", "A strike on Wednesday.", day, StatusPast},
		// Undated reports: a present tense with a named day is an arrangement.
		{"no date, progressive", "2024-05-13", "The delegation is travelling to Geneva on Monday.", model.Time{}, StatusScheduled},
		{"no date, participle", "2024-05-13", "Negotiators heading to Geneva on Monday hope for a deal.", model.Time{}, StatusScheduled},
		{"no date, present -s", "2024-05-14", "The prime minister meets union leaders on Tuesday.", model.Time{}, StatusScheduled},
		{"no date, name and -s", "2024-05-14", "Starling hosts the summit on Tuesday.", model.Time{}, StatusScheduled},
		{"no date, plural subject", "2024-05-16", "Ministers travel to Brussels on Thursday for the vote.", model.Time{}, StatusScheduled},
		{"no date, past progressive", "2024-05-13", "The delegation was heading to Geneva on Monday when the talks collapsed.", model.Time{}, StatusPast},
		{"no date, plural noun", "2024-05-13", "The talks on Monday ended without a deal.", model.Time{}, StatusPast},
		{"no date, possessive noun", "2024-05-13", "Monday's meetings drew large crowds.", model.Time{}, StatusPast},
		{"no date, past beside present", "2024-05-12", "Ministers, who meet again next week, agreed the text on Sunday.", model.Time{}, StatusPast},
		{"dated, present on the day", "2024-05-08", "The mayor opens the new bridge on Wednesday.", day, StatusPast},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			row := model.TimelineRow{When: c.when, Text: c.text}
			if got := rowStatus(row, c.ref); got != c.want {
				t.Errorf("rowStatus(%q, %q, ref %s) = %q, want %q", c.when, c.text, c.ref, got, c.want)
			}
		})
	}
}

// TestBuildStatus checks that Build judges a row against the article whose
// sentence it gives, not the other articles it cites.
func TestBuildStatus(t *testing.T) {
	arts := []model.Article{
		{ID: "early", Outlet: "Valley Post", Published: model.Date(2024, time.May, 6)},
		{ID: "late", Outlet: "Metro Desk", Published: model.Date(2024, time.May, 10)},
	}
	vote := "The board will vote on the budget on Wednesday."
	facts := []model.Fact{{Text: vote, Sources: []string{"early", "late"},
		Support: []model.Support{{Article: "early", Text: vote}, {Article: "late", Text: "The board voted on the budget on Wednesday."}}}}
	rows := []model.TimelineRow{
		{When: "2024-05-08", Text: vote, Articles: []string{"early", "late"}},
		{When: "2024-05-08", Text: "The board passed the budget.", Articles: []string{"late"}},
		{When: "2024-05-09", Text: "Set elsewhere.", Articles: []string{"late"}, Status: StatusScheduled},
	}
	b := Build([]Story{{ID: "s", Articles: arts, Facts: facts, Timeline: rows}})
	var got []string
	for _, r := range b.Stories[0].Timeline {
		got = append(got, r.Status)
	}
	if want := "scheduled past scheduled"; strings.Join(got, " ") != want {
		t.Errorf("statuses %q, want %q", strings.Join(got, " "), want)
	}
}
