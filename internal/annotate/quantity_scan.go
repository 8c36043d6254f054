package annotate

import (
	"strings"
)

// The scan behind FindQuantities: bound, currency, number, unit or counted
// noun, in that order, with the cases that make a number not a quantity.

type qtyState struct {
	text string
	toks []txTok
	sent []int32
	opts QuantityOptions
	hits []qtyHit
}

func findQuantities(tt *txText, opts QuantityOptions) []qtyHit {
	q := &qtyState{text: tt.text, toks: tt.toks, sent: tt.sent, opts: opts}
	for i := 0; i < len(q.toks); {
		h, next, ok := q.match(i)
		if !ok || next <= i {
			i++
			continue
		}
		h.first = i
		h.start, h.end = q.toks[i].start, q.toks[next-1].end
		q.hits = append(q.hits, h)
		i = next
	}
	q.addCountryLists()
	q.nameGenericCounts()
	return q.hits
}

func (q *qtyState) low(k int) string {
	if k >= 0 && k < len(q.toks) {
		return q.toks[k].low
	}
	return ""
}

// qtyTriggers are the words and marks that can start a quantity; every
// other token is skipped at the cost of one lookup.
var qtyTriggers = func() map[string]bool {
	m := map[string]bool{"an": true, "the": true, "in": true, "a": true, "dozen": true, "half": true}
	for w := range qtyVagueDeterminers {
		m[w] = true
	}
	for _, tab := range []map[string]float64{numberWordValues, ordinalValues} {
		for w := range tab {
			m[w] = true
		}
	}
	for w := range qtyBounds {
		m[w] = true
	}
	for w := range qtyVague {
		m[w] = true
	}
	for w := range qtyCurrencySymbols {
		m[w] = true
	}
	return m
}()

func (q *qtyState) match(i int) (qtyHit, int, bool) {
	t := q.toks[i]
	if t.kind != txNum && !qtyTriggers[t.low] {
		return qtyHit{}, i, false
	}
	if t.kind == txWord {
		if h, n, ok := q.matchImplied(i); ok {
			return h, n, true
		}
		if qtyVague[t.low] {
			return q.matchVague(i)
		}
		if h, n, ok := q.matchVagueDeterminer(i); ok {
			return h, n, true
		}
	}
	k, h := i, qtyHit{}
	if t.low == "in" && qtyBounds[q.low(i+1)].precision != "" {
		k++
	}
	if b, ok := qtyBounds[q.low(k)]; ok {
		if b.need != "" {
			if q.low(k+1) != b.need {
				return qtyHit{}, i, false
			}
			k++
		}
		h.precision = b.precision
		k++
	} else if k != i {
		return qtyHit{}, i, false
	}
	if c, ok := qtyCurrencySymbols[q.low(k)]; ok && k+1 < len(q.toks) && q.toks[k+1].kind == txNum {
		h.unit = c
		k++
	}
	if k >= len(q.toks) {
		return qtyHit{}, i, false
	}
	if o, ok := numOrdinal(q.toks, k); ok && h.unit == "" {
		return q.ordinal(i, k, o, h)
	}
	article := false
	var next int
	if w := q.low(k); (w == "a" || w == "an") && h.precision != "" {
		h.value, next, article = 1, k+1, true
	} else {
		v, n, ok := numParse(q.toks, k)
		if !ok || q.notQuantity(i, k, n, h) {
			return qtyHit{}, i, false
		}
		h.value, next = v, n
	}
	return q.afterNumber(i, k, next, h, article)
}

// notQuantity reports the numbers that name or date things: years, days
// of the month, clock times, "Article 5", "F-16", "one-on-one", "the two
// leaders", "1990s".
func (q *qtyState) notQuantity(i, k, next int, h qtyHit) bool {
	t := q.toks[k]
	if k > 0 && !t.gap && q.toks[k-1].text == "-" {
		return true // "F-16", "2025-08-14", "one-on-one"
	}
	if t.low == "one" && k > 0 {
		if _, ord := ordinalValues[q.toks[k-1].low]; ord || qtyStops[q.toks[k-1].low] && q.toks[k-1].low != "of" {
			return true // "the first one", "a quick second one": a pronoun
		}
	}
	if t.kind == txNum {
		if next < len(q.toks) && !q.toks[next].gap && (q.toks[next].text == "-" && next+1 < len(q.toks) && q.toks[next+1].kind == txNum || q.low(next) == "s") {
			return true // "2025-08", "1990s"
		}
		if k == i && k > 0 && q.toks[k-1].kind == txWord && txCapital(q.toks[k-1].text) && q.sent[k-1] == q.sent[k] && !qtyLeadWords[q.toks[k-1].low] {
			if _, ok := qtyCurrencySymbols[q.toks[k-1].low]; !ok && !strings.HasSuffix(q.toks[k-1].text, "s") {
				return true // "Article 5", "No 10"
			}
		}
		if k > 0 && qtyNamePrefixes[q.toks[k-1].low] {
			return true
		}
	}
	for _, p := range []int{k - 1, next, next + 1} {
		if p >= 0 && p < len(q.toks) && txCapital(q.toks[p].text) {
			if _, ok := txMonths[q.toks[p].low]; ok && (p != next+1 || q.low(next) == "of") {
				return true // "14 August", "Aug. 14"
			}
		}
	}
	switch q.low(next) {
	case "am", "pm":
		return true
	case "a", "p":
		if q.low(next+1) == "." {
			return true // "9 p.m."
		}
	case "-":
		if q.low(next+1) == "on" {
			return true // "one-on-one"
		}
	}
	if t.kind == txWord && k == i && k > 0 {
		switch q.toks[k-1].low {
		case "the", "these", "those", "both", "all", "every":
			return true // "the two leaders": a group already named
		}
	}
	if h.unit == "" && len(t.text) == 4 && t.kind == txNum && t.text >= "1900" && t.text <= "2099" {
		w := q.low(next)
		_, unit := qtyUnits[w]
		plural := len(w) > 3 && strings.HasSuffix(w, "s") && !txCapital(q.toks[min(next, len(q.toks)-1)].text)
		return !unit && !(plural && t.text[2:] == "00") // a year, unless "2000 troops"
	}
	return false
}

