package annotate

import (
	"sort"
	"strings"
	"unicode"

	"github.com/storydesk/storydesk/internal/model"
)

// pronouns that can name a speaker.
var speakerPronouns = wordSet(`he she they we i He She They We I`)

// prepositions before a name that make it an object, not a subject.
var objectMarkers = wordSet(`with of to by for from after before between and about against at on in like
alongside beside besides behind near during among including than over under via without within towards toward upon despite`)

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

// attribute finds the speaker of quote i. In order: a cue just before
// the quote ("Zelenskyy said, “…”"); a cue after it in its sentence
// ("…,” he said / said Trump / …,” the US president has said); the first
// cue before it ("Zelensky insisted that Putin “…”"); a colon ("Rutte:
// “…”"); else the speaker of the quote before, when this one continues a
// paragraph or opens one without a cue. A participle cue ("saying") takes
// the subject of its clause.
func (f *speakerFinder) attribute(i int) attribution {
	d := f.d
	q := f.quotes[i]
	ss := f.sentenceOf(q.Start)
	se := f.sentenceOf(max(q.End-1, q.Start))
	sentStart, sentEnd := d.Sentences[ss].Start, d.Sentences[se].End
	toks := d.Tokens
	qTok := tokenAt(toks, q.Start)
	// a cue right before the quote: "said, “…”", "said: “…”"
	for k := qTok - 1; k >= 0 && k >= qTok-3 && toks[k].Start >= sentStart; k-- {
		if toks[k].Kind != Word {
			continue
		}
		if n, cue := f.cueAt(k); n > 0 {
			if a, ok := f.speakerOfCue(i, k, n, cue, sentStart, q.Start); ok {
				return f.keep(i, a)
			}
		}
		break
	}
	// after the quote
	if a, ok := f.cueAfter(i, sentEnd); ok {
		return f.keep(i, a)
	}
	// before the quote: the first cue of the sentence
	for k := tokenAt(toks, sentStart); k < qTok; k++ {
		if toks[k].Kind != Word || f.inQuote(toks[k].Start) {
			continue
		}
		n, cue := f.cueAt(k)
		if n == 0 || k == tokenAt(toks, sentStart) && strings.HasSuffix(cue, "ing") {
			continue // "Writing on Telegram, X said": the opener is not the cue
		}
		if a, ok := f.speakerOfCue(i, k, n, cue, sentStart, q.Start); ok {
			return f.keep(i, a)
		}
		break
	}
	// "Name: “…”"
	k := qTok - 1
	for k > 0 && toks[k].Kind == Punct && isOpenMark(d.Text[toks[k].Start:toks[k].End]) {
		k--
	}
	if k > 0 && d.Text[toks[k].Start:toks[k].End] == ":" {
		if np, ok := f.nounPhrase(sentStart, toks[k].Start, false); ok {
			np.cue = ":"
			return f.keep(i, np)
		}
	}
	// continuation of the previous quote's speaker
	if i > 0 && f.result(i-1).name != "" {
		prevPara := f.paragraphOf(f.quotes[i-1].Start)
		para := f.paragraphOf(q.Start)
		if para-prevPara <= 1 && (para == prevPara || f.opensParagraph(q.Start, para)) {
			prev := f.result(i - 1)
			prev.span = Segment{}
			return f.keep(i, prev)
		}
	}
	return f.keep(i, attribution{})
}

// cueAfter reads "…,” he said", "…,” said Trump" and a cue ending the
// sentence ("…” after the summit, the US president has said").
func (f *speakerFinder) cueAfter(i, sentEnd int) (attribution, bool) {
	d, q, toks := f.d, f.quotes[i], f.d.Tokens
	limit := sentEnd
	if i+1 < len(f.quotes) && f.quotes[i+1].Start < limit {
		limit = f.quotes[i+1].Start
	}
	words := 0
	for k := tokenAt(toks, q.End); k < len(toks) && toks[k].Start < limit; k++ {
		if toks[k].Kind != Word {
			continue
		}
		words++
		w := d.Text[toks[k].Start:toks[k].End]
		if w == "and" || w == "but" || w == "that" || w == "while" {
			return attribution{}, false // a new clause: its verb is not this quote's cue
		}
		n, cue := f.cueAt(k)
		if n == 0 {
			continue
		}
		lastWords := 0
		for j := k + n; j < len(toks) && toks[j].Start < limit; j++ {
			if toks[j].Kind == Word {
				lastWords++
			}
		}
		if words > 6 && lastWords > 0 {
			return attribution{}, false
		}
		a, ok := f.nounPhrase(q.End, toks[k].Start, false)
		if !ok {
			end := toks[min(k+n+10, len(toks)-1)].End
			a, ok = f.nounPhrase(toks[k+n-1].End, min(limit, end), true)
		}
		if !ok && f.mentionsStatement(q.End, toks[k].Start) && i > 0 && f.result(i-1).name != "" {
			a, ok = f.result(i-1), true // "…,” the statement said
			a.span = Segment{}
		}
		a.cue = cue
		return a, ok && a.name != ""
	}
	return attribution{}, false
}

