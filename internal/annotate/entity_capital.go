package annotate

import (
	"strings"

	"github.com/storydesk/storydesk/internal/model"
)

// capitals reads "the Ukrainian capital", "the French capital" and
// "Britain's capital" as mentions of the capital city that
// data/capitals.txt gives for the country: news prose uses them to
// avoid repeating a city's name. A country with no capital listed (or a
// demonym of no country) gives no mention.
func (r *entityReader) capitals() {
	toks := r.d.Tokens
	for i := 0; i+1 < len(toks); i++ {
		if toks[i].Kind != Word {
			continue
		}
		w := r.word(toks[i].seg())
		start, place := i, ""
		switch {
		case (w == "the" || w == "The") && i+2 < len(toks) && toks[i+1].Kind == Word:
			place = r.word(toks[i+1].seg())
			i++
		case possessive(w):
			place = r.word(trimPossessive(toks[i].seg(), r.d.Text))
		default:
			continue
		}
		p, ok := r.g.places[place]
		if !ok || p.Type != model.GPE || !strings.EqualFold(r.word(toks[i+1].seg()), "capital") {
			continue
		}
		city := r.g.capitals[p.Name]
		if city == "" {
			continue
		}
		span := Segment{toks[start].Start, toks[i+1].End}
		r.cands = append(r.cands, candidate{span: span, head: span, typ: model.GPE, form: "nominal", canonical: city})
		r.attach(len(r.cands)-1, r.thing(&r.cands[len(r.cands)-1]))
		i++
	}
}
