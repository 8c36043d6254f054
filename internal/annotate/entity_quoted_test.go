package annotate

import (
	"testing"

	"github.com/storydesk/storydesk/internal/model"
)

// Cases written for this test (not from the seeds).
func TestQuotedNames(t *testing.T) {
	cases := []struct {
		name, in string
		want     string // the ORG mention, "" for none
	}{
		{"quoted group", "Countries in the 'alliance for democracy,' including Chile, met on Monday.", "alliance for democracy"},
		{"curly marks", "Envoys of the so-called \u2018board of peace\u2019 arrived in Cairo.", "board of peace"},
		{"indefinite scare quote", "Critics called it a 'union of convenience' that would not last.", ""},
		{"not a group noun", "He spoke of the 'art of the deal' again.", ""},
		{"too short", "They joined the 'coalition' last year.", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := ""
			for _, e := range annotate(c.in).Entities {
				if e.Type != model.Organization {
					continue
				}
				for _, m := range e.Mentions {
					if m.Text == c.want || got == "" {
						got = m.Text
					}
				}
			}
			if got != c.want {
				t.Errorf("%q: ORG mention %q, want %q", c.in, got, c.want)
			}
		})
	}
}

func TestQuotedNameResolves(t *testing.T) {
	docs := []model.Annotations{
		annotate("Countries in the 'alliance for democracy,' including Chile, met on Monday."),
		annotate("The Alliance for Democracy met again in Lima on Friday."),
	}
	Resolve(docs)
	ids := map[string]bool{}
	for _, d := range docs {
		for _, e := range d.Entities {
			for _, m := range e.Mentions {
				if m.Text == "alliance for democracy" || m.Text == "Alliance for Democracy" || m.Text == "The Alliance for Democracy" {
					ids[e.ID] = true
				}
			}
		}
	}
	if len(ids) != 1 {
		t.Errorf("the quoted and capitalised names are in %d corpus entities %v, want 1", len(ids), ids)
	}
}
