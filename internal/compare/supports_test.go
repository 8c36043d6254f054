package compare_test

import (
	"slices"
	"testing"

	"github.com/storydesk/storydesk/internal/compare"
)

// Cases written from other news (a city selling a tram depot, a harbour
// strike), not from the seed story.

// sources returns the sorted sources of the facts with a passage holding
// substr.
func sources(r compare.Result, substr string) [][]string {
	var out [][]string
	for _, f := range factsWith(r, substr) {
		out = append(out, slices.Sorted(slices.Values(f.Sources)))
	}
	return out
}

// TestSentenceAlsoBacksSecondFact: the third outlet's sentence is one
// fact with the others' account of the bridge budget, and a clause of it
// states the depot handover that the other two report on their own.
func TestSentenceAlsoBacksSecondFact(t *testing.T) {
	arts, anns := story(
		"The city will hand over the old tram depot to a housing cooperative, the mayor of Lyon said.\n\nThe council approved forty million euros for the new Rhône bridge on Monday.\n\nRain delayed work at the station.\n\nThe opposition walked out of the session.\n\nBus drivers plan a strike in June.",
		"Lyon is to give up its disused tram depot to a cooperative that builds cheap housing, the mayor announced.\n\nCouncillors voted forty million euros for the Rhône bridge on Monday.\n\nShops reopened on the quay.\n\nThe museum extends its hours in summer.\n\nA heatwave is forecast for the weekend.",
		"On Monday the council approved forty million euros for the new Rhône bridge, in a session that also agreed to hand over the disused depot to the housing cooperative.\n\nTraffic was heavy near the river.\n\nThe zoo welcomed two lion cubs.\n\nCyclists asked for wider lanes.",
	)
	r := compare.Compare(arts, anns, compare.DefaultOptions())
	abc := []string{"a-article", "b-article", "c-article"}
	if got := sources(r, "tram depot to a housing cooperative"); !slices.ContainsFunc(got, func(s []string) bool { return slices.Equal(s, abc) }) {
		t.Errorf("depot handover: sources %v, want %v: %+v", got, abc, multi(r))
	}
	if got := sources(r, "Councillors voted"); !slices.ContainsFunc(got, func(s []string) bool { return slices.Equal(s, abc) }) {
		t.Errorf("bridge budget: sources %v, want %v", got, abc)
	}
}

// TestOtherEventStaysOut: a clause about the same villages and rebels
// that tells of another kind of event (a refusal to hand them back, not
// their capture) backs no fact of the capture.
func TestOtherEventStaysOut(t *testing.T) {
	arts, anns := story(
		"Rebels captured 14 hill villages near Goma on Tuesday, the army said.\n\nAid convoys were halted on the main road.\n\nSchools in the province stay closed.\n\nThe governor asked for calm.",
		"The rebels seized 14 hill villages outside Goma on Tuesday.\n\nThousands fled towards the lake.\n\nFuel prices doubled in the market.\n\nA curfew starts at dusk.",
		"Peace talks in Nairobi resumed on Wednesday with a new mediator from Angola, although the rebels refuse to hand over the 14 hill villages.\n\nTalks in Nairobi resumed on Wednesday under a new mediator, a diplomat said.\n\nThe mediator met both delegations.",
		"In Nairobi, peace talks resumed on Wednesday with a new Angolan mediator.\n\nThe army denied any losses.\n\nRain slowed the fighting.",
	)
	r := compare.Compare(arts, anns, compare.DefaultOptions())
	for _, f := range factsWith(r, "seized 14 hill villages") {
		if slices.Contains(f.Sources, "c-article") {
			t.Errorf("the refusal backs the capture: %+v", f)
		}
	}
	if !together(r, "seized 14 hill villages", "captured 14 hill villages") {
		t.Errorf("the capture is not one fact: %+v", multi(r))
	}
}
