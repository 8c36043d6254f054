package annotate

import (
	"strings"
	"testing"

	"github.com/storydesk/storydesk/internal/model"
)

// eventTexts lists the mention texts of every event in a.
func eventTexts(a model.Annotations) []string {
	var out []string
	for _, e := range a.Entities {
		if e.Type != model.Event {
			continue
		}
		for _, m := range e.Mentions {
			out = append(out, m.Text)
		}
	}
	return out
}

// Cases written from labour, trade and diplomatic wire copy (not the seeds).
func TestEventParticipantPhrase(t *testing.T) {
	cases := []struct {
		name, in string
		want     string // an event mention, or "" for none containing not
		not      string // no event mention may contain this
	}{
		{"time word, between, of chain and participle",
			"Talks stalled. A meeting Tuesday between officials of the two unions involved in the dispute ended without a deal.",
			"A meeting Tuesday between officials of the two unions involved in the dispute", "ended"},
		{"on and a day, among, taking part in",
			"Diplomats prepared for talks on Monday among ministers of the countries taking part in the pact, officials said.",
			"talks on Monday among ministers of the countries taking part in the pact", "officials"},
		{"quoted body, ends at the dash",
			"Scholz joined a call Friday among envoys of states involved in the 'Weimar triangle' – a forum of three capitals – before flying home.",
			"a call Friday among envoys of states involved in the 'Weimar triangle'", "forum"},
		{"clause verb with its own complement",
			"Staff said a call Thursday among aides agreed on a date for the vote.",
			"a call Thursday among aides", "agreed"},
		{"named participants after between stay out",
			"Aides planned the Lima summit. The summit between Xi Jinping and Joe Biden was short.",
			"", "Xi Jinping"},
		{"no participants, no phrase",
			"Ministers held the Lima summit on Friday. A call Friday was also planned.",
			"", "Friday was"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := eventTexts(annotate(c.in))
			found := c.want == ""
			for _, m := range got {
				found = found || m == c.want
				if strings.Contains(m, c.not) {
					t.Errorf("event mention %q holds %q", m, c.not)
				}
			}
			if !found {
				t.Errorf("events %q, want mention %q", got, c.want)
			}
		})
	}
}

func TestBodyAnchor(t *testing.T) {
	cases := []struct{ in, want string }{
		{"a meeting of the Group of Seven", "b:group of seven"},
		{"a meeting of his Nordic Council in Oslo", "b:nordic council"},
		{"a call Tuesday among leaders of countries involved in the 'Weimar triangle'", "b:weimar triangle"},
		{"talks on Monday among ministers of states taking part in the Quad", "b:quad"},
		{"a meeting of leaders of countries in Europe", ""},
		{"a meeting with Olaf Scholz", ""},
		{"talks among officials involved in the dispute", ""},
		{"the war of 1812", ""},
	}
	for _, c := range cases {
		if got := bodyAnchor(c.in); got != c.want {
			t.Errorf("bodyAnchor(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// A body's call and its meeting, told by two outlets, are one event, and
// apart from a call between others held the same day.
func TestBodyEventAcrossArticles(t *testing.T) {
	a := annotate("Macron held a call with Biden on Tuesday. During a call Tuesday among leaders of countries involved in the 'Weimar triangle' – a forum of three states – Macron urged unity.")
	b := annotate("After the call with Biden, Macron chaired a meeting of his Weimar Triangle, officials said.")
	docs := []model.Annotations{a, b}
	Resolve(docs)
	id := func(d model.Annotations, text string) string {
		for _, e := range d.Entities {
			for _, m := range e.Mentions {
				if m.Text == text && e.Type == model.Event {
					return e.ID
				}
			}
		}
		t.Fatalf("no event mention %q in %q", text, eventTexts(d))
		return ""
	}
	body := id(docs[0], "a call Tuesday among leaders of countries involved in the 'Weimar triangle'")
	other := id(docs[0], "a call with Biden on Tuesday")
	meeting := id(docs[1], "a meeting of his Weimar Triangle")
	if body == other {
		t.Errorf("the body's call and the call with Biden are one event %s", body)
	}
	if body != meeting {
		t.Errorf("the body's call %s and its meeting %s are apart", body, meeting)
	}
}
