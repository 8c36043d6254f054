package compare

import (
	"slices"
	"sort"
	"strings"

	"github.com/storydesk/storydesk/internal/model"
)

// quoted is one direct quotation of one article, ready for matching.
type quoted struct {
	art     int
	q       model.Quote
	words   []string // lower-cased, apostrophes folded
	speaker string   // resolved entity id, else the speaker as written
	fact    int      // fact of the claim holding the quote, -1 if none
	person  bool     // the speaker is a resolved person
	wording int      // the same for quotes of the same words
}

// quoteGroups joins the same quotation across articles: wording that
// overlaps enough (one may be a fragment of the other), and for short
// quotes the same speaker or the same fact. Each group keeps the wording
// most articles use; other wordings become variants with a word diff.
func quoteGroups(arts []model.Article, anns []model.Annotations, cs []claim, factOf []int) ([]model.QuoteGroup, []model.Conflict) {
	var qs []quoted
	wordings := map[string]int{}
	for ai := range arts {
		if ai >= len(anns) {
			break
		}
		for _, q := range anns[ai].Quotes {
			w := quoteWords(q.Text)
			if len(w) == 0 {
				continue
			}
			sp := q.SpeakerID
			if sp == "" {
				sp = strings.ToLower(q.Speaker)
			}
			k := strings.Join(w, " ")
			id, ok := wordings[k]
			if !ok {
				id = len(wordings)
				wordings[k] = id
			}
			qs = append(qs, quoted{art: ai, q: q, words: w, speaker: sp, fact: claimFact(cs, factOf, ai, q.Start),
				person: personID(anns[ai].Entities, q.SpeakerID), wording: id})
		}
	}
	parent := make([]int, len(qs))
	for i := range parent {
		parent[i] = i
	}
	find := func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	d := quoteDiffer{overlaps: map[[2]int]overlap{}}
	for _, c := range quotePairs(qs) {
		if find(c[0]) != find(c[1]) && sameQuote(&qs[c[0]], &qs[c[1]], &d) {
			parent[find(c[0])] = find(c[1])
		}
	}
	members := map[int][]int{}
	var roots []int
	for i := range qs {
		r := find(i)
		if members[r] == nil {
			roots = append(roots, r)
		}
		members[r] = append(members[r], i)
	}
	var out []model.QuoteGroup
	var conflicts []model.Conflict
	for _, r := range roots {
		m := members[r]
		if spread(qs, m) < 2 {
			continue
		}
		g, by := buildGroup(arts, qs, m)
		out = append(out, g)
		if c, ok := quoteConflict(g, by); ok {
			conflicts = append(conflicts, c)
		}
	}
	return out, conflicts
}

// quotePairs proposes the pairs of quotes that share content words with
// at least half of the shorter quote's content words: only they can pass
// sameQuote, and finding them through a word index avoids comparing every
// quote with every other.
func quotePairs(qs []quoted) [][2]int {
	posting := map[string][]int{}
	nContent := make([]int, len(qs))
	uniq := make([][]string, len(qs)) // each quote's content words, once each
	seen := map[string]bool{}
	for i, q := range qs {
		clear(seen)
		for _, w := range q.words {
			if content(w) && !seen[w] {
				seen[w] = true
				posting[w] = append(posting[w], i)
				uniq[i] = append(uniq[i], w)
			}
		}
		nContent[i] = len(uniq[i])
	}
	// For each quote, count the words it shares with each later quote;
	// hits is cleared through touched after each.
	hits := make([]int, len(qs))
	var touched []int
	var out [][2]int
	for i := range qs {
		touched = touched[:0]
		for _, w := range uniq[i] {
			for _, j := range posting[w] {
				if j > i {
					if hits[j] == 0 {
						touched = append(touched, j)
					}
					hits[j]++
				}
			}
		}
		// Pairs come out in order of i, then of j.
		slices.Sort(touched)
		for _, j := range touched {
			if 2*hits[j] >= min(nContent[i], nContent[j]) {
				out = append(out, [2]int{i, j})
			}
			hits[j] = 0
		}
	}
	return out
}

func quoteWords(s string) []string {
	var out []string
	for _, w := range words(s) {
		out = append(out, w.text)
	}
	return out
}

// claimFact finds the fact of the claim of article ai holding rune offset at.
func claimFact(cs []claim, factOf []int, ai, at int) int {
	for i := range cs {
		if cs[i].art == ai && at >= cs[i].start && at < cs[i].end {
			return factOf[i]
		}
	}
	return -1
}

// spread counts the articles among members.
func spread(qs []quoted, m []int) int {
	seen := map[int]bool{}
	for _, i := range m {
		seen[qs[i].art] = true
	}
	return len(seen)
}

// sameWord compares two quoted words, letting a spelling that extends the
// other ("ok", "okay") pass.
func sameWord(a, b string) bool {
	if a == b {
		return true
	}
	if len(a) > len(b) {
		a, b = b, a
	}
	return len(a) >= 2 && len(b)-len(a) <= 2 && strings.HasPrefix(b, a) && content(a) && content(b)
}

