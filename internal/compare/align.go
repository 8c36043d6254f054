package compare

import (
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"
)

// frameWeight is how many times its idf weight an event frame (a
// predicate class with its subject, "f:refuse|zelensky") counts: two
// outlets that say who did what kind of thing agree on more than one word.
const frameWeight = 2

// termIndex holds the story's terms: their ids, which claims hold each
// (postings) and which are numbers.
type termIndex struct {
	ids      map[string]int32
	postings [][]int32
	values   []bool  // values[t]: term t is a number
	classes  []bool  // classes[t]: term t is a predicate class or a frame
	frames   []bool  // frames[t]: term t is an event frame
	n        float64 // claims indexed
	// words caches the term id of each lower-cased word seen: -1 for a
	// word that is not a content word.
	words map[string]int32
	set   map[int32]bool // scratch for terms
	// frameIDs caches the term id of each event frame (class, agent).
	frameIDs map[[2]string]int32
}

// index gives every claim its weighted terms: content-word stems, resolved
// entities, numbers and full dates, each weighted by its inverse document
// frequency over the story's claims, so that words every article repeats
// ("summit", the main actors) count for less than a rare detail.
func index(cs []claim) *termIndex {
	x := &termIndex{ids: map[string]int32{}, n: float64(len(cs)), words: map[string]int32{}, set: map[int32]bool{}, frameIDs: map[[2]string]int32{}}
	for i := range cs {
		x.terms(&cs[i], true)
		for _, t := range cs[i].terms {
			x.postings[t] = append(x.postings[t], int32(i))
		}
	}
	for i := range cs {
		x.weigh(&cs[i])
	}
	return x
}

// piece gives a piece of an indexed claim its terms and weights by the
// claims' frequencies, without counting it in them: a piece only repeats
// its claim's words.
func (x *termIndex) piece(c *claim) {
	x.terms(c, false)
	x.weigh(c)
}

// terms sets c.terms and c.values; new terms get ids only when add is set.
func (x *termIndex) terms(c *claim, add bool) {
	set := x.set
	clear(set)
	id := func(t string, value bool) int32 {
		v, ok := x.ids[t]
		if !ok {
			if !add {
				return -1
			}
			v = int32(len(x.ids))
			x.ids[t] = v
			x.postings = append(x.postings, nil)
			x.values = append(x.values, false)
			x.classes = append(x.classes, strings.HasPrefix(t, "p:") || strings.HasPrefix(t, "f:"))
			x.frames = append(x.frames, strings.HasPrefix(t, "f:"))
		}
		if value {
			x.values[v] = true
		}
		return v
	}
	put := func(t string, value bool) {
		if v := id(t, value); v >= 0 {
			set[v] = true
		}
	}
	for _, w := range c.words {
		v, ok := x.words[w.text]
		if !ok {
			v = -1
			if content(w.text) {
				v = id("w:"+stem(w.text), false)
			}
			// A word not yet a term may become one when claims are
			// added; only settled answers are kept.
			if v >= 0 || !content(w.text) {
				x.words[w.text] = v
			}
		}
		if v >= 0 {
			set[v] = true
		}
	}
	for _, e := range c.entities {
		put("e:"+e, false)
	}
	for _, p := range c.preds {
		put(classTerms[p], false)
		// The event frame: who does it.
		for _, a := range c.agents {
			k := [2]string{p, a}
			v, ok := x.frameIDs[k]
			if !ok {
				v = id("f:"+p+"|"+a, false)
				if v >= 0 {
					x.frameIDs[k] = v
				}
			}
			if v >= 0 {
				set[v] = true
			}
		}
	}
	for _, q := range c.numbers {
		if q.Value != nil {
			put("n:"+strconv.FormatFloat(*q.Value, 'g', -1, 64), true)
		}
	}
	for _, t := range c.times {
		if len(t.Value) >= 10 {
			put("t:"+t.Value[:10], false)
		}
		// A clock time is a figure like a number: a fact whose claims
		// all give it keeps out claims without it.
		if clock(t.Value) {
			put("t:"+t.Value[:16], true)
		}
	}
	c.terms = c.terms[:0]
	c.values = c.values[:0]
	for t := range set {
		c.terms = append(c.terms, t)
		if x.values[t] {
			c.values = append(c.values, t)
		}
	}
	slices.Sort(c.terms)
	slices.Sort(c.values)
}

