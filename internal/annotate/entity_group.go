package annotate

import (
	"cmp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/storydesk/storydesk/internal/model"
)

// group turns candidates into document entities: multi-word person names
// first, so that a surname or "Sir Keir" before the full name still finds
// it; then everything else in text order.
func (r *entityReader) group() {
	done := make([]bool, len(r.cands))
	for i := range r.cands {
		c := &r.cands[i]
		if c.typ == model.Person && len(c.words) >= 2 {
			r.attach(i, r.person(c))
			done[i] = true
		}
	}
	persons := r.singlePersons()
	for i := range r.cands {
		if done[i] {
			continue
		}
		c := &r.cands[i]
		if c.typ == "" && len(c.words) == 1 && persons[r.word(c.head)] {
			c.typ = model.Person // "outside Starmer's offices" where "Starmer said" elsewhere
		}
		switch {
		case c.typ == model.Person || c.typ == "":
			if e := r.personByPart(c); e >= 0 {
				c.typ, c.form = model.Person, "partial"
				if c.titled {
					c.form = "title+name"
				}
				r.attach(i, e)
				continue
			}
			if c.typ == "" {
				if c.initial && r.weakOpener(c) {
					continue // "Unfortunately", "Borders": a capital only by position
				}
				c.typ = r.guessSingle(c)
			}
			if c.typ == model.Person {
				r.attach(i, r.person(c))
				continue
			}
			r.attach(i, r.thing(c))
		default:
			if w := r.word(c.head); len(c.words) == 1 && c.canonical == "" && strings.ToUpper(w) == w {
				// "COOPER:" in a transcript is the surname of "ANDERSON COOPER"
				if e := r.personByPart(c); e >= 0 {
					c.typ, c.form = model.Person, "partial"
					r.attach(i, e)
					continue
				}
			}
			r.attach(i, r.thing(c))
		}
	}
	r.mergeAcronyms()
}

// singlePersons lists the lone capitalised words of unknown type that the
// document shows to be a person somewhere (a cue verb after one, a known
// leader's surname), so that every occurrence of the word is typed alike
// whatever the words around it ("outside Starmer's offices").
func (r *entityReader) singlePersons() map[string]bool {
	var m map[string]bool
	for i := range r.cands {
		c := &r.cands[i]
		if c.typ != "" || len(c.words) != 1 {
			continue
		}
		w := r.word(c.head)
		if m[w] {
			continue
		}
		k := tokenAt(r.d.Tokens, c.span.Start)
		if r.g.leaderSurnames[r.surnameKey(w)] ||
			k+1 < len(r.d.Tokens) && r.g.cues[r.word(r.d.Tokens[k+1].seg())] {
			if m == nil {
				m = map[string]bool{}
			}
			m[w] = true
		}
	}
	return m
}

// weakOpener reports whether a lone sentence-initial word is an ordinary
// word: it occurs in lower case, ends in -ly, or occurs nowhere else.
func (r *entityReader) weakOpener(c *candidate) bool {
	w := r.word(c.head)
	k := tokenAt(r.d.Tokens, c.span.Start)
	if k+1 < len(r.d.Tokens) && r.g.cues[r.word(r.d.Tokens[k+1].seg())] {
		return false
	}
	if r.g.leaderSurnames[r.surnameKey(w)] {
		return false
	}
	lw := strings.ToLower(w)
	return strings.HasSuffix(lw, "ly") || strings.Count(r.d.Text, w) == 1 || strings.Contains(r.d.Text, " "+lw+" ")
}

// guessSingle types a lone capitalised word that names no known person.
func (r *entityReader) guessSingle(c *candidate) string {
	toks := r.d.Tokens
	k := tokenAt(toks, c.span.Start)
	if k > 0 {
		switch strings.ToLower(r.word(toks[k-1].seg())) {
		case "in", "at", "from", "near", "outside", "to", "into", "village", "town", "city":
			return model.GPE
		}
	}
	if k+1 < len(toks) && r.g.cues[r.word(toks[k+1].seg())] {
		return model.Person
	}
	if r.g.leaderSurnames[r.surnameKey(r.word(c.head))] {
		return model.Person
	}
	return model.Organization
}

