package compare

import (
	"math"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/storydesk/storydesk/internal/model"
)

// coverage builds the article × fact matrix.
func coverage(arts []model.Article, groups [][]int32, cs []claim) Coverage {
	cv := Coverage{Cells: make([][]bool, len(arts))}
	for i, a := range arts {
		cv.Articles = append(cv.Articles, a.ID)
		cv.Outlets = append(cv.Outlets, a.Outlet)
		cv.Cells[i] = make([]bool, len(groups))
	}
	for fi, g := range groups {
		for _, m := range g {
			cv.Cells[cs[m].art][fi] = true
		}
	}
	return cv
}

// weight is how much a claim says: its rare terms, names, numbers and
// dates. Predicate classes only restate its words and do not count.
func weight(c *claim) float64 {
	return float64(c.norm-c.classWeight) + 2*float64(len(c.numbers)+len(c.times)) + float64(len(c.entities))
}

// unique lists, per article, the facts no other article states, weightiest
// first, at most max per article (0: all). A piece of a sentence that
// cannot stand as one (see dependent) is left out.
func unique(arts []model.Article, cs []claim, groups [][]int32, max int) []model.Unique {
	per := make([][]int32, len(arts))
	for _, g := range groups {
		if len(g) == 1 && !dependent(&cs[g[0]]) {
			per[cs[g[0]].art] = append(per[cs[g[0]].art], g[0])
		}
	}
	var out []model.Unique
	for ai, list := range per {
		if len(list) == 0 {
			continue
		}
		sort.SliceStable(list, func(i, j int) bool { return uniqueWeight(&cs[list[i]]) > uniqueWeight(&cs[list[j]]) })
		if max > 0 && len(list) > max {
			list = list[:max]
		}
		u := model.Unique{Article: arts[ai].ID}
		for _, m := range list {
			u.Facts = append(u.Facts, sentenceCase(cs[m].text))
		}
		out = append(out, u)
	}
	return out
}

// uniqueWeight ranks what one article alone says: a sentence that opens
// with a quotation is shown with the quotes and counts half.
func uniqueWeight(c *claim) float64 {
	w := weight(c) / math.Sqrt(float64(max(len(c.words), 1)))
	if opensQuote(c.text) {
		w /= 2
	}
	return w
}

func opensQuote(s string) bool {
	return strings.HasPrefix(s, "“") || strings.HasPrefix(s, "\"") || strings.HasPrefix(s, "‘") || strings.HasPrefix(s, "'")
}

// timeline dates facts by the times their claims carry: one row per
// normalised day or moment and fact, in time order. Only values that
// name a calendar day ("2025-08-15", "2025-08-15T11:30") make rows.
func timeline(cs []claim, factOf []int, facts []model.Fact) []model.TimelineRow {
	type key struct {
		when string
		fact int
	}
	seen := map[key]bool{}
	var out []model.TimelineRow
	for i := range cs {
		for _, t := range cs[i].times {
			if !calendarDay(t.Value) {
				continue
			}
			k := key{t.Value, factOf[i]}
			if seen[k] {
				continue
			}
			seen[k] = true
			f := facts[factOf[i]]
			out = append(out, model.TimelineRow{When: t.Value, Text: f.Text, Articles: f.Sources})
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].When < out[j].When })
	return out
}

func calendarDay(v string) bool {
	if len(v) < 10 || v[4] != '-' || v[7] != '-' {
		return false
	}
	for _, i := range []int{0, 1, 2, 3, 5, 6, 8, 9} {
		if v[i] < '0' || v[i] > '9' {
			return false
		}
	}
	return true
}

// points picks the key points: facts ranked by how many articles carry
// them and how much they say, skipping quotes-only and near-repeat lines.
func points(cs []claim, groups [][]int32, facts []model.Fact, max int) []model.Point {
	// Corroboration first (how many articles carry the fact), then how
	// much the best-worded sentence says: a long single-source sentence
	// must not outrank a fact three outlets report.
	order := make([]int, len(groups))
	score := make([]float64, len(groups))
	for fi, g := range groups {
		order[fi] = fi
		for _, m := range g {
			score[fi] = max64(score[fi], weight(&cs[m]))
		}
	}
	sort.SliceStable(order, func(i, j int) bool {
		a, b := order[i], order[j]
		if len(facts[a].Sources) != len(facts[b].Sources) {
			return len(facts[a].Sources) > len(facts[b].Sources)
		}
		return score[a] > score[b]
	})
	var out []model.Point
	var taken []int32
	for _, fi := range order {
		if len(out) >= max {
			break
		}
		rep := groups[fi][0]
		for _, m := range groups[fi] {
			if sentenceCase(cs[m].text) == facts[fi].Text {
				rep = m
			}
		}
		if opensQuote(facts[fi].Text) { // quotes go under who said what
			continue
		}
		// A fact told only in sub-clauses or in a piece of a sentence
		// that does not read alone ("During a call on Wednesday among …"
		// cut off at a dash) stays among the facts but is no key point:
		// a reader cannot take it alone, and its whole sentences say more
		// than the outlets share.
		if cs[rep].sub || !standsAlone(&cs[rep]) {
			continue
		}
		dup := false
		for _, t := range taken {
			if similarity(&cs[t], &cs[rep]) > 0.5 {
				dup = true
			}
		}
		if dup {
			continue
		}
		taken = append(taken, rep)
		out = append(out, model.Point{Text: facts[fi].Text, Sources: facts[fi].Sources})
	}
	return out
}

// standsAlone reports whether a clause reads as a sentence by itself: it is
// the whole sentence, a piece that ends it, or an independent clause cut
// at a semicolon or a conjunction. A piece cut off at a dash is the frame
// of a parenthesis ("During a call among leaders of the coalition – those
// prepared to … – Starmer said"), not a statement.
func standsAlone(c *claim) bool {
	if c.text == c.sentence {
		return true
	}
	t := strings.TrimRight(c.text, `"'”’)]`)
	last, _ := utf8.DecodeLastRuneInString(t)
	if last == '.' || last == '!' || last == '?' {
		return true
	}
	i := strings.Index(c.sentence, c.text)
	if i < 0 {
		return false
	}
	rest := c.sentence[i+len(c.text):]
	return !strings.HasPrefix(rest, " – ") && !strings.HasPrefix(rest, " — ")
}

// subordinators open a clause that hangs on another: "that she never
// entered", "although the actress's whereabouts were unknown",
// "according to the Associated Press".
var subordinators = setOf(`that although though because since whereas unless whether if when while as according who whom whose which where`)

// dependent reports whether c is a piece of its sentence that opens with
// a subordinator, and so states nothing on its own.
func dependent(c *claim) bool {
	return c.text != c.sentence && len(c.words) > 0 && subordinators[c.words[0].text]
}

func max64(a, b float64) float64 {
	if a > b {
		return a
	}
	return b
}
