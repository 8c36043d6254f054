package dedup

import (
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Words are what both exact and near-duplicate detection compare. A text is
// read as a sequence of words, each a maximal run of letters and digits
// after folding:
//
//   - compatibility decomposition (NFKD), so "ﬁ" reads as "fi" and "①" as "1";
//   - combining marks dropped, so "Zelenskyy" and "Zelénskyy" agree;
//   - lower case;
//   - everything else (spaces, punctuation, quotes of any style,
//     apostrophes, dashes, symbols) separates words and is otherwise ignored,
//     so "“Peace,” he said" and "\"peace\" he  said" are the same words;
//   - each character of a script written without spaces (Han, kana, Thai,
//     Lao, Khmer, Myanmar) is a word of its own, so shingles still work.
//
// Each word is reduced to a 64-bit hash; no word is ever allocated.

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// scanWords folds text and calls s.word once per word, in order. The ASCII
// path is written out by hand: it is most of the signing time.
func scanWords(text string, s *signer) {
	var h uint64 = fnvOffset
	inWord := false
	for i := 0; i < len(text); {
		c := text[i]
		if c < utf8.RuneSelf {
			i++
			switch {
			case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
			case 'A' <= c && c <= 'Z':
				c += 'a' - 'A'
			default:
				if inWord {
					s.word(mix(h))
					h, inWord = fnvOffset, false
				}
				continue
			}
			h = (h ^ uint64(c)) * fnvPrime
			inWord = true
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		if r == utf8.RuneError && size <= 1 {
			if inWord {
				s.word(mix(h))
				h, inWord = fnvOffset, false
			}
			i++
			continue
		}
		dec := norm.NFKD.PropertiesString(text[i : i+size]).Decomposition()
		i += size
		if dec == nil {
			h, inWord = foldRune(r, h, inWord, s)
			continue
		}
		for j := 0; j < len(dec); {
			r, n := utf8.DecodeRune(dec[j:])
			j += n
			h, inWord = foldRune(r, h, inWord, s)
		}
	}
	if inWord {
		s.word(mix(h))
	}
}

// foldRune adds one decomposed non-ASCII-or-ASCII rune to the word being
// hashed (h, inWord) and returns the new state, emitting finished words.
func foldRune(r rune, h uint64, inWord bool, sink *signer) (uint64, bool) {
	switch {
	case unicode.Is(unicode.Mn, r):
		// A combining mark folds away without ending the word.
		return h, inWord
	case unicode.IsLetter(r) || unicode.IsDigit(r):
		r = unicode.ToLower(r)
		if r >= 0x0E00 && unspaced(r) {
			if inWord {
				sink.word(mix(h))
			}
			sink.word(mix(addRune(fnvOffset, r)))
			return fnvOffset, false
		}
		return addRune(h, r), true
	default:
		if inWord {
			sink.word(mix(h))
		}
		return fnvOffset, false
	}
}

// addRune hashes r's UTF-8 bytes into h.
func addRune(h uint64, r rune) uint64 {
	var buf [utf8.UTFMax]byte
	n := utf8.EncodeRune(buf[:], r)
	for _, b := range buf[:n] {
		h = (h ^ uint64(b)) * fnvPrime
	}
	return h
}

// unspaced reports whether r belongs to a script written without spaces
// between words.
func unspaced(r rune) bool {
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana,
		unicode.Thai, unicode.Lao, unicode.Khmer, unicode.Myanmar)
}

// mix is the splitmix64 finaliser: it spreads every input bit over the
// output, so that FNV's weak high bits do not bias MinHash.
func mix(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return x
}
