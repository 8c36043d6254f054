package dedup

import (
	"strings"
	"testing"
)

func TestWordsFolding(t *testing.T) {
	tests := []struct {
		name string
		a, b string
		same bool
	}{
		{"case", "Starmer met Zelensky", "STARMER MET zelensky", true},
		{"spacing and line breaks", "a  b\n\nc\td", "a b c d", true},
		{"straight and curly quotes", `He said "no" and 'maybe'`, "He said \u201cno\u201d and \u2018maybe\u2019", true},
		{"guillemets and dashes", "«Peace» — now", "\"Peace\" - now", true},
		{"punctuation ignored", "Yes, sir. No!", "yes sir no", true},
		{"apostrophe styles", "Zelensky's visit", "Zelensky\u2019s visit", true},
		{"accents", "Zelénskyy café", "Zelenskyy cafe", true},
		{"combining accents", "cafe\u0301", "café", true},
		{"ligature and fullwidth", "ﬁnal ＵＮ", "final UN", true},
		{"Cyrillic case", "Путин ВСТРЕТИЛ", "путин встретил", true},
		{"digits keep boundaries", "1.5 million", "15 million", false},
		{"word order", "dog bites man", "man bites dog", false},
		{"different word", "working breakfast", "working lunch", false},
		{"Han characters are words", "美国总统", "美 国 总 统", true},
		{"invalid UTF-8 separates", "ab\xffcd", "ab cd", true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a, b := Signature(tc.a, Options{}).Exact, Signature(tc.b, Options{}).Exact
			if (a == b) != tc.same {
				t.Errorf("Exact(%q) = %x, Exact(%q) = %x; want same %v", tc.a, a, tc.b, b, tc.same)
			}
		})
	}
}

func TestSignatureShape(t *testing.T) {
	tests := []struct {
		text      string
		opts      Options
		exact     bool
		minHashes int
	}{
		{"", Options{}, false, 0},
		{" ,,, ", Options{}, false, 0},
		{"one two three four", Options{}, true, 0},
		{"one two three four five", Options{}, true, 128},
		{"one two three four", Options{Shingle: 3, Hashes: 64}, true, 64},
		{reportA, Options{Shingle: 100}, true, 0}, // capped at 32 words; reportA has more
	}
	tests[len(tests)-1].minHashes = 128
	for _, tc := range tests {
		t.Run(tc.text, func(t *testing.T) {
			s := Signature(tc.text, tc.opts)
			if (s.Exact != 0) != tc.exact || len(s.Mins) != tc.minHashes {
				t.Errorf("Signature(%q, %+v): exact %x, %d hashes; want exact %v, %d hashes",
					tc.text, tc.opts, s.Exact, len(s.Mins), tc.exact, tc.minHashes)
			}
		})
	}
}

// TestSimilarityEstimate checks the MinHash estimate against the true
// Jaccard similarity of shingle sets on texts whose overlap is known.
func TestSimilarityEstimate(t *testing.T) {
	words := func(from, to int) string {
		var b strings.Builder
		for i := from; i < to; i++ {
			b.WriteString(" w")
			b.WriteString(strings.Repeat("x", i%7))
			b.WriteByte(byte('a' + i%26))
			b.WriteByte(byte('a' + i/26%26))
			b.WriteByte(byte('a' + i/676%26))
		}
		return b.String()
	}
	// Two runs of distinct words sharing a middle part: with n words, a
	// text has n-4 shingles.
	tests := []struct{ aFrom, aTo, bFrom, bTo int }{
		{0, 1000, 0, 1000},
		{0, 1000, 100, 1100},
		{0, 1000, 300, 1300},
		{0, 1000, 500, 1500},
		{0, 400, 0, 360},
		{0, 1000, 2000, 3000},
	}
	for _, tc := range tests {
		a, b := words(tc.aFrom, tc.aTo), words(tc.bFrom, tc.bTo)
		shared := max(0, min(tc.aTo, tc.bTo)-max(tc.aFrom, tc.bFrom)-4)
		union := (tc.aTo - tc.aFrom - 4) + (tc.bTo - tc.bFrom - 4) - shared
		want := float64(shared) / float64(union)
		got := Similarity(Signature(a, Options{}), Signature(b, Options{}))
		// Four standard errors of a 128-hash estimate at worst (J=0.5).
		if d := got - want; d > 0.18 || d < -0.18 {
			t.Errorf("words %d-%d vs %d-%d: estimated %.3f, true Jaccard %.3f", tc.aFrom, tc.aTo, tc.bFrom, tc.bTo, got, want)
		}
	}
}

// FuzzSignature checks that any text signs without panicking, and that the
// signature ignores what normalisation promises to ignore: ASCII case,
// spacing, and quote style.
func FuzzSignature(f *testing.F) {
	f.Add(reportA)
	f.Add("Café ﬁnal: “naïve” plan")
	f.Add("美国总统 met ПУТИН\xff")
	f.Add("")
	f.Fuzz(func(t *testing.T, text string) {
		opts := Options{Shingle: 3, Hashes: 32, Bands: 8}
		s := Signature(text, opts)
		if s.Mins != nil && len(s.Mins) != 32 {
			t.Fatalf("%d MinHash values, want 32", len(s.Mins))
		}
		if s.Exact == 0 && s.Mins != nil {
			t.Fatalf("MinHash values without words")
		}
		variant := strings.NewReplacer(" ", "\n\t ", `"`, "\u201d", "a", "A", "z", "Z").Replace(text)
		v := Signature(variant, opts)
		if v.Exact != s.Exact || Similarity(s, v) != 1 && s.Mins != nil {
			t.Fatalf("Signature(%q) differs from Signature(%q)", text, variant)
		}
		x := New(opts)
		x.Add("1", text)
		m, ok := x.Add("2", variant)
		if ok != (s.Exact != 0) || ok && (!m.Exact || m.Original != "1") {
			t.Fatalf("Add(variant) = %+v, %v; exact hash %x", m, ok, s.Exact)
		}
	})
}
