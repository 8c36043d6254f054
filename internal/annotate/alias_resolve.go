package annotate

import (
	"sort"
	"strconv"
	"strings"

	"github.com/storydesk/storydesk/internal/model"
)

// Resolve merges the entities of many articles into corpus entities: one
// per real-world entity across outlets. Persons merge on a
// transliteration-folded surname (Zelensky, Zelenskyy, Zelenskiy) when
// their given names agree or one lacks it; a surname alone joins the
// most-mentioned full name with that surname, so two people who share a
// surname stay apart. Other entities merge on a case- and
// abbreviation-folded name (NATO, Nato; Downing St, 10 Downing Street),
// an acronym of a longer name, or a house number ("No 10").
//
// Resolve sets Entity.ID in docs (and Quote.SpeakerID and Quote.Speaker
// where a quote's speaker is a document entity's name) and returns the
// corpus entities with their aliases counted over all articles; their
// Mentions are left empty.
func Resolve(docs []model.Annotations) []model.Entity {
	type ref struct{ doc, ent int }
	var refs []ref
	for di := range docs {
		for ei := range docs[di].Entities {
			refs = append(refs, ref{di, ei})
		}
	}
	parent := make([]int, len(refs))
	for i := range parent {
		parent[i] = i
	}
	find := func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	union := func(a, b int) { parent[find(a)] = find(b) }
	ent := func(i int) *model.Entity { return &docs[refs[i].doc].Entities[refs[i].ent] }

	byKey := map[string]int{}
	var singles, events []int
	for i := range refs {
		e := ent(i)
		if e.Type == model.Person {
			f := strings.Fields(e.Name)
			if len(f) < 2 {
				singles = append(singles, i)
				continue
			}
			key := "P|" + surnameKey(f[0]) + "|" + surnameKey(f[len(f)-1])
			if j, ok := byKey[key]; ok {
				union(i, j)
			} else {
				byKey[key] = i
			}
			continue
		}
		if e.Type == model.Event {
			events = append(events, i)
			continue
		}
		for _, key := range thingKeys(e) {
			if j, ok := byKey[key]; ok {
				union(i, j)
			} else {
				byKey[key] = i
			}
		}
	}
	// a lone surname joins the most-mentioned full name with that surname
	fullBySurname := map[string]int{}
	for k, j := range byKey {
		if !strings.HasPrefix(k, "P|") {
			continue
		}
		last := k[strings.LastIndexByte(k, '|')+1:]
		if b, ok := fullBySurname[last]; !ok || len(ent(j).Mentions) > len(ent(b).Mentions) ||
			len(ent(j).Mentions) == len(ent(b).Mentions) && j < b {
			fullBySurname[last] = j
		}
	}
	for _, i := range singles {
		last := surnameKey(ent(i).Name)
		if best, ok := fullBySurname[last]; ok {
			union(i, best)
		} else if j, ok := byKey["P||"+last]; ok {
			union(i, j)
		} else {
			byKey["P||"+last] = i
		}
	}
	// "No 10" joins the only address with house number 10
	for i := range refs {
		f := strings.Fields(ent(i).Name)
		if len(f) != 2 || f[0] != "No" && f[0] != "Number" {
			continue
		}
		match := -1
		for j := range refs {
			if j != i && sameAddress(ent(i).Name, ent(j).Name) {
				if match >= 0 && find(match) != find(j) {
					match = -2
					break
				}
				match = j
			}
		}
		if match >= 0 {
			union(i, match)
		}
	}
	mergeEvents(events, func(i int) *model.Entity { return ent(i) }, union)
	return collect(docs, len(refs), find, func(i int) *model.Entity { return ent(i) }, func(i int) int { return refs[i].doc })
}

// thingKeys gives the keys a non-person entity merges on.
func thingKeys(e *model.Entity) []string {
	group := e.Type
	if group == model.Location {
		group = model.GPE
	}
	if group == model.Facility {
		group = model.Organization
	}
	keys := []string{group + "|" + thingKey(e.Name)}
	for _, a := range e.Aliases {
		if ac := acronym(a.Text); len(ac) >= 2 {
			keys = append(keys, group+"|"+strings.ToLower(ac))
		}
		keys = append(keys, group+"|"+thingKey(a.Text))
	}
	return keys
}