// person returns the entity for a person candidate, creating it.
func (r *entityReader) person(c *candidate) int {
	first, last := "", r.word(c.words[len(c.words)-1])
	if len(c.words) >= 2 {
		first = r.word(c.words[0])
	}
	if first == last {
		first = "" // "Trump Trump": a heading run into a sentence
	} else if len(c.words) == 1 && (c.honorific == "sir" || c.honorific == "dame") {
		first, last = last, ""
	}
	key := r.surnameKey(last)
	if last != "" {
		if first != "" {
			if i, ok := r.byFull[key+"|"+first]; ok {
				return i
			}
		}
		for _, i := range lastFew(r.byLast[key]) {
			e := &r.ents[i]
			if first == "" || e.first == "" {
				if e.first == "" && first != "" {
					e.first = first
					r.byFirst[first] = append(r.byFirst[first], i)
					r.byFull[key+"|"+first] = i
				}
				return i
			}
		}
	}
	r.ents = append(r.ents, docEntity{typ: model.Person, first: first, last: last, lastKey: key})
	i := len(r.ents) - 1
	if last != "" {
		r.byLast[key] = append(r.byLast[key], i)
		if first != "" {
			r.byFull[key+"|"+first] = i
		}
	}
	if first != "" {
		r.byFirst[first] = append(r.byFirst[first], i)
	}
	return i
}

// lastFew bounds a scan to the latest entities of a list: a name shared
// by thousands of entities only happens in pathological text.
func lastFew(list []int) []int {
	if len(list) > 32 {
		return list[len(list)-32:]
	}
	return list
}

// personByPart finds the person a one-word name refers to: a surname, or
// a first name after Sir or Dame; the latest one mentioned wins.
func (r *entityReader) personByPart(c *candidate) int {
	if len(c.words) != 1 {
		return -1
	}
	w := r.word(c.words[0])
	key := r.surnameKey(w)
	best := -1
	for _, i := range append(lastFew(r.byLast[key]), lastFew(r.byFirst[w])...) {
		e := &r.ents[i]
		if e.lastKey == key || (e.first == w && (c.honorific == "sir" || c.honorific == "dame" || c.honorific == "")) {
			if e.first == w && e.last != w && c.honorific == "" {
				continue // a bare first name is too weak
			}
			if best < 0 || e.lastSeen > r.ents[best].lastSeen {
				best = i
			}
		}
	}
	return best
}

// thing returns the entity for a non-person candidate, creating it.
func (r *entityReader) thing(c *candidate) int {
	name := c.canonical
	if name == "" {
		name = r.word(c.head)
	}
	key, ok := r.thingKeys[name]
	if !ok {
		key = thingKey(name)
		r.thingKeys[name] = key
	}
	i, ok := r.byThing[key]
	if !ok && strings.ContainsAny(name, "0123456789") {
		for _, a := range r.addresses {
			if sameAddress(r.ents[a].name, name) {
				i, ok = a, true
				break
			}
		}
	}
	if ok {
		e := &r.ents[i]
		if len(name) > len(e.name) && !e.fromGazetteer && !startsWithDigit(name) {
			e.name = name
		}
		r.byThing[key] = i
		return i
	}
	r.ents = append(r.ents, docEntity{typ: c.typ, name: name, fromGazetteer: c.canonical != ""})
	i = len(r.ents) - 1
	r.byThing[key] = i
	if strings.ContainsAny(name, "0123456789") && len(r.addresses) < 64 {
		r.addresses = append(r.addresses, i)
	}
	return i
}

func startsWithDigit(s string) bool { return s != "" && s[0] >= '0' && s[0] <= '9' }