func (x *termIndex) weigh(c *claim) {
	c.weights = make([]float32, len(c.terms))
	c.norm, c.classWeight = 0, 0
	for k, t := range c.terms {
		w := float32(math.Log(1 + x.n/float64(max(len(x.postings[t]), 1))))
		if x.frames[t] {
			w *= frameWeight
		}
		c.weights[k] = w
		c.norm += w
		if x.classes[t] {
			c.classWeight += w
		}
	}
}

// similarity is the weighted Dice overlap of two claims' terms: 1 when
// they share every term, 0 when none.
func similarity(a, b *claim) float64 {
	if a.norm+b.norm == 0 {
		return 0
	}
	var shared float32
	i, j := 0, 0
	for i < len(a.terms) && j < len(b.terms) {
		switch {
		case a.terms[i] < b.terms[j]:
			i++
		case a.terms[i] > b.terms[j]:
			j++
		default:
			shared += a.weights[i] + b.weights[j]
			i++
			j++
		}
	}
	return float64(shared / (a.norm + b.norm))
}

// pair is two claims of different articles and their similarity.
type pair struct {
	a, b  int32
	score float64
}

// candidates returns the pairs of claims from different articles whose
// similarity reaches min. Terms held by more than a quarter of the claims
// do not propose pairs (they still count in the score), which keeps the
// work near linear in the story's size.
func candidates(cs []claim, postings [][]int32, min float64) []pair {
	limit := len(cs)/4 + 2
	// common[i] is the weight claim i holds in terms too common to
	// propose pairs; rare[j] sums, for the claim at hand, the weights of
	// the rarer terms it shares with claim j. Together they bound the
	// similarity from above, so that pairs that cannot reach min are
	// dropped before the exact score is computed.
	common := make([]float32, len(cs))
	for i := range cs {
		for k, t := range cs[i].terms {
			if len(postings[t]) > limit {
				common[i] += cs[i].weights[k]
			}
		}
	}
	rare := make([]float32, len(cs))
	art := make([]int, len(cs)) // cs[j].art, kept close for the inner loop
	for i := range cs {
		art[i] = cs[i].art
	}
	var touched []int32
	var out []pair
	for i := range cs {
		touched = touched[:0]
		for k, t := range cs[i].terms {
			p := postings[t]
			if len(p) > limit {
				continue
			}
			w := cs[i].weights[k]
			for _, j := range p {
				if j > int32(i) && art[j] != art[i] {
					if rare[j] == 0 {
						touched = append(touched, j)
					}
					rare[j] += w
				}
			}
		}
		slices.Sort(touched) // pairs of one claim in order of b
		if cap(out)-len(out) < len(touched) {
			// Double rather than let append grow a long list by a
			// quarter at a time.
			out = slices.Grow(out, cap(out)+len(touched))
		}
		for _, j := range touched {
			// Each shared term counts once in each claim: 2w. The slack
			// keeps rounding from dropping a pair the exact score keeps.
			c := common[i]
			if common[j] < c {
				c = common[j]
			}
			bound := 2 * (float64(rare[j]) + float64(c))
			rare[j] = 0
			if bound*1.001+1e-6 < min*float64(cs[i].norm+cs[j].norm) {
				continue
			}
			if s := similarity(&cs[i], &cs[j]); s >= min {
				out = append(out, pair{int32(i), j, s})
			}
		}
	}
	// out is in order of a, then b; a stable sort by score, best first,
	// gives the order by score, a and b.
	sortByScore(out)
	return out
}