// speakerOfCue finds who speaks through the cue at token k, before quote
// i: the subject before it (for a participle, the clause's subject), else
// the words after it ("said a Downing Street spokesperson").
func (f *speakerFinder) speakerOfCue(i, k, n int, cue string, sentStart, qStart int) (attribution, bool) {
	toks := f.d.Tokens
	if strings.HasSuffix(cue, "ing") {
		if a, ok := f.subject(sentStart, toks[k].Start); ok {
			a.cue = cue
			return a, true
		}
	}
	if a, ok := f.nounPhrase(sentStart, toks[k].Start, false); ok {
		a.cue = cue
		return a, true
	}
	if a, ok := f.nounPhrase(toks[k+n-1].End, qStart, true); ok {
		a.cue = cue
		return a, true
	}
	if f.mentionsStatement(sentStart, qStart) && i > 0 && f.result(i-1).name != "" {
		a := f.result(i - 1)
		a.span, a.cue = Segment{}, cue
		return a, true
	}
	return attribution{}, false
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
		if found && person && !isPerson {
			return // a person outranks a place or organisation in the phrase
		}
		if !found || isPerson && !person || first && s.Start < best.span.Start || !first && s.End > best.span.End {
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
		if ownedAt(d.Text, m.End) {
			// "Starmer's office said": the office of a known leader is its
			// seat; any other owner ("Putin’s adviser") does not speak
			if seat := f.seatOf(d, m, e); seat != "" {
				consider(m.Segment, seat, false)
			}
			continue
		}
		consider(m.Segment, e.Name, e.Type == model.Person)
	}
	for k := tokenAt(d.Tokens, from); k < len(d.Tokens) && d.Tokens[k].End <= to; k++ {
		t := d.Tokens[k]
		if w := d.Text[t.Start:t.End]; t.Kind == Word && speakerPronouns[w] {
			consider(Segment{t.Start, t.End}, f.resolvePronoun(w, t.Start), true)
		}
	}
	if !found {
		// no name: a speaker noun as written ("a senior official",
		// "the senator", "residents")
		for k := tokenAt(d.Tokens, from); k < len(d.Tokens) && d.Tokens[k].End <= to; k++ {
			t := d.Tokens[k]
			if t.Kind != Word || !lowerIn(speakerNouns, d.Text[t.Start:t.End]) || f.inQuote(t.Start) {
				continue
			}
			start := k
			for start > 0 && k-start < 4 && d.Tokens[start-1].Kind == Word && d.Tokens[start-1].Start >= from &&
				!f.g.cues[d.Text[d.Tokens[start-1].Start:d.Tokens[start-1].End]] {
				start--
				if determiners[d.Text[d.Tokens[start].Start:d.Tokens[start].End]] {
					break
				}
			}
			consider(Segment{d.Tokens[start].Start, t.End}, d.Text[d.Tokens[start].Start:t.End], false)
		}
	}
	return best, found
}

// speakerNouns name a speaker without naming them.
var speakerNouns = wordSet(`official officials spokesperson spokesman spokeswoman aide aides adviser
advisers advisor lawmaker lawmakers senator senators congressman congresswoman governor mayor
president minister diplomat diplomats source sources analyst analysts expert experts resident
residents witness witnesses lawyer lawyers attorney prosecutor prosecutors police officer officers
doctor doctors survivor survivors voter voters protester protesters chairman chairwoman ceo
executive economist commander soldier soldiers`)

