package annotate

import (
	"sort"
	"strings"

	"github.com/storydesk/storydesk/internal/model"
)

// pronouns that can name a speaker.
var speakerPronouns = wordSet(`he she they we i He She They We I`)

// prepositions before a name that make it an object, not a subject.
var objectMarkers = wordSet(`with of to by for from after before between and about against at on in like`)

// statementWords name a statement or its bearer without naming the speaker:
// "the statement said" keeps the speaker of the quote before.
var statementWords = wordSet(`statement spokesperson spokesman spokeswoman readout office statements release`)

// speakerFinder attributes the quotes of one Doc.
type speakerFinder struct {
	d       *Doc
	g       *gazetteer
	quotes  []Segment
	results []attribution
}

type attribution struct {
	name string
	span Segment
	cue  string
}

// attribute finds the speaker of quote i. In order: a cue after the quote
// in its sentence ("…,” he said / said Trump); the first cue before it
// ("Zelensky insisted that Putin “…”"); a colon ("Rutte: “…”"); else the
// speaker of the quote before, when this one continues a paragraph or
// opens one without a cue.
func (f *speakerFinder) attribute(i int) attribution {
	d := f.d
	q := f.quotes[i]
	ss := f.sentenceOf(q.Start)
	se := f.sentenceOf(max(q.End-1, q.Start))
	sentStart, sentEnd := d.Sentences[ss].Start, d.Sentences[se].End
	a := attribution{}
	toks := d.Tokens
	// after the quote
	lo := tokenAt(toks, q.End)
	limit := sentEnd
	if i+1 < len(f.quotes) && f.quotes[i+1].Start < limit {
		limit = f.quotes[i+1].Start
	}
	words := 0
	for k := lo; k < len(toks) && toks[k].Start < limit && words < 7; k++ {
		if toks[k].Kind != Word {
			continue
		}
		words++
		if n, cue := f.cueAt(k); n > 0 {
			if np, ok := f.nounPhrase(q.End, toks[k].Start, false); ok {
				a = np
			} else if np, ok := f.nounPhrase(toks[k+n-1].End, min(limit, toks[min(k+n+10, len(toks)-1)].End), true); ok {
				a = np
			}
			if a.name != "" {
				a.cue = cue
				return f.keep(i, a)
			}
			break
		}
	}
	// before the quote
	for k := tokenAt(toks, sentStart); k < len(toks) && toks[k].Start < q.Start; k++ {
		if toks[k].Kind != Word || f.inQuote(toks[k].Start) {
			continue
		}
		if n, cue := f.cueAt(k); n > 0 {
			if np, ok := f.nounPhrase(max(sentStart, toks[max(k-12, 0)].Start), toks[k].Start, false); ok {
				np.cue = cue
				return f.keep(i, np)
			}
			if np, ok := f.nounPhrase(toks[k+n-1].End, q.Start, true); ok {
				np.cue = cue
				return f.keep(i, np)
			}
			if f.mentionsStatement(sentStart, q.Start) && i > 0 {
				prev := f.results[i-1]
				prev.cue = cue
				return f.keep(i, prev)
			}
			break
		}
	}
	// "Name: “…”"
	if k := tokenAt(toks, q.Start) - 1; k > 0 && d.Text[toks[k].Start:toks[k].End] == ":" ||
		k > 1 && d.Text[toks[k-1].Start:toks[k-1].End] == ":" {
		if np, ok := f.nounPhrase(sentStart, toks[k].Start, false); ok {
			np.cue = ":"
			return f.keep(i, np)
		}
	}
	// continuation of the previous quote's speaker
	if i > 0 && f.results[i-1].name != "" {
		prevPara := f.paragraphOf(f.quotes[i-1].Start)
		para := f.paragraphOf(q.Start)
		if para-prevPara <= 1 && (para == prevPara || f.opensParagraph(q.Start, para)) {
			prev := f.results[i-1]
			prev.span = Segment{}
			return f.keep(i, prev)
		}
	}
	return f.keep(i, a)
}

func (f *speakerFinder) keep(i int, a attribution) attribution {
	for len(f.results) <= i {
		f.results = append(f.results, attribution{})
	}
	f.results[i] = a
	return a
}

// cueAt reads a speech cue at token k: one verb or "according to".
func (f *speakerFinder) cueAt(k int) (int, string) {
	toks := f.d.Tokens
	w := f.d.Text[toks[k].Start:toks[k].End]
	if (w == "according" || w == "According") && k+1 < len(toks) && f.d.Text[toks[k+1].Start:toks[k+1].End] == "to" {
		return 2, "according to"
	}
	if f.g.cues[w] {
		return 1, w
	}
	return 0, ""
}

