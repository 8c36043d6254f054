package compare_test

import (
	"slices"
	"testing"

	"github.com/storydesk/storydesk/internal/compare"
)

// Cases written from other news (a chancellor's visit to Warsaw), not
// from the seed story.

// TestClauseFactsApart: two outlets carry the same government statement,
// whose main clause names next week's visit and whose relative clause
// says what it offers; two others report the visit itself. The statement
// and the visit are two facts, each standing on its own part of the
// sentence, and the statement's two accounts stay a fact of their own.
func TestClauseFactsApart(t *testing.T) {
	arts, anns := story(
		"The ministers then discussed the visit of Chancellor Olaf Scholz to Warsaw on Monday, which offers a real opening to settle the quarrel over war reparations as long as Berlin shows goodwill.\n\nFarmers blocked a border crossing.\n\nThe zloty rose against the euro.\n\nSnow closed mountain roads.",
		"The ministers then discussed the visit of Chancellor Olaf Scholz to Warsaw on Monday, which offers a real opening to settle the quarrel over war reparations as long as Berlin shows goodwill.\n\nA new stadium opened in Gdansk.\n\nThe central bank kept rates on hold.\n\nTrain drivers ended their strike.",
		"Chancellor Olaf Scholz will visit Warsaw on Monday for his talks with Donald Tusk.\n\nCoal output fell again.\n\nA storm hit the Baltic coast.\n\nThe senate passed the budget.",
		"Scholz said good things could come from his visit to Warsaw on Monday.\n\nTourism reached a record.\n\nA court fined a bank.\n\nThe capital hosted a jazz festival.",
	)
	r := compare.Compare(arts, anns, compare.DefaultOptions())
	if !slices.ContainsFunc(sources(r, "real opening"), func(s []string) bool {
		return slices.Equal(s, []string{"a-article", "b-article"})
	}) {
		t.Errorf("the statement is no fact of its own two accounts: %v in %+v", sources(r, "real opening"), multi(r))
	}
	if !together(r, "his talks with Donald Tusk", "his visit to Warsaw") {
		t.Errorf("the visit is not one fact: %+v", multi(r))
	}
}

// TestStatementApartFromFact: a sentence that meets the visit's two
// accounts only in its frame ("speaking in Warsaw on Monday, Scholz
// said"), while what it reports, most of what it says, shares nothing
// with them, is no account of the visit.
func TestStatementApartFromFact(t *testing.T) {
	arts, anns := story(
		"Chancellor Olaf Scholz will visit Warsaw on Monday for his talks with Donald Tusk.\n\nCoal output fell again.\n\nA storm hit the Baltic coast.\n\nThe senate passed the budget.",
		"Scholz said good things could come from his visit to Warsaw on Monday.\n\nTourism reached a record.\n\nA court fined a bank.\n\nThe capital hosted a jazz festival.",
		"Speaking in Warsaw on Monday, Scholz said there was a real risk that the border deal would collapse within weeks.\n\nFarmers blocked a border crossing.\n\nThe zloty rose against the euro.\n\nSnow closed mountain roads.",
	)
	r := compare.Compare(arts, anns, compare.DefaultOptions())
	if !slices.ContainsFunc(sources(r, "his talks with Donald Tusk"), func(s []string) bool {
		return slices.Equal(s, []string{"a-article", "b-article"})
	}) {
		t.Errorf("the visit's fact takes in the statement: %v in %+v", sources(r, "his talks with Donald Tusk"), multi(r))
	}
}
