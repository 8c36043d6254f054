package compare

import (
	"sort"
	"unicode"
	"unicode/utf8"

	"github.com/storydesk/storydesk/internal/model"
)

// Options tunes the comparison.
type Options struct {
	// MinClauseWords is the fewest words a clause needs to stand as a
	// claim; shorter sentences are taken for headings or captions. 0 means
	// every sentence counts.
	MinClauseWords int
	// Align is the least similarity (weighted term overlap, 0–1) at which
	// two claims of different articles may state the same fact. Lower
	// finds more paraphrases and more false matches; 0 means 0.25.
	Align float64
	// Link is the least mean similarity between the claims of two groups
	// for them to merge into one fact; it stops chains. 0 means Align.
	Link float64
	// Conflict is the least similarity at which two claims are close
	// enough to be checked for values that clash; it may sit below Align.
	// 0 means Align.
	Conflict float64
	// SubAlign is the least similarity at which a sub-clause (a relative,
	// adverbial, participle or reported clause, or a comma-cut part of a
	// sentence) may join a claim of another article, which it must also
	// match strongly (same event frame; same predicate class and subject;
	// or same figure, day or place and a rare word). Higher keeps clauses
	// out of facts they do not state. 0 means 0.35.
	SubAlign float64
	// Detail is the similarity below which a sub-clause of a corroborated
	// sentence counts as a detail the other articles do not state; such a
	// clause becomes a single-source fact of its own, so one sentence can
	// back two facts. 0 turns this off.
	Detail float64
	// MaxUnique is the most single-source facts listed per article, best
	// first. 0 means no limit.
	MaxUnique int
	// MaxPoints is the most key points; 0 means 8.
	MaxPoints int
}

// DefaultOptions returns the options the briefing uses.
func DefaultOptions() Options {
	return Options{MinClauseWords: 5, Align: 0.25, Link: 0.2, Conflict: 0.12, SubAlign: 0.35, Detail: 0.1, MaxUnique: 8, MaxPoints: 8}
}

// Coverage says which article reports which fact: Cells[i][j] is true when
// Articles[i] supports Facts[j] of the Result.
type Coverage struct {
	Articles []string
	Outlets  []string
	Cells    [][]bool
}

// Result is what the comparison finds in one story.
type Result struct {
	// Facts are the aligned claims, most corroborated first.
	Facts     []model.Fact
	Conflicts []model.Conflict
	Quotes    []model.QuoteGroup
	Unique    []model.Unique
	Coverage  Coverage
	Timeline  []model.TimelineRow
	// Points are the key points, ranked by corroboration and weight.
	Points []model.Point
}

// Compare aligns the claims of arts (anns[i] annotates arts[i], with
// entities resolved across articles by annotate.Resolve) and reports what
// the articles agree on, where they differ and what each alone adds.
// Articles without annotations are left out. Compare never fails: an
// empty story gives an empty Result.
func Compare(arts []model.Article, anns []model.Annotations, opts Options) Result {
	if opts.Align == 0 {
		opts.Align = 0.25
	}
	if opts.Link == 0 {
		opts.Link = opts.Align
	}
	if opts.Conflict == 0 {
		opts.Conflict = opts.Align
	}
	if opts.MaxPoints == 0 {
		opts.MaxPoints = 8
	}
	if opts.SubAlign == 0 {
		opts.SubAlign = 0.35
	}
	all, first := claims(arts, anns, opts)
	cs := all[:first:first]
	ix := index(all, first)
	related := candidates(ix, all, first, opts.Align, opts.Conflict, opts.SubAlign)
	pairs, near := make([]pair, 0, len(related)), make([]pair, 0, len(related))
	for _, p := range related {
		if float64(p.score) >= opts.Align {
			pairs = append(pairs, p)
		}
		if int(p.a) < first && int(p.b) < first {
			near = append(near, p)
		}
	}
	groups := group(ix, all, first, pairs, opts.Link)
	sort.SliceStable(groups, func(i, j int) bool {
		if len(groups[i]) != len(groups[j]) {
			return len(groups[i]) > len(groups[j])
		}
		return groups[i][0] < groups[j][0]
	})
	// A sub-clause that joined no other article's claim is no fact of its
	// own: its sentence is one.
	var facts [][]int32
	factOf := make([]int, len(all))
	for i := range factOf {
		factOf[i] = -1
	}
	for _, g := range groups {
		if len(g) == 1 && all[g[0]].sub {
			continue
		}
		for _, m := range g {
			factOf[m] = len(facts)
		}
		facts = append(facts, g)
	}
	supports(ix, all, first, facts, factOf, opts.Link)
	if opts.Detail > 0 {
		facts = append(facts, details(ix, all, first, facts, factOf, opts.Detail, opts.Align)...)
	}
	// The when and where of events come last and make no key point: the
	// timeline shows them.
	told := len(facts)
	facts = append(facts, eventFacts(all, first, anns, facts)...)
	res := Result{}
	for _, g := range facts {
		res.Facts = append(res.Facts, fact(arts, all, g))
	}
	var quoteClashes []model.Conflict
	res.Quotes, quoteClashes = quoteGroups(arts, anns, cs, factOf[:first])
	res.Conflicts = append(contradictions(arts, cs, near), quoteClashes...)
	res.Coverage = coverage(arts, facts, all)
	res.Unique = unique(arts, all, facts, opts.MaxUnique)
	res.Timeline = timeline(cs, factOf[:first], res.Facts)
	res.Points = points(all, facts[:told], res.Facts[:told], opts.MaxPoints)
	return res
}

// fact turns a group of aligned claims into a cited fact; its text is the
// sentence claim most like the others, or the sub-clause most like them
// when all are sub-clauses, opening with a capital (see sentenceCase). A
// sub-clause cites its whole sentence.
func fact(arts []model.Article, cs []claim, g []int32) model.Fact {
	best, bestScore := g[0], -1.0
	whole := false
	for _, x := range g {
		whole = whole || !cs[x].sub
	}
	for _, x := range g {
		if whole && cs[x].sub {
			continue
		}
		var s float64
		for _, y := range g {
			if x != y {
				s += similarity(&cs[x], &cs[y])
			}
		}
		if s > bestScore {
			best, bestScore = x, s
		}
	}
	f := model.Fact{Text: sentenceCase(cs[best].text)}
	for _, m := range g {
		id := arts[cs[m].art].ID
		f.Sources = append(f.Sources, id)
		text := cs[m].text
		if cs[m].sub {
			text = cs[m].sentence
		}
		f.Support = append(f.Support, model.Support{Article: id, Text: text})
	}
	return f
}

// sentenceCase returns a clause cut from a sentence ("reports soon
// surfaced that …") with its first letter in capitals, so that it reads
// as a sentence of its own; a first word with a capital inside ("eBay",
// "iPhone") is left as written.
func sentenceCase(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if !unicode.IsLower(r) {
		return s
	}
	for _, c := range s[n:] {
		if unicode.IsSpace(c) {
			break
		}
		if unicode.IsUpper(c) {
			return s
		}
	}
	return string(unicode.ToUpper(r)) + s[n:]
}
