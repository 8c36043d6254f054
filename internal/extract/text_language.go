package extract

import (
	"strings"
	"unicode"
)

// dumpStopwords are the commonest short words of the languages news dumps
// come in. A text dump has no lang attribute, so its language is read from
// how often these occur: enough to tell English from German or Spanish,
// not meant for close neighbours or mixed text.
var dumpStopwords = map[string][]string{
	"en": {"the", "and", "of", "to", "in", "is", "that", "for", "was", "with", "he", "said", "on", "have", "it"},
	"de": {"der", "die", "und", "das", "ist", "nicht", "mit", "den", "von", "sich", "auch", "ein", "eine", "dem", "wird"},
	"fr": {"le", "la", "les", "et", "des", "est", "une", "dans", "que", "pour", "pas", "sur", "qui", "du", "au"},
	"es": {"el", "los", "las", "y", "que", "del", "una", "por", "con", "para", "es", "se", "como", "pero", "su"},
	"it": {"il", "di", "che", "della", "per", "una", "sono", "con", "non", "gli", "nel", "anche", "alla", "del", "è"},
	"nl": {"de", "het", "een", "en", "van", "niet", "dat", "op", "voor", "met", "zijn", "ook", "werd", "naar", "bij"},
	"pt": {"o", "os", "que", "não", "uma", "para", "com", "por", "mais", "como", "dos", "das", "foi", "ao", "seu"},
}

// dumpLanguage guesses the ISO 639-1 code of text from stopword counts:
// the language whose stopwords make up the largest share of the words,
// if that share is at least 8% and half again the runner-up's; else "".
// At most the first 2000 words are read.
func dumpLanguage(text string) string {
	index := map[string][]string{}
	for lang, words := range dumpStopwords {
		for _, w := range words {
			index[w] = append(index[w], lang)
		}
	}
	counts := map[string]int{}
	total := 0
	for _, w := range strings.FieldsFunc(text, func(r rune) bool { return !unicode.IsLetter(r) }) {
		if total == 2000 {
			break
		}
		total++
		for _, lang := range index[strings.ToLower(w)] {
			counts[lang]++
		}
	}
	best, second := "", 0
	for lang, n := range counts {
		switch {
		case best == "" || n > counts[best] || n == counts[best] && lang < best:
			if best != "" {
				second = max(second, counts[best])
			}
			best = lang
		default:
			second = max(second, n)
		}
	}
	if best == "" || counts[best]*100 < total*8 || counts[best]*2 < second*3 {
		return ""
	}
	return best
}