// resolvePronoun names the person a he/she refers to: the subject of the
// nearest sentence before (a subject that is itself a pronoun sends the
// search one sentence further back).
func (f *speakerFinder) resolvePronoun(w string, at int) string {
	lw := strings.ToLower(w)
	if lw == "they" {
		return f.resolveThey(w, at)
	}
	if lw != "he" && lw != "she" {
		return w
	}
	d := f.d
	cur := f.sentenceOf(at)
	for s := cur; s >= 0 && s > cur-6; s-- {
		sent := d.Sentences[s]
		end := sent.End
		if s == cur {
			end = at
		}
		if a, ok := f.subjectIn(sent.Start, end); ok && a.name != "" {
			if a.pronoun {
				continue
			}
			return a.name
		}
	}
	return w
}

// resolveThey names the group a "they" refers to when a sentence before
// it lists people jointly ("a joint statement issued by Starmer, Merz and
// Macron"): the first of them, who leads the list. The search goes back
// up to five sentences and stops at one that names a person alone;
// otherwise "they" stays as written.
func (f *speakerFinder) resolveThey(w string, at int) string {
	d := f.d
	cur := f.sentenceOf(at)
	for s := cur; s >= 0 && s > cur-6; s-- {
		sent := d.Sentences[s]
		end := sent.End
		if s == cur {
			end = at
		}
		name, persons := f.personList(sent.Start, end)
		if name != "" {
			return name
		}
		if persons > 0 {
			break
		}
	}
	return w
}

// personList returns the first name of two or more person mentions in
// [from, to) joined only by commas and "and" ("Starmer, Merz and French
// President Emmanuel Macron"), or "", and the number of person mentions
// outside quotes.
func (f *speakerFinder) personList(from, to int) (string, int) {
	d := f.d
	lo := sort.Search(len(d.Mentions), func(k int) bool { return d.Mentions[k].Start >= from })
	first, n, prevEnd, prevEnt, persons := -1, 0, 0, -1, 0
	for k := lo; k < len(d.Mentions) && d.Mentions[k].End <= to; k++ {
		m := d.Mentions[k]
		if d.Entities[m.Entity].Type != model.Person || f.inQuote(m.Start) {
			continue
		}
		persons++
		joined := false
		if first >= 0 && m.Entity != prevEnt {
			gap := strings.TrimSpace(d.Text[prevEnd:m.Start])
			joined = gap == "," || gap == "and" || gap == ", and"
		}
		if joined {
			n++
			if n >= 1 {
				return d.Entities[d.Mentions[first].Entity].Name, persons
			}
		} else {
			first, n = k, 0
		}
		prevEnd, prevEnt = m.End, m.Entity
	}
	return "", persons
}

// subjectCandidate is the first person (or pronoun) of a clause.
type subjectCandidate struct {
	attribution
	pronoun bool
}

// subjectIn finds the first person mention or he/she in [from, to) that
// is not the object of a preposition nor a possessive owner.
func (f *speakerFinder) subjectIn(from, to int) (subjectCandidate, bool) {
	d := f.d
	var best subjectCandidate
	found := false
	lo := sort.Search(len(d.Mentions), func(k int) bool { return d.Mentions[k].Start >= from })
	for k := lo; k < len(d.Mentions) && d.Mentions[k].Start < to; k++ {
		m := d.Mentions[k]
		if d.Entities[m.Entity].Type != model.Person || f.inQuote(m.Start) || f.isObject(m.Start) {
			continue
		}
		if ownedAt(d.Text, m.End) {
			if seat := f.seatOf(d, m, d.Entities[m.Entity]); seat != "" {
				best, found = subjectCandidate{attribution: attribution{name: seat, span: m.Segment}}, true
				break
			}
			continue
		}
		best, found = subjectCandidate{attribution: attribution{name: d.Entities[m.Entity].Name, span: m.Segment}}, true
		break
	}
	for k := tokenAt(d.Tokens, from); k < len(d.Tokens) && d.Tokens[k].Start < to; k++ {
		t := d.Tokens[k]
		if found && t.Start >= best.span.Start {
			break
		}
		if w := d.Text[t.Start:t.End]; (w == "he" || w == "He" || w == "she" || w == "She") && !f.inQuote(t.Start) && !f.isObject(t.Start) {
			return subjectCandidate{attribution: attribution{name: w, span: Segment{t.Start, t.End}}, pronoun: true}, true
		}
	}
	return best, found
}

// subject names the subject of the clause in [from, to), a pronoun
// resolved.
func (f *speakerFinder) subject(from, to int) (attribution, bool) {
	c, ok := f.subjectIn(from, to)
	if !ok {
		return attribution{}, false
	}
	if c.pronoun {
		c.name = f.resolvePronoun(c.name, c.span.Start)
	}
	return c.attribution, true
}