// collect builds the corpus entities from the merged groups.
func collect(docs []model.Annotations, n int, find func(int) int, ent func(int) *model.Entity, docOf func(int) int) []model.Entity {
	groups := map[int][]int{}
	var roots []int
	for i := 0; i < n; i++ {
		r := find(i)
		if _, ok := groups[r]; !ok {
			roots = append(roots, r)
		}
		groups[r] = append(groups[r], i)
	}
	out := make([]model.Entity, 0, len(roots))
	for gi, r := range roots {
		members := groups[r]
		id := "e" + strconv.Itoa(gi+1)
		counts := map[string]int{}
		names := map[string]int{}
		var order []string
		typ := ent(members[0]).Type
		for _, m := range members {
			e := ent(m)
			e.ID = id
			names[e.Name]++
			for _, a := range e.Aliases {
				if _, ok := counts[a.Text]; !ok {
					order = append(order, a.Text)
				}
				counts[a.Text] += a.Count
			}
		}
		name := canonicalName(names)
		ce := model.Entity{ID: id, Name: name, Type: typ}
		for _, a := range order {
			ce.Aliases = append(ce.Aliases, model.Alias{Text: a, Count: counts[a]})
		}
		sort.SliceStable(ce.Aliases, func(a, b int) bool { return ce.Aliases[a].Count > ce.Aliases[b].Count })
		out = append(out, ce)
		for _, m := range members {
			e := ent(m)
			doc := &docs[docOf(m)]
			for qi := range doc.Quotes {
				if doc.Quotes[qi].Speaker == e.Name && e.Name != "" {
					doc.Quotes[qi].SpeakerID = id
					doc.Quotes[qi].Speaker = name
				}
			}
		}
	}
	return out
}

// canonicalName picks the name most documents use, the longest on a tie.
func canonicalName(names map[string]int) string {
	best, bestN := "", 0
	for n, c := range names {
		words := len(strings.Fields(n))
		bw := len(strings.Fields(best))
		if c > bestN || c == bestN && (words > bw || words == bw && n < best) {
			best, bestN = n, c
		}
	}
	return best
}

// mergeEvents joins events across articles as Entities does within one:
// one kind (meeting, call, press conference, election, war) whose anchors
// (day, year, place, participants, "second") agree and overlap; an event
// with no anchor joins the kind's most-mentioned event.
func mergeEvents(events []int, ent func(int) *model.Entity, union func(a, b int)) {
	g := defaultGazetteer()
	type group struct {
		class   string
		anchors []string
		first   int
		n       int
	}
	var groups []group
	var loose []int
	classOf := map[int]string{}
	for _, i := range events {
		e := ent(i)
		var anchors []string
		class := ""
		for _, a := range e.Aliases {
			for _, w := range strings.Fields(a.Text) {
				anchors = unionAnchors(anchors, wordAnchors(w, g))
			}
			if c := eventClass(a.Text); c != "" && (class == "" || c == "call" || c == "press") {
				class = c
			}
			if b := bodyAnchor(a.Text); b != "" {
				anchors = unionAnchors(anchors, []string{b})
			}
		}
		classOf[i] = class
		if len(anchors) == 0 {
			loose = append(loose, i)
			continue
		}
		at, dominant := -1, -1
		for gi := range groups {
			if groups[gi].class != class && !(meetingOrCall(class) && meetingOrCall(groups[gi].class) && sameBody(groups[gi].anchors, anchors)) ||
				!anchorsAgree(groups[gi].anchors, anchors) {
				continue
			}
			if shareAnchor(groups[gi].anchors, anchors) {
				at = gi
				break
			}
			if !placesDiffer(groups[gi].anchors, anchors) && !participantsDiffer(groups[gi].anchors, anchors) && (dominant < 0 || groups[gi].n > groups[dominant].n) {
				dominant = gi
			}
		}
		if at < 0 && dominant >= 0 {
			at = dominant
			union(i, groups[at].first)
		} else if at < 0 {
			groups = append(groups, group{class: class, first: i})
			at = len(groups) - 1
		} else {
			union(i, groups[at].first)
		}
		groups[at].anchors = unionAnchors(groups[at].anchors, anchors)
		groups[at].n += len(e.Mentions)
	}
	for _, i := range loose {
		best := -1
		for gi := range groups {
			if groups[gi].class == classOf[i] && (best < 0 || groups[gi].n > groups[best].n) {
				best = gi
			}
		}
		if best >= 0 {
			union(i, groups[best].first)
		}
	}
}

func meetingOrCall(class string) bool { return class == "meeting" || class == "call" }

// eventClass reads the kind of event a phrase names from its head noun.
func eventClass(text string) string {
	class := ""
	for _, w := range strings.Fields(strings.ToLower(text)) {
		w = strings.Trim(w, ",.;:")
		switch {
		case w == "virtual" || w == "video":
			return "call"
		case w == "press" || w == "news":
			class = "press"
		case eventHeads2[w] != "" && class != "press":
			class = eventHeads2[w]
		}
	}
	return class
}
