package compare_test

import (
	"strings"
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

// TestPointsReadAlone: a key point is a statement a reader can take alone:
// not the frame of a dash parenthesis, and not a bare quotation.
func TestPointsReadAlone(t *testing.T) {
	arts, anns := story(
		"During a meeting on Tuesday among mayors of towns along the northern coast of the bay – those who must pay for any new sea wall – the governor promised that the state would cover half the cost of the defences.\n\n‘We will not leave the coastal towns to face the next storm on their own, and the money is already set aside,’ the governor said on Tuesday evening.",
		"During a meeting on Tuesday among mayors of towns along the northern coast of the bay, the state's share of the cost of the sea wall was discussed at length.\n\n‘We will not leave the coastal towns to face the next storm on their own, and the money is already set aside,’ the governor told reporters.",
		"Mayors of towns along the northern coast of the bay held a meeting on Tuesday on the cost of the new sea wall, officials said.",
	)
	r := compare.Compare(arts, anns, compare.DefaultOptions())
	for _, p := range r.Points {
		if strings.HasSuffix(p.Text, "the bay") || strings.HasPrefix(p.Text, "‘") {
			t.Errorf("key point %q does not read alone", p.Text)
		}
	}
}
