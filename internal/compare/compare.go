package compare

import (
	"sort"

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
	// Detail is the similarity below which a piece of a corroborated
	// sentence (a clause cut at a comma, a relative or reported clause)
	// counts as a detail the other articles do not state; such a piece
	// becomes a single-source fact of its own, so one sentence can back
	// two facts. 0 turns this off.
	Detail float64
	// MaxUnique is the most single-source facts listed per article, best
	// first. 0 means no limit.
	MaxUnique int
	// MaxPoints is the most key points; 0 means 8.
	MaxPoints int
}

// DefaultOptions returns the options the briefing uses.
func DefaultOptions() Options {
	return Options{MinClauseWords: 5, Align: 0.25, Link: 0.2, Conflict: 0.12, Detail: 0.1, MaxUnique: 8, MaxPoints: 8}
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
	cs := claims(arts, anns, opts)
	ix := index(cs)
	postings := ix.postings
	related := candidates(cs, postings, min(opts.Align, opts.Conflict))
	var pairs []pair
	for _, p := range related {
		if p.score >= opts.Align {
			pairs = append(pairs, p)
		}
	}
	groups := group(cs, pairs, opts.Link)
	sort.SliceStable(groups, func(i, j int) bool {
		if len(groups[i]) != len(groups[j]) {
			return len(groups[i]) > len(groups[j])
		}
		return groups[i][0] < groups[j][0]
	})
	res := Result{}
	factOf := make([]int, len(cs))
	for fi, g := range groups {
		for _, m := range g {
			factOf[m] = fi
		}
	}
	// Pieces of the claims that back a fact of several articles: a part
	// such a sentence adds on its own becomes a fact of its own.
	all := cs[:len(cs):len(cs)]
	if opts.Detail > 0 {
		for i := range cs {
			if len(groups[factOf[i]]) < 2 || !ownTerms(cs, i, groups[factOf[i]]) {
				continue
			}
			for _, p := range pieces(cs[i], &anns[cs[i].art], opts.MinClauseWords) {
				p.parent = i
				// A detail is told by its own words: the predicate
				// classes that help paraphrases meet would make it
				// look stated elsewhere.
				p.preds = nil
				ix.piece(&p)
				all = append(all, p)
			}
		}
	}
	facts := append(groups[:len(groups):len(groups)], details(all, len(cs), postings, groups, factOf, opts.Detail, opts.Align)...)
	for _, g := range facts {
		res.Facts = append(res.Facts, fact(arts, all, g))
	}
	var quoteClashes []model.Conflict
	res.Quotes, quoteClashes = quoteGroups(arts, anns, cs, factOf)
	res.Conflicts = append(contradictions(arts, cs, related), quoteClashes...)
	res.Coverage = coverage(arts, facts, all)
	res.Unique = unique(arts, all, facts, opts.MaxUnique)
	res.Timeline = timeline(cs, factOf, res.Facts)
	res.Points = points(all, facts, res.Facts, opts.MaxPoints)
	return res
}

// fact turns a group of aligned claims into a cited fact; its text is the
// claim most like the others.
func fact(arts []model.Article, cs []claim, g []int32) model.Fact {
	best, bestScore := g[0], -1.0
	for _, x := range g {
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
	f := model.Fact{Text: cs[best].text}
	for _, m := range g {
		id := arts[cs[m].art].ID
		f.Sources = append(f.Sources, id)
		f.Support = append(f.Support, model.Support{Article: id, Text: cs[m].text})
	}
	return f
}
