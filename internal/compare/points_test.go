package compare_test

import (
	"testing"

	"github.com/storydesk/storydesk/internal/compare"
)

// TestPointsRankCorroborationFirst: a fact three outlets carry outranks a
// long, detailed sentence only one of them has.
func TestPointsRankCorroborationFirst(t *testing.T) {
	arts, anns := story(
		"Dock workers at the port of Rotterdam walked out on Monday over pay, the union said.\n\nThe union's chief negotiator, who has led talks with the employers' association for more than two decades and who previously worked at the harbour authority in Antwerp, Ghent and Zeebrugge, said the dispute over overtime rates, night-shift allowances and pensions could last for several weeks.",
		"The union said dock workers at Rotterdam's port walked out on Monday in a dispute over pay.",
		"Rotterdam port dock workers walked out on Monday over pay, according to the union.",
	)
	r := compare.Compare(arts, anns, compare.DefaultOptions())
	if len(r.Points) == 0 {
		t.Fatal("no key points")
	}
	if got := len(r.Points[0].Sources); got != 3 {
		t.Errorf("first point %q has %d sources, want the fact all three carry", r.Points[0].Text, got)
	}
	for i := 1; i < len(r.Points); i++ {
		if len(r.Points[i].Sources) > len(r.Points[i-1].Sources) {
			t.Errorf("point %d (%d sources) ranks below point %d (%d sources)", i, len(r.Points[i].Sources), i-1, len(r.Points[i-1].Sources))
		}
	}
}