// afterNumber reads the unit or counted noun after the number that ends at
// next.
func (q *qtyState) afterNumber(i, k, next int, h qtyHit, article bool) (qtyHit, int, bool) {
	w := q.low(next)
	switch {
	case q.toks[min(next, len(q.toks)-1)].text == "%" && next < len(q.toks):
		h.unit = "percent"
		next++
		h.of, _ = q.head(next)
		return h, next, true
	case w == "percent" || w == "per" && q.low(next+1) == "cent":
		h.unit = "percent"
		next++
		if w == "per" {
			next++
		}
		h.of, _ = q.head(next)
		return h, next, true
	case qtyCurrencyWords[w] != "" && h.unit == "":
		h.unit = qtyCurrencyWords[w]
		return h, next + 1, true
	case h.unit != "" && len(h.unit) == 3 && strings.ToUpper(h.unit) == h.unit:
		return h, next, true // money: "$1.5 billion"
	}
	if w == "-" && next+1 < len(q.toks) && !q.toks[next].gap && !q.toks[next+1].gap {
		return q.hyphenated(k, next+1, h)
	}
	if u, ok := qtyUnits[w]; ok && u != "" {
		h.unit = u
		next++
		if h.unit == "percent" {
			h.of, _ = q.head(next)
		}
		return h, next, true
	}
	if article {
		return qtyHit{}, i, false
	}
	if of, end := q.head(next); of != "" {
		h.of = of
		return h, end, true
	}
	if q.isAge(k, next) {
		h.unit, h.of = "year", "age"
		return h, next, true
	}
	if q.isRating(k) {
		h, next = q.rating(h, next)
		return h, next, true
	}
	if q.opts.BareNumbers && q.toks[k].kind == txNum {
		return h, next, true
	}
	return qtyHit{}, i, false
}

// hyphenated reads "24-hour period", "3 1/2-year-old war", "three-way
// meeting", "32-member alliance"; j is the word after the hyphen.
func (q *qtyState) hyphenated(k, j int, h qtyHit) (qtyHit, int, bool) {
	w := q.low(j)
	end := j + 1
	if d, ok := qtyFractionWords[w]; ok {
		h.value /= d // "two-thirds"
	} else if u, ok := qtyUnits[w]; ok && u != "" {
		h.unit = u
	} else if q.toks[j].kind == txWord {
		switch w {
		case "way", "party", "sided":
			h.of = "parties"
		case "nation", "country", "state":
			h.of = "nations"
		default:
			h.of = w
		}
	} else {
		return qtyHit{}, k, false
	}
	if q.low(end) == "-" && q.low(end+1) == "old" {
		end += 2
	}
	// The noun the compound qualifies: "period", "meeting".
	if _, e := q.head(end); e > end {
		end = e
	}
	return h, end, true
}

// head returns the counted noun of the phrase starting at k and the index
// after it: the first plural among up to four words before a stop word or
// punctuation, else the last word; "" when the phrase is empty or a name
// ("10 Downing Street").
func (q *qtyState) head(k int) (string, int) {
	first, last, plural := -1, -1, -1
	allCaps := true
	for j := k; j < len(q.toks) && j < k+4; j++ {
		t := q.toks[j]
		if t.kind != txWord || qtyStops[t.low] || q.sent[j] != q.sent[k] || txWordKinds[txStem(t.low)] >= txKindWeekday {
			break // "48 last Thursday", "5 in March"
		}
		if first < 0 {
			first = j
		}
		last = j
		if !txCapital(t.text) {
			allCaps = false
		}
		if plural < 0 && qtyPlural(t.low) {
			plural = j
			break
		}
		if j+1 < len(q.toks) && q.toks[j+1].text == "-" {
			break
		}
	}
	if first < 0 {
		return "", k
	}
	if plural >= 0 {
		return q.toks[plural].text, plural + 1
	}
	if allCaps {
		return "", k // a name: "10 Downing Street"
	}
	// No plural: the first word that does not look like an adjective or a
	// participle ("one state proposing", "a 4.9% annualized rate").
	for j := first; j < last; j++ {
		if !txCapital(q.toks[j].text) && !qtyAdjective(q.toks[j].low) {
			return q.toks[j].text, j + 1
		}
	}
	return q.toks[last].text, last + 1
}

