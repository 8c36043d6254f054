package annotate

import (
	"strings"

	"github.com/storydesk/storydesk/internal/model"
)

// headRoles are the roles "leader" can stand for.
var headRoles = wordSet(`president|prime minister|chancellor`)

// roles finds role mentions — "the prime minister", "the PM", "the
// Ukrainian president", "Russia's leader" — and links each to the person
// holding that role in the article: a person titled with the role (and
// nationality, if given) mentioned before it, else one the leaders list
// names for the role whose surname the article mentions.
func (r *entityReader) roles() {
	toks := r.d.Tokens
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if t.Kind != Word {
			continue
		}
		w := r.word(t.seg())
		nation := ""
		j := i + 1
		adjective := -1 // token of a demonym inside the phrase
		holder := -1    // a person the phrase stands in apposition to
		switch {
		case w == "the" || w == "The":
			if j < len(toks) && toks[j].Kind == Word {
				if p, ok := r.g.places[r.word(toks[j].seg())]; ok {
					nation = p.Name
					adjective = j
					j++
				}
			}
		case i >= 2 && r.word(toks[i-1].seg()) == "," && r.g.places[w].Type == model.GPE:
			// "Keir Starmer, UK prime minister, said": apposition
			holder = r.personEndingAt(toks[i-2].End)
			if holder < 0 {
				continue
			}
			nation = r.g.places[w].Name
		case possessive(w):
			p, ok := r.g.places[r.word(trimPossessive(t.seg(), r.d.Text))]
			if !ok || p.Type != model.GPE {
				continue
			}
			nation = p.Name
		default:
			continue
		}
		n, role := r.roleAt(j)
		if n == 0 || !personRoles[role] {
			continue
		}
		end := j + n
		if end < len(toks) && toks[end].Kind == Word && isCap(r.word(toks[end].seg())) {
			continue // a title before a name, read by chunk
		}
		span := Segment{t.Start, toks[end-1].End}
		e := holder
		if e < 0 {
			e = r.holder(role, nation, span.Start)
		}
		if e >= 0 {
			r.ments = append(r.ments, Mention{Segment: span, Entity: e, Form: "nominal"})
			if e < len(r.count) {
				r.count[e]++
			}
			if adjective >= 0 {
				p := r.g.places[r.word(toks[adjective].seg())]
				seg := toks[adjective].seg()
				r.cands = append(r.cands, candidate{span: seg, head: seg, words: []Segment{seg}, typ: p.Type, form: "adjective", canonical: p.Name})
				r.attach(len(r.cands)-1, r.thing(&r.cands[len(r.cands)-1]))
			}
		}
		i = end - 1
	}
}

// personEndingAt returns the person entity with a mention ending at byte
// b, or -1.
func (r *entityReader) personEndingAt(b int) int {
	if r.personEnds == nil {
		r.personEnds = map[int]int{}
		for _, m := range r.ments {
			if r.ents[m.Entity].typ == model.Person {
				r.personEnds[m.End] = m.Entity
			}
		}
	}
	if e, ok := r.personEnds[b]; ok {
		return e
	}
	return -1
}

