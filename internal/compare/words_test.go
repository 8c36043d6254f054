package compare

import (
	"slices"
	"testing"
)

// TestWords: runs of letters and digits keep inner apostrophes, hyphens
// and decimal points, lose outer ones, and are lower-cased with curly
// apostrophes folded; countWords agrees with words.
func TestWords(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want []string
	}{
		{"Don’t stop", []string{"don't", "stop"}},
		{"the leaders’ talks-", []string{"the", "leaders", "talks"}},
		{"‘Quoted’ one-on-one, 3.5 per cent.", []string{"quoted", "one-on-one", "3.5", "per", "cent"}},
		{"end. 4.x Zürich's", []string{"end", "4", "x", "zürich's"}},
		{"--' ’ -", nil},
	} {
		var got []string
		for _, w := range words(tc.in) {
			got = append(got, w.text)
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("words(%q) = %q, want %q", tc.in, got, tc.want)
		}
		if n := countWords(tc.in); n != len(tc.want) {
			t.Errorf("countWords(%q) = %d, want %d", tc.in, n, len(tc.want))
		}
	}
}