// overlap is what sameQuote reads of the word diff of two wordings: the
// words they share, and how many of them and of the shorter wording's
// words are content words.
type overlap struct{ shared, sharedContent, shortContent int }

// quoteDiffer runs the word diffs of sameQuote, each pair of wordings
// once: outlets often quote the same words, and each pair of their
// quotes would diff the same two wordings again.
type quoteDiffer struct {
	d        differ
	overlaps map[[2]int]overlap // by the wordings, shorter first
}

func (qd *quoteDiffer) overlap(short, long *quoted) overlap {
	key := [2]int{short.wording, long.wording}
	if o, ok := qd.overlaps[key]; ok {
		return o
	}
	var o overlap
	for _, w := range short.words {
		if content(w) {
			o.shortContent++
		}
	}
	for _, op := range qd.d.diff(short.words, long.words) {
		if op.kind == '=' {
			o.shared++
			if content(op.a) {
				o.sharedContent++
			}
		}
	}
	qd.overlaps[key] = o
	return o
}

// sameQuote decides whether two quotations are the same words; d does
// the word diff.
func sameQuote(a, b *quoted, d *quoteDiffer) bool {
	if a.art == b.art && len(a.words) > 3 && len(b.words) > 3 {
		return false // one article repeating itself is not corroboration
	}
	if slices.Equal(a.words, b.words) {
		return len(a.words) > 3 || a.speaker == b.speaker || a.fact >= 0 && a.fact == b.fact
	}
	short, long := a, b
	if len(short.words) > len(long.words) {
		short, long = b, a
	}
	o := d.overlap(short, long)
	shared, sharedContent, shortContent := o.shared, o.sharedContent, o.shortContent
	if sharedContent == 0 || 2*sharedContent < shortContent {
		return false
	}
	sameSpeaker := a.speaker != "" && a.speaker == b.speaker
	sameFact := a.fact >= 0 && a.fact == b.fact
	n := len(short.words)
	switch {
	case n <= 3:
		// a few words match many texts: need the speaker and all of them
		return shared == n && (sameSpeaker || sameFact) || shared >= n-1 && n >= 2 && sameSpeaker && sameFact
	case float64(shared) >= 0.6*float64(n) && shared >= 3:
		return true
	default:
		return sameFact && sameSpeaker && float64(shared) >= 0.4*float64(n)
	}
}

// buildGroup writes one quote group: the main wording is the one most
// articles give (the longer on a tie); a wording that only quotes a piece
// of it is the same quote, any other wording a variant with its diff.
func buildGroup(arts []model.Article, qs []quoted, m []int) (model.QuoteGroup, map[string][]string) {
	type wording struct {
		text    string
		words   []string
		arts    []string
		speaker map[string]int
	}
	byText := map[string]*wording{}
	var order []string
	speakers := map[string]int{}
	by := map[string][]string{}
	for _, i := range m {
		k := strings.Join(qs[i].words, " ")
		w := byText[k]
		if w == nil {
			w = &wording{text: strings.TrimSpace(qs[i].q.Text), words: qs[i].words, speaker: map[string]int{}}
			byText[k] = w
			order = append(order, k)
		}
		w.arts = addID(w.arts, arts[qs[i].art].ID)
		if qs[i].q.Speaker != "" {
			speakers[qs[i].q.Speaker]++
		}
		if qs[i].person && !lower(qs[i].q.Speaker) {
			by[qs[i].q.Speaker] = addID(by[qs[i].q.Speaker], arts[qs[i].art].ID)
		}
	}
	sort.SliceStable(order, func(i, j int) bool {
		a, b := byText[order[i]], byText[order[j]]
		if len(a.arts) != len(b.arts) {
			return len(a.arts) > len(b.arts)
		}
		return len(a.words) > len(b.words)
	})
	main := byText[order[0]]
	g := model.QuoteGroup{Text: main.text, Articles: append([]string(nil), main.arts...), Speaker: topKey(speakers)}
	for _, k := range order[1:] {
		w := byText[k]
		for _, id := range w.arts {
			g.Articles = addID(g.Articles, id)
		}
		if d, changed := wordDiff(main.words, w.words); changed {
			g.Variants = append(g.Variants, model.QuoteVariant{Text: w.text, Articles: w.arts, Diff: d})
		}
	}
	return g, by
}

// personID reports whether id names a person among ents.
func personID(ents []model.Entity, id string) bool {
	if id == "" {
		return false
	}
	for _, e := range ents {
		if e.ID == id {
			return e.Type == model.Person
		}
	}
	return false
}

func addID(ids []string, id string) []string {
	for _, x := range ids {
		if x == id {
			return ids
		}
	}
	return append(ids, id)
}

func topKey(m map[string]int) string {
	best, n := "", 0
	for k, v := range m {
		if v > n || v == n && k < best {
			best, n = k, v
		}
	}
	return best
}
