package annotate

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/storydesk/storydesk/internal/model"
)

// Cases written from wire copy and broadcast transcripts (not the seeds),
// all against Thursday 14 August 2025 unless the case says otherwise.
func TestFindTimes(t *testing.T) {
	thu := time.Date(2025, 8, 14, 0, 0, 0, 0, time.UTC)
	cases := []struct {
		name string
		ref  time.Time
		in   string
		want []string // "text|TYPE|value|mod"
	}{
		{"last week", thu, "The storm hit the coast last week, officials said.", []string{"last week|DATE|2025-W32|"}},
		{"past 24 hours", thu, "Over the past 24 hours, rescuers pulled 12 people from the rubble.", []string{"the past 24 hours|DURATION|PT24H|"}},
		{"this fall", thu, "The company plans to hire more staff this fall.", []string{"this fall|DATE|2025-FA|"}},
		{"weekday night", thu, "Protesters gathered outside the capitol Tuesday night.", []string{"Tuesday night|TIME|2025-08-12TNI|"}},
		{"earlier weekday", thu, "Earlier Monday, the senator said she would vote no.", []string{"Earlier Monday|DATE|2025-08-11|"}},
		{"wire date", thu, "The report was released on Aug. 14.", []string{"on Aug. 14|DATE|2025-08-14|"}},
		{"wire date with year", thu, "The deal was signed Aug 14, 2025, in Geneva.", []string{"Aug 14, 2025|DATE|2025-08-14|"}},
		{"day month", thu, "Voting closes on 14 August.", []string{"on 14 August|DATE|2025-08-14|"}},
		{"mid month", thu, "Talks are expected to resume in mid-September.", []string{"in mid-September|DATE|2025-09|MID"}},
		{"decade", thu, "Inflation last reached that level in the 1990s.", []string{"1990s|DATE|199|"}},
		{"future monday", thu, "The minister will meet his counterpart on Monday.", []string{"on Monday|DATE|2025-08-18|"}},
		{"past monday", thu, "The minister met his counterpart on Monday.", []string{"on Monday|DATE|2025-08-11|"}},
		{"next friday", thu, "Lawmakers return Friday.", []string{"Friday|DATE|2025-08-15|"}},
		{"tomorrow possessive", thu, "Tomorrow's vote is seen as a test.", []string{"Tomorrow's|DATE|2025-08-15|"}},
		{"yesterday", thu, "Yesterday, the central bank raised rates.", []string{"Yesterday|DATE|2025-08-13|"}},
		{"clock gmt", thu, "The ceasefire is due to take effect at 8pm GMT.", []string{"8pm GMT|TIME|2025-08-14T20:00Z|"}},
		{"clock et with day", thu, "The launch is set for 9:15 a.m. ET on Friday.", []string{"9:15 a.m. ET on Friday|TIME|2025-08-15T09:15-04:00|"}},
		{"local time from place", thu, "Doors open at 10:00 local time in Tokyo.", []string{"10:00 local time|TIME|2025-08-14T10:00+09:00|"}},
		{"london winter", time.Date(2025, 1, 9, 0, 0, 0, 0, time.UTC), "The vote closes at 5pm UK time.", []string{"5pm UK time|TIME|2025-01-09T17:00Z|"}},
		{"next month", thu, "The court will sit again next month.", []string{"next month|DATE|2025-09|"}},
		{"earlier this month", thu, "Unemployment rose earlier this month.", []string{"earlier this month|DATE|2025-08|"}},
		{"for weeks", thu, "The agency has been monitoring the volcano for weeks.", []string{"for weeks|DURATION|PXW|"}},
		{"recent months", thu, "Prices have climbed in recent months.", []string{"in recent months|DURATION|PXM|"}},
		{"every week", thu, "The paper prints a supplement every week.", []string{"every week|SET|P1W|"}},
		{"duration and ago", thu, "He was jailed for three years two weeks ago.", []string{"three years|DURATION|P3Y|", "two weeks ago|DATE|2025-W31|"}},
		{"hours", thu, "Rescuers searched for 36 hours.", []string{"36 hours|DURATION|PT36H|"}},
		{"age as duration", thu, "The 18-month-old girl was found safe.", []string{"18-month-old|DURATION|P18M|"}},
		{"half year", thu, "the 2 1/2-year-old conflict", []string{"2 1/2-year-old|DURATION|P2Y6M|APPROX"}},
		{"month year", thu, "The vote happened in September 2022.", []string{"in September 2022|DATE|2022-09|"}},
		{"last night", thu, "Officials said the fire began last night.", []string{"last night|TIME|2025-08-13TNI|"}},
		{"last year", thu, "The company reported a loss last year.", []string{"last year|DATE|2024|"}},
		{"within", thu, "The truce expires within 48 hours.", []string{"within 48 hours|DURATION|PT48H|LESS_THAN"}},
		{"days later", thu, "The pair met on Tuesday and signed the accord two days later.", []string{"on Tuesday|DATE|2025-08-12|", "two days later|DATE|2025-08-14|"}},
		{"in month past", thu, "The mayor took office in January.", []string{"in January|DATE|2025-01|"}},
		{"in month future", thu, "The new law will take effect in January.", []string{"in January|DATE|2026-01|"}},
		{"weekend past", thu, "Over the weekend, the rebels seized the airport.", []string{"Over the weekend|DATE|2025-08-09/2025-08-10|"}},
		{"weekend future", thu, "Crowds will gather at the weekend.", []string{"at the weekend|DATE|2025-08-16/2025-08-17|"}},
		{"event anchored", thu, "Friday's summit will be short. Two days before the summit, aides met.", []string{"Friday's|DATE|2025-08-15|", "Two days before the summit|DATE|2025-08-13|"}},
		{"eve", thu, "On the eve of Friday's summit, markets fell.", []string{"On the eve of Friday's summit|DATE|2025-08-14|"}},
		{"year", thu, "the 2016 election", []string{"2016|DATE|2016|"}},
		{"iso date", thu, "Filed 2024-11-05 in court.", []string{"2024-11-05|DATE|2024-11-05|"}},
		{"quarter", thu, "Profits fell last quarter.", []string{"last quarter|DATE|2025-Q2|"}},
		{"in its nth year", thu, "a war now in its fourth year", []string{"now in its fourth year|DURATION|P3Y|MORE_THAN"}},
		{"quoted today", thu, "He spoke on Tuesday. \"We agreed today,\" he said.", []string{"on Tuesday|DATE|2025-08-12|", "today|DATE|2025-08-12|"}},
		{"coming weeks", thu, "Talks will resume in the coming weeks.", []string{"the coming weeks|DURATION|PXW|"}},
		{"previous year", thu, "Sales had doubled the previous year.", []string{"the previous year|DATE|2024|"}},
		{"several days", thu, "The search lasted several days.", []string{"several days|DURATION|PXD|"}},
		{"third quarter", thu, "Profit rose in the third quarter.", []string{"third quarter|DATE|2025-Q3|"}},
		{"noon", thu, "The polls close at noon ET.", []string{"noon ET|TIME|2025-08-14T12:00-04:00|"}},
		{"early year", thu, "The plant opened in early 2019.", []string{"in early 2019|DATE|2019|START"}},
		{"mid decade", thu, "Prices peaked in the mid-1990s.", []string{"mid-1990s|DATE|199|MID"}},
		{"possessive month", thu, "Last month's figures were revised.", []string{"Last month's|DATE|2025-07|"}},
		{"late last year", thu, "Prices rose late last year.", []string{"late last year|DATE|2024|END"}},
		{"clock then weekday", thu, "Polls close at 8pm Tuesday.", []string{"8pm Tuesday|TIME|2025-08-12T20:00|"}},
		{"years earlier", thu, "He left in 2019, and returned two years later.", []string{"in 2019|DATE|2019|", "two years later|DATE|2021|"}},
		{"end of year", thu, "The plant will close by the end of the year.", []string{"by the end of the year|DATE|2025|END"}},
		{"start of month", thu, "Fighting resumed at the start of March.", []string{"the start of March|DATE|2025-03|START"}},
		{"end of next year", thu, "Troops leave at the end of next year.", []string{"the end of next year|DATE|2026|END"}},
		{"current quarter", thu, "Sales will rise in the current quarter.", []string{"current quarter|DATE|2025-Q3|"}},
		{"quarter of year", thu, "Sales should recover by the end of the first quarter of 1990.", []string{"by the end of the first quarter of 1990|DATE|1990-Q1|END"}},
		{"mid year", thu, "A truce collapsed in mid-1989.", []string{"in mid-1989|DATE|1989|MID"}},
		{"the season", thu, "The law will take effect in the spring. Fighting eased in the fall of 2022.", []string{"in the spring|DATE|2026-SP|", "in the fall of 2022|DATE|2022-FA|"}},
		{"weekday names", thu, "He told the Sunday Times that Black Friday sales fell.", nil},
		{"few hours ago", thu, "Just a few hours ago, the team arrived.", []string{"few hours ago|DATE|PAST_REF|"}},
		{"weekday across comma", thu, "The dollar finished at 142.75 yen, up from 141.60 late Friday.", []string{"late Friday|DATE|2025-08-08|"}},
		{"rate not clock", thu, "The yield fell to 7.95% from 8.02 on Wednesday.", []string{"on Wednesday|DATE|2025-08-13|"}},
		{"hours ago", thu, "The blast happened five hours ago.", []string{"five hours ago|DATE|2025-08-13|"}},
		{"frequency", thu, "They meet twice a week and file reports three times a year.", []string{"twice a week|SET|P1W|", "three times a year|SET|P1Y|"}},
		{"not a count", thu, "The band sold 2000 records.", nil},
		{"video timestamp", thu, "Scenes from the rally\n15:21\nThe crowd dispersed.", nil},
		{"may verb", thu, "May I ask a question? He may go.", nil},
		{"general refs off", thu, "The economy is now recovering.", nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := FindTimes(c.in, c.ref, DefaultTimeOptions())
			checkTimeSpans(t, c.in, got)
			var gs []string
			for _, x := range got {
				gs = append(gs, fmt.Sprintf("%s|%s|%s|%s", x.Text, x.Type, x.Value, x.Mod))
			}
			if strings.Join(gs, "\n") != strings.Join(c.want, "\n") {
				t.Errorf("FindTimes(%q)\n got: %q\nwant: %q", c.in, gs, c.want)
			}
		})
	}
}

