package compare

import (
	"strings"
	"unicode"
)

// stopwords are function words and reporting verbs that carry no fact of
// their own; alignment ignores them so that "X said that Y" aligns on Y.
var stopwords = setOf(`a an the and or but nor of to in on at by for from with into onto over under
about as after before than then that this these those there here it its it's is are was were be been
being has have had having do does did will would shall should can could may might must not no
he she they them his her their him we us our you your i me my who whom whose which what when where why
how also just so if while up out off said says say saying told tell added adding according
mr mrs ms sir dr would've more most some any all each other such only own same both few again
further once during through against between because until upon via per one its`)

func setOf(s string) map[string]bool {
	m := make(map[string]bool)
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// apostrophes folds curly apostrophes to the straight one.
var apostrophes = strings.NewReplacer("’", "'", "‘", "'")

// word is one token of a text with its byte offsets.
type word struct {
	text       string // lower-case, apostrophes folded to '
	raw        string
	start, end int
}

// words splits s into letter/digit runs, keeping inner apostrophes and
// hyphens ("don't", "one-on-one"), lower-cased with curly apostrophes folded.
func words(s string) []word {
	return appendWords(make([]word, 0, len(s)/6+1), s)
}

// appendWords appends the words of s to out.
func appendWords(out []word, s string) []word {
	scan(s, func(raw string, start, end int) {
		t := raw
		// ’ and ‘ both begin with the byte 0xE2 in UTF-8.
		if strings.IndexByte(raw, 0xE2) >= 0 && strings.ContainsAny(raw, "’‘") {
			t = apostrophes.Replace(raw)
		}
		out = append(out, word{text: strings.ToLower(t), raw: raw, start: start, end: end})
	})
	return out
}

// countWords is len(words(s)) without building the words.
func countWords(s string) int {
	n := 0
	scan(s, func(string, int, int) { n++ })
	return n
}

// scan calls f with each word of s as words finds it: the run trimmed of
// outer apostrophes and hyphens, and the run's byte offsets.
func scan(s string, f func(raw string, start, end int)) {
	start := -1
	flush := func(end int) {
		if start < 0 {
			return
		}
		// A run begins with a letter or digit, so only its end can
		// need trimming.
		raw := s[start:end]
		if c := raw[len(raw)-1]; c == '\'' || c == '-' || c >= 0x80 {
			raw = strings.TrimRight(raw, "'’‘-")
		}
		if raw != "" {
			f(raw, start, end)
		}
		start = -1
	}
	for i, r := range s {
		var inWord bool
		if r < 0x80 {
			c := byte(r)
			inWord = 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' ||
				start >= 0 && (c == '\'' || c == '-' || c == '.' && i+1 < len(s) && '0' <= s[i+1] && s[i+1] <= '9')
		} else {
			inWord = unicode.IsLetter(r) || unicode.IsDigit(r) || start >= 0 && r == '’'
		}
		if inWord {
			if start < 0 {
				start = i
			}
			continue
		}
		flush(i)
	}
	flush(len(s))
}

// stem reduces an English word to a crude stem so that "talks", "talked"
// and "talking" meet; it only has to be consistent, not linguistic.
func stem(w string) string {
	w = strings.TrimSuffix(w, "'s")
	w = strings.TrimSuffix(w, "'")
	if len(w) <= 3 {
		return w
	}
	for _, suf := range []struct{ from, to string }{
		{"ies", "y"}, {"ied", "y"}, {"ing", ""}, {"ed", ""}, {"es", ""}, {"ly", ""}, {"s", ""},
	} {
		if strings.HasSuffix(w, suf.from) && len(w)-len(suf.from) >= 3 {
			if suf.from == "s" && strings.HasSuffix(w, "ss") {
				return w
			}
			w = w[:len(w)-len(suf.from)] + suf.to
			break
		}
	}
	if n := len(w); n > 3 && w[n-1] == w[n-2] && !strings.ContainsRune("aeiouls", rune(w[n-1])) {
		w = w[:n-1] // "stopp" → "stop"
	}
	return strings.TrimSuffix(w, "e")
}

// content reports whether a lower-cased word carries meaning.
func content(w string) bool {
	return len(w) > 1 && !stopwords[w] || w != "" && unicode.IsDigit(rune(w[0]))
}
