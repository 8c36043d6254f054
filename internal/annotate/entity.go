package annotate

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/storydesk/storydesk/internal/model"
)

// Mention is an entity mention inside the chain, in byte offsets.
type Mention struct {
	Segment
	// Entity indexes Doc.Entities.
	Entity int
	// Form is "name", "partial", "title+name", "nominal", "abbreviation",
	// "adjective" or "metonym".
	Form string
}

// Entities finds entity mentions and groups them into document entities:
// capitalised runs typed by the gazetteer, titles, name lists and head
// words; role nouns ("the Russian leader") linked to the person holding
// the role in the article.
type Entities struct {
	// ResolveRoles links role mentions to the person holding the role.
	ResolveRoles bool
}

// docEntity is an entity while the document is being read.
type docEntity struct {
	typ, name     string
	first, last   string // persons
	role, nation  string // persons: the last role and nationality seen
	lastSeen      int    // byte offset of the latest mention
	lastKey       string // surnameKey(last)
	fromGazetteer bool
}

// candidate is a capitalised name found in a sentence.
type candidate struct {
	span, head   Segment // whole mention; the name without title
	words        []Segment
	typ          string
	titled       bool // a title or honorific precedes the name
	honorific    string
	role, nation string
	form         string
	canonical    string
	initial      bool // the name opens its sentence
}

// Annotate implements Annotator.
func (e Entities) Annotate(d *Doc) {
	g := defaultGazetteer()
	sc := entityPool.Get().(*entityScratch)
	defer sc.put()
	r := entityReader{d: d, g: g, cands: sc.cands, ments: sc.ments, ents: sc.ents,
		byLast: sc.byLast, byFirst: sc.byFirst, byFull: sc.byFull, byThing: sc.byThing,
		surnameKeys: sc.surnameKeys, thingKeys: sc.thingKeys, slab: sc.slab}
	if cap(r.cands) < len(d.Tokens)/5+8 {
		r.cands = make([]candidate, 0, len(d.Tokens)/5+8)
	}
	if cap(r.slab) < len(d.Tokens)/2+8 {
		r.slab = make([]Segment, 0, len(d.Tokens)/2+8)
	}
	defer func() { sc.cands, sc.slab, sc.ments, sc.ents = r.cands, r.slab, r.ments, r.ents }()
	for si, s := range d.Sentences {
		r.sentence(si, s)
	}
	r.quotedNames()
	r.group()
	if e.ResolveRoles {
		r.roles()
		r.possessives()
		r.orgNominals()
		r.capitals()
		r.institutions()
	}
	r.events()
	r.output()
}

// entityScratch holds an entityReader's working slices and maps between
// articles; none of them is referred to once Entities has run.
type entityScratch struct {
	cands                  []candidate
	slab                   []Segment
	ments                  []Mention
	ents                   []docEntity
	byLast, byFirst        map[string][]int
	byFull, byThing        map[string]int
	surnameKeys, thingKeys map[string]string
}

var entityPool = sync.Pool{New: func() any {
	return &entityScratch{byLast: map[string][]int{}, byFirst: map[string][]int{}, byFull: map[string]int{},
		byThing: map[string]int{}, surnameKeys: map[string]string{}, thingKeys: map[string]string{}}
}}

// put empties s and returns it to the pool.
func (s *entityScratch) put() {
	s.cands, s.slab, s.ments, s.ents = s.cands[:0], s.slab[:0], s.ments[:0], s.ents[:0]
	clear(s.byLast)
	clear(s.byFirst)
	clear(s.byFull)
	clear(s.byThing)
	clear(s.surnameKeys)
	clear(s.thingKeys)
	entityPool.Put(s)
}

