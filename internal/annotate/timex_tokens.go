package annotate

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// txTok is one token of the light scanner that the time and quantity
// annotators share. It does not depend on the Sentences layer, so FindTimes
// and FindQuantities work on a bare string.
//
// Kinds: a word is letters (with digits after the first letter, as in "G7",
// and apostrophes inside, as in "Friday's"); a number is digits with inner
// '.', ',', ':' or '/' ("1,500", "8.30", "11:30", "1/2"); anything else is
// one punctuation rune. Fractions such as '½' count as numbers.
type txTok struct {
	start, end int    // byte offsets into the text
	text       string // as written
	low        string // lower case (words only; same as text otherwise)
	kind       uint8
	gap        bool // whitespace precedes this token
	newline    bool // a newline precedes this token
}

// txText is a text with its light-scanner tokens and their sentence
// numbers, scanned once and read by both the time and the quantity scans.
type txText struct {
	text string
	toks []txTok
	sent []int32
}

// txScanText scans text for FindTimes and FindQuantities.
func txScanText(text string) *txText {
	toks := txScan(text, nil)
	return &txText{text: text, toks: toks, sent: txSentences(toks)}
}

const (
	txWord uint8 = iota + 1
	txNum
	txPunct
)

func txIsApostrophe(r rune) bool { return r == '\'' || r == '’' }

func txIsVulgar(r rune) bool { return r >= '¼' && r <= '¾' || r >= '⅐' && r <= '⅞' }

// txScan splits text into tokens. It never fails: invalid UTF-8 bytes become
// punctuation tokens.
func txScan(text string, toks []txTok) []txTok {
	toks = toks[:0]
	if toks == nil {
		toks = make([]txTok, 0, len(text)/4+16)
	}
	// One copy of the whole text with ASCII letters lowered serves every
	// ASCII word; words with other letters are lowered one by one.
	lower := txLowerASCII(text)
	gap, nl := true, true
	for i := 0; i < len(text); {
		if c := text[i]; c == ' ' {
			gap = true
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		switch {
		case r == '\n' || r == '\r':
			gap, nl = true, true
			i += size
			continue
		case unicode.IsSpace(r):
			gap = true
			i += size
			continue
		}
		start := i
		kind := txPunct
		switch {
		case r < utf8.RuneSelf && (r|0x20 >= 'a' && r|0x20 <= 'z'):
			kind = txWord
			i = txScanWord(text, i)
		case r < utf8.RuneSelf && r >= '0' && r <= '9':
			kind = txNum
			i = txScanNumber(text, i)
		case txIsVulgar(r):
			kind = txNum
			i += size
		case unicode.IsLetter(r):
			kind = txWord
			i = txScanWord(text, i)
		default:
			i += size
		}
		t := txTok{start: start, end: i, text: text[start:i], kind: kind, gap: gap, newline: nl}
		t.low = t.text
		if kind == txWord {
			t.low = lower[start:i]
			if txNonASCIIUpper(t.text) {
				t.low = strings.ToLower(t.text)
			}
		}
		toks = append(toks, t)
		gap, nl = false, false
	}
	return toks
}

func txScanNumber(text string, i int) int {
	for i < len(text) {
		c := text[i]
		if c >= '0' && c <= '9' {
			i++
			continue
		}
		if (c == '.' || c == ',' || c == ':' || c == '/') && i+1 < len(text) && text[i+1] >= '0' && text[i+1] <= '9' {
			i++
			continue
		}
		break
	}
	return i
}

func txScanWord(text string, i int) int {
	for i < len(text) {
		if c := text[i]; c|0x20 >= 'a' && c|0x20 <= 'z' || c >= '0' && c <= '9' {
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		if unicode.IsLetter(r) || (r < utf8.RuneSelf && r >= '0' && r <= '9') {
			i += size
			continue
		}
		if txIsApostrophe(r) && i+size < len(text) {
			n, _ := utf8.DecodeRuneInString(text[i+size:])
			if unicode.IsLetter(n) {
				i += size
				continue
			}
		}
		break
	}
	return i
}

// txStem returns a word without a possessive "'s" and lower-cased:
// "Friday’s" → "friday".
func txStem(low string) string {
	if n := len(low); n > 2 && low[n-1] == 's' {
		if low[n-2] == '\'' {
			return low[:n-2]
		}
		if n > 4 && low[n-4:n-1] == "’" {
			return low[:n-4]
		}
	}
	return low
}

// txPossessive reports whether a word ends in "'s" or "’s".
func txPossessive(low string) bool { return txStem(low) != low }

// txRunes converts byte offsets to rune offsets for a sorted list of
// positions, scanning text once. pos is updated in place.
func txRunes(text string, pos []int) {
	if len(pos) == 0 {
		return
	}
	r, b := 0, 0
	for k := range pos {
		for b < pos[k] && b < len(text) {
			_, size := utf8.DecodeRuneInString(text[b:])
			b += size
			r++
		}
		pos[k] = r
	}
}

// txLowerASCII lowers A–Z and leaves every other byte as it is, so byte
// offsets into text hold for the copy.
func txLowerASCII(text string) string {
	var b strings.Builder
	b.Grow(len(text))
	from := 0
	for i := 0; i < len(text); i++ {
		if c := text[i]; c >= 'A' && c <= 'Z' {
			b.WriteString(text[from:i])
			b.WriteByte(c + 'a' - 'A')
			from = i + 1
		}
	}
	b.WriteString(text[from:])
	return b.String()
}

// txNonASCIIUpper reports whether s has an upper-case letter outside
// ASCII ("Éire"), which txLowerASCII leaves as it is.
func txNonASCIIUpper(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			for _, r := range s[i:] {
				if unicode.IsUpper(r) {
					return true
				}
			}
			return false
		}
	}
	return false
}
