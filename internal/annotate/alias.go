package annotate

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// digraphs are spelled one way in one transliteration and another in the
// next: Kharkiv/Harkiv, Philip/Filip, Zelenskiy/Zelensky.
var digraphs = strings.NewReplacer("kh", "h", "ph", "f", "ck", "k", "ou", "u")

// surnameKey folds a surname's transliteration variants to one key:
// Zelensky, Zelenskyy and Zelenskiy all give "zelenski". It lower-cases,
// strips accents, reads kh as h, ph as f, ck as k, ou as u, y and j as i,
// w as v, ie as e, drops apostrophes and hyphens, and collapses doubled
// letters.
func surnameKey(s string) string {
	var buf [64]byte
	b := buf[:0]
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return surnameKeySlow(s)
		}
		b = append(b, lowerASCII(s[i]))
	}
	out := buf[:0:0]
	if len(b) <= 32 {
		out = make([]byte, 0, len(b))
	}
	prev := byte(0)
	for i := 0; i < len(b); i++ {
		c := b[i]
		if i+1 < len(b) {
			switch string(b[i : i+2]) {
			case "kh":
				c, i = 'h', i+1
			case "ph":
				c, i = 'f', i+1
			case "ck":
				c, i = 'k', i+1
			case "ou":
				c, i = 'u', i+1
			}
		}
		switch c {
		case '\'', '-':
			continue
		case 'y', 'j':
			c = 'i'
		case 'w':
			c = 'v'
		}
		if c == 'i' && i+1 < len(b) && b[i+1] == 'e' {
			continue // Medvedyev, Medvedev
		}
		if c == prev {
			continue
		}
		out = append(out, c)
		prev = c
	}
	return string(out)
}

func lowerASCII(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// surnameKeySlow is surnameKey for names with non-ASCII letters.
func surnameKeySlow(s string) string {
	var b strings.Builder
	prev := rune(0)
	s = digraphs.Replace(strings.ToLower(norm.NFD.String(s)))
	var kept []rune
	for _, r := range s {
		if !unicode.Is(unicode.Mn, r) && r != '\'' && r != '’' && r != '-' {
			kept = append(kept, r)
		}
	}
	for i, r := range kept {
		switch r {
		case 'y', 'j':
			r = 'i'
		case 'w':
			r = 'v'
		}
		if r == 'i' && i+1 < len(kept) && kept[i+1] == 'e' {
			continue
		}
		if r == prev {
			continue
		}
		b.WriteRune(r)
		prev = r
	}
	return b.String()
}
