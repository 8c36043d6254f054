package compare

import (
	"slices"
	"testing"
)

func TestPredicates(t *testing.T) {
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
