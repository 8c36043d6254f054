package compare_test

import (
	"slices"
	"testing"

	"github.com/storydesk/storydesk/internal/compare"
)

// Cases written from other news (a hospital closure, a water dispute, a
// rail strike, a trade summit), not from the seed story.

// TestRefusalAligns: outlets that tell one refusal with other verbs
// ("rejected", "refused", "would not give up") state one fact: the
// predicate class and its subject (the event frame) match where the
// words do not.
func TestRefusalAligns(t *testing.T) {
	arts, anns := story(
		"Mayor Elena Ruiz angrily rejected any proposal that would shut the maternity ward, something the county charter forbids.\n\nThe trust has run the hospital since 1998.",
		"Elena Ruiz has refused any closure of the ward, as the health trust faces a deficit of millions.\n\nNurses marched through the town centre on Saturday.",
		"Ruiz afterwards said she would not surrender the maternity ward to the trust.\n\nA public meeting is planned for next month.",
	)
	r := compare.Compare(arts, anns, compare.DefaultOptions())
	for _, f := range factsWith(r, "Ruiz") {
		if len(f.Sources) == 3 {
			return
		}
	}
	t.Errorf("no fact with all three outlets about the refusal: %+v", factsWith(r, "Ruiz"))
}

// TestSubjectsKeepApart: two sentences about the same thing with
// different people as subjects ("X demands that …", "Y will not …") are
// not one fact, however many words they share.
func TestSubjectsKeepApart(t *testing.T) {
	arts, anns := story(
		"Governor Mark Delaney is expected to demand that the valley farmers cede their northern water rights to the state.\n\nThe reservoir stands at a third of its capacity.",
		"Senator Joan Whitfield said the valley farmers will not surrender their northern water rights to the state.\n\nThe drought has lasted three summers.",
	)
	r := compare.Compare(arts, anns, compare.DefaultOptions())
	for _, f := range factsWith(r, "water rights") {
		if len(f.Sources) > 1 {
			t.Errorf("fact %q joins Delaney's demand and Whitfield's refusal: %+v", f.Text, f.Support)
		}
	}
}

// TestClockKeepsFact: two outlets give the hour talks start; a sentence
// about the same talks without it does not join their fact.
func TestClockKeepsFact(t *testing.T) {
	arts, anns := story(
		"The rail union said talks with the operator in Manchester will start at 2pm on Thursday.\n\nTrains were cancelled across the north.",
		"Talks between the rail union and the operator in Manchester will start at 2pm on Thursday, the union said.\n\nCommuters queued for buses.",
		"The rail union said talks with the operator in Manchester on Thursday will decide whether the strike goes on.\n\nFreight was not affected.",
	)
	r := compare.Compare(arts, anns, compare.DefaultOptions())
	fs := factsWith(r, "2pm")
	if len(fs) == 0 {
		t.Fatalf("no fact about the 2pm start: %+v", r.Facts)
	}
	for _, f := range fs {
		if !slices.Equal(f.Sources, []string{"a-article", "b-article"}) {
			t.Errorf("fact %q has sources %v, want a-article and b-article", f.Text, f.Sources)
		}
	}
}

// TestDaysKeepApart: a call on one day and a meeting on another between
// the same people are two events, not one fact.
func TestDaysKeepApart(t *testing.T) {
	arts, anns := story(
		"Trade ministers from Canada and Mexico held a video call with their US counterpart on Monday to prepare the tariff talks.\n\nMarkets rose after the call.",
		"Trade ministers from Canada and Mexico will meet their US counterpart in Ottawa on Thursday to hold the tariff talks.\n\nSecurity was tightened around the venue.",
	)
	r := compare.Compare(arts, anns, compare.DefaultOptions())
	for _, f := range factsWith(r, "tariff talks") {
		if len(f.Sources) > 1 {
			t.Errorf("fact %q joins Monday's call and Thursday's meeting: %+v", f.Text, f.Support)
		}
	}
}

// TestUniqueQuotesLast: of what one outlet alone says, a sentence that
// opens with a quotation (shown with the quotes) comes after a plain
// statement.
func TestUniqueQuotesLast(t *testing.T) {
	arts, anns := story(
		"The city council approved a new tram line to the airport on Tuesday.\n\n“This is a great day for every family in the city,” said councillor Maria Olsen.\n\nThe line will cost 400 million euros, the transport office said.",
		"The city council approved a new tram line to the airport on Tuesday.\n\nConstruction is due to start next spring.",
	)
	opts := compare.DefaultOptions()
	opts.MaxUnique = 1
	r := compare.Compare(arts, anns, opts)
	if !uniqueHas(r, "a-article", "400 million") {
		t.Errorf("unique: got %+v, want the cost listed before the quote", r.Unique)
	}
}