// nounPhrase finds the speaker named in [from, to): the mention or
// pronoun nearest the cue (the last one when the phrase stands before the
// cue, the first when after), outside quotes.
func (f *speakerFinder) nounPhrase(from, to int, first bool) (attribution, bool) {
	d := f.d
	var best attribution
	found := false
	person := false
	consider := func(s Segment, name string, isPerson bool) {
		if f.inQuote(s.Start) {
			return
		}
		// after a cue the first person wins over an organisation that
		// only qualifies it ("said White House press secretary X")
		if first && found && person && !isPerson {
			return
		}
		if !found || first && (s.Start < best.span.Start || isPerson && !person) || !first && s.End > best.span.End {
			best, found, person = attribution{name: name, span: s}, true, isPerson
		}
	}
	lo := sort.Search(len(d.Mentions), func(k int) bool { return d.Mentions[k].Start >= from })
	for k := lo; k < len(d.Mentions) && d.Mentions[k].End <= to; k++ {
		m := d.Mentions[k]
		e := d.Entities[m.Entity]
		if e.Type == model.GPE && m.Form == "adjective" {
			continue
		}
		if possessive(d.Text[m.Start:min(m.End+3, len(d.Text))]) && !strings.HasPrefix(d.Text[m.End:], "’s office") && !strings.HasPrefix(d.Text[m.End:], "'s office") {
			continue // "Putin’s adviser": the owner does not speak
		}
		consider(m.Segment, e.Name, e.Type == model.Person)
	}
	for k := tokenAt(d.Tokens, from); k < len(d.Tokens) && d.Tokens[k].End <= to; k++ {
		t := d.Tokens[k]
		if w := d.Text[t.Start:t.End]; t.Kind == Word && speakerPronouns[w] {
			consider(Segment{t.Start, t.End}, f.resolvePronoun(w, t.Start), true)
		}
	}
	return best, found
}

// resolvePronoun names the person a he/she refers to: the subject (first
// person mention not after a preposition) of the nearest sentence before.
func (f *speakerFinder) resolvePronoun(w string, at int) string {
	lw := strings.ToLower(w)
	if lw != "he" && lw != "she" {
		return w
	}
	d := f.d
	for s := f.sentenceOf(at); s >= 0 && s > f.sentenceOf(at)-6; s-- {
		sent := d.Sentences[s]
		lo := sort.Search(len(d.Mentions), func(k int) bool { return d.Mentions[k].Start >= sent.Start })
		for k := lo; k < len(d.Mentions) && d.Mentions[k].Start < min(sent.End, at); k++ {
			m := d.Mentions[k]
			if d.Entities[m.Entity].Type != model.Person || f.inQuote(m.Start) || possessive(d.Text[m.Start:min(m.End+3, len(d.Text))]) {
				continue
			}
			if t := tokenAt(d.Tokens, m.Start) - 1; t >= 0 && objectMarkers[strings.ToLower(d.Text[d.Tokens[t].Start:d.Tokens[t].End])] {
				continue
			}
			return d.Entities[m.Entity].Name
		}
	}
	return w
}

func (f *speakerFinder) mentionsStatement(from, to int) bool {
	for k := tokenAt(f.d.Tokens, from); k < len(f.d.Tokens) && f.d.Tokens[k].End <= to; k++ {
		t := f.d.Tokens[k]
		if statementWords[strings.ToLower(f.d.Text[t.Start:t.End])] {
			return true
		}
	}
	return false
}

func (f *speakerFinder) inQuote(b int) bool {
	k := sort.Search(len(f.quotes), func(k int) bool { return f.quotes[k].End > b })
	return k < len(f.quotes) && f.quotes[k].Start <= b
}

func (f *speakerFinder) sentenceOf(b int) int {
	s := f.d.Sentences
	k := sort.Search(len(s), func(k int) bool { return s[k].End > b })
	if k >= len(s) {
		k = len(s) - 1
	}
	return max(k, 0)
}

func (f *speakerFinder) paragraphOf(b int) int {
	p := f.d.Paragraphs
	k := sort.Search(len(p), func(k int) bool { return p[k].End > b })
	return min(k, len(p)-1)
}

// opensParagraph reports whether the quote at b starts paragraph p (after
// its opening mark).
func (f *speakerFinder) opensParagraph(b, p int) bool {
	if p < 0 || p >= len(f.d.Paragraphs) {
		return false
	}
	return b-f.d.Paragraphs[p].Start <= 4
}
