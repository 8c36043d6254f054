package compare_test

import (
	"testing"

	"github.com/storydesk/storydesk/internal/compare"
)

// TestOtherMeetingsApart, written from other news (a Brazilian
// president's call before a summit in Beijing), not from the seed story:
// a video call already held and a second meeting still to come are two
// meetings, even when the same leaders are named in both; the call's
// accounts stay one fact.
func TestOtherMeetingsApart(t *testing.T) {
	arts, anns := story(
		"Lula wrapped up a video call with Cyril Ramaphosa and other African leaders two days before his summit with Xi Jinping.\n\nSoy exports rose in the first quarter.\n\nThe central bank held rates.\n\nFloods hit the south of the country.",
		"There could be a second meeting between Cyril Ramaphosa and Xi Jinping soon after the Chinese leader's summit with Lula, the Brazilian president said.\n\nOil output reached a record.\n\nA new metro line opened in Recife.\n\nThe senate approved the budget.",
		"Lula held a video call with Cyril Ramaphosa and other African leaders ahead of his summit with Xi Jinping.\n\nCoffee prices fell.\n\nTeachers ended their strike.",
	)
	r := compare.Compare(arts, anns, compare.DefaultOptions())
	if together(r, "wrapped up a video call", "second meeting") || together(r, "held a video call", "second meeting") {
		t.Errorf("the call and the second meeting are one fact: %+v", multi(r))
	}
	if !together(r, "wrapped up a video call", "held a video call") {
		t.Errorf("the call is not one fact: %+v", multi(r))
	}
}
