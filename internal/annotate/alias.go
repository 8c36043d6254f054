package annotate

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// surnameKey folds a surname's transliteration variants to one key:
// Zelensky, Zelenskyy and Zelenskiy all give "zelenski". It lower-cases,
// strips accents, reads y and j as i, kh as h, w as v, ph as f, and
// collapses doubled letters.
var digraphs = strings.NewReplacer("kh", "h", "ph", "f", "ck", "k", "ou", "u")

func surnameKey(s string) string {
	var b strings.Builder
	prev := rune(0)
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			ascii = false
			break
		}
	}
	if !ascii {
		s = norm.NFD.String(s)
	}
	s = strings.ToLower(s)
	s = digraphs.Replace(s)
	for _, r := range s {
		if unicode.Is(unicode.Mn, r) || r == '\'' || r == '’' || r == '-' {
			continue
		}
		switch r {
		case 'y', 'j':
			r = 'i'
		case 'w':
			r = 'v'
		}
		if r == prev {
			continue
		}
		b.WriteRune(r)
		prev = r
	}
	return b.String()
}