// sortByScore sorts ps by score, highest first, keeping the order of
// equal scores. Scores are float32 values at or above 0 (similarity
// computes them in float32), whose bits order as the values do, so a
// radix sort on the inverted bits does it in four linear passes.
func sortByScore(ps []pair) {
	if len(ps) < 2 {
		return
	}
	key := func(p pair) uint32 { return ^math.Float32bits(float32(p.score)) }
	tmp := make([]pair, len(ps))
	src, dst := ps, tmp
	for shift := 0; shift < 32; shift += 8 {
		var count [257]int
		for _, p := range src {
			count[key(p)>>shift&0xff+1]++
		}
		if count[key(src[0])>>shift&0xff+1] == len(src) {
			continue // all share this byte
		}
		for b := 1; b < 257; b++ {
			count[b] += count[b-1]
		}
		for _, p := range src {
			d := key(p) >> shift & 0xff
			dst[count[d]] = p
			count[d]++
		}
		src, dst = dst, src
	}
	if &src[0] != &ps[0] {
		copy(ps, src)
	}
}

// group joins claims into facts, best pairs first: two groups merge when
// they share no article (one claim per article per fact), no two of their
// claims clash (see clash), the figures each group's claims all give are
// in the other's, and their claims' mean pairwise similarity stays at or
// above link.
func group(cs []claim, pairs []pair, link float64) [][]int32 {
	of := make([]int, len(cs))
	groups := make([][]int32, len(cs))
	for i := range cs {
		of[i] = i
		groups[i] = []int32{int32(i)}
	}
	for _, p := range pairs {
		ga, gb := of[p.a], of[p.b]
		if ga == gb || !disjoint(cs, groups[ga], groups[gb]) {
			continue
		}
		// The cheap tests first: linked sums similarities.
		if joinClash(cs, groups[ga], groups[gb]) {
			continue
		}
		if !keepsValues(cs, groups[ga], groups[gb]) || !keepsValues(cs, groups[gb], groups[ga]) {
			continue
		}
		if !linked(cs, groups[ga], groups[gb], link) {
			continue
		}
		for _, m := range groups[gb] {
			of[m] = ga
		}
		groups[ga] = append(groups[ga], groups[gb]...)
		groups[gb] = nil
	}
	var out [][]int32
	for _, g := range groups {
		if len(g) > 0 {
			slices.Sort(g)
			out = append(out, g)
		}
	}
	return out
}

func disjoint(cs []claim, a, b []int32) bool {
	for _, x := range a {
		for _, y := range b {
			if cs[x].art == cs[y].art {
				return false
			}
		}
	}
	return true
}

// linked reports whether the mean similarity of the claims of a to those
// of b reaches link. It stops once the pairs left, each at most 1, cannot lift the mean to link; the margin
// keeps rounding from changing an answer meanLink would give.
func linked(cs []claim, a, b []int32, link float64) bool {
	n := len(a) * len(b)
	need := link*float64(n) - 1e-6
	var sum float64
	k := 0
	for _, x := range a {
		for _, y := range b {
			sum += similarity(&cs[x], &cs[y])
			k++
			if sum+1.001*float64(n-k) < need {
				return false
			}
		}
	}
	return sum/float64(n) >= link
}

// hasTerm reports whether the sorted terms hold t.
func hasTerm(terms []int32, t int32) bool {
	i := sort.Search(len(terms), func(i int) bool { return terms[i] >= t })
	return i < len(terms) && terms[i] == t
}

// keepsValues reports whether every claim of b states the numbers that
// all the claims of a state: a fact that two or more articles give with
// the same figure ("troops captured two villages") does not
// take in a claim about the same actors without it. A single claim sets
// no such core.
func keepsValues(cs []claim, a, b []int32) bool {
	if len(a) < 2 {
		return true
	}
	for _, v := range cs[a[0]].values {
		inAll := true
		for _, x := range a[1:] {
			if !hasTerm(cs[x].values, v) {
				inAll = false
				break
			}
		}
		if !inAll {
			continue
		}
		for _, y := range b {
			if !hasTerm(cs[y].values, v) {
				return false
			}
		}
	}
	return true
}

