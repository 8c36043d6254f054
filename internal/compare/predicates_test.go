package compare

import (
	"slices"
	"testing"
)

func TestPredicates(t *testing.T) {
	if len(phrases) > 16 {
		t.Fatalf("%d phrases; wordInfo marks at most 16", len(phrases))
	}
	tests := []struct {
		in   string
		want []string
	}{
		{"The board rejected the plan", []string{"refuse"}},
		{"She has refused any concessions", []string{"refuse", "cede"}},
		{"He will not surrender the town", []string{"refuse"}},
		{"They would not give up the port", []string{"refuse"}},
		{"The envoy was not invited to join the summit", []string{"exclude", "meet"}},
		{"Fears over the envoy's exclusion from the talks", []string{"exclude", "meet"}},
		{"The ministers will meet in Geneva", []string{"meet"}},
		{"He floated the idea of a second meeting", []string{"propose", "follow", "meet"}},
		{"The mayor said the budget was approved", nil},
		{"The minister called for a ceasefire", []string{"truce"}},
		// Talks at a distance: the modifier is remote, the head keeps
		// its class.
		{"The premiers held a video call on the grain corridor", []string{"remote"}},
		{"The two presidents spoke by phone for an hour", []string{"remote"}},
		{"Their call lasted forty minutes", []string{"remote"}},
		{"The governors joined a virtual summit on wildfires", []string{"remote", "meet"}},
		{"Unions call on members to strike", nil},
		// Meeting formats: a meeting, and the rarer kind of one.
		{"The envoys held a tête-à-tête in the garden", []string{"meet", "format"}},
		{"The leaders will first hold a one-on-one", []string{"meet", "format"}},
		{"The rivals met face-to-face for the first time", []string{"meet", "format"}},
		{"A closed-door session of the council", []string{"format"}},
		// Plurals of words in -ing.
		{"The ministers held two meetings in Vienna", []string{"meet"}},
		{"Forecasters issued warnings of floods", []string{"warn"}},
		{"He joined a round of virtual meetings from Oslo", []string{"remote", "meet"}},
		// A meeting after a first one.
		{"Both sides hope for another round of talks", []string{"follow", "meet"}},
		{"Officials discussed a fresh summit", []string{"meet", "follow"}},
		{"A meeting of the two foreign ministers is planned shortly after the summit", []string{"meet", "follow"}},
		{"Next week's summit will open in Oslo", []string{"meet"}},
		// Giving up ground in other words.
		{"The rebels agreed to hand over the airport", []string{"agree", "cede"}},
		{"A plan to trade land for security", []string{"cede"}},
		{"The land exchange was shelved", []string{"cede"}},
	}
	for _, tc := range tests {
		got := predicates(words(tc.in), nil)
		slices.Sort(got)
		want := slices.Clone(tc.want)
		slices.Sort(want)
		if !slices.Equal(got, want) {
			t.Errorf("predicates(%q) = %v, want %v", tc.in, got, want)
		}
	}
}

func TestClock(t *testing.T) {
	for v, want := range map[string]bool{
		"2025-03-04T14:00":       true,
		"2025-03-04T09:30-05:00": true,
		"2025-03-04":             false,
		"2025-03-04TAF":          false,
		"PT1H":                   false,
	} {
		if got := clock(v); got != want {
			t.Errorf("clock(%q) = %v, want %v", v, got, want)
		}
	}
}
