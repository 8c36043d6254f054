package compare_test

import (
	"strings"
	"testing"

	"github.com/storydesk/storydesk/internal/compare"
)

// Cases written from other news (a fisheries dispute, a border
// settlement, a rail merger, a port deal), not from the seed story:
// outlets that tell one event in the general paraphrases of news English
// (a call or a video link, a meeting after a first one, ground handed
// over or traded) state one fact; different events stay apart.

// together reports whether one fact holds a passage with each of the
// substrings.
func together(r compare.Result, subs ...string) bool {
	for _, f := range factsWith(r, subs[0]) {
		all := true
		for _, s := range subs[1:] {
			in := false
			for _, p := range f.Support {
				in = in || strings.Contains(p.Text, s)
			}
			all = all && in
		}
		if all {
			return true
		}
	}
	return false
}

func TestRemoteTalksAlign(t *testing.T) {
	arts, anns := story(
		"Kari Lund, Norway's fisheries minister, held a video call with her Icelandic counterpart late on Sunday.\n\nTrawlers stayed in port at Tromsø.",
		"Kari Lund spoke by phone with Reykjavik's negotiator, officials confirmed.\n\nFish prices rose at the Bergen auction.",
	)
	r := compare.Compare(arts, anns, compare.DefaultOptions())
	if !together(r, "video call", "spoke by phone") {
		t.Errorf("the call and the phone talk are not one fact: %+v", r.Facts)
	}
}

func TestFollowUpMeetingAligns(t *testing.T) {
	arts, anns := story(
		"Northern Rail managers met the unions in Leeds on Tuesday to discuss the merger.\n\nThe unions expect another round of talks before the vote.\n\nCommuters faced delays in Leeds.",
		"Union leaders met Northern Rail bosses on Tuesday over the merger.\n\nA further meeting with the unions is planned.\n\nThe regulator has not yet ruled.",
	)
	r := compare.Compare(arts, anns, compare.DefaultOptions())
	if !together(r, "another round of talks", "further meeting") || together(r, "another round", "on Tuesday") {
		t.Errorf("the two reports of a further meeting are not one fact: %+v", r.Facts)
	}
}

func TestHandoverAligns(t *testing.T) {
	arts, anns := story(
		"The Tigray militia will hand over the Mekele airport to federal troops, the mediators announced.\n\nThe militia took the airport in May.\n\nFlights remain suspended.",
		"Under the deal, Tigray fighters must cede the airfield at Mekele.\n\nThe airport was seized by the militia in May.\n\nAid agencies welcomed the news.",
	)
	r := compare.Compare(arts, anns, compare.DefaultOptions())
	if !together(r, "hand over", "must cede") || together(r, "hand over", "seized") {
		t.Errorf("the handover is not one fact apart from the capture: %+v", r.Facts)
	}
}