var qtyIrregularPlurals = map[string]bool{
	"people": true, "children": true, "men": true, "women": true, "police": true,
	"staff": true, "personnel": true, "cattle": true, "feet": true, "teeth": true,
}

func qtyPlural(w string) bool {
	if qtyIrregularPlurals[w] {
		return true
	}
	n := len(w)
	return n > 3 && w[n-1] == 's' && w[n-2] != 's' && w[n-2] != 'u' && !txPossessive(w) && w != "this" && w != "its"
}

// isAge reports "Oleksandra Kozlova, 39, who ...": a number between
// commas after a capitalised name.
func (q *qtyState) isAge(k, next int) bool {
	if k < 2 || q.toks[k].kind != txNum || q.toks[k-1].text != "," || q.toks[k-2].kind != txWord {
		return false
	}
	v, ok := numDigits(q.toks[k].text)
	if !ok || v < 1 || v > 120 || v != float64(int(v)) {
		return false
	}
	switch q.low(next) {
	case ",":
		return true // "The chairman, 62, will retire"
	case ".", ";", ")", "":
		return txCapital(q.toks[k-2].text) // "said John Smith, 45."
	}
	return false
}

// ordinal reads "its fourth year", "the 4th round".
func (q *qtyState) ordinal(i, k int, v float64, h qtyHit) (qtyHit, int, bool) {
	next := k + 1
	if q.toks[k].kind == txNum {
		next++ // "4" "th"
	}
	if q.low(next) == "-" {
		return qtyHit{}, i, false // "first-hand"
	}
	noun, end := q.head(next)
	if !q.opts.AllOrdinals && q.toks[k].kind == txWord && !qtyOrdinalPeriods[strings.ToLower(noun)] {
		return qtyHit{}, i, false
	}
	if noun == "" && !q.opts.AllOrdinals {
		return qtyHit{}, i, false
	}
	if noun == "" {
		end = next
	}
	h.value, h.unit, h.of, h.precision = v, "ordinal", noun, "ordinal"
	return h, end, true
}

// matchVague reads "dozens of drones", "tens of thousands of people".
func (q *qtyState) matchVague(i int) (qtyHit, int, bool) {
	k := i + 1
	for q.low(k) == "of" && qtyVague[q.low(k+1)] {
		k += 2
	}
	if q.low(k) != "of" {
		return qtyHit{}, i, false
	}
	noun, end := q.head(k + 1)
	if noun == "" {
		return qtyHit{}, i, false
	}
	return qtyHit{vague: true, of: noun, precision: "vague"}, end, true
}

// matchImplied reads "an equal number of Russian POWs", "the same number
// of": the value of the last quantity in the sentence.
func (q *qtyState) matchImplied(i int) (qtyHit, int, bool) {
	switch q.low(i) {
	case "an", "the":
	default:
		return qtyHit{}, i, false
	}
	switch q.low(i + 1) {
	case "equal", "same", "identical", "similar":
	default:
		return qtyHit{}, i, false
	}
	if q.low(i+2) != "number" || q.low(i+3) != "of" || len(q.hits) == 0 {
		return qtyHit{}, i, false
	}
	prev := q.hits[len(q.hits)-1]
	if prev.vague || q.sent[prev.first] != q.sent[i] {
		return qtyHit{}, i, false
	}
	noun, end := q.head(i + 4)
	if noun == "" {
		return qtyHit{}, i, false
	}
	return qtyHit{value: prev.value, unit: prev.unit, of: noun, precision: "implied"}, end, true
}

// Denominators written as words: "two-thirds", "three-quarters".
var qtyFractionWords = map[string]float64{
	"half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4,
	"fifth": 5, "fifths": 5, "tenth": 10, "tenths": 10,
}

// Capitalised words before a number that do not make it a name: "Only 5
// people came."
var qtyLeadWords = map[string]bool{
	"only": true, "just": true, "another": true, "exactly": true, "all": true,
	"some": true, "with": true, "and": true, "but": true, "by": true, "of": true,
}

var qtyAdjectives = map[string]bool{
	"new": true, "old": true, "big": true, "small": true, "large": true,
	"major": true, "key": true, "other": true, "top": true, "senior": true,
	"young": true, "former": true, "local": true, "foreign": true,
	"military": true, "civilian": true, "full": true, "separate": true,
}

// qtyAdjective guesses an adjective or participle from common words and
// endings.
func qtyAdjective(w string) bool {
	if qtyAdjectives[w] {
		return true
	}
	for _, suf := range []string{"ed", "ing", "al", "ive", "ful", "ous", "ic", "ian", "ese", "ish", "ary", "ern"} {
		if len(w) > len(suf)+2 && strings.HasSuffix(w, suf) {
			return true
		}
	}
	return false
}