type entityReader struct {
	// byLast and byFirst index person entities by surname key and given
	// name, byThing other entities by thingKey; addresses lists entities
	// whose name holds a number ("10 Downing Street"), for "No 10".
	byLast, byFirst map[string][]int
	byFull          map[string]int // surname key + "|" + given name
	byThing         map[string]int
	addresses       []int
	// surnameKeys and thingKeys cache the keys of names already seen.
	surnameKeys, thingKeys map[string]string
	// slab holds the words of every candidate, one allocation for all.
	slab []Segment
	// count[e] is the number of mentions of entity e, built by roles.
	count []int
	// orgs and persons list the organisation and person entities, built
	// when roles and nominals are read.
	orgs, persons []int
	// personEnds and personStarts map the ends and starts of person
	// mentions to their entities.
	personEnds, personStarts map[int]int
	d                        *Doc
	g                        *gazetteer
	cands                    []candidate
	ents                     []docEntity
	ments                    []Mention
}

func (r *entityReader) word(s Segment) string { return r.d.Text[s.Start:s.End] }

func isCap(w string) bool {
	c, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(c)
}

// sentence collects the capitalised runs of sentence si.
func (r *entityReader) sentence(si int, s Segment) {
	toks := r.d.Tokens
	lo := tokenAt(toks, s.Start)
	hi := lo
	for hi < len(toks) && toks[hi].End <= s.End {
		hi++
	}
	firstWord := -1
	for i := lo; i < hi; {
		t := toks[i]
		if firstWord < 0 && t.Kind != Punct {
			firstWord = i
		}
		w := r.d.Text[t.Start:t.End]
		startsAddress := t.Kind == Number && len(w) <= 4 && i+1 < hi && toks[i+1].Kind == Word && isCap(r.word(toks[i+1].seg())) &&
			r.addressAhead(i+1, hi)
		if !(t.Kind == Word && isCap(w)) && !startsAddress {
			i++
			continue
		}
		j := i + 1
		for j < hi {
			if possessive(r.word(toks[j-1].seg())) {
				break
			}
			tj := toks[j]
			wj := r.d.Text[tj.Start:tj.End]
			if tj.Kind == Word && isCap(wj) {
				j++
				continue
			}
			// "Sen. Elizabeth Warren", "Gov. Gavin Newsom": the dot of a
			// title abbreviation does not end the name
			if wj == "." && j+1 < hi && toks[j+1].Kind == Word && isCap(r.word(toks[j+1].seg())) &&
				tj.Start == toks[j-1].End && lowerIn(abbreviations, r.word(toks[j-1].seg())) {
				j++
				continue
			}
			if tj.Kind == Number && (r.word(toks[j-1].seg()) == "No" || r.word(toks[j-1].seg()) == "Number") {
				j++
				break
			}
			if tj.Kind == Word && connectors[wj] {
				k := j
				for k < hi && toks[k].Kind == Word && connectors[r.word(toks[k].seg())] {
					k++
				}
				if k < hi && k-j <= 2 && toks[k].Kind == Word && isCap(r.word(toks[k].seg())) {
					j = k + 1
					continue
				}
			}
			break
		}
		from := len(r.slab)
		for k := i; k < j; k++ {
			if toks[k].Kind != Punct {
				r.slab = append(r.slab, toks[k].seg())
			}
		}
		words := r.slab[from:len(r.slab):len(r.slab)]
		if len(words) == 1 && strings.ContainsRune(w, '-') {
			r.hyphenated(words[0], i == firstWord, i)
		} else {
			r.chunk(words, i == firstWord, i)
		}
		i = j
	}
}

// addressAhead reports whether the capitalised run from token k ends in a
// street word, so that the number before it is a house number ("10
// Downing Street", "1600 Pennsylvania Avenue") and not a year or a count
// ("the 2016 US election", "3 Britons").
func (r *entityReader) addressAhead(k, hi int) bool {
	toks := r.d.Tokens
	last := ""
	for end := k + 6; k < hi && k < end && toks[k].Kind == Word && isCap(r.word(toks[k].seg())); k++ {
		last = r.word(toks[k].seg())
	}
	var buf [32]byte
	return facilityHeads[string(appendLower(buf[:0], last))]
}

func (t Token) seg() Segment { return Segment{t.Start, t.End} }

