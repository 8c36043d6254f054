package compare_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/storydesk/storydesk/internal/compare"
	"github.com/storydesk/storydesk/internal/model"
)

// factsWith returns the facts whose support mentions substr.
func factsWith(r compare.Result, substr string) []model.Fact {
	var out []model.Fact
	for _, f := range r.Facts {
		for _, s := range f.Support {
			if strings.Contains(s.Text, substr) {
				out = append(out, f)
				break
			}
		}
	}
	return out
}

// TestSentenceBacksTwoFacts: a sentence that states a corroborated fact
// and a detail no other outlet gives backs both, and the detail is listed
// as what only its outlet says. Written from a port strike, not the seeds.
func TestSentenceBacksTwoFacts(t *testing.T) {
	arts, anns := story(
		"After a nine-hour session with mediators, union leaders agreed to end the strike at the port of Antwerp on Friday, the shipping federation said.\n\nContainer traffic had been halted for most of the week.",
		"Union leaders agreed on Friday to end the strike at the port of Antwerp, the shipping federation said.\n\nFerry operators in Zeebrugge had cancelled dozens of crossings.",
		"The strike at the port of Antwerp will end, union leaders agreed on Friday, according to the shipping federation.\n\nThe walkout began over a dispute about night-shift pay.",
	)
	r := compare.Compare(arts, anns, compare.DefaultOptions())
	var corroborated, detail bool
	for _, f := range factsWith(r, "end the strike") {
		corroborated = corroborated || len(f.Sources) >= 2
	}
	for _, f := range factsWith(r, "nine-hour session") {
		detail = detail || slices.Equal(f.Sources, []string{"a-article"}) && !strings.Contains(f.Text, "end the strike")
	}
	if !corroborated {
		t.Errorf("no fact with two or more sources about ending the strike: %+v", r.Facts)
	}
	if !detail {
		t.Errorf("the nine-hour session is not a fact of a-article alone: %+v", r.Facts)
	}
	if !uniqueHas(r, "a-article", "nine-hour session") {
		t.Errorf("unique: got %+v, want the nine-hour session for a-article", r.Unique)
	}
}

// TestNumberKeepsFact: two outlets give the same count; a third sentence
// about the same place and day without that count does not join their
// fact. Written from a hostage release, not the seeds.
func TestNumberKeepsFact(t *testing.T) {
	arts, anns := story(
		"Rebels freed 12 hostages in the northern town of Beni on Sunday, the provincial army spokesman said.\n\nAid workers reached the area by road a day later.",
		"The provincial army spokesman said rebels freed 12 hostages in the northern town of Beni on Sunday.\n\nSchools in the district stayed closed.",
		"The provincial army spokesman said on Sunday that rebels still hold hostages in the northern town of Beni.\n\nA convoy of United Nations trucks was turned back at a checkpoint.",
	)
	r := compare.Compare(arts, anns, compare.DefaultOptions())
	fs := factsWith(r, "12 hostages")
	if len(fs) == 0 {
		t.Fatalf("no fact about the 12 hostages: %+v", r.Facts)
	}
	for _, f := range fs {
		if slices.Contains(f.Sources, "c-article") {
			t.Errorf("fact %q takes in c-article, which gives no count: %+v", f.Text, f.Support)
		}
		if len(f.Sources) != 2 {
			t.Errorf("fact %q has sources %v, want a-article and b-article", f.Text, f.Sources)
		}
	}
}