// roleAt reads a role title starting at token j.
func (r *entityReader) roleAt(j int) (int, string) {
	toks := r.d.Tokens
	var wordsBuf [8]Segment
	words := wordsBuf[:0]
	for k := j; k < len(toks) && k < j+r.g.maxTitleWords; k++ {
		if toks[k].Kind != Word {
			break
		}
		words = append(words, trimPossessive(toks[k].seg(), r.d.Text)) // "the Russian president’s summit"
		if possessive(r.word(toks[k].seg())) {
			break
		}
	}
	var buf [96]byte
	for n := len(words); n >= 1; n-- {
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

func roleFits(want, have string) bool {
	return want == have || want == "leader" && headRoles[have]
}

// holder returns the person entity holding role (in nation, if given).
func (r *entityReader) holder(role, nation string, at int) int {
	best := -1
	people := r.people()
	for _, i := range people {
		e := &r.ents[i]
		fits := roleFits(role, e.role) && (nation == "" || e.nation == "" || e.nation == nation)
		if fits && nation != "" && e.nation == "" {
			fits = r.leaderOf(e, role, nation)
		}
		if !fits && nation == "" {
			fits = r.leaderOf(e, role, "") // "the president": titled here or known to hold the office
		}
		if !fits {
			continue
		}
		if best < 0 || r.preferHolder(i, best, nation, at) {
			best = i
		}
	}
	if best >= 0 {
		return best
	}
	for _, i := range people {
		e := &r.ents[i]
		if r.leaderOf(e, role, nation) {
			if best < 0 || better(e.lastSeen, r.ents[best].lastSeen, at) {
				best = i
			}
		}
	}
	return best
}

// people lists the person entities (the latest 256 on pathological text).
func (r *entityReader) people() []int {
	if r.persons == nil {
		r.persons = []int{}
		for i := range r.ents {
			if r.ents[i].typ == model.Person {
				r.persons = append(r.persons, i)
			}
		}
	}
	if len(r.persons) > 256 {
		return r.persons[len(r.persons)-256:]
	}
	return r.persons
}

// preferHolder picks between two people holding a role. With a
// nationality the latest mentioned wins; without one ("the president")
// the one mentioned most, as the article's main holder of the role.
func (r *entityReader) preferHolder(a, b int, nation string, at int) bool {
	if nation == "" {
		na, nb := r.mentionCount(a), r.mentionCount(b)
		if na != nb {
			return na > nb
		}
	}
	return better(r.ents[a].lastSeen, r.ents[b].lastSeen, at)
}

func (r *entityReader) mentionCount(e int) int {
	if r.count == nil {
		r.count = make([]int, len(r.ents))
		for _, m := range r.ments {
			if m.Entity < len(r.count) {
				r.count[m.Entity]++
			}
		}
	}
	if e < len(r.count) {
		return r.count[e]
	}
	return 0
}

// better prefers the latest mention before at, then the earliest after.
func better(a, b, at int) bool {
	if (a <= at) != (b <= at) {
		return a <= at
	}
	if a <= at {
		return a > b
	}
	return a < b
}

// leaderOf reports whether the leaders list gives e the role in nation.
func (r *entityReader) leaderOf(e *docEntity, role, nation string) bool {
	for _, l := range r.g.leaders {
		if !roleFits(role, l.Role) || nation != "" && l.Country != nation {
			continue
		}
		if l.SurnameKey == e.lastKey {
			if e.nation == "" {
				e.nation = l.Country
			}
			return true
		}
	}
	return false
}

// possessives reads two phrases built on a person's possessive:
// "Starmer's office" (the seat of a leader's office, from the leaders
// list) and "Putin's foreign policy adviser, Yuri Ushakov" (a role in
// apposition to the name after it).
func (r *entityReader) possessives() {
	toks := r.d.Tokens
	n := len(r.ments)
	for mi := 0; mi < n; mi++ {
		m := r.ments[mi]
		e := &r.ents[m.Entity]
		if e.typ != model.Person || !ownedAt(r.d.Text, m.End) {
			continue
		}
		k := tokenAt(toks, m.End) // the word after "Starmer's"
		if k >= len(toks) {
			continue
		}
		if w := r.word(toks[k].seg()); officeWords[w] {
			seat := ""
			for _, l := range r.g.leaders {
				if l.SurnameKey == e.lastKey && l.Seat != "" {
					seat = l.Seat
				}
			}
			if seat != "" {
				span := Segment{m.Start, toks[k].End}
				c := candidate{span: span, head: span, typ: model.Organization, form: "metonym", canonical: seat}
				r.cands = append(r.cands, c)
				r.attach(len(r.cands)-1, r.thing(&r.cands[len(r.cands)-1]))
			}
			continue
		}
		// lower-case words up to a role noun, then ", Name"
		end := -1
		for j := k; j < len(toks) && j < k+5 && toks[j].Kind == Word && !isCap(r.word(toks[j].seg())); j++ {
			if _, ok := r.g.titles[strings.ToLower(r.word(toks[j].seg()))]; ok {
				end = j
			}
		}
		if end < 0 || end+2 >= len(toks) || r.word(toks[end+1].seg()) != "," {
			continue
		}
		if p := r.personStartingAt(toks[end+2].Start); p >= 0 {
			r.ments = append(r.ments, Mention{Segment: Segment{m.Start, toks[end].End}, Entity: p, Form: "nominal"})
		}
	}
}

// personStartingAt returns the person entity with a mention starting at
// byte b, or -1.
func (r *entityReader) personStartingAt(b int) int {
	if r.personStarts == nil {
		r.personStarts = map[int]int{}
		for _, m := range r.ments {
			if r.ents[m.Entity].typ == model.Person {
				r.personStarts[m.Start] = m.Entity
			}
		}
	}
	if e, ok := r.personStarts[b]; ok {
		return e
	}
	return -1
}