// thingKey normalises an organisation or place name: case, a leading
// "the", and street abbreviations.
func thingKey(name string) string {
	var buf [128]byte
	low := appendLower(buf[:0], name)
	// the words of low as byte ranges; more than fit are rare, and go the
	// slow way
	var fields [16][2]int
	n := 0
	for i := 0; i < len(low); {
		r, size := rune(low[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRune(low[i:])
		}
		if unicode.IsSpace(r) {
			i += size
			continue
		}
		if n == len(fields) {
			return thingKeySlow(name)
		}
		start := i
		for i < len(low) {
			r, size := rune(low[i]), 1
			if r >= utf8.RuneSelf {
				r, size = utf8.DecodeRune(low[i:])
			}
			if unicode.IsSpace(r) {
				break
			}
			i += size
		}
		fields[n] = [2]int{start, i}
		n++
	}
	f := fields[:n]
	if len(f) > 0 && string(low[f[0][0]:f[0][1]]) == "the" {
		f = f[1:]
	}
	if len(f) > 1 && low[f[0][0]] >= '0' && low[f[0][0]] <= '9' {
		f = f[1:] // house number
	}
	var b strings.Builder
	b.Grow(len(low))
	for k, w := range f {
		if k > 0 {
			b.WriteByte(' ')
		}
		word := low[w[0]:w[1]]
		bare := word
		if len(bare) > 0 && bare[len(bare)-1] == '.' {
			bare = bare[:len(bare)-1]
		}
		switch {
		case string(bare) == "st":
			b.WriteString("street")
		case string(bare) == "rd":
			b.WriteString("road")
		case string(bare) == "ave":
			b.WriteString("avenue")
		case string(bare) == "sq":
			b.WriteString("square")
		default:
			b.Write(word)
		}
	}
	return b.String()
}

// thingKeySlow is thingKey over any number of words.
func thingKeySlow(name string) string {
	f := strings.Fields(strings.ToLower(name))
	if len(f) > 0 && f[0] == "the" {
		f = f[1:]
	}
	for i, w := range f {
		switch strings.TrimSuffix(w, ".") {
		case "st":
			f[i] = "street"
		case "rd":
			f[i] = "road"
		case "ave":
			f[i] = "avenue"
		case "sq":
			f[i] = "square"
		}
	}
	if len(f) > 1 && startsWithDigit(f[0]) {
		f = f[1:] // house number
	}
	return strings.Join(f, " ")
}

// sameAddress reports whether "No 10" / "Number 10" names the house at
// "10 Downing Street".
func sameAddress(a, b string) bool {
	num := func(s string) string {
		f := strings.Fields(s)
		if len(f) == 2 && (f[0] == "No" || f[0] == "Number" || f[0] == "No.") {
			return f[1]
		}
		return ""
	}
	house := func(s string) string {
		f := strings.Fields(s)
		if len(f) >= 3 && startsWithDigit(f[0]) {
			return f[0]
		}
		return ""
	}
	if n := num(a); n != "" && n == house(b) {
		return true
	}
	if n := num(b); n != "" && n == house(a) {
		return true
	}
	return false
}

// mergeAcronyms folds "ISW" into "Institute for the Study of War".
func (r *entityReader) mergeAcronyms() {
	var buf [32]byte
	for i := range r.ents {
		e := &r.ents[i]
		if e.typ == model.Person || len(e.name) < 2 || !upperForm(e.name) || strings.ContainsRune(e.name, ' ') {
			continue
		}
		for j := range r.ents {
			if j == i || r.ents[j].typ == model.Person || string(appendAcronym(buf[:0], r.ents[j].name)) != e.name {
				continue
			}
			for k := range r.ments {
				if r.ments[k].Entity == i {
					r.ments[k].Entity = j
					r.ments[k].Form = "abbreviation"
				}
			}
			e.typ = "merged"
		}
	}
}

// acronym returns the capitals of a multi-word name's capitalised words.
func acronym(name string) string {
	var buf [32]byte
	return string(appendAcronym(buf[:0], name))
}

// appendAcronym appends acronym(name) to dst.
func appendAcronym(dst []byte, name string) []byte {
	from, words := len(dst), 0
	for i := 0; i < len(name); {
		r, size := utf8.DecodeRuneInString(name[i:])
		if unicode.IsSpace(r) {
			i += size
			continue
		}
		words++
		if unicode.IsUpper(r) {
			dst = append(dst, name[i])
		}
		for i < len(name) {
			r, size := utf8.DecodeRuneInString(name[i:])
			if unicode.IsSpace(r) {
				break
			}
			i += size
		}
	}
	if words < 2 {
		return dst[:from]
	}
	return dst
}

// attach records candidate i as a mention of entity e.
func (r *entityReader) attach(i, e int) {
	c := &r.cands[i]
	ent := &r.ents[e]
	if c.span.Start > ent.lastSeen {
		ent.lastSeen = c.span.Start
	}
	if c.role != "" {
		ent.role = c.role
	}
	if c.nation != "" {
		ent.nation = c.nation
	}
	if ent.typ == model.Person && len(c.words) >= 2 {
		name := r.word(c.head)
		if wordCount(name) > wordCount(ent.name) {
			ent.name = name
		}
	}
	r.ments = append(r.ments, Mention{Segment: c.span, Entity: e, Form: c.form})
}

// output fills d.Mentions and d.Entities.
func (r *entityReader) output() {
	d := r.d
	slices.SortStableFunc(r.ments, func(a, b Mention) int { return cmp.Compare(a.Start, b.Start) })
	// index maps a reader entity to its output entity; count[e] is the
	// number of mentions of output entity e, so that all mentions share
	// one backing array, each entity's part capped to its own length.
	index := make([]int, len(r.ents))
	for i := range index {
		index[i] = -1
	}
	var count []int
	d.Entities = d.Entities[:0]
	kept := 0
	for _, m := range r.ments {
		e := &r.ents[m.Entity]
		if e.typ == "merged" {
			continue
		}
		if index[m.Entity] < 0 {
			index[m.Entity] = len(d.Entities)
			name := e.name
			if e.typ == model.Person && name == "" {
				name = strings.TrimSpace(e.first + " " + e.last)
			}
			d.Entities = append(d.Entities, model.Entity{Name: name, Type: e.typ})
			count = append(count, 0)
		}
		count[index[m.Entity]]++
		kept++
	}
	all := make([]model.Mention, kept)
	off := 0
	for i := range d.Entities {
		d.Entities[i].Mentions = all[off : off : off+count[i]]
		off += count[i]
	}
	d.Mentions = d.Mentions[:0]
	if cap(d.Mentions) < kept {
		d.Mentions = make([]Mention, 0, kept)
	}
	for _, m := range r.ments {
		if r.ents[m.Entity].typ == "merged" {
			continue
		}
		out := &d.Entities[index[m.Entity]]
		text := d.Text[m.Start:m.End]
		out.Mentions = append(out.Mentions, model.Mention{Span: d.Span(m.Start, m.End), Text: text, Form: m.Form})
		m.Entity = index[m.Entity]
		d.Mentions = append(d.Mentions, m)
	}
	for i := range d.Entities {
		d.Entities[i].Aliases = aliasesOf(d.Entities[i].Mentions)
	}
}

// aliasesOf counts the distinct texts of mentions, most frequent first.
func aliasesOf(ms []model.Mention) []model.Alias {
	if len(ms) == 0 {
		return nil
	}
	out := make([]model.Alias, 0, len(ms))
	for _, m := range ms {
		found := false
		for k := range out {
			if out[k].Text == m.Text {
				out[k].Count++
				found = true
				break
			}
		}
		if !found {
			out = append(out, model.Alias{Text: m.Text, Count: 1})
		}
	}
	slices.SortStableFunc(out, func(a, b model.Alias) int { return cmp.Compare(b.Count, a.Count) })
	return out
}

// surnameKey caches the package surnameKey for one article's words.
func (r *entityReader) surnameKey(w string) string {
	if k, ok := r.surnameKeys[w]; ok {
		return k
	}
	k := surnameKey(w)
	r.surnameKeys[w] = k
	return k
}
