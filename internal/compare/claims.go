package compare

import (
	"slices"
	"sort"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/storydesk/storydesk/internal/model"
)

// claim is one clause of one article: the unit that alignment matches.
type claim struct {
	art         int    // index into the articles
	text        string // the clause as written
	sentence    string // the whole sentence holding it
	start, end  int    // rune span in the article text
	words       []word
	entities    []string // resolved entity ids mentioned in the clause
	numbers     []model.Quantity
	times       []model.TimeExpr
	frames      []frame   // determiner frames, for modifier clashes
	preds       []string  // predicate classes (see predicates)
	kinds       uint8     // the kinds of meeting of preds, a bit each (see meetingKinds)
	agents      []string  // resolved people the clause opens with: its subject
	people      []string  // the entities that are people
	places      []string  // the entities that are places
	days        []int32   // the calendar days its times name, as days since 1970
	terms       []int32   // term ids, sorted, unique
	values      []int32   // the terms that are numbers, sorted
	weights     []float32 // idf weight of each term
	norm        float32   // sum of weights
	classWeight float32   // the part of norm that predicate classes and frames give
	parent      int       // for a sub-clause, the index of its claim
	wordFrom    int       // for a sub-clause, the index of its first word in its claim's
	wordTerms   []int32   // the term id of each word, -1 for none
	sub         bool      // a sub-clause (see subClauses): it cites sentence
}

// clauseCuts are the joints at which a sentence splits into clauses when
// both sides are long enough to state something on their own.
var clauseCuts = []string{"; ", ", and ", ", but ", ", while ", ", whereas ", " – ", " — "}

// claims splits every article's sentences into clauses, skipping lines
// that read as headings, captions or credits, and returns them followed
// by their sub-clauses (see subClauses): out[:first] are the clauses.
func claims(arts []model.Article, anns []model.Annotations, opts Options) (out []claim, first int) {
	stems := map[string]wordInfo{}
	n := 0
	for i := range anns {
		n += len(anns[i].Sentences)
	}
	out = make([]claim, 0, n)
	subs := make([]claim, 0, 2*n)
	var classes []string // scratch, for one clause at a time
	var local annotationsWithin
	// The clauses' words are cut from shared blocks, each clause's
	// capped at its own length.
	var block []word
	for ai := range arts {
		if ai >= len(anns) {
			break
		}
		body := runeText{s: arts[ai].Text}
		body.init()
		for _, s := range anns[ai].Sentences {
			if s.Start < 0 || s.End > body.n || s.Start >= s.End {
				continue
			}
			text := body.slice(s.Start, s.End)
			if !statement(text, opts.MinClauseWords) {
				continue
			}
			ann := local.of(&anns[ai], s.Start, s.End)
			for _, cl := range splitClauses(text, opts.MinClauseWords) {
				c := claim{art: ai, sentence: strings.TrimSpace(text)}
				c.text = strings.TrimSpace(text[cl[0]:cl[1]])
				c.start = s.Start + utf8.RuneCountInString(text[:cl[0]])
				c.end = s.Start + utf8.RuneCountInString(text[:cl[1]])
				if guess := len(c.text)/6 + 1; cap(block)-len(block) < guess {
					block = make([]word, 0, max(guess, 1024))
				}
				from := len(block)
				block = appendWords(block, c.text)
				c.words = block[from:len(block):len(block)]
				attach(&c, ann)
				c.agents = agents(&c, ann)
				c.frames = frames(c.words)
				classes = wordClasses(classes, c.words, stems)
				c.preds = withSecond(distinct(classes), c.words, stems)
				c.kinds = kindsOf(c.preds)
				out = append(out, c)
				subs = subClauses(subs, &out[len(out)-1], len(out)-1, ann, classes, stems)
			}
		}
	}
	first = len(out)
	return append(out, subs...), first
}

// runeText gives the text of spans counted in runes. A text of valid
// UTF-8 gives them as substrings, found by walking on from the span
// before (sentences come in order); any other is read as runes once,
// each invalid byte becoming U+FFFD.
type runeText struct {
	s     string
	n     int    // runes in s
	runes []rune // s as runes, when s is not valid UTF-8
	r, b  int    // a rune offset in s and its byte offset
}

func (t *runeText) init() {
	if utf8.ValidString(t.s) {
		t.n = utf8.RuneCountInString(t.s)
		return
	}
	t.runes = []rune(t.s)
	t.n = len(t.runes)
}

// slice returns the runes [start, end) of the text, 0 <= start <= end <= n.
func (t *runeText) slice(start, end int) string {
	if t.runes != nil {
		return string(t.runes[start:end])
	}
	from := t.byteAt(start)
	return t.s[from:t.byteAt(end)]
}

func (t *runeText) byteAt(r int) int {
	if r < t.r {
		t.r, t.b = 0, 0
	}
	for ; t.r < r; t.r++ {
		_, size := utf8.DecodeRuneInString(t.s[t.b:])
		t.b += size
	}
	return t.b
}

