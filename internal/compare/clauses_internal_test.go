package compare

import "testing"

// TestSplitClauses checks that a sentence is cut at its joints only when
// both sides can stand alone, and that a part after a cut leaves the
// joint out.
func TestSplitClauses(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"Dock workers in Antwerp walked out on Monday, and the port authority closed two of its terminals.",
			[]string{"Dock workers in Antwerp walked out on Monday", "the port authority closed two of its terminals."}},
		{"The union asked for more pay; the employers offered a one-off bonus instead of a raise.",
			[]string{"The union asked for more pay", "the employers offered a one-off bonus instead of a raise."}},
		{"The strike ended, but not for long.", []string{"The strike ended, but not for long."}},
		{"“We will not give in, and we will not go home,” the union leader told the crowd outside.",
			[]string{"“We will not give in, and we will not go home,” the union leader told the crowd outside."}},
	}
	for _, tc := range tests {
		var got []string
		for _, r := range splitClauses(tc.in, 5) {
			got = append(got, tc.in[r[0]:r[1]])
		}
		if len(got) != len(tc.want) {
			t.Errorf("splitClauses(%q) = %q, want %q", tc.in, got, tc.want)
			continue
		}
		for i := range got {
			if got[i] != tc.want[i] {
				t.Errorf("splitClauses(%q)[%d] = %q, want %q", tc.in, i, got[i], tc.want[i])
			}
		}
	}
}

func TestSentenceCase(t *testing.T) {
	for in, want := range map[string]string{
		"reports soon surfaced that she left.": "Reports soon surfaced that she left.",
		"eBay shares fell.":                    "eBay shares fell.",
		"Already capitalised.":                 "Already capitalised.",
		"élan was gone.":                       "Élan was gone.",
		"":                                     "",
		"“quoted” words":                       "“quoted” words",
	} {
		if got := sentenceCase(in); got != want {
			t.Errorf("sentenceCase(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestDependent checks that a piece of a sentence opening with a
// subordinator is taken for no statement, and a whole sentence or an
// independent piece is.
func TestDependent(t *testing.T) {
	sentence := "The port stayed shut, although the strike had ended, according to the harbour master."
	for text, want := range map[string]bool{
		"although the strike had ended":        true,
		"according to the harbour master.":     true,
		"The port stayed shut":                 false,
		sentence:                               false,
		"that the ferries would run on Monday": true,
	} {
		c := claim{text: text, sentence: sentence, words: appendWords(nil, text)}
		if got := dependent(&c); got != want {
			t.Errorf("dependent(%q) = %v, want %v", text, got, want)
		}
	}
}
