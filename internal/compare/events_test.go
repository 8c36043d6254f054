package compare_test

import (
	"strings"
	"testing"

	"github.com/storydesk/storydesk/internal/compare"
)

// TestEventFacts checks that outlets that give the day and the place of
// an event in passing, each in a sentence about something else, back one
// fact of when and one of where; and that a war's setting makes none.
func TestEventFacts(t *testing.T) {
	arts, anns := story(
		"Farm ministers from twelve countries met in Brussels to discuss grain tariffs on Monday. Several delegations from the Baltic states said they would push hard for import quotas on rice, sugar and frozen poultry ahead of Thursday's summit in Geneva.",
		"The grain dispute dominated the talks among the ministers in Brussels. Negotiators from the smaller exporting nations expect a long night of bargaining over fertiliser subsidies and diesel rebates when the summit opens on Thursday in Geneva.",
		"Dairy exporters from Brazil and Uruguay lobbied hard against the new levies on cheese and butter before the Geneva summit on Thursday, according to traders in Sao Paulo. Prices of wheat rose two percent as the war in Sudan cut supplies.",
		"Wheat prices climbed as the war in Sudan cut supplies to the region, brokers in Chicago said on Monday.",
	)
	r := compare.Compare(arts, anns, compare.DefaultOptions())
	var when, where bool
	for _, f := range r.Facts {
		texts := make([]string, len(f.Support))
		for i, s := range f.Support {
			texts[i] = s.Text
		}
		all := strings.Join(texts, " | ")
		if len(f.Sources) == 3 && strings.Count(all, "Thursday") == 3 {
			when = true
			if strings.Count(all, "Geneva") == 3 {
				where = true
			}
		}
		if strings.Contains(all, "war in Sudan") && len(f.Sources) > 1 && !strings.Contains(all, "Wheat prices climbed") {
			t.Errorf("a fact stands on the war's setting: %q", all)
		}
	}
	if !when || !where {
		t.Errorf("when %v, where %v; want facts backed by the three articles that give the summit's day and place: %+v", when, where, r.Facts)
	}
}
