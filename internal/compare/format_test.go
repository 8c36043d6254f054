package compare_test

import (
	"testing"

	"github.com/storydesk/storydesk/internal/compare"
)

// TestMeetingFormatBacksFact, written from other news (talks between two
// East African leaders), not from the seed story: the third outlet's
// sentence is one fact with the others' account of the summit, and a
// clause of it names the leaders' face-to-face meeting, the rarer kind
// of meeting the first two report on their own, so it backs that fact too.
func TestMeetingFormatBacksFact(t *testing.T) {
	arts, anns := story(
		"William Ruto and Abiy Ahmed will first hold a face-to-face meeting, followed by talks between the two delegations, an aide told reporters.\n\nRuto said he expects progress at Saturday's summit with Abiy Ahmed in Nairobi.\n\nFarmers in the Rift Valley await the rains.\n\nThe shilling fell against the dollar.",
		"An aide told reporters that William Ruto and Abiy Ahmed will first sit down for a face-to-face meeting before the delegations join them.\n\nRuto expects progress at the summit with Abiy Ahmed in Nairobi on Saturday, he said.\n\nA marathon closed roads in the capital.\n\nTea exports rose in the spring.\n\nA new ferry links the lake towns.",
		"Ruto said he expects progress at Saturday's summit with Abiy Ahmed in Nairobi, ahead of his face-to-face with Abiy Ahmed at State House.\n\nPolice closed the road to the stadium.\n\nThe central bank kept its rate unchanged.\n\nTraffic was diverted around the airport.\n\nThe national team lost in Kampala.",
	)
	r := compare.Compare(arts, anns, compare.DefaultOptions())
	if !together(r, "will first hold a face-to-face", "will first sit down for a face-to-face", "ahead of his face-to-face") {
		t.Errorf("the face-to-face meeting is not backed by all three: %+v", multi(r))
	}
	if !together(r, "expects progress at Saturday", "expects progress at the summit") {
		t.Errorf("the summit is not one fact: %+v", multi(r))
	}
}

// TestPluralMeetings, written from other news (a regional ministers'
// call): "virtual meetings" is a meeting held at a distance, as a video
// call is, so the two outlets state one fact.
func TestPluralMeetings(t *testing.T) {
	arts, anns := story(
		"Gabriel Boric took part in virtual meetings with the region's energy ministers on Monday.\n\nCopper prices rose in Santiago.\n\nA storm hit the southern coast.\n\nThe senate debated pensions.",
		"Gabriel Boric joined a video call on the power grid with officials of neighbouring states.\n\nMiners in the north ended a strike.\n\nThe football league postponed two games.\n\nWine exports fell in July.",
	)
	r := compare.Compare(arts, anns, compare.DefaultOptions())
	if !together(r, "virtual meetings", "video call") {
		t.Errorf("the remote meeting is not one fact: %+v", multi(r))
	}
}