func TestFindTimesGeneralRefs(t *testing.T) {
	opts := DefaultTimeOptions()
	opts.GeneralRefs = true
	got := FindTimes("The economy is now recovering.", time.Date(2025, 8, 14, 0, 0, 0, 0, time.UTC), opts)
	if len(got) != 1 || got[0].Value != "PRESENT_REF" {
		t.Errorf("got %+v, want one PRESENT_REF", got)
	}
}

// checkTimeSpans asserts that every span indexes the text in runes and holds
// the item's text.
func checkTimeSpans(t testing.TB, text string, got []model.TimeExpr) {
	t.Helper()
	r := []rune(text)
	for _, x := range got {
		if x.Start < 0 || x.End > len(r) || x.Start >= x.End {
			t.Fatalf("bad span %d-%d for %q in %d runes", x.Start, x.End, x.Text, len(r))
		}
		if string(r[x.Start:x.End]) != x.Text {
			t.Fatalf("span %d-%d is %q, text is %q", x.Start, x.End, string(r[x.Start:x.End]), x.Text)
		}
	}
}

// TestFindTimesWithoutReference checks that with no reference date the
// values that depend on it are underspecified and the others kept.
func TestFindTimesWithoutReference(t *testing.T) {
	text := "The minister will visit on Friday. The treaty was signed on 3 May 2019, " +
		"talks lasted three days and resume tomorrow at 9:00 GMT. Last year was calmer."
	want := map[string]string{
		"on Friday":  "XXXX-XX-XX",
		"3 May 2019": "2019-05-03",
		"three days": "P3D",
		"tomorrow":   "XXXX-XX-XX",
		"Last year":  "XXXX",
	}
	got := map[string]string{}
	for _, tx := range FindTimes(text, time.Time{}, DefaultTimeOptions()) {
		got[tx.Text] = tx.Value
	}
	for text, v := range want {
		found := false
		for g, gv := range got {
			if strings.Contains(g, text) || strings.Contains(text, g) {
				found = true
				if gv != v && !(v == "XXXX-XX-XX" && strings.HasPrefix(gv, "XXXX-XX-XX")) {
					t.Errorf("%q = %q; want %q", g, gv, v)
				}
			}
		}
		if !found {
			t.Errorf("%q not found in %v", text, got)
		}
	}
}

func TestUnderspecified(t *testing.T) {
	for in, want := range map[string]string{
		"2001-03-16":             "XXXX-XX-XX",
		"2001-W11":               "XXXX-WXX",
		"2001-03-16T11:30-08:00": "XXXX-XX-XXT11:30-08:00",
		"2001-03-10/2001-03-11":  "XXXX-XX-XX/XXXX-XX-XX",
		"2001-03-16TAF":          "XXXX-XX-XXTAF",
		"2001":                   "XXXX",
	} {
		if got := underspecified(in); got != want {
			t.Errorf("underspecified(%q) = %q; want %q", in, got, want)
		}
	}
}
