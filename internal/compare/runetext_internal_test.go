package compare

import "testing"

// runeText must give what slicing the text's runes gives, for spans in
// any order and for text that is not valid UTF-8.
func TestRuneText(t *testing.T) {
	texts := []string{
		"Łódź mayor opens the bridge. Traffic resumes at 6 a.m.",
		"The ministry said “no comment”. Talks go on.",
		"bad \xff byte. Then more — text.",
		"",
	}
	for _, s := range texts {
		runes := []rune(s)
		body := runeText{s: s}
		body.init()
		if body.n != len(runes) {
			t.Fatalf("%q: n = %d, want %d", s, body.n, len(runes))
		}
		spans := [][2]int{{0, len(runes)}, {5, 12}, {12, len(runes)}, {2, 4}, {0, 1}, {len(runes), len(runes)}}
		for _, sp := range spans {
			if sp[0] > len(runes) || sp[1] > len(runes) {
				continue
			}
			if got, want := body.slice(sp[0], sp[1]), string(runes[sp[0]:sp[1]]); got != want {
				t.Errorf("%q %v: got %q, want %q", s, sp, got, want)
			}
		}
	}
}
