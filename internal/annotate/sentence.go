package annotate

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// abbreviations end with a dot that does not end a sentence. Lower case;
// the dot is not included.
var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "sir": true, "st": true,
	"prof": true, "gen": true, "lt": true, "col": true, "capt": true, "sgt": true,
	"sen": true, "rep": true, "gov": true, "rev": true, "hon": true, "jr": true,
	"sr": true, "no": true, "vs": true, "etc": true, "approx": true, "est": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true,
	"aug": true, "sep": true, "sept": true, "oct": true, "nov": true, "dec": true,
	"mon": true, "tue": true, "tues": true, "wed": true, "thu": true, "thur": true,
	"thurs": true, "fri": true, "sat": true, "sun": true, "inc": true, "ltd": true,
	"co": true, "corp": true, "dept": true, "fig": true, "op": true, "cf": true,
	"e.g": true, "i.e": true, "u.s": true, "u.k": true, "u.n": true, "a.m": true, "p.m": true,
}

// sentenceStarters are capitalised words that, after an ambiguous dot
// (U.S., a.m., an ellipsis), show that a new sentence has begun.
var sentenceStarters = map[string]bool{
	"The": true, "A": true, "An": true, "He": true, "She": true, "It": true,
	"They": true, "We": true, "I": true, "But": true, "And": true, "In": true,
	"On": true, "At": true, "This": true, "That": true, "There": true, "His": true,
	"Her": true, "Their": true, "Its": true, "After": true, "As": true, "If": true,
	"When": true, "While": true, "Officials": true, "Meanwhile": true, "However": true,
}

// Sentences splits the text into paragraphs (lines), sentences and tokens.
// A line is always a paragraph, so headings and list items are sentences of
// their own. A sentence ends at . ! ? or … (with any closing quotes and
// brackets after it) when the next word starts a sentence; dots of
// abbreviations, initials, decimals and clock times do not end one.
type Sentences struct{}

// Annotate implements Annotator.
func (Sentences) Annotate(d *Doc) {
	text := d.Text
	if d.Tokens == nil {
		d.Tokens = make([]Token, 0, len(text)/5+8)
		d.SentenceOf = make([]int32, 0, len(text)/5+8)
	}
	d.Tokens = Tokenize(text, d.Tokens[:0])
	d.SentenceOf = d.SentenceOf[:0]
	d.Paragraphs = paragraphs(text, d.Paragraphs[:0])
	toks := d.Tokens
	ti := 0
	for _, p := range d.Paragraphs {
		first := ti
		for ti < len(toks) && toks[ti].Start < p.End {
			ti++
		}
		d.splitParagraph(first, ti)
	}
}

// paragraphs returns the non-blank lines of text, trimmed of spaces.
func paragraphs(text string, dst []Segment) []Segment {
	start := 0
	for start <= len(text) {
		end := strings.IndexByte(text[start:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += start
		}
		s, e := start, end
		for s < e && isSpaceByte(text[s]) {
			s++
		}
		for e > s && isSpaceByte(text[e-1]) {
			e--
		}
		if s < e {
			dst = append(dst, Segment{s, e})
		}
		start = end + 1
	}
	return dst
}

func isSpaceByte(c byte) bool { return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f' }

// splitParagraph adds the sentences of tokens [first, last).
func (d *Doc) splitParagraph(first, last int) {
	if first >= last {
		return
	}
	toks, text := d.Tokens, d.Text
	start := first
	emit := func(end int) { // tokens [start, end]
		d.Sentences = append(d.Sentences, Segment{toks[start].Start, toks[end].End})
		n := int32(len(d.Sentences) - 1)
		for k := start; k <= end; k++ {
			d.SentenceOf = append(d.SentenceOf, n)
		}
		start = end + 1
	}
	for i := first; i < last; i++ {
		t := toks[i]
		if t.Kind == Word && strings.HasSuffix(text[t.Start:t.End], ".") {
			// U.S. / a.m. at a sentence end
			if i+1 < last && !ambiguousBreak(text, toks[i+1:last]) {
				continue
			}
			if i+1 == last {
				emit(i)
				continue
			}
			emit(i)
			continue
		}
		if t.Kind != Punct {
			continue
		}
		r, _ := utf8.DecodeRuneInString(text[t.Start:])
		if r != '.' && r != '!' && r != '?' && r != '…' {
			continue
		}
		end := i
		dots := 1
		for end+1 < last && toks[end+1].Kind == Punct && isTerminal(text, toks[end+1]) {
			end++
			dots++
		}
		for end+1 < last && toks[end+1].Kind == Punct && isCloser(text, toks[end+1]) {
			end++
		}
		if end+1 >= last {
			i = end
			continue // paragraph end closes it below
		}
		if r == '.' && dots == 1 && i > first && noBreakAfter(text, toks, first, i) {
			continue
		}
		next := toks[end+1 : last]
		if r == '…' || dots > 1 {
			if !ambiguousBreak(text, next) {
				i = end
				continue
			}
		} else if !startsSentence(text, next) {
			i = end
			continue
		}
		emit(end)
		i = end
	}
	if start < last {
		emit(last - 1)
	}
}

func isTerminal(text string, t Token) bool {
	r, _ := utf8.DecodeRuneInString(text[t.Start:])
	return r == '.' || r == '!' || r == '?' || r == '…'
}

func isCloser(text string, t Token) bool {
	r, _ := utf8.DecodeRuneInString(text[t.Start:])
	switch r {
	case '"', '\'', '’', '”', ')', ']', '»':
		return true
	}
	return false
}

// noBreakAfter reports whether the dot at toks[i] belongs to the word
// before it: an abbreviation, an initial, or a list number opening the
// paragraph.
func noBreakAfter(text string, toks []Token, first, i int) bool {
	prev := toks[i-1]
	if prev.End != toks[i].Start {
		return false
	}
	w := text[prev.Start:prev.End]
	if prev.Kind == Number {
		return i-1 == first // "1. Item"
	}
	if prev.Kind != Word {
		return false
	}
	if lowerIn(abbreviations, w) {
		return true
	}
	r, n := utf8.DecodeRuneInString(w)
	return n == len(w) && unicode.IsUpper(r) // initial: "Donald J. Trump"
}

// startsSentence reports whether the tokens after a terminal open a new
// sentence: a capital, a digit, an opening quote or bracket.
func startsSentence(text string, next []Token) bool {
	for _, t := range next {
		r, _ := utf8.DecodeRuneInString(text[t.Start:])
		if t.Kind == Punct {
			switch r {
			case '"', '\'', '‘', '“', '(', '[', '«', '-', '–', '—', '•', '*':
				continue
			}
			return false
		}
		return unicode.IsUpper(r) || unicode.IsDigit(r)
	}
	return false
}

// ambiguousBreak decides after U.S., a.m. or an ellipsis: a new sentence
// only if the next word is a common sentence opener.
func ambiguousBreak(text string, next []Token) bool {
	for _, t := range next {
		if t.Kind == Punct {
			r, _ := utf8.DecodeRuneInString(text[t.Start:])
			if r == '“' || r == '"' || r == '‘' {
				return true
			}
			continue
		}
		return sentenceStarters[text[t.Start:t.End]]
	}
	return false
}
