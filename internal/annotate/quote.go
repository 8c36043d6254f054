package annotate

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/storydesk/storydesk/internal/model"
)

// Quotes finds direct quotations and their speakers.
//
// Marks: “…” and «…» always pair; ‘…’ and straight '…' or "…" open after a
// space or at a paragraph start and close before a space or punctuation,
// so apostrophes inside words (don't, Putin’s) and before digits (’80s)
// are never quotes. A mark left open at a paragraph end is closed by the
// last closing mark of another kind, carried into the next paragraph when
// that opens with a quote (multi-paragraph quotes), or dropped. A closing
// mark with no opener after a cue ("he said there was no sign …,”) quotes
// the words after the cue.
type Quotes struct {
	// MaxBytes is the longest quotation in bytes; 0 means 4000.
	MaxBytes int
}

type markKind uint8

const (
	notMark markKind = iota
	openDouble
	closeDouble
	openSingle
	closeSingle
)

// Annotate implements Annotator.
func (q Quotes) Annotate(d *Doc) {
	maxBytes := q.MaxBytes
	if maxBytes <= 0 {
		maxBytes = 4000
	}
	var spans []Segment
	for pi, p := range d.Paragraphs {
		next := ""
		if pi+1 < len(d.Paragraphs) {
			np := d.Paragraphs[pi+1]
			next = d.Text[np.Start:min(np.End, np.Start+4)]
		}
		spans = quoteSpans(d.Text, p, next, maxBytes, spans)
	}
	sp := speakerFinder{d: d, g: defaultGazetteer(), quotes: spans}
	atts := make([]attribution, len(spans))
	for i, s := range spans {
		if s.End > s.Start {
			atts[i] = sp.attribute(i)
		}
	}
	sp.echoes(atts)
	for i, s := range spans {
		if s.End <= s.Start {
			continue
		}
		sq := atts[i]
		if isHeading(d, s) || sq.name == "" && isScareQuote(d, s) {
			continue
		}
		text := d.Text[s.Start:s.End]
		d.Quotes = append(d.Quotes, model.Quote{
			Span: d.Span(s.Start, s.End), Text: text,
			Speaker: sq.name, SpeakerStart: d.Rune(sq.span.Start), SpeakerEnd: d.Rune(sq.span.End),
			Cue: sq.cue,
		})
	}
}

// classify reads the mark at byte i of text.
func classify(text string, i int, p Segment) (markKind, int) {
	r, n := utf8.DecodeRuneInString(text[i:])
	var prev, next rune = ' ', ' '
	if i > p.Start {
		prev = runeBefore(text, i)
	}
	if i+n < p.End {
		next = runeAt(text, i+n)
	}
	opening := unicode.IsSpace(prev) || strings.ContainsRune("([{—–-/‘“\"'", prev)
	closing := unicode.IsSpace(next) || unicode.IsPunct(next) || next == '…'
	switch r {
	case '“', '«', '„':
		return openDouble, n
	case '”', '»':
		return closeDouble, n
	case '"':
		if opening && !unicode.IsSpace(next) {
			return openDouble, n
		}
		return closeDouble, n
	case '‘':
		if unicode.IsDigit(next) {
			return notMark, n
		}
		if !opening && isLetter(prev) && isLetter(next) {
			return notMark, n
		}
		return openSingle, n
	case '\'', '’':
		if isLetter(prev) && isLetter(next) || unicode.IsDigit(next) && opening {
			return notMark, n // don't, ’80s
		}
		if opening && !unicode.IsSpace(next) {
			return openSingle, n
		}
		if closing && !opening {
			return closeSingle, n
		}
	}
	return notMark, n
}

