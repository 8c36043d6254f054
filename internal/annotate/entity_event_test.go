package annotate

import (
	"testing"

	"github.com/storydesk/storydesk/internal/model"
)

// eventOf returns the ID-less index of the event entity holding a mention
// with text, or -1.
func eventOf(a model.Annotations, text string) int {
	for i, e := range a.Entities {
		if e.Type != model.Event {
			continue
		}
		for _, m := range e.Mentions {
			if m.Text == text {
				return i
			}
		}
	}
	return -1
}

// Cases written from wire copy about other summits (not the seeds).
func TestEventsApart(t *testing.T) {
	cases := []struct {
		name, in string
		a, b     string
		same     bool
	}{
		{"past meeting and coming summit",
			"Ministers gathered ahead of Tuesday's summit in Lima. After their breakfast meeting, the ministers said the summit was on track.",
			"Tuesday's summit in Lima", "their breakfast meeting", false},
		{"leaders and their countries",
			"Markets rallied before the Xi-Modi summit. Diplomats said the China-India summit would cover trade.",
			"the Xi-Modi summit", "the China-India summit", true},
		{"other participants",
			"Officials prepared the Xi-Modi summit. Earlier, Albanese held his meeting with Mark Carney in Ottawa.",
			"the Xi-Modi summit", "his meeting with Mark Carney in Ottawa", false},
		{"a body that meets",
			"Leaders are preparing the Xi-Modi summit. Carney then chaired a meeting of the Group of Seven in Alberta.",
			"the Xi-Modi summit", "a meeting of the Group of Seven in Alberta", false},
		{"day and place later in the clause",
			"Ministers gathered ahead of Friday's summit in Rome. Meloni arrived for a meeting with Olaf Scholz, the German chancellor, at the chancellery in Berlin on Monday.",
			"Friday's summit in Rome", "a meeting with Olaf Scholz", false},
		{"a day reported, not the event's",
			"Ministers gathered ahead of Friday's summit in Rome. Meloni said on Monday the summit would be brief.",
			"Friday's summit in Rome", "the summit", true},
		{"same summit, later mention",
			"Leaders are preparing the Xi-Modi summit. Diplomats said the summit would be short.",
			"the Xi-Modi summit", "the summit", true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			a := annotate(c.in)
			ea, eb := eventOf(a, c.a), eventOf(a, c.b)
			if ea < 0 || eb < 0 {
				var got [][]string
				for _, e := range a.Entities {
					if e.Type == model.Event {
						var ms []string
						for _, m := range e.Mentions {
							ms = append(ms, m.Text)
						}
						got = append(got, ms)
					}
				}
				t.Fatalf("%q: events %q, want mentions %q and %q", c.in, got, c.a, c.b)
			}
			if (ea == eb) != c.same {
				t.Errorf("%q: %q and %q in one event = %v, want %v", c.in, c.a, c.b, ea == eb, c.same)
			}
		})
	}
}