// details finds what a corroborated sentence adds on its own: a piece of
// a claim that backs a fact of two or more articles, when the piece is
// hardly like the fact's other claims (below low) and no claim of another
// article states it (below align), becomes a single-source fact. Of the
// pieces of one claim that qualify, the weightiest is taken. cs holds the
// claims up to first and their pieces after; postings index the claims.
func details(cs []claim, first int, postings [][]int32, groups [][]int32, factOf []int, low, align float64) [][]int32 {
	if low <= 0 {
		return nil
	}
	limit := first/4 + 2
	best := map[int]int32{}
	seen := make([]bool, first)
	var touched []int32
	for pi := first; pi < len(cs); pi++ {
		p := &cs[pi]
		g := groups[factOf[p.parent]]
		if len(g) < 2 {
			continue
		}
		if b, ok := best[p.parent]; ok && cs[b].norm >= p.norm {
			continue
		}
		alone := true
		for _, m := range g {
			if cs[m].art != p.art && similarity(p, &cs[m]) >= low {
				alone = false
				break
			}
		}
		// Only claims sharing a term with the piece can reach align; as in
		// candidates, terms a quarter of the claims hold propose none.
		touched = touched[:0]
		for _, t := range p.terms {
			if len(postings[t]) > limit {
				continue
			}
			for _, ci := range postings[t] {
				if !alone {
					break
				}
				if seen[ci] || cs[ci].art == p.art {
					continue
				}
				seen[ci] = true
				touched = append(touched, ci)
				if similarity(p, &cs[ci]) >= align {
					alone = false
				}
			}
		}
		for _, ci := range touched {
			seen[ci] = false
		}
		if alone {
			best[p.parent] = int32(pi)
		}
	}
	var out [][]int32
	for _, pi := range best {
		out = append(out, []int32{pi})
	}
	sort.Slice(out, func(i, j int) bool { return out[i][0] < out[j][0] })
	return out
}

// ownTerms reports whether claim i holds a term that no claim of another
// article in its group g holds: without one, no piece of it can add a
// detail to the fact.
func ownTerms(cs []claim, i int, g []int32) bool {
	for _, t := range cs[i].terms {
		held := false
		for _, m := range g {
			if cs[m].art != cs[i].art && hasTerm(cs[m].terms, t) {
				held = true
				break
			}
		}
		if !held {
			return true
		}
	}
	return false
}

// joinClash reports whether a claim of a and one of b cannot state the
// same fact; see clash.
func joinClash(cs []claim, a, b []int32) bool {
	for _, x := range a {
		for _, y := range b {
			if clash(&cs[x], &cs[y]) {
				return true
			}
		}
	}
	return false
}

// clash reports whether two claims tell of different events: they both
// name calendar days and share none, or they have different subjects,
// each opening with people the other never names ("Putin demands that
// Ukraine cede the region" / "Zelensky will not surrender the region").
// A claim whose subject is a pronoun or a common noun names no agent.
func clash(a, b *claim) bool {
	if datesClash(a, b) {
		return true
	}
	if len(a.agents) == 0 || len(b.agents) == 0 {
		return false
	}
	for _, p := range a.agents {
		if slices.Contains(b.entities, p) {
			return false
		}
	}
	for _, p := range b.agents {
		if slices.Contains(a.entities, p) {
			return false
		}
	}
	return true
}

// datesClash reports whether two claims both name calendar days and share
// none. Days a week apart do not clash: a weekday name ("on Friday")
// resolves to the last or the next one by the tense around it, and two
// outlets may read it each way.
func datesClash(a, b *claim) bool {
	if len(a.days) == 0 || len(b.days) == 0 {
		return false
	}
	for _, x := range a.days {
		for _, y := range b.days {
			if d := x - y; d == 0 || d == 7 || d == -7 {
				return false
			}
		}
	}
	return true
}

// clock reports whether a normalised time value names a minute of a day
// ("2025-08-15T11:30", with or without an offset).
func clock(v string) bool {
	if len(v) < 16 || !calendarDay(v) || v[10] != 'T' || v[13] != ':' {
		return false
	}
	for _, i := range []int{11, 12, 14, 15} {
		if v[i] < '0' || v[i] > '9' {
			return false
		}
	}
	return true
}
