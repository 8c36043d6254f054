package compare

import "testing"

func TestWordDiff(t *testing.T) {
	tests := []struct {
		name, main, variant string
		want                string
		changed             bool
	}{
		{"added modifier", "very severe consequences", "severe consequences", "[-very] severe consequences", true},
		{"fragment of a long quote", "the two sides agreed there had been a strong resolve to achieve peace", "strong resolve", "strong resolve", false},
		{"curly and straight apostrophes", "tomorrow’s talks in Geneva", "tomorrow's talks in Geneva", "tomorrow's talks in geneva", false},
		{"spelling that extends a word", "if it goes okay we meet again", "goes OK", "goes [-okay +ok]", true},
		{"function word only", "the plan is also working", "the plan is working", "the plan is [-also] working", false},
		{"inserted clause", "borders must not be changed", "borders cannot be and must not be changed", "borders [+cannot be and] must not be changed", true},
		{"neighbouring quote", "almost immediately", "if they would like to have me there", "[-almost immediately] [+if they would like to have me there]", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, changed := wordDiff(quoteWords(tc.main), quoteWords(tc.variant))
			if got != tc.want || changed != tc.changed {
				t.Errorf("wordDiff(%q, %q) = %q, %v; want %q, %v", tc.main, tc.variant, got, changed, tc.want, tc.changed)
			}
		})
	}
}
