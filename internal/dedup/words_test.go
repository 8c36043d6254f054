package dedup

import (
	"fmt"
	"math"
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
// Jaccard similarity of shingle sets, over many pairs of texts whose
// overlap is known: it must be unbiased, with an error close to that of
// 128 independent hash functions, sqrt(J(1-J)/128), for short texts (few
// shingles per bin) as for long ones.
func TestSimilarityEstimate(t *testing.T) {
	// words returns distinct words from..to-1 of family seed; two ranges
	// of n words offset by d share n-d-4 of their 5-word shingles.
	words := func(seed, from, to int) string {
		var b strings.Builder
		for i := from; i < to; i++ {
			fmt.Fprintf(&b, " w%dx%d", seed, i)
		}
		return b.String()
	}
	const trials = 100
	for _, n := range []int{30, 120, 1000} {
		for _, j := range []float64{0.5, 0.8} {
			t.Run(fmt.Sprintf("%d words J=%.1f", n, j), func(t *testing.T) {
				d := int(math.Round(float64(n-4) * (1 - j) / (1 + j)))
				truth := float64(n-d-4) / float64(n-4+d)
				var sq, bias float64
				for s := range trials {
					e := Similarity(Signature(words(s, 0, n), Options{}), Signature(words(s, d, n+d), Options{}))
					sq += (e - truth) * (e - truth)
					bias += e - truth
				}
				rmse, bias := math.Sqrt(sq/trials), bias/trials
				want := math.Sqrt(truth * (1 - truth) / 128)
				if math.Abs(bias) > 0.015 || rmse > 1.4*want {
					t.Errorf("J=%.3f: bias %+.3f, rmse %.3f; want |bias| <= 0.015, rmse <= %.3f", truth, bias, rmse, 1.4*want)
				}
			})
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
