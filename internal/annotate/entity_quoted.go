package annotate

import "github.com/storydesk/storydesk/internal/model"

// Collective nouns that head the names of groups. A new group's name is
// often written in lower case inside quotation marks ("countries in the
// 'coalition of the willing'", "the so-called 'board of peace'") before
// it is capitalised elsewhere; Resolve then joins the two by their
// case-folded name.
var quotedNameHeads = wordSet(`coalition alliance bloc board council committee group league union club forum movement axis front caucus`)

// quotedNames records quoted lower-case group names after "the" or
// "so-called": a head noun from quotedNameHeads, "of" or "for", and up to four more lower-case words,
// closed by the quotation mark (a comma or full stop may sit inside it).
func (r *entityReader) quotedNames() {
	toks := r.d.Tokens
	for i := 0; i+3 < len(toks); i++ {
		if toks[i].Kind != Punct || !isOpenMark(r.word(toks[i].seg())) || i == 0 {
			continue
		}
		// a name takes "the": "the 'coalition of the willing'", "the
		// so-called 'board of peace'", not "a 'union of convenience'"
		if before := r.word(toks[i-1].seg()); before != "the" && before != "so-called" {
			continue
		}
		h := i + 1
		if toks[h].Kind != Word || !quotedNameHeads[r.word(toks[h].seg())] {
			continue
		}
		if p := r.word(toks[h+1].seg()); p != "of" && p != "for" {
			continue
		}
		j := h
		for j < len(toks) && j < h+6 && toks[j].Kind == Word && !isCap(r.word(toks[j].seg())) {
			j++
		}
		k := j
		if k < len(toks) && (r.word(toks[k].seg()) == "," || r.word(toks[k].seg()) == ".") {
			k++
		}
		if j-h < 3 || k >= len(toks) || !isCloseMark(r.word(toks[k].seg())) {
			continue
		}
		from := len(r.slab)
		for m := h; m < j; m++ {
			r.slab = append(r.slab, toks[m].seg())
		}
		words := r.slab[from:len(r.slab):len(r.slab)]
		span := Segment{toks[h].Start, toks[j-1].End}
		r.add(candidate{span: span, head: span, words: words, typ: model.Organization, form: "name"})
		i = k
	}
}

func isCloseMark(s string) bool {
	switch s {
	case "”", "’", "\"", "'", "»":
		return true
	}
	return false
}
