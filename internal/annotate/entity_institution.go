package annotate

import "github.com/storydesk/storydesk/internal/model"

// institutionHeads end a lower-case phrase that names a state body when
// a country owns it: "Russia's sovereign wealth fund", "China's central
// bank", "Israel's army". Only "ministry" names one after a bare "the"
// ("the defence ministry"): "the bank", "the court" are too often some
// other one.
var institutionHeads = wordSet(`ministry fund bank agency army navy police court council commission committee parliament`)

// headNouns before "of" make a role in apposition to the name after it:
// "the head of Russia's sovereign wealth fund Kirill Dmitriev".
var headNouns = wordSet(`head chief director chairman chairwoman chair leader founder boss spokesman spokeswoman spokesperson commander governor`)

// institutions reads unnamed state bodies ("Russia's sovereign wealth
// fund", "the foreign ministry") as organisations named by the phrase,
// and "the head of <body> <Name>" as a mention of the person named.
func (r *entityReader) institutions() {
	toks := r.d.Tokens
	taken := make(map[int]bool, len(r.ments)) // "the alliance" read by orgNominals
	for _, m := range r.ments {
		taken[m.Start] = true
	}
	for i := 0; i+1 < len(toks); i++ {
		if toks[i].Kind != Word {
			continue
		}
		w := r.word(toks[i].seg())
		from, bare := i+1, false
		switch {
		case possessive(w):
			p, ok := r.g.places[r.word(trimPossessive(toks[i].seg(), r.d.Text))]
			if !ok || p.Type != model.GPE || p.Demonym {
				continue
			}
		case (w == "the" || w == "The") && !taken[toks[i].Start]:
			bare = true
			if p, ok := r.g.places[r.word(toks[from].seg())]; ok && p.Demonym && p.Type == model.GPE {
				from++ // "the Russian defence ministry"
			}
		default:
			continue
		}
		end := -1
		for j := from; j < len(toks) && j < from+4 && toks[j].Kind == Word && isLowerWord(r.word(toks[j].seg())); j++ {
			lw := r.word(toks[j].seg())
			if institutionHeads[lw] && (!bare || lw == "ministry" && j > from) {
				end = j
				break
			}
			if qtyStops[lw] || r.g.common[lw] {
				break
			}
		}
		if end < 0 {
			continue
		}
		if n := end + 1; n < len(toks) && (r.word(toks[n].seg()) == "of" ||
			toks[n].Kind == Word && isCap(r.word(toks[n].seg())) && r.personStartingAt(toks[n].Start) < 0) {
			continue // "the ministry of Defence", "the Foreign Ministry Press Office": a name
		}
		nameFrom := i
		if bare {
			nameFrom = i + 1
		}
		name := r.d.Text[toks[nameFrom].Start:toks[end].End]
		span := Segment{toks[i].Start, toks[end].End}
		r.cands = append(r.cands, candidate{span: span, head: span, typ: model.Organization, form: "nominal", canonical: name})
		r.attach(len(r.cands)-1, r.thing(&r.cands[len(r.cands)-1]))
		r.headOf(i, end)
		i = end
	}
}

// headOf adds "the head of <body> Name" as a mention of the person named
// right after the body that runs from token body to token end.
func (r *entityReader) headOf(body, end int) {
	toks := r.d.Tokens
	if body < 3 || end+1 >= len(toks) || r.word(toks[body-1].seg()) != "of" || !headNouns[r.word(toks[body-2].seg())] {
		return
	}
	the := r.word(toks[body-3].seg())
	if the != "the" && the != "The" {
		return
	}
	p := r.personStartingAt(toks[end+1].Start)
	if p < 0 {
		return
	}
	pe := end + 1
	for pe+1 < len(toks) && toks[pe+1].Kind == Word && isCap(r.word(toks[pe+1].seg())) && toks[pe+1].Start == toks[pe].End+1 {
		pe++
	}
	r.ments = append(r.ments, Mention{Segment: Segment{toks[body-3].Start, toks[pe].End}, Entity: p, Form: "nominal"})
}

// isLowerWord reports whether w is written in lower-case letters (and
// hyphens): an ordinary word, not a name.
func isLowerWord(w string) bool {
	if w == "" {
		return false
	}
	for _, c := range w {
		if !(c >= 'a' && c <= 'z' || c == '-') {
			return false
		}
	}
	return true
}
