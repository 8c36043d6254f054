package brief

import (
	"strings"

	"github.com/storydesk/storydesk/internal/model"
)

// subordinators open a clause or phrase that hangs on the main clause of
// a sentence; relatives are those among them that describe the noun
// before them.
var (
	subordinators = map[string]bool{
		"who": true, "whom": true, "whose": true, "which": true, "where": true, "when": true,
		"while": true, "whereas": true, "although": true, "though": true, "because": true,
		"since": true, "as": true, "after": true, "before": true, "amid": true, "despite": true,
		"ahead": true, "following": true, "during": true, "until": true, "unless": true, "if": true,
		"including": true, "once": true,
	}
	relatives = map[string]bool{"who": true, "whom": true, "whose": true, "which": true}
)

// segment is a run of words between clause breaks; sub marks one that
// hangs on the main clause (opened by a subordinator or a participle in
// -ing after the main clause has begun).
type segment struct {
	lo, hi int
	sub    bool
}

// segments cuts words at commas, semicolons, colons, dashes and brackets,
// and before a relative pronoun. Segments before the first main one
// (fronted: "Since the weekend, Europe has ...") belong to the main clause.
func segments(words []word) []segment {
	var out []segment
	lo := 0
	for i := range words {
		end := words[i].punct || i+1 == len(words) || relatives[words[i+1].lower]
		if !end {
			continue
		}
		out = append(out, segment{lo: lo, hi: i + 1})
		lo = i + 1
	}
	mainSeen := false
	for k := range out {
		first := words[out[k].lo].lower
		sub := subordinators[first] || (strings.HasSuffix(first, "ing") && len(first) > 5 && !notParticiples[first])
		if !sub {
			mainSeen = true
			continue
		}
		out[k].sub = mainSeen
	}
	return out
}

// speechVerbs report what someone said; the words after one are what was
// said, which may name a day of its own.
var speechVerbs = map[string]bool{
	"said": true, "says": true, "told": true, "tells": true, "announced": true, "added": true,
	"warned": true, "stated": true, "confirmed": true, "claimed": true, "insisted": true,
	"argued": true, "noted": true, "reported": true, "wrote": true, "posted": true,
	"declared": true, "revealed": true, "suggested": true, "acknowledged": true,
}

// clauseTexts gives each row the text to show: a sentence that the rows
// place on several days is shown whole on the day its main clause names,
// and on the day named inside a subordinate clause trimmed to that clause
// ("Ana Ruiz, who will open the bridge on Friday, spoke on Monday" is
// "Ana Ruiz, who will open the bridge on Friday…" on Friday). When the
// main clause reports speech and names two days, the day of the speaking
// beside the verb ("The board on Monday said the vote is on Friday"),
// the row for the day said about leaves the other day out ("The board …
// said the vote is on Friday"). Rows whose day the sentence does not
// name, or whose sentence no row places by its main clause, keep the
// whole sentence. main tells the rows placed whole by their main clause.
func clauseTexts(rows []model.TimelineRow) (out []string, main []bool) {
	out = make([]string, len(rows))
	main = make([]bool, len(rows))
	days := make(map[string]map[string]bool)
	for i, r := range rows {
		out[i] = r.Text
		if days[r.Text] == nil {
			days[r.Text] = make(map[string]bool)
		}
		days[r.Text][dayKey(r.When)] = true
	}
	type place struct {
		seg, anchor int
		found       bool
	}
	cache := make(map[string][]word)
	places := make([]place, len(rows))
	hasMain := make(map[string]bool)
	for i, r := range rows {
		if len(days[r.Text]) < 2 {
			continue
		}
		words, ok := cache[r.Text]
		if !ok {
			words = tokens(r.Text)
			cache[r.Text] = words
		}
		a := anchorWord(words, r.When)
		if a < 0 {
			continue
		}
		for k, s := range segments(words) {
			if a >= s.lo && a < s.hi {
				places[i] = place{seg: k, anchor: a, found: true}
				if !s.sub {
					hasMain[r.Text] = true
				}
			}
		}
	}
	for i, r := range rows {
		if !places[i].found || !hasMain[r.Text] {
			continue
		}
		words := cache[r.Text]
		segs := segments(words)
		s := segs[places[i].seg]
		if s.sub {
			out[i] = trimTo(r.Text, words, segs, places[i].seg)
			continue
		}
		main[i] = true
		for j, o := range rows {
			p := places[j]
			if o.Text != r.Text || !p.found || segs[p.seg].sub || dayKey(o.When) == dayKey(r.When) || p.anchor >= places[i].anchor {
				continue
			}
			if text, ok := leaveOut(r.Text, words, p.anchor, places[i].anchor); ok {
				out[i], main[i] = text, false
				break
			}
		}
	}
	return out, main
}

// leaveOut drops the words naming the day at word a from text when they
// sit beside a speech verb that comes before word b ("The board on Monday
// said …", "said Monday that …") and marks the gap with "…".
func leaveOut(text string, words []word, a, b int) (string, bool) {
	lo, hi := a, a+1
	for lo > 0 && !words[lo-1].punct && (words[lo-1].lower == "on" || words[lo-1].lower == "late" || words[lo-1].lower == "early" || words[lo-1].lower == "last") {
		lo--
	}
	for hi < len(words) && !words[hi-1].punct && partOfDayWord(words[hi].lower) {
		hi++
	}
	if words[hi-1].punct || hi >= b {
		return "", false
	}
	verb := false
	switch {
	case lo > 0 && speechVerbs[words[lo-1].lower]:
		verb = true
	case speechVerbs[words[hi].lower]:
		verb = true
	}
	if !verb {
		return "", false
	}
	head := strings.TrimRight(text[:words[lo].start], " ")
	if head != "" {
		head += " "
	}
	return head + "… " + text[words[hi].start:], true
}

func partOfDayWord(w string) bool {
	for _, p := range partsOfDay {
		if w == p {
			return true
		}
	}
	return false
}

// trimTo is the text of segment k of a sentence, led by the noun phrase it
// describes when it is a relative clause after a short one, and marked
// with "…" where words are left out.
func trimTo(text string, words []word, segs []segment, k int) string {
	s := segs[k]
	from := words[s.lo].start
	lead := "…"
	if relatives[words[s.lo].lower] && k > 0 && segs[k-1].hi-segs[k-1].lo <= 6 {
		from, lead = words[segs[k-1].lo].start, ""
		if k > 1 {
			lead = "…"
		}
	}
	if lead != "" {
		lead += " "
	}
	if s.hi == len(words) {
		return lead + text[from:]
	}
	body := strings.TrimRight(text[from:words[s.hi-1].end], ",;:—–-( ")
	return lead + body + "…"
}