// isObject reports whether the word at b follows a preposition.
func (f *speakerFinder) isObject(b int) bool {
	t := tokenAt(f.d.Tokens, b) - 1
	if t < 0 {
		return false
	}
	w := f.d.Text[f.d.Tokens[t].Start:f.d.Tokens[t].End]
	return objectMarkers[w] || objectMarkers[strings.ToLower(w)]
}

func (f *speakerFinder) mentionsStatement(from, to int) bool {
	for k := tokenAt(f.d.Tokens, from); k < len(f.d.Tokens) && f.d.Tokens[k].End <= to; k++ {
		t := f.d.Tokens[k]
		if lowerIn(statementWords, f.d.Text[t.Start:t.End]) {
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

// officeWords after a leader's name in the possessive name the seat of
// office speaking for them.
var officeWords = wordSet(`office offices spokesperson spokesman spokeswoman`)

// seatOf names the speaker when mention m is "<person>'s office": the
// seat of a known leader's office ("Downing Street"), else the words as
// written; "" when m is not followed by an office word.
func (f *speakerFinder) seatOf(d *Doc, m Mention, e model.Entity) string {
	if e.Type != model.Person {
		return ""
	}
	k := tokenAt(d.Tokens, m.End)
	for k < len(d.Tokens) && d.Tokens[k].Kind == Word && !officeWords[d.Text[d.Tokens[k].Start:d.Tokens[k].End]] && k < tokenAt(d.Tokens, m.End)+2 {
		k++
	}
	if k >= len(d.Tokens) || !officeWords[d.Text[d.Tokens[k].Start:d.Tokens[k].End]] {
		return ""
	}
	f2 := strings.Fields(e.Name)
	key := surnameKey(f2[len(f2)-1])
	for _, l := range f.g.leaders {
		if l.SurnameKey == key && l.Seat != "" {
			return l.Seat
		}
	}
	return d.Text[m.Start:d.Tokens[k].End] // "Netanyahu's office", as written
}

// ownedAt reports whether a possessive 's follows byte b: "Putin’s".
func ownedAt(text string, b int) bool {
	return strings.HasPrefix(text[b:], "'s") || strings.HasPrefix(text[b:], "’s")
}

func isOpenMark(s string) bool {
	switch s {
	case "“", "‘", "\"", "'", "«":
		return true
	}
	return false
}

// maxEchoQuotes bounds the quotes echoes compares, pair by pair.
const maxEchoQuotes = 100

// echoes gives a quote with no speaker the speaker of a longer quote in
// the article that holds its words: a lead's partial quote (united in
// their “strong resolve”) previews a sentence quoted in full and
// attributed further down. The nearest such quote wins; a quote of fewer
// than two words or 8 bytes echoes nothing.
func (f *speakerFinder) echoes(atts []attribution) {
	if len(atts) > maxEchoQuotes {
		return
	}
	var folded []string
	for i := range atts {
		if atts[i].name != "" {
			continue
		}
		q := f.quotes[i]
		if q.End-q.Start < 8 || !strings.Contains(strings.TrimSpace(f.d.Text[q.Start:q.End]), " ") {
			continue
		}
		if folded == nil {
			folded = make([]string, len(atts))
			for j, s := range f.quotes {
				if atts[j].name != "" || j == i {
					folded[j] = foldQuote(f.d.Text[s.Start:s.End])
				}
			}
		}
		if folded[i] == "" {
			folded[i] = foldQuote(f.d.Text[q.Start:q.End])
		}
		want := strings.Trim(folded[i], " .,;:!?")
		best := -1
		for j := range atts {
			if j == i || atts[j].name == "" || len(folded[j]) <= len(want) || !strings.Contains(folded[j], want) {
				continue
			}
			if best < 0 || absInt(j-i) < absInt(best-i) {
				best = j
			}
		}
		if best >= 0 {
			atts[i] = atts[best]
			atts[i].span = Segment{}
		}
	}
}

// foldQuote lower-cases s and folds curly apostrophes and dashes.
func foldQuote(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch r {
		case '’', '‘':
			r = '\''
		case '—', '–':
			r = '-'
		default:
			r = unicode.ToLower(r)
		}
		b.WriteRune(r)
	}
	return b.String()
}

func absInt(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// result returns the attribution of quote i, zero if it has none (an
// empty quote is never attributed).
func (f *speakerFinder) result(i int) attribution {
	if i < 0 || i >= len(f.results) {
		return attribution{}
	}
	return f.results[i]
}
