package annotate

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// TokenKind says what a token is.
type TokenKind uint8

// Token kinds.
const (
	Word   TokenKind = iota // letters, with inner apostrophes, hyphens and abbreviation dots
	Number                  // digits with inner . , : (3,000 8.30 11:30)
	Punct                   // any other single non-space character
)

// Token is one word, number or mark: a byte range of Doc.Text.
type Token struct {
	Start, End int
	Kind       TokenKind
}

// Tokenize splits text into tokens. Words keep inner apostrophes (don't,
// Putin’s), hyphens (Trump-Putin) and dots between single letters (U.S.,
// a.m.); numbers keep inner separators followed by a digit (8.30, 3,000).
// Invalid UTF-8 bytes become Punct tokens.
func Tokenize(text string, dst []Token) []Token {
	i := 0
	for i < len(text) {
		r, n := utf8.DecodeRuneInString(text[i:])
		switch {
		case r == utf8.RuneError && n <= 1:
			dst = append(dst, Token{i, i + 1, Punct})
			i++
		case unicode.IsSpace(r):
			i += n
		case isLetter(r):
			end := scanWord(text, i)
			dst = append(dst, Token{i, end, Word})
			i = end
		case r >= '0' && r <= '9':
			end := scanNumber(text, i)
			dst = append(dst, Token{i, end, Number})
			i = end
		default:
			dst = append(dst, Token{i, i + n, Punct})
			i += n
		}
	}
	return dst
}

func isLetter(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z'
	}
	return unicode.IsLetter(r) || unicode.Is(unicode.Mn, r)
}

func isApostrophe(r rune) bool { return r == '\'' || r == '’' }

func runeAt(text string, i int) rune {
	if i < 0 || i >= len(text) {
		return 0
	}
	r, _ := utf8.DecodeRuneInString(text[i:])
	return r
}

func runeBefore(text string, i int) rune {
	if i <= 0 || i > len(text) {
		return 0
	}
	r, _ := utf8.DecodeLastRuneInString(text[:i])
	return r
}

// scanWord returns the end of the word starting at i.
func scanWord(text string, i int) int {
	start := i
	letters := 0
	for i < len(text) {
		r, n := utf8.DecodeRuneInString(text[i:])
		if isLetter(r) || r >= '0' && r <= '9' {
			i += n
			letters++
			continue
		}
		next := runeAt(text, i+n)
		if (isApostrophe(r) || r == '-' || r == '‑') && isLetter(next) {
			i += n
			letters = 0
			continue
		}
		// U.S., a.m.: a dot after a single letter followed by a letter
		// and a dot, or closing such a run.
		if r == '.' && letters == 1 && i-start >= 1 {
			if isLetter(next) && runeAt(text, i+n+utf8.RuneLen(next)) == '.' {
				i += n
				letters = 0
				continue
			}
			if i-start >= 3 && text[i-2] == '.' {
				return i + n
			}
		}
		break
	}
	return i
}

// scanNumber returns the end of the number starting at i.
func scanNumber(text string, i int) int {
	for i < len(text) {
		c := text[i]
		if c >= '0' && c <= '9' {
			i++
			continue
		}
		if (c == '.' || c == ',' || c == ':') && i+1 < len(text) && text[i+1] >= '0' && text[i+1] <= '9' {
			i++
			continue
		}
		break
	}
	return i
}

// appendLower appends s in lower case to dst; map lookups with
// string(dst) then cost no allocation.
func appendLower(dst []byte, s string) []byte {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			dst = append(dst, c)
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		dst = utf8.AppendRune(dst, unicode.ToLower(r))
		i += n
	}
	return dst
}

// wordCount counts the space-separated words of s.
func wordCount(s string) int {
	n, in := 0, false
	for i := 0; i < len(s); i++ {
		sp := s[i] == ' '
		if !sp && !in {
			n++
		}
		in = !sp
	}
	return n
}

// lowerLookup returns m[strings.ToLower(w)]. A short ASCII word is
// lowered into a stack buffer, so the look-up builds no string.
func lowerLookup[V any](m map[string]V, w string) (V, bool) {
	var buf [32]byte
	if len(w) <= len(buf) {
		b := buf[:len(w)]
		ascii := true
		for i := 0; i < len(w); i++ {
			c := w[i]
			if c >= utf8.RuneSelf {
				ascii = false
				break
			}
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			b[i] = c
		}
		if ascii {
			v, ok := m[string(b)]
			return v, ok
		}
	}
	v, ok := m[strings.ToLower(w)]
	return v, ok
}

// lowerIn reports set[strings.ToLower(w)] (see lowerLookup).
func lowerIn(set map[string]bool, w string) bool {
	v, _ := lowerLookup(set, w)
	return v
}

// upperForm reports strings.ToUpper(s) == s without building the upper
// case: no letter of s has an upper-case form other than itself.
func upperForm(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			for j := i; j < len(s); {
				r, n := utf8.DecodeRuneInString(s[j:])
				if unicode.ToUpper(r) != r || n == 1 && r == utf8.RuneError {
					return false // strings.ToUpper writes U+FFFD for a bad byte
				}
				j += n
			}
			return true
		}
		if 'a' <= c && c <= 'z' {
			return false
		}
	}
	return true
}
