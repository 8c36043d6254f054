package compare

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/storydesk/storydesk/internal/model"
)

// A sentence often carries several facts: "Ramos, who will not attend
// the summit, met the minister on Monday, after talks in Lima" says
// that Ramos stays away, that he met the minister and that talks came
// first. subClauses cuts each claim once, when claims are built, into
// the clauses such a sentence is made of; each becomes a claim of its
// own that cites the whole sentence, and may join a fact of other
// articles only on a strong match (see strong).

// subKind says how a sub-clause hangs on its sentence, which decides
// whose act it tells.
type subKind uint8

const (
	subMain     subKind = iota + 1 // the main clause or a comma-cut part of it
	subRelative                    // ", who …", ", which …": about the word before
	subAdjunct                     // "after …", "ahead of …": a time or cause
	subParticle                    // ", saying …": the main subject goes on
	subReported                    // "said that …": what someone said
)

// relativeWords open a relative clause after a comma.
var relativeWords = setOf(`who which whose where whom`)

// adjunctWords open an adverbial clause or phrase, with or without a
// comma before it; "ahead" counts when "of" follows.
var adjunctWords = setOf(`after before following amid when while because despite since although though unless until ahead`)

// minSubWords is the fewest words a sub-clause needs to state something.
const minSubWords = 5

// subClauses appends to cs the sub-clauses of the claim c (see the
// comment above), each with parent set to i, its index. classes are the
// predicate classes of c's words (see wordClasses), cache their word
// infos (see infoOf); ann holds the
// annotations of c's sentence. A claim with no joint gives none.
func subClauses(cs []claim, c *claim, i int, ann *model.Annotations, classes []string, cache map[string]wordInfo) []claim {
	ws := c.words
	if len(ws) < 2*minSubWords {
		return cs
	}
	type cut struct {
		at   int // word index where the part begins
		kind subKind
	}
	var cuts []cut
	depth := 0
	for k := 1; k < len(ws); k++ {
		gap := c.text[ws[k-1].end:ws[k].start]
		for _, r := range gap {
			switch r {
			case '“':
				depth++
			case '”':
				if depth > 0 {
					depth--
				}
			case '"':
				depth = 1 - depth
			}
		}
		if depth > 0 {
			continue
		}
		comma := gap != " " && strings.ContainsAny(gap, ",;:()–—")
		if comma && listedAdjective(ws, k, gap) {
			continue
		}
		w := ws[k].text
		lower := startsLower(ws[k].raw)
		switch {
		case comma && relativeWords[w]:
			cuts = append(cuts, cut{k, subRelative})
		case adjunctWords[w] && lower && (w != "ahead" || k+1 < len(ws) && ws[k+1].text == "of"):
			cuts = append(cuts, cut{k, subAdjunct})
		case comma && lower && len(w) > 5 && strings.HasSuffix(w, "ing"):
			cuts = append(cuts, cut{k, subParticle})
		case !comma && reportingVerbs[ws[k-1].text]:
			// "told reporters that …": what was said begins at "that".
			at := k
			for j := k; j < len(ws) && j < k+3; j++ {
				if ws[j].text == "that" {
					at = j
					break
				}
			}
			cuts = append(cuts, cut{at, subReported})
			k = at
		case comma:
			cuts = append(cuts, cut{k, subMain})
		}
	}
	if len(cuts) == 0 {
		return cs
	}
	first := subMain
	if adjunctWords[ws[0].text] {
		first = subAdjunct
	}
	cuts = append([]cut{{0, first}}, cuts...)
	for k, ct := range cuts {
		to := len(ws)
		if k+1 < len(cuts) {
			to = cuts[k+1].at
		}
		if to-ct.at < minSubWords || ct.at == 0 && to == len(ws) {
			continue
		}
		// "Ramos, who …" reads as a statement with its person.
		begin := ct.at
		if ct.kind == subRelative {
			if lead := antecedent(c, ct.at, ann); lead >= 0 {
				begin = lead
			}
		}
		from, end := ws[begin].start, ws[to-1].end
		text := strings.TrimRight(c.text[from:end], ",;:–— ")
		s := claim{art: c.art, sentence: c.sentence, text: text, parent: i, sub: true, wordFrom: begin}
		s.start = c.start + utf8.RuneCountInString(c.text[:from])
		s.end = s.start + utf8.RuneCountInString(text)
		s.words = make([]word, 0, to-begin)
		for _, w := range ws[begin:to] {
			w.start, w.end = w.start-from, w.end-from
			s.words = append(s.words, w)
		}
		attach(&s, ann)
		s.agents = subAgents(c, &s, ct.kind, ct.at, ann)
		for _, a := range s.agents {
			if !slices.Contains(s.entities, a) {
				s.entities = append(s.entities, a)
			}
		}
		slices.Sort(s.entities)
		// No frames: only sentence claims are checked for clashes.
		s.preds = withSecond(distinct(classes[begin:to]), s.words, cache)
		s.kinds = kindsOf(s.preds)
		cs = append(cs, s)
	}
	return cs
}

