package annotate

import (
	"strings"

	"github.com/storydesk/storydesk/internal/model"
)

// orgKinds are nouns a text uses for an organisation it has named:
// "the alliance" after NATO, "the coalition" after the Coalition of the
// Willing. Each maps to the names it may stand for when the article does
// not name an organisation with that word in it.
var orgKinds = map[string][]string{
	"alliance":   {"NATO"},
	"bloc":       {"European Union"},
	"union":      {"European Union"},
	"commission": {"European Commission"},
}

// governmentWords after a leader's name or a country name an
// administration: "the Trump administration", "the US administration".
var governmentWords = wordSet(`administration government`)

// orgNominals reads "the (adjective) <noun>" phrases that stand for an
// organisation the article names ("the transatlantic alliance", "the
// coalition") and "the <leader|country> administration".
func (r *entityReader) orgNominals() {
	toks := r.d.Tokens
	for i := 0; i+1 < len(toks); i++ {
		if w := r.word(toks[i].seg()); w != "the" && w != "The" {
			continue
		}
		// the <Leader|Country> administration
		if toks[i+1].Kind == Word && i+2 < len(toks) && governmentWords[r.word(toks[i+2].seg())] {
			if name := r.administration(r.word(toks[i+1].seg())); name != "" {
				span := Segment{toks[i].Start, toks[i+2].End}
				c := candidate{span: span, head: span, typ: model.Organization, form: "nominal", canonical: name}
				r.cands = append(r.cands, c)
				r.attach(len(r.cands)-1, r.thing(&r.cands[len(r.cands)-1]))
				i += 2
				continue
			}
		}
		// the [adjective [adjective]] <noun>
		for j := i + 1; j < len(toks) && j <= i+3 && toks[j].Kind == Word; j++ {
			w := r.word(toks[j].seg())
			if isCap(w) && j > i+1 {
				break
			}
			if kinds, _ := lowerLookup(orgKinds, w); kinds == nil && !lowerIn(orgHeads, w) {
				continue
			}
			lw := strings.ToLower(w)
			if j+1 < len(toks) && (r.word(toks[j+1].seg()) == "of" || toks[j+1].Kind == Word && isCap(r.word(toks[j+1].seg()))) {
				break // "the coalition of the willing", "the Commission President": a name
			}
			if e := r.orgFor(lw, toks[i].Start); e >= 0 {
				r.ments = append(r.ments, Mention{Segment: Segment{toks[i].Start, toks[j].End}, Entity: e, Form: "nominal"})
				i = j
			}
			break
		}
	}
}

// administration names the government a word stands for: a surname
// ("the Biden administration") or a country whose leader the leaders list
// knows ("the US administration" is the Trump administration in 2025).
func (r *entityReader) administration(w string) string {
	if !isCap(w) {
		return ""
	}
	if p, ok := r.g.places[w]; ok {
		for _, l := range r.g.leaders {
			if l.Country == p.Name && (l.Role == "president" || l.Role == "prime minister") {
				f := strings.Fields(l.Name)
				return f[len(f)-1] + " administration"
			}
		}
		return ""
	}
	if lowerIn(r.g.common, w) {
		return ""
	}
	return w + " administration" // "the Biden administration"
}

// orgFor finds the organisation a noun stands for: one the article names
// with that word in its name, else one the noun is a kind of; the latest
// mentioned before at wins.
func (r *entityReader) orgFor(noun string, at int) int {
	if r.orgs == nil {
		r.orgs = []int{}
		for i := range r.ents {
			if r.ents[i].typ == model.Organization {
				r.orgs = append(r.orgs, i)
			}
		}
	}
	best := -1
	orgs := r.orgs
	if len(orgs) > 64 {
		orgs = orgs[len(orgs)-64:] // bounded on pathological text
	}
	for _, i := range orgs {
		e := &r.ents[i]
		if e.lastSeen > at && best >= 0 {
			continue
		}
		hit := false
		for _, w := range strings.Fields(strings.ToLower(e.name)) {
			if w == noun {
				hit = true
			}
		}
		for _, name := range orgKinds[noun] {
			hit = hit || e.name == name
		}
		if hit && (best < 0 || better(e.lastSeen, r.ents[best].lastSeen, at)) {
			best = i
		}
	}
	return best
}
