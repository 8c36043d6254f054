package brief

import (
	"strings"
	"testing"

	"github.com/storydesk/storydesk/internal/model"
)

// FuzzTimelineDays feeds a sentence placed on two moments: grouping never
// panics, and every text it shows is the sentence or parts of it joined
// by "…".
func FuzzTimelineDays(f *testing.F) {
	f.Add("Ana Ruiz, who will concede on Thursday, voted on Tuesday.", "2024-11-05", "2024-11-07")
	f.Add("Polls close at 20:00, 01:00 in London.", "2024-11-05T20:00-05:00", "2024-11-06T01:00Z")
	f.Add("At the weekend, talks stalled, amid fears for Friday's vote.", "2024-11-02/2024-11-03", "2024-11-08TEV")
	f.Add(", which ,, who", "2024-11-0", "T")
	f.Fuzz(func(t *testing.T, text, when1, when2 string) {
		rows := []model.TimelineRow{{When: when1, Text: text}, {When: when2, Text: text}}
		for _, d := range timelineDays(rows, nil) {
			for _, r := range d.Rows {
				for _, part := range strings.Split(r.Text, "…") {
					if !strings.Contains(text, strings.TrimSpace(part)) {
						t.Errorf("shown %q, not parts of %q", r.Text, text)
					}
				}
			}
		}
	})
}
