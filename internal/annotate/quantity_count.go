package annotate

import "strings"

// Counts that carry no unit of their own: vague determiners ("several
// people"), ratings ("rate it a 10"), lists of countries that a sentence
// counts ("27 European countries, as well as Canada, Australia and
// Japan"), and list headings whose noun names the items only later ("Five
// things we learned" ... "the five takeaways").

// Determiners that count vaguely when a plural noun follows: "several
// people", "numerous attacks". The two-word ones ("a few", "a handful of")
// are read by matchVagueDeterminer.
var qtyVagueDeterminers = map[string]bool{
	"several": true, "numerous": true, "countless": true, "multiple": true,
}

// matchVagueDeterminer reads "several people", "a few soldiers", "a
// handful of protesters": a vague amount of the plural noun that follows
// at once.
func (q *qtyState) matchVagueDeterminer(i int) (qtyHit, int, bool) {
	k := i + 1
	switch w := q.low(i); {
	case qtyVagueDeterminers[w]:
		if q.low(k) == "of" {
			k++ // "several of the wounded"
		}
	case w == "a" && q.low(i+1) == "few":
		k = i + 2
	case w == "a" && q.low(i+1) == "handful" && q.low(i+2) == "of":
		k = i + 3
	default:
		return qtyHit{}, i, false
	}
	if q.low(k) == "the" || q.low(k) == "their" || q.low(k) == "its" {
		k++
	}
	if k >= len(q.toks) || q.sent[k] != q.sent[i] {
		return qtyHit{}, i, false
	}
	// The plural comes straight after: "several European countries" names
	// a group more than it counts one, and "several key" may go on to a
	// singular.
	if q.toks[k].kind != txWord || txCapital(q.toks[k].text) || !qtyPlural(q.low(k)) || qtyStops[q.low(k)] {
		return qtyHit{}, i, false
	}
	return qtyHit{vague: true, of: q.toks[k].text, precision: "vague"}, k + 1, true
}

// Verbs that give a score: "rate it a 10", "gave the plan a 7".
var qtyRatingVerbs = map[string]bool{
	"rate": true, "rates": true, "rated": true, "rating": true,
	"score": true, "scores": true, "scored": true, "grade": true, "graded": true,
	"give": true, "gives": true, "gave": true, "given": true, "giving": true,
}

// Words allowed between a rating verb and its number: the thing rated and
// the article before the score.
var qtyRatingFillers = map[string]bool{
	"it": true, "him": true, "her": true, "them": true, "this": true,
	"that": true, "me": true, "us": true, "you": true, "a": true, "an": true,
	"perfect": true, "solid": true,
}

// isRating reports a score after a rating verb ("I'd rate it a 10",
// "gave the talks a 7 out of 10"), the number at k.
func (q *qtyState) isRating(k int) bool {
	if k == 0 || !qtyRatingFillers[q.low(k-1)] {
		return false
	}
	for j := k - 1; j >= 0 && j >= k-4 && q.sent[j] == q.sent[k]; j-- {
		w := q.low(j)
		if qtyRatingVerbs[w] {
			return j < k-1 // "rated 10 people" is a count, not a score
		}
		if q.toks[j].kind != txWord || qtyStops[w] && !qtyRatingFillers[w] && w != "the" {
			return false
		}
	}
	return false
}

// rating fills a score and takes in "out of 10" after it.
func (q *qtyState) rating(h qtyHit, next int) (qtyHit, int) {
	h.unit, h.of = "points", "rating"
	if q.low(next) == "out" && q.low(next+1) == "of" && next+2 < len(q.toks) && q.toks[next+2].kind == txNum {
		next += 3
	}
	return h, next
}

// countryName returns the number of tokens of the country named at
// toks[k] ("New Zealand" is two), or 0.
func (q *qtyState) countryName(k int) int {
	g := defaultGazetteer()
	for n := 3; n >= 1; n-- {
		if k+n > len(q.toks) || !txCapital(q.toks[k].text) {
			continue
		}
		var b strings.Builder
		ok := true
		for j := k; j < k+n; j++ {
			if q.toks[j].kind != txWord || j > k && (!q.toks[j].gap || q.sent[j] != q.sent[k]) {
				ok = false
				break
			}
			if j > k {
				b.WriteByte(' ')
			}
			b.WriteString(q.toks[j].text)
		}
		if !ok {
			continue
		}
		if p, found := g.places[b.String()]; found && !p.Demonym {
			if _, country := g.capitals[p.Name]; country {
				return n
			}
		}
	}
	return 0
}

