package store

import (
	"reflect"
	"testing"
)

func TestParseQuery(t *testing.T) {
	w := func(ws ...string) Phrase { return Phrase{Words: ws} }
	tests := []struct {
		name, in string
		want     []Clause
	}{
		{"empty", "", nil},
		{"only punctuation", `- !! " ' *`, nil},
		{"words", "Zelensky Starmer", []Clause{{w("Zelensky")}, {w("Starmer")}}},
		{"hyphenated token is a phrase", "Trump-Putin summit", []Clause{{w("Trump", "Putin")}, {w("summit")}}},
		{"quoted phrase", `"working breakfast" Downing`, []Clause{{w("working", "breakfast")}, {w("Downing")}}},
		{"unclosed quote runs to end", `"working lunch`, []Clause{{w("working", "lunch")}}},
		{"stray quote inside token", `Kyiv"s`, []Clause{{w("Kyiv")}, {w("s")}}},
		{"or between items", `lunch OR breakfast Starmer`, []Clause{{w("lunch"), w("breakfast")}, {w("Starmer")}}},
		{"leading and trailing or dropped", `OR lunch OR`, []Clause{{w("lunch")}}},
		{"lower-case or is a word", `lunch or breakfast`, []Clause{{w("lunch")}, {w("or")}, {w("breakfast")}}},
		{"prefix", `sanction*`, []Clause{{{Words: []string{"sanction"}, Prefix: true}}}},
		{"quoted prefix", `"peace deal"*`, []Clause{{{Words: []string{"peace", "deal"}, Prefix: true}}}},
		{"fts operators are words", `NEAR(a b) AND NOT c^`, []Clause{{w("NEAR", "a")}, {w("b")}, {w("AND")}, {w("NOT")}, {w("c")}}},
		{"unicode", `Зеленський Łódź`, []Clause{{w("Зеленський")}, {w("Łódź")}}},
		{"lone combining mark dropped", "\u0301", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := ParseQuery(tt.in)
			if !reflect.DeepEqual(got.Clauses, tt.want) {
				t.Errorf("ParseQuery(%q)\n got %#v\nwant %#v", tt.in, got.Clauses, tt.want)
			}
			if again := ParseQuery(got.String()); !reflect.DeepEqual(again, got) {
				t.Errorf("round trip of %q via %q: got %#v", tt.in, got.String(), again)
			}
		})
	}
}

// FuzzParseQuery checks that any input parses without panicking, that every
// phrase has words made of letters and digits, and that String round-trips.
func FuzzParseQuery(f *testing.F) {
	for _, s := range []string{"", "Trump-Putin", `"working lunch" OR breakfast`, `"unclosed`, `a* OR "b c"* OR`, "\u0301x", "\xff\xfe"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		q := ParseQuery(s)
		for _, c := range q.Clauses {
			if len(c) == 0 {
				t.Fatalf("ParseQuery(%q): empty clause", s)
			}
			for _, p := range c {
				if len(p.Words) == 0 {
					t.Fatalf("ParseQuery(%q): phrase without words", s)
				}
			}
		}
		if again := ParseQuery(q.String()); !reflect.DeepEqual(again, q) {
			t.Fatalf("ParseQuery(%q) = %#v; String %q parses to %#v", s, q, q.String(), again)
		}
	})
}