// tokenAt returns the index of the first token starting at or after b.
func tokenAt(toks []Token, b int) int {
	lo, hi := 0, len(toks)
	for lo < hi {
		m := (lo + hi) / 2
		if toks[m].Start < b {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

func possessive(w string) bool {
	return strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "’s")
}

func trimPossessive(s Segment, text string) Segment {
	w := text[s.Start:s.End]
	if strings.HasSuffix(w, "'s") {
		s.End -= 2
	} else if strings.HasSuffix(w, "’s") {
		s.End -= len("’s")
	}
	return s
}

// hyphenated splits "Trump-Putin" into its capitalised parts.
func (r *entityReader) hyphenated(s Segment, initial bool, tok int) {
	w := r.word(s)
	start := s.Start
	for k := 0; k <= len(w); k++ {
		if k == len(w) || w[k] == '-' {
			part := Segment{start, s.Start + k}
			if part.End > part.Start && isCap(r.word(part)) {
				r.chunk([]Segment{part}, initial && part.Start == s.Start, tok)
			}
			start = s.Start + k + 1
		}
	}
}

// chunk reads one capitalised run: strips openers, reads titles, types
// the name and records a candidate.
func (r *entityReader) chunk(words []Segment, initial bool, tok int) {
	text := r.d.Text
	words[len(words)-1] = trimPossessive(words[len(words)-1], text)
	// "Putin again woos Trump Trump had vowed …": a word straight after
	// itself is a heading run into the next sentence, not one name.
	for k := 1; k < len(words); k++ {
		if r.word(words[k]) == r.word(words[k-1]) {
			r.chunk(append([]Segment(nil), words[:k]...), initial, tok)
			r.chunk(append([]Segment(nil), words[k:]...), false, tokenAt(r.d.Tokens, words[k].Start))
			return
		}
	}
	// "US-based Institute …": a hyphenated adjective is not part of the name
	for len(words) > 1 {
		w := r.word(words[0])
		k := strings.LastIndexByte(w, '-')
		if k < 0 || k+1 >= len(w) || isCap(w[k+1:]) {
			break
		}
		words = words[1:]
		initial = false
	}
	// "ITV News Correspondent Robert Moore", "EU Commission President X":
	// an organisation before a title is a name of its own
	for k := 1; k < len(words)-1; k++ {
		if n, role := r.title(words[k:]); n > 0 && role != "honorific" {
			if _, isPlace := r.g.places[r.word(Segment{words[0].Start, words[k-1].End})]; isPlace {
				break
			}
			if k >= 2 || !r.isCommon(words[0]) {
				r.chunk(append([]Segment(nil), words[:k]...), initial, tok)
				words, initial = words[k:], false
			}
			break
		}
	}
	c := candidate{span: Segment{words[0].Start, words[len(words)-1].End}, initial: initial}
	// whole-run gazetteer hit, with or without a leading "The"
	if r.known(&c, words) {
		return
	}
	if n, _ := r.titleOf(words, len(words)); n == len(words) {
		return // a title alone ("the PM"): a role, read by roles
	}
	for len(words) > 0 {
		if n, role := r.title(words); n > 0 {
			c.titled = true
			if role == "honorific" {
				c.honorific = strings.ToLower(r.word(words[0]))
			} else {
				c.role = role
			}
			words = words[n:]
			continue
		}
		if p, ok := r.g.places[r.word(words[0])]; ok && len(words) > 1 {
			if n, _ := r.title(words[1:]); n > 0 {
				c.nation = p.Name
				r.add(candidate{span: words[0], head: words[0], words: words[:1], typ: p.Type, form: "adjective", canonical: p.Name})
				words = words[1:]
				continue
			}
		}
		if w0 := r.word(words[0]); (w0 == "No" || w0 == "Number") && len(words) == 2 && startsWithDigit(r.word(words[1])) {
			break
		}
		if r.isCommon(words[0]) || r.isTimeWord(words[0]) {
			words = words[1:]
			if len(words) > 0 {
				c.span.Start = words[0].Start
			}
			c.initial = false
			continue
		}
		break
	}
	if c.initial && len(words) >= 2 && !c.titled && !r.g.firstNames[r.word(words[0])] {
		// "Shifting Trump …": a participle or ordinary word opening the sentence
		lw := strings.ToLower(r.word(words[0]))
		if strings.HasSuffix(lw, "ing") || strings.HasSuffix(lw, "ly") || strings.HasSuffix(lw, "ed") || strings.Contains(text, " "+lw+" ") {
			words = words[1:]
			c.span.Start = words[0].Start
		}
	}
	for k, w := range words {
		if r.isTimeWord(w) {
			words = words[:k]
			break
		}
	}
	for len(words) > 0 && connectors[r.word(words[len(words)-1])] {
		words = words[:len(words)-1]
	}
	if len(words) == 0 {
		return
	}
	if !c.titled {
		c.span.Start = words[0].Start
		if r.known(&c, words) {
			return
		}
	}
	c.words = words
	c.head = Segment{words[0].Start, words[len(words)-1].End}
	r.lookBackTitle(&c, tok)
	c.typ = r.typeOf(&c)
	c.form = "name"
	if c.titled {
		c.form = "title+name"
	} else if len(words) == 1 && c.typ == model.Person {
		c.form = "partial"
	}
	r.add(c)
}

// known records words as a gazetteer place or organisation if they are one.
func (r *entityReader) known(c *candidate, words []Segment) bool {
	for skip := 0; skip < 2 && skip < len(words); skip++ {
		if skip == 1 && !strings.EqualFold(r.word(words[0]), "the") {
			break
		}
		ws := words[skip:]
		s := Segment{ws[0].Start, ws[len(ws)-1].End}
		name := r.word(s)
		if p, ok := r.g.places[name]; ok {
			form := "name"
			if p.Demonym {
				form = "adjective"
			}
			cand := candidate{span: s, head: s, words: ws, typ: p.Type, form: form, canonical: p.Name}
			if !p.Demonym {
				r.placeExtent(&cand)
			}
			r.add(cand)
			return true
		}
		o, ok := r.g.orgs[name]
		if !ok && len(ws) == 1 && len(name) >= 3 {
			// case variants of an acronym: Nato for NATO
			if o2, ok2 := lowerLookup(r.g.orgs, name); ok2 && upperForm(o2) {
				o, ok = o2, true
			}
		}
		if ok {
			form := "name"
			if o != name && upperForm(name) {
				form = "abbreviation"
			}
			r.add(candidate{span: s, head: s, words: ws, typ: model.Organization, form: form, canonical: o})
			return true
		}
	}
	return false
}

// title returns how many leading words form a title and its role.
func (r *entityReader) title(words []Segment) (int, string) {
	return r.titleOf(words, len(words)-1)
}

// titleOf is title over the first at most max words: with max =
// len(words) the title may take every word.
func (r *entityReader) titleOf(words []Segment, max int) (int, string) {
	var buf [96]byte
	for n := min(r.g.maxTitleWords, max); n >= 1; n-- {
		b := buf[:0]
		for k := 0; k < n; k++ {
			if k > 0 {
				b = append(b, ' ')
			}
			b = appendLower(b, r.word(words[k]))
		}
		if role, ok := r.g.titles[string(b)]; ok {
			return n, role
		}
	}
	return 0, ""
}

// lookBackTitle extends c over a lower-case title just before it ("press
// secretary Karoline Leavitt", "chief Mark Rutte") and a demonym before that.
func (r *entityReader) lookBackTitle(c *candidate, tok int) {
	if c.titled || tok == 0 {
		return
	}
	toks := r.d.Tokens
	var buf [96]byte
	for n := min(r.g.maxTitleWords, tok); n >= 1; n-- {
		b := buf[:0]
		ok := true
		for k := tok - n; k < tok; k++ {
			if toks[k].Kind != Word {
				ok = false
				break
			}
			if k > tok-n {
				b = append(b, ' ')
			}
			b = appendLower(b, r.word(toks[k].seg()))
		}
		if !ok {
			continue
		}
		if role, found := r.g.titles[string(b)]; found && role != "honorific" {
			c.titled, c.role = true, role
			c.span.Start = toks[tok-n].Start
			if k := tok - n - 1; k >= 0 {
				if p, ok := r.g.places[strings.TrimSuffix(strings.TrimSuffix(r.word(toks[k].seg()), "'s"), "’s")]; ok {
					c.nation = p.Name
				}
			}
			return
		}
	}
}

func (r *entityReader) add(c candidate) { r.cands = append(r.cands, c) }