// quoteSpans appends the quoted stretches of paragraph p, marks excluded.
func quoteSpans(text string, p Segment, nextPara string, maxBytes int, dst []Segment) []Segment {
	dOpen, sOpen := -1, -1
	var strays []int // closers with no opener
	var loose []Segment
	for i := p.Start; i < p.End; {
		c := text[i]
		if c != '"' && c != '\'' && c < utf8.RuneSelf {
			i++
			continue
		}
		kind, n := classify(text, i, p)
		switch kind {
		case openDouble:
			if dOpen < 0 {
				dOpen, sOpen = i+n, -1
			}
		case closeDouble:
			if dOpen >= 0 {
				if i-dOpen <= maxBytes {
					dst = append(dst, Segment{dOpen, i})
				}
				dOpen, sOpen = -1, -1
			} else if sOpen >= 0 {
				dst = append(dst, Segment{sOpen, i})
				sOpen = -1
			} else {
				strays = append(strays, i)
			}
		case openSingle:
			if sOpen < 0 {
				sOpen = i + n
			}
		case closeSingle:
			if sOpen >= 0 {
				if dOpen < 0 && i-sOpen <= maxBytes {
					dst = append(dst, Segment{sOpen, i})
				}
				sOpen = -1
			} else if dOpen >= 0 {
				loose = append(loose, Segment{i, i + n})
			}
		}
		i += n
	}
	if dOpen >= 0 {
		end := -1
		for _, l := range loose {
			if l.Start > dOpen {
				end = l.Start
			}
		}
		switch {
		case end >= 0 && end-dOpen <= maxBytes:
			dst = append(dst, Segment{dOpen, end})
		case startsWithOpenQuote(nextPara) && p.End-dOpen <= maxBytes:
			dst = append(dst, Segment{dOpen, p.End})
		}
	}
	for k, s := range strays {
		if k >= 16 {
			break // a run of stray marks is noise, not quotations
		}
		if start := strayStart(text, p, s, dst); start >= 0 {
			dst = append(dst, Segment{start, s})
		}
	}
	return dst
}

func startsWithOpenQuote(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return r == '“' || r == '"' || r == '«' || r == '‘'
}

// strayStart finds where a quote closed by an unmatched mark at byte s
// began: just after a speech cue ("said", "said that") earlier in the
// paragraph and after any quote already found. -1 if there is none.
func strayStart(text string, p Segment, s int, found []Segment) int {
	from := max(p.Start, s-4000)
	for _, f := range found {
		if f.End < s && f.End > from {
			from = f.End
		}
	}
	region := text[from:s]
	best := -1
	for _, cue := range []string{" said that ", " said ", " says ", " told reporters "} {
		if k := strings.LastIndex(region, cue); k >= 0 && from+k+len(cue) > best {
			best = from + k + len(cue)
		}
	}
	if best < 0 || s-best < 8 {
		return -1
	}
	return best
}

// isHeading reports whether quote s sits in a short paragraph with no
// sentence-final stop and no speech cue: a subheading ("Putin ‘does not
// want peace’"), not a quotation.
func isHeading(d *Doc, s Segment) bool {
	k := sort.Search(len(d.Paragraphs), func(k int) bool { return d.Paragraphs[k].End > s.Start })
	if k >= len(d.Paragraphs) {
		return false
	}
	p := strings.TrimRight(d.Text[d.Paragraphs[k].Start:d.Paragraphs[k].End], "\"'’”‘“ ")
	if p == "" || strings.ContainsAny(p[len(p)-1:], ".!?,:;") || len(strings.Fields(p)) > 10 {
		return false
	}
	g := defaultGazetteer()
	for _, w := range strings.Fields(p) {
		if g.cues[strings.ToLower(w)] {
			return false
		}
	}
	return true
}

// isScareQuote reports whether quote s, with no speaker, is a short
// name or label in marks: "the ‘coalition of the willing’", "so-called
// ‘peace plan’".
func isScareQuote(d *Doc, s Segment) bool {
	if len(strings.Fields(d.Text[s.Start:s.End])) > 4 {
		return false
	}
	before := strings.TrimRight(d.Text[max(0, s.Start-16):s.Start], "\"'’”‘“ ")
	for _, w := range []string{" the", " so-called", " dubbed", " called", " termed"} {
		if strings.HasSuffix(" "+before, w) {
			return true
		}
	}
	return false
}
