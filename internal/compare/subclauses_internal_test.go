package compare

import (
	"slices"
	"testing"
	"time"

	"github.com/storydesk/storydesk/internal/annotate"
	"github.com/storydesk/storydesk/internal/model"
)

// TestSubClauseAgents: whose act each clause tells. Sentences written
// from other news (a fishing accord, a city mayor, a ferry strike).
func TestSubClauseAgents(t *testing.T) {
	tests := []struct {
		sentence, clause string
		agents           []string // names of the clause's subject
	}{
		// A speaker named after the clause did not do it.
		{"After the talks in Reykjavik on Monday, the two ministers will sign a fishing accord, Jonas Larsen said.", "the two ministers will sign a fishing accord", nil},
		// "who …" tells of the person just before it, and reads with
		// that person.
		{"Mayor Sofia Brandt, who will not attend the climate summit in Oslo, met the transport minister in Bergen.", "Mayor Sofia Brandt, who will not attend the climate summit in Oslo", []string{"Sofia Brandt"}},
		// The main clause goes on after a relative clause.
		{"Mayor Sofia Brandt, who will not attend the climate summit in Oslo, met the transport minister in Bergen.", "met the transport minister in Bergen", []string{"Sofia Brandt"}},
		// An adjunct has its own subject or none.
		{"Ferry crews walked out on Friday, after Anna Berg rejected the pay offer from the operator.", "after Anna Berg rejected the pay offer from the operator", []string{"Anna Berg"}},
		// What someone said begins at "that".
		{"Jonas Larsen told reporters that the fleet would stay in port for the rest of the month.", "that the fleet would stay in port for the rest of the month", nil},
		// A comma between the adjectives of one noun phrase cuts nothing.
		{"Mayor Sofia Brandt promised a second, larger hearing with the residents of the harbour district, after the council voted down the plan.", "Mayor Sofia Brandt promised a second, larger hearing with the residents of the harbour district", []string{"Sofia Brandt"}},
	}
	for _, tt := range tests {
		arts := []model.Article{{ID: "a", Text: tt.sentence}}
		anns := []model.Annotations{annotate.Run(annotate.Default(annotate.DefaultOptions()), arts[0], time.Date(2024, 3, 12, 0, 0, 0, 0, time.UTC))}
		annotate.Resolve(anns)
		all, first := claims(arts, anns, DefaultOptions())
		var got *claim
		var texts []string
		for i := first; i < len(all); i++ {
			texts = append(texts, all[i].text)
			if all[i].text == tt.clause {
				got = &all[i]
			}
		}
		if got == nil {
			t.Errorf("%q: no clause %q in %q", tt.sentence, tt.clause, texts)
			continue
		}
		var names []string
		for _, a := range got.agents {
			for _, e := range anns[0].Entities {
				if e.ID == a {
					names = append(names, e.Name)
				}
			}
		}
		if !slices.Equal(names, tt.agents) {
			t.Errorf("%q: clause %q has agents %q, want %q", tt.sentence, tt.clause, names, tt.agents)
		}
	}
}
