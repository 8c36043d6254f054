package compare_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/storydesk/storydesk/internal/compare"
	"github.com/storydesk/storydesk/internal/model"
)

// Cases written from other news (a city mayor's diary, a trade round, a
// museum reopening, a port strike), not from the seed story.

// TestClauseBacksTwoFacts: one sentence states two facts that two other
// outlets each report alone; its clauses let it back both.
func TestClauseBacksTwoFacts(t *testing.T) {
	arts, anns := story(
		"Mayor Sofia Brandt, who will not attend Saturday’s climate summit in Oslo, met the transport minister in Bergen on Tuesday.\n\nThe city council meets again next week.",
		"Sofia Brandt will not attend the climate summit in Oslo on Saturday, her office confirmed.\n\nThe summit expects forty delegations.",
		"Brandt met the transport minister in Bergen on Tuesday to discuss the planned rail tunnel.\n\nThe tunnel would cost two billion kroner.",
	)
	r := compare.Compare(arts, anns, compare.DefaultOptions())
	want := [][]string{{"a-article", "b-article"}, {"a-article", "c-article"}}
	for _, w := range want {
		found := false
		for _, f := range r.Facts {
			if slices.Equal(slices.Sorted(slices.Values(f.Sources)), w) {
				found = true
				// The clause cites its whole sentence.
				for _, s := range f.Support {
					if s.Article == "a-article" && !strings.HasPrefix(s.Text, "Mayor Sofia Brandt, who") {
						t.Errorf("fact %q cites %q, want the whole sentence", f.Text, s.Text)
					}
				}
			}
		}
		if !found {
			t.Errorf("no fact with sources %v: %+v", w, multi(r))
		}
	}
}

// TestDetailInSharedSentence: the venue only one outlet names, inside a
// sentence that otherwise repeats what another says, is that outlet's
// own contribution.
func TestDetailInSharedSentence(t *testing.T) {
	arts, anns := story(
		"The trade talks will begin at 10am on Thursday at the Palacio de Congresos, a former railway station near the old town.\n\nFarmers plan a protest.",
		"The trade talks will begin at 10am on Thursday, the organisers said.\n\nFishing quotas top the agenda.",
	)
	r := compare.Compare(arts, anns, compare.DefaultOptions())
	if !uniqueHas(r, "a-article", "former railway station") {
		t.Errorf("unique: got %+v, want the venue listed for a-article", r.Unique)
	}
}

// TestUniqueShortBeforeLong: of what one outlet alone says, a short
// sentence with rare words comes before a long one that mostly repeats
// the story's common words: the ranking weighs words per length.
func TestUniqueShortBeforeLong(t *testing.T) {
	arts, anns := story(
		"Dock workers at the port of Gdansk ended their strike on Monday.\n\nThe harbour master resigned on Friday after the audit.\n\nUnion members at the port said the strike by the dock workers at the port of Gdansk had been a long strike for the workers, and that the dock workers would return to work at the port as the strike had ended.",
		"Dock workers at the port of Gdansk ended their strike on Monday.\n\nShipping lines expect delays.",
	)
	opts := compare.DefaultOptions()
	opts.MaxUnique = 1
	r := compare.Compare(arts, anns, opts)
	if !uniqueHas(r, "a-article", "harbour master resigned") {
		t.Errorf("unique: got %+v, want the resignation first", r.Unique)
	}
}

func multi(r compare.Result) []model.Fact {
	var out []model.Fact
	for _, f := range r.Facts {
		if len(f.Sources) > 1 {
			out = append(out, f)
		}
	}
	return out
}