// subAgents returns whose act the sub-clause s of c tells: its own
// subject when it opens with one; else, for a part of the main clause or
// a participle, the sentence's subject, and for "who …" the person just
// before it. What a "which" clause or an adjunct tells has no subject
// but its own.
func subAgents(c, s *claim, kind subKind, at int, ann *model.Annotations) []string {
	if kind == subAdjunct && len(s.words) > 1 {
		// The subject comes after the opening word: "after Ramos met …".
		skip := 1
		if s.words[0].text == "ahead" {
			skip = 2
		}
		inner := *s
		inner.text = s.text[s.words[skip].start:]
		inner.start = s.start + utf8.RuneCountInString(s.text[:s.words[skip].start])
		inner.words = nil
		for _, w := range s.words[skip:] {
			w.start, w.end = w.start-s.words[skip].start, w.end-s.words[skip].start
			inner.words = append(inner.words, w)
		}
		return agents(&inner, ann)
	}
	if own := agents(s, ann); len(own) > 0 {
		return own
	}
	switch kind {
	case subMain, subParticle:
		// The sentence's subject, when named before the clause: a
		// speaker named after it ("…, Ramos said") did not do it.
		var out []string
		for _, a := range c.agents {
			if namedBefore(c, a, s.start, ann) {
				out = append(out, a)
			}
		}
		return out
	case subRelative:
		if s.words[0].text != "who" && s.words[0].text != "whom" {
			return nil
		}
		if lead := antecedent(c, at, ann); lead >= 0 {
			return personAt(c, lead, ann)
		}
	}
	return nil
}

// articles open a noun phrase.
var articles = setOf(`a an the`)

// listedAdjective reports whether the comma in gap, before word k, only
// lists the adjectives of one noun phrase ("a long, costly war", "the
// second, larger meeting"): an article just before the word before it.
func listedAdjective(ws []word, k int, gap string) bool {
	return k >= 2 && strings.TrimSpace(gap) == "," && articles[ws[k-2].text] && startsLower(ws[k].raw)
}

func startsLower(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLower(r)
}

// namedBefore reports whether entity id has a mention in claim c before
// rune offset at.
func namedBefore(c *claim, id string, at int, ann *model.Annotations) bool {
	for _, e := range ann.Entities {
		key := e.ID
		if key == "" {
			key = strings.ToLower(e.Name)
		}
		if key != id {
			continue
		}
		for _, m := range e.Mentions {
			if m.Span.Start >= c.start && m.Span.Start < at {
				return true
			}
		}
	}
	return false
}

// annotationsWithin cuts from an article's annotations those of one
// sentence, reusing its buffers: what one cut returns is good until the
// next.
type annotationsWithin struct {
	ann      model.Annotations
	mentions []model.Mention
}

// of returns the annotations of ann that begin inside the rune span
// [from, to): what the clauses of one sentence can hold.
func (w *annotationsWithin) of(ann *model.Annotations, from, to int) *model.Annotations {
	in := func(sp model.Span) bool { return sp.Start >= from && sp.Start < to }
	out := &w.ann
	out.Entities, out.Quantities, out.Times = out.Entities[:0], out.Quantities[:0], out.Times[:0]
	w.mentions = w.mentions[:0]
	for _, e := range ann.Entities {
		at := len(w.mentions)
		for _, m := range e.Mentions {
			if in(m.Span) {
				w.mentions = append(w.mentions, m)
			}
		}
		if len(w.mentions) > at {
			e.Mentions = w.mentions[at:len(w.mentions):len(w.mentions)]
			out.Entities = append(out.Entities, e)
		}
	}
	for _, q := range ann.Quantities {
		if in(q.Span) {
			out.Quantities = append(out.Quantities, q)
		}
	}
	for _, t := range ann.Times {
		if in(t.Span) {
			out.Times = append(out.Times, t)
		}
	}
	return out
}

// antecedent returns the index of the first word of the person named
// just before the "who" or "whom" clause that begins at word at of c,
// or -1.
func antecedent(c *claim, at int, ann *model.Annotations) int {
	if w := c.words[at].text; w != "who" && w != "whom" {
		return -1
	}
	before := c.words[at-1].end
	for _, e := range ann.Entities {
		if e.Type != model.Person {
			continue
		}
		for _, m := range e.Mentions {
			if m.Text == "" || m.Span.Start < c.start || m.Span.Start >= c.end {
				continue
			}
			from := strings.LastIndex(c.text[:before], m.Text)
			if from < 0 || from+len(m.Text) != before {
				continue
			}
			for k := at - 1; k >= 0; k-- {
				if c.words[k].start == from {
					return k
				}
			}
		}
	}
	return -1
}

// personAt returns the id of the person whose mention begins at word k
// of c.
func personAt(c *claim, k int, ann *model.Annotations) []string {
	from := c.words[k].start
	for _, e := range ann.Entities {
		if e.Type != model.Person {
			continue
		}
		for _, m := range e.Mentions {
			if m.Text != "" && m.Span.Start >= c.start && m.Span.Start < c.end && strings.HasPrefix(c.text[from:], m.Text) {
				key := e.ID
				if key == "" {
					key = strings.ToLower(e.Name)
				}
				return []string{key}
			}
		}
	}
	return nil
}