// statement reports whether a sentence states something: it has enough
// words and, unless long, ends like a sentence (headings and captions
// often do not).
func statement(s string, minWords int) bool {
	n := countWords(s)
	if n < minWords {
		return false
	}
	t := strings.TrimRight(strings.TrimSpace(s), `"'”’)]`)
	if t == "" {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(t)
	ends := last == '.' || last == '!' || last == '?' || last == '…'
	return ends || n >= 12
}

// splitClauses returns byte ranges of s, cut at clauseCuts outside
// quotation marks when each part keeps at least minWords words. A part
// after a cut leaves out the joint ("and", "but", a dash), so that it
// reads as a statement of its own.
func splitClauses(s string, minWords int) [][2]int {
	var cuts [][2]int // where each joint begins and ends
	depth := 0
	for i, r := range s {
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
		if depth > 0 || r != ';' && r != ',' && r != ' ' {
			continue // every cut begins with one of these
		}
		for _, c := range clauseCuts {
			if strings.HasPrefix(s[i:], c) {
				cuts = append(cuts, [2]int{i, i + len(c)})
				break
			}
		}
	}
	var out [][2]int
	from := 0
	for _, c := range cuts {
		if countWords(s[from:c[0]]) >= minWords && countWords(s[c[1]:]) >= minWords {
			out = append(out, [2]int{from, c[0]})
			from = c[1]
		}
	}
	return append(out, [2]int{from, len(s)})
}

// attach gives a claim the entities, numbers and times inside its span;
// its agents are the caller's to set (see agents and subAgents).
func attach(c *claim, ann *model.Annotations) {
	in := func(sp model.Span) bool { return sp.Start >= c.start && sp.Start < c.end }
	for _, e := range ann.Entities {
		// The key is made only for an entity mentioned in the claim.
		key, keyed := e.ID, e.ID != ""
		for _, m := range e.Mentions {
			if !in(m.Span) {
				continue
			}
			if !keyed {
				key, keyed = strings.ToLower(e.Name), true
			}
			if !slices.Contains(c.entities, key) {
				c.entities = append(c.entities, key)
				switch e.Type {
				case model.Person:
					c.people = append(c.people, key)
				case model.GPE, model.Location:
					c.places = append(c.places, key)
				}
			}
		}
	}
	sort.Strings(c.entities)
	for _, q := range ann.Quantities {
		if in(q.Span) {
			c.numbers = append(c.numbers, q)
		}
	}
	for _, t := range ann.Times {
		if in(t.Span) {
			c.times = append(c.times, t)
			if calendarDay(t.Value) {
				if d, err := time.Parse(time.DateOnly, t.Value[:10]); err == nil {
					c.days = append(c.days, int32(d.Unix()/86400))
				}
			}
		}
	}
}

// agentLead are the words that may come before a clause's subject:
// conjunctions, articles and titles ("But Mr Zelensky rejected …").
var agentLead = setOf(`but and yet so then now meanwhile also the a of mr mrs ms sir dr`)

// agents returns the people a clause opens with, its subject as far as
// names tell: person mentions reached from the clause's start over
// capitalised words and agentLead words only, not in the possessive
// ("Putin's adviser" is not Putin), and the person a reporting verb
// follows ("…, Rubio told reporters"). "Those leaders said Trump …" has
// none.
func agents(c *claim, ann *model.Annotations) []string {
	var out []string
	for _, e := range ann.Entities {
		if e.Type != model.Person {
			continue
		}
		key := e.ID
		if key == "" {
			key = strings.ToLower(e.Name)
		}
		for _, m := range e.Mentions {
			if m.Span.Start < c.start || m.Span.Start >= c.end || m.Text == "" {
				continue
			}
			at := strings.Index(c.text, m.Text)
			if at < 0 || !leadsClause(c, at, at+len(m.Text)) && !speaks(c, at+len(m.Text)) {
				continue
			}
			if !slices.Contains(out, key) {
				out = append(out, key)
			}
		}
	}
	sort.Strings(out)
	return out
}

// reportingVerbs name the act of saying; the person just before one is
// the clause's speaker ("…, Rubio told reporters").
var reportingVerbs = setOf(`said says told tells added wrote writes stated announced warned insisted stressed noted argued claimed posted`)

// speaks reports whether the word after byte to of c is a reporting verb.
func speaks(c *claim, to int) bool {
	for _, w := range c.words {
		if w.start >= to {
			return reportingVerbs[w.text]
		}
	}
	return false
}

// leadsClause reports whether the text of c from byte from to to is
// reached from the clause start over capitalised words and agentLead
// words only, and is not followed by a possessive.
func leadsClause(c *claim, from, to int) bool {
	rest := c.text[to:]
	if strings.HasPrefix(rest, "'s") || strings.HasPrefix(rest, "’s") {
		return false
	}
	for _, w := range c.words {
		if w.start >= from {
			return true
		}
		r, _ := utf8.DecodeRuneInString(w.raw)
		if !unicode.IsUpper(r) && !agentLead[w.text] {
			return false
		}
	}
	return true
}