// countryList reads "Canada, Australia, New Zealand and Japan" at k: three
// or more countries joined by commas and a closing "and" or "or". It
// returns the count and the token after the list.
func (q *qtyState) countryList(k int) (int, int) {
	count, j := 0, k
	for {
		n := q.countryName(j)
		if n == 0 {
			return 0, k
		}
		count++
		j += n
		if q.low(j) == "," && (q.low(j+1) == "and" || q.low(j+1) == "or") {
			j++ // the serial comma
		}
		switch q.low(j) {
		case ",":
			j++
			if q.low(j) == "the" {
				j++
			}
			continue
		case "and", "or":
			if count < 2 {
				return 0, k
			}
			j++
			if q.low(j) == "the" {
				j++ // "and the United States"
			}
			if n := q.countryName(j); n > 0 {
				return count + 1, j + n
			}
		}
		return 0, k
	}
}

// countedCountries reports a quantity of countries or nations.
func countedCountries(h qtyHit) bool {
	switch strings.ToLower(h.of) {
	case "countries", "nations", "states", "country", "nation", "state":
		return !h.vague && h.unit == ""
	}
	return false
}

// addCountryLists adds the implied count of each list of countries in a
// sentence that counts countries: "31 countries ..., including 27
// European countries, as well as Canada, Australia, New Zealand and
// Japan" → 4 countries. Lists in other sentences are names, not counts.
func (q *qtyState) addCountryLists() {
	counting := map[int32]bool{}
	for _, h := range q.hits {
		if countedCountries(h) {
			counting[q.sent[h.first]] = true
		}
	}
	if len(counting) == 0 {
		return
	}
	var out []qtyHit
	next := 0
	for i := 0; i < len(q.toks); i++ {
		if !counting[q.sent[i]] || !txCapital(q.toks[i].text) {
			continue
		}
		if i > 0 && (q.countryName(i-1) > 0 || q.low(i-1) == "the" && i > 1 && q.countryName(i-2) > 0) {
			continue // inside a name already tried
		}
		n, end := q.countryList(i)
		if n < 3 {
			continue
		}
		h := qtyHit{start: q.toks[i].start, end: q.toks[end-1].end, value: float64(n), of: "countries", precision: "implied", first: i}
		for next < len(q.hits) && q.hits[next].start < h.start {
			out = append(out, q.hits[next])
			next++
		}
		if next < len(q.hits) && q.hits[next].start < h.end {
			i = end - 1
			continue // the list holds a quantity: not a plain list
		}
		out = append(out, h)
		i = end - 1
	}
	if out == nil {
		return
	}
	q.hits = append(out, q.hits[next:]...)
}

// Nouns a list heading counts without saying what the items are: "Five
// things we learned", "10 things to know".
var qtyGenericNouns = map[string]bool{"things": true, "items": true}

// nameGenericCounts gives a heading's generic count the noun of a later
// count with the same value in a sentence that introduces the list:
// "Five things we learned" ... "Below are five takeaways" → 5 takeaways.
// "Five things to know" ... "five people died" keeps "things".
func (q *qtyState) nameGenericCounts() {
	for a := range q.hits {
		h := &q.hits[a]
		if h.vague || h.unit != "" || !qtyGenericNouns[strings.ToLower(h.of)] {
			continue
		}
		for _, o := range q.hits[a+1:] {
			if !o.vague && o.unit == "" && o.value == h.value && o.of != "" && !qtyGenericNouns[strings.ToLower(o.of)] && q.introducesList(o.first) {
				h.of = o.of
				break
			}
		}
	}
}

// Words that show a sentence introduces the list after it: "Below are
// five takeaways", "Here are the three demands", "the following".
var qtyListIntroducers = map[string]bool{"below": true, "here": true, "following": true}

// introducesList reports whether the sentence of token k introduces a
// list: an introducing word, or a colon after k.
func (q *qtyState) introducesList(k int) bool {
	for j := k; j >= 0 && q.sent[j] == q.sent[k]; j-- {
		if qtyListIntroducers[q.toks[j].low] {
			return true
		}
	}
	for j := k; j < len(q.toks) && q.sent[j] == q.sent[k]; j++ {
		if qtyListIntroducers[q.toks[j].low] || q.toks[j].text == ":" {
			return true
		}
	}
	return false
}
