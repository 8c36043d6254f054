package compare

import (
	"iter"
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
	values   []bool // values[t]: term t is a number
	classes  []bool // classes[t]: term t is a predicate class or a frame
	frames   []bool // frames[t]: term t is an event frame
	kinds    []termKind
	df       []int32 // df[t]: the sentence claims (not sub-clauses) holding t
	n        float64 // sentence claims indexed
	// words caches the term id of each lower-cased word seen: -1 for a
	// word that is not a content word.
	words map[string]int32
	// seen[t] == epoch marks term t as already in the claim at hand.
	seen  []uint32
	epoch uint32
	// frameIDs caches the term id of each event frame (class, agent).
	frameIDs map[[2]string]int32
	// keys[i] are sentence claim i's clash keys (see clashKeys), of
	// nKeys in all.
	keys  [][]int32
	nKeys int
	// key is scratch space where terms builds a term's text, so that
	// looking up a term seen before allocates nothing.
	key []byte
}

// termKind says what a term stands for, as strong reads it.
type termKind uint8

const (
	kindWord termKind = iota
	kindPerson
	kindPlace
	kindEntity // an entity neither a person nor a place
	kindValue  // a number or a clock time
	kindDay
	kindClass
	kindFrame
)

// index gives every claim its weighted terms: content-word stems, resolved
// entities, numbers and full dates, each weighted by its inverse document
// frequency over the story's sentence claims (cs[:first]; the sub-clauses
// after them only repeat their words), so that words every article
// repeats ("summit", the main actors) count for less than a rare detail.
func index(cs []claim, first int) *termIndex {
	x := &termIndex{ids: map[string]int32{}, n: float64(first), words: map[string]int32{}, frameIDs: map[[2]string]int32{}}
	for i := range cs {
		if c := &cs[i]; c.sub {
			p := &cs[c.parent]
			c.wordTerms = p.wordTerms[c.wordFrom : c.wordFrom+len(c.words)]
		}
		x.terms(&cs[i], true)
		for _, t := range cs[i].terms {
			x.postings[t] = append(x.postings[t], int32(i))
			if i < first {
				x.df[t]++
			}
		}
	}
	for i := range cs {
		x.weigh(&cs[i])
	}
	x.clashKeys(cs[:first])
	return x
}

// clashKeys gives each sentence claim the sorted ids of what a
// contradiction needs two claims to share (see contradictions): a
// modifier frame's words, or the thing and unit an exact number counts.
func (x *termIndex) clashKeys(cs []claim) {
	ids := map[string]int32{}
	x.keys = make([][]int32, len(cs))
	for i := range cs {
		c := &cs[i]
		var ks []int32
		put := func(k string) {
			v, ok := ids[k]
			if !ok {
				v = int32(len(ids))
				ids[k] = v
			}
			ks = append(ks, v)
		}
		for _, f := range c.frames {
			put(f.key)
		}
		for _, q := range c.numbers {
			if q.Value != nil && q.Of != "" && q.Precision == "" {
				put("\x00" + q.Of + "\x00" + q.Unit)
			}
		}
		slices.Sort(ks)
		x.keys[i] = slices.Compact(ks)
	}
	x.nKeys = len(ids)
}

// clashable reports whether sentence claim b holds a clash key that
// marked holds for the claim at hand (marked[k] == mark): only then may
// contradictions find a clash between the two.
func (x *termIndex) clashable(marked []int32, mark int32, b int32) bool {
	for _, k := range x.keys[b] {
		if marked[k] == mark {
			return true
		}
	}
	return false
}

// terms sets c.terms and c.values; new terms get ids only when add is set.
func (x *termIndex) terms(c *claim, add bool) {
	x.epoch++
	// At most one term per word, entity, number, class and frame, and
	// two per time: room for all of them at once.
	most := len(c.words) + len(c.entities) + len(c.preds)*(1+len(c.agents)) + len(c.numbers) + 2*len(c.times)
	if cap(c.terms) < most {
		c.terms = make([]int32, 0, most)
	}
	c.terms = c.terms[:0]
	mark := func(v int32) {
		if x.seen[v] != x.epoch {
			x.seen[v] = x.epoch
			c.terms = append(c.terms, v)
		}
	}
	// id gives the term whose text is in x.key its id.
	id := func(value bool, kind termKind) int32 {
		v, ok := x.ids[string(x.key)]
		if !ok {
			if !add {
				return -1
			}
			t := string(x.key)
			v = int32(len(x.ids))
			x.ids[t] = v
			x.postings = append(x.postings, nil)
			x.values = append(x.values, false)
			x.classes = append(x.classes, strings.HasPrefix(t, "p:") || strings.HasPrefix(t, "f:"))
			x.frames = append(x.frames, strings.HasPrefix(t, "f:"))
			x.kinds = append(x.kinds, kind)
			x.df = append(x.df, 0)
			x.seen = append(x.seen, 0)
		}
		if value {
			x.values[v] = true
		}
		return v
	}
	// put marks the term prefix+t.
	put := func(prefix, t string, value bool, kind termKind) {
		x.key = append(append(x.key[:0], prefix...), t...)
		if v := id(value, kind); v >= 0 {
			mark(v)
		}
	}
	if c.sub && c.wordTerms != nil {
		// A sub-clause's words are its sentence claim's, looked up once.
		for _, v := range c.wordTerms {
			if v >= 0 {
				mark(v)
			}
		}
	} else if add {
		c.wordTerms = make([]int32, len(c.words))
	}
	for k, w := range c.words {
		if c.sub && c.wordTerms != nil {
			break
		}
		v, ok := x.words[w.text]
		if !ok {
			v = -1
			if content(w.text) {
				x.key = append(append(x.key[:0], "w:"...), stem(w.text)...)
				v = id(false, kindWord)
			}
			// A word not yet a term may become one when claims are
			// added; only settled answers are kept.
			if v >= 0 || !content(w.text) {
				x.words[w.text] = v
			}
		}
		if add {
			c.wordTerms[k] = v
		}
		if v >= 0 {
			mark(v)
		}
	}
	for _, e := range c.entities {
		kind := kindEntity
		if slices.Contains(c.people, e) || slices.Contains(c.agents, e) {
			kind = kindPerson
		} else if slices.Contains(c.places, e) {
			kind = kindPlace
		}
		put("e:", e, false, kind)
	}
	for _, p := range c.preds {
		put("", classTerms[p], false, kindClass)
		// The event frame: who does it.
		for _, a := range c.agents {
			k := [2]string{p, a}
			v, ok := x.frameIDs[k]
			if !ok {
				x.key = append(append(append(append(x.key[:0], "f:"...), p...), '|'), a...)
				v = id(false, kindFrame)
				if v >= 0 {
					x.frameIDs[k] = v
				}
			}
			if v >= 0 {
				mark(v)
			}
		}
	}
	for _, q := range c.numbers {
		if q.Value != nil {
			x.key = strconv.AppendFloat(append(x.key[:0], "n:"...), *q.Value, 'g', -1, 64)
			if v := id(true, kindValue); v >= 0 {
				mark(v)
			}
		}
	}
	for _, t := range c.times {
		if len(t.Value) >= 10 {
			put("t:", t.Value[:10], false, kindDay)
		}
		// A clock time is a figure like a number: a fact whose claims
		// all give it keeps out claims without it.
		if clock(t.Value) {
			put("t:", t.Value[:16], true, kindValue)
		}
	}
	slices.Sort(c.terms)
	c.values = c.values[:0]
	for _, t := range c.terms {
		if x.values[t] {
			c.values = append(c.values, t)
		}
	}
}

func (x *termIndex) weigh(c *claim) {
	c.weights = make([]float32, len(c.terms))
	c.norm, c.classWeight = 0, 0
	for k, t := range c.terms {
		w := float32(math.Log(1 + x.n/float64(max(x.df[t], 1))))
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

// denseSimilarity is similarity(a, b) with a's weights spread by term
// id over dense; it adds the shared weights in the same order, so the
// two agree to the bit.
func denseSimilarity(dense []float32, a, b *claim) float64 {
	if a.norm+b.norm == 0 {
		return 0
	}
	var shared float32
	for k, t := range b.terms {
		if w := dense[t]; w != 0 {
			shared += w + b.weights[k]
		}
	}
	return float64(shared / (a.norm + b.norm))
}

// pair is two claims of different articles and their similarity (a
// float32, as similarity computes it).
type pair struct {
	a, b  int32
	score float32
}

// candidates returns the pairs of claims from different articles whose
// similarity reaches min, or, for a pair with a sub-clause (cs[first:]),
// subMin with a strong match (see strong); and the pairs of sentence
// claims whose similarity reaches near (at most min) that might clash
// (see clashable): below min, only contradictions read a pair, and it
// can find none in the others. Terms held by more than a quarter of the sentence claims
// do not propose pairs (they still count in the score), which keeps the
// work near linear in the story's size; a sub-clause, which may only
// join on a strong match, is proposed by rarer terms only (see
// subLimit).
func candidates(x *termIndex, cs []claim, first int, min, near, subMin float64) []pair {
	limit := int32(first/4 + 2)
	near = math.Min(near, min)
	// A pair with a sub-clause must match strongly (see strong): share a
	// frame, a class or a rare word. Only those terms propose one.
	subLimit, rareLimit := x.subLimit(), x.rareLimit()
	proposes := make([]bool, len(x.df))
	for t, df := range x.df {
		switch x.kinds[t] {
		case kindFrame, kindClass:
			proposes[t] = df <= subLimit
		case kindWord:
			proposes[t] = df <= rareLimit
		}
	}
	// common[i] is the weight claim i holds in terms too common to
	// propose pairs (commonSub[i] for pairs with a sub-clause); rare[j]
	// sums, for the claim at hand, the weights of the rarer terms it
	// shares with claim j. Together they bound the similarity from above,
	// so that pairs that cannot reach min are dropped before the exact
	// score is computed.
	common := make([]float32, len(cs))
	commonSub := make([]float32, len(cs))
	for i := range cs {
		for k, t := range cs[i].terms {
			if x.df[t] > limit {
				common[i] += cs[i].weights[k]
			}
			if !proposes[t] {
				commonSub[i] += cs[i].weights[k]
			}
		}
	}
	rare := make([]float32, len(cs))
	// cs[j].art and cs[j].norm, kept close for the inner loops.
	art := make([]int, len(cs))
	norm := make([]float32, len(cs))
	for i := range cs {
		art[i], norm[i] = cs[i].art, cs[i].norm
	}
	var touched []int32
	var out []pair
	// dense holds the weights of claim i's terms by term id, so that its
	// similarity to each claim j costs one pass over j's terms.
	dense := make([]float32, len(x.df))
	// marked[k] == i+1: sentence claim i holds clash key k.
	marked := make([]int32, x.nKeys)
	for i := range cs {
		touched = touched[:0]
		sub := i >= first
		for k, t := range cs[i].terms {
			dense[t] = cs[i].weights[k]
		}
		if !sub && i < len(x.keys) {
			for _, k := range x.keys[i] {
				marked[k] = int32(i) + 1
			}
		}
		for k, t := range cs[i].terms {
			df := x.df[t]
			if df > limit && !proposes[t] || sub && !proposes[t] {
				continue
			}
			p := x.postings[t]
			if !proposes[t] {
				// Postings run in claim order, sentence claims first:
				// this term proposes no pair with a sub-clause.
				p = p[:df]
			} else if df > limit {
				// Too common to propose two sentence claims.
				p = p[df:]
			}
			// Postings are sorted: only the claims after i are new pairs.
			if len(p) > 8 {
				from, _ := slices.BinarySearch(p, int32(i)+1)
				p = p[from:]
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
		//slices.Sort(touched) // pairs of one claim in order of b
		if cap(out)-len(out) < len(touched) {
			// Double rather than let append grow a long list by a
			// quarter at a time.
			out = slices.Grow(out, cap(out)+len(touched))
		}
		for _, j := range touched {
			// Each shared term counts once in each claim: 2w. The slack
			// keeps rounding from dropping a pair the exact score keeps.
			least, cm := near, common
			subPair := sub || int(j) >= first
			if subPair {
				least, cm = subMin, commonSub
			}
			c := min32(cm[i], cm[j])
			bound := 2 * (float64(rare[j]) + float64(c))
			rare[j] = 0
			norms := float64(norm[i] + norm[j])
			if bound*1.001+1e-6 < least*norms {
				continue
			}
			// Below min a sentence pair serves only to find clashes.
			clash := -1 // not known yet
			if !subPair && least < min && bound*1.001+1e-6 < min*norms {
				if !x.clashable(marked, int32(i)+1, j) {
					continue
				}
				clash = 1
			}
			s := denseSimilarity(dense, &cs[i], &cs[j])
			if s < least || subPair && !x.strong(&cs[i], &cs[j], rareLimit) {
				continue
			}
			if !subPair && s < min && clash < 0 && !x.clashable(marked, int32(i)+1, j) {
				continue
			}
			out = append(out, pair{int32(i), j, float32(s)})
		}
		for _, t := range cs[i].terms {
			dense[t] = 0
		}
	}
	// out is in order of a, then b; a stable sort by score, best first,
	// gives the order by score, a and b.
	sortByScore(out)
	return out
}

func min32(a, b float32) float32 {
	if a < b {
		return a
	}
	return b
}

// sortByScore sorts ps by score, highest first, keeping the order of
// equal scores. Scores are float32 values at or above 0 (similarity
// computes them in float32), whose bits order as the values do, so a
// radix sort on the inverted bits does it in four linear passes.
func sortByScore(ps []pair) {
	if len(ps) < 2 {
		return
	}
	key := func(p pair) uint32 { return ^math.Float32bits(p.score) }
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
// above link. The sentence claims (cs[:first]) are grouped first; then
// sub-clauses join on strong matches only (see strong), never to a fact
// that already holds their own sentence's partner; and the members of a
// fact must match most of the others (see joins), so that no clause, and
// no sentence of several clauses, links two facts together; nor do two
// groups join that stand on different clauses of one sentence (see
// apart).
func group(x *termIndex, cs []claim, first int, pairs []pair, link float64) [][]int32 {
	of := make([]int, len(cs))
	groups := make([][]int32, len(cs))
	for i := range cs {
		of[i] = i
		groups[i] = []int32{int32(i)}
	}
	root := func(i int32) int32 {
		if cs[i].sub {
			return int32(cs[i].parent)
		}
		return i
	}
	j := newJoiner(x, cs, first, link)
	// joinable reports whether groups a and b may merge. The answer
	// depends on nothing but their members (and the phase): the
	// members' matches (joiner.n) change only when their group does.
	joinable := func(a, b []int32, subs bool) bool {
		// The cheap tests first: joins sums similarities.
		if joinClash(cs, a, b) {
			return false
		}
		if !keepsValues(cs, a, b) || !keepsValues(cs, b, a) {
			return false
		}
		if !subs && (j.apart(a, b) || j.apart(b, a)) {
			return false
		}
		return j.joins(a, b)
	}
	// refused[{ga, gb}] is the count of merges made when group ga was
	// last found not to take in group gb in this phase; the answer
	// stands while neither group has changed since (changed[g] is the
	// count when group g last grew).
	refused := map[[2]int]int{}
	changed := make([]int, len(cs))
	merges := 0
	for phase := 0; phase < 2; phase++ {
		clear(refused)
		for _, p := range pairs {
			subs := int(p.a) >= first || int(p.b) >= first
			if subs != (phase == 1) {
				continue
			}
			ga, gb := of[p.a], of[p.b]
			if ga == gb || !disjoint(cs, groups[ga], groups[gb]) {
				continue
			}
			if subs && of[root(p.a)] == of[root(p.b)] {
				continue
			}
			k := [2]int{ga, gb}
			if m, ok := refused[k]; ok && changed[ga] <= m && changed[gb] <= m {
				continue
			}
			if !joinable(groups[ga], groups[gb], subs) {
				refused[k] = merges
				continue
			}
			for _, m := range groups[gb] {
				of[m] = ga
			}
			groups[ga] = append(groups[ga], groups[gb]...)
			groups[gb] = nil
			merges++
			changed[ga] = merges
		}
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

// subLimit is the most sentence claims a term may be in and still
// propose a pair with a sub-clause: a strong match shares a rare word, a
// frame, or a class that is seldom stated.
func (x *termIndex) subLimit() int32 {
	return int32(x.n/12 + 2)
}

// rareLimit is the most sentence claims a word may be in and still be
// rare enough to tie a sub-clause to a fact.
func (x *termIndex) rareLimit() int32 {
	return int32(max(2, x.n/60))
}

// strong reports whether two claims, one of them a sub-clause, match on
// more than shared words: the same event frame (class and subject), the
// same predicate class with the same participants, or the same figure,
// day or place with a shared rare word.
func (x *termIndex) strong(a, b *claim, rare int32) bool {
	var class, party, anchor, word bool
	for t := range sharedTerms(a, b) {
		switch x.kinds[t] {
		case kindFrame:
			return true
		case kindClass:
			class = true
		case kindPerson, kindEntity:
			party = true
		case kindPlace, kindValue, kindDay:
			anchor = true
		case kindWord:
			word = word || x.df[t] <= rare
		}
	}
	return class && party && sharedAgent(a, b) || anchor && word
}

// sharedTerms yields the terms two claims share, in order (a claim's
// terms are sorted).
func sharedTerms(a, b *claim) iter.Seq[int32] {
	return func(yield func(int32) bool) {
		i, j := 0, 0
		for i < len(a.terms) && j < len(b.terms) {
			switch {
			case a.terms[i] < b.terms[j]:
				i++
			case a.terms[i] > b.terms[j]:
				j++
			default:
				if !yield(a.terms[i]) {
					return
				}
				i++
				j++
			}
		}
	}
}

// sharedAgent reports whether the subject of one claim is named in the
// other.
func sharedAgent(a, b *claim) bool {
	for _, p := range a.agents {
		if slices.Contains(b.entities, p) {
			return true
		}
	}
	for _, p := range b.agents {
		if slices.Contains(a.entities, p) {
			return true
		}
	}
	return false
}

// joiner decides the merges of group: it keeps, for each claim, how
// many members of its fact it matches (at or above link, or strongly
// where a sub-clause is one of the two) and whether one of them is a
// sentence of one clause, so that a merge only scores the new pairs.
type joiner struct {
	x     *termIndex
	cs    []claim
	first int
	link  float64
	rare  int32
	split []bool // split[i]: claim i has sub-clauses
	// subFrom[i]:subTo[i] are the sub-clauses of sentence claim i
	// (claims puts a claim's sub-clauses next to each other)
	subFrom, subTo []int32
	n              []int32
	simple         []bool
	// scratch: the same across one merge
	crossN      []int32
	crossSimple []bool
	// dense holds the weights of the clause apart weighs, by term id
	// (see denseSimilarity); zero between uses.
	dense []float32
}

func newJoiner(x *termIndex, cs []claim, first int, link float64) *joiner {
	j := &joiner{x: x, cs: cs, first: first, link: link, rare: x.rareLimit(),
		split: make([]bool, len(cs)), n: make([]int32, len(cs)), simple: make([]bool, len(cs)),
		crossN: make([]int32, len(cs)), crossSimple: make([]bool, len(cs)),
		dense: make([]float32, len(x.df))}
	j.subFrom, j.subTo = make([]int32, first), make([]int32, first)
	for i := first; i < len(cs); i++ {
		p := cs[i].parent
		j.split[p] = true
		if j.subTo[p] == 0 {
			j.subFrom[p] = int32(i)
		}
		j.subTo[p] = int32(i + 1)
	}
	return j
}

// apart reports whether group a and fact b (two or more claims) stand on
// different parts of a sentence of a: a clause of it that a's other
// members match (at or above link), or, when the sentence is alone in a,
// that holds half its weight (most often what it reports, beside who
// said it where), shares not a tenth with any claim of b. Then b is a
// fact of its own that the sentence's clauses, not the sentence, may
// back (see strong). A single claim of b may still join a: it
// corroborates a part of a and stands for no fact of its own.
func (j *joiner) apart(a, b []int32) bool {
	if len(b) < 2 {
		return false
	}
	cs := j.cs
	for _, m := range a {
		if int(m) >= j.first || !j.split[m] {
			continue
		}
		for c := j.subFrom[m]; c < j.subTo[m]; c++ {
			if j.clauseApart(m, &cs[c], a, b) {
				return true
			}
		}
	}
	return false
}

// clauseApart reports whether clause c of sentence claim m, a member of
// a, keeps a and b apart (see apart).
func (j *joiner) clauseApart(m int32, c *claim, a, b []int32) bool {
	cs := j.cs
	held := len(a) == 1 && 2*c.norm >= cs[m].norm
	if !held && len(a) == 1 {
		return false
	}
	for k, t := range c.terms {
		j.dense[t] = c.weights[k]
	}
	defer func() {
		for _, t := range c.terms {
			j.dense[t] = 0
		}
	}()
	for _, o := range a {
		if held {
			break
		}
		if o != m && denseSimilarity(j.dense, c, &cs[o]) >= j.link {
			held = true
		}
	}
	if !held {
		return false
	}
	for _, q := range b {
		if denseSimilarity(j.dense, c, &cs[q]) >= apartShare {
			return false
		}
	}
	return true
}

// apartShare is the least similarity at which a claim says something of
// a clause (see apart).
const apartShare = 0.1

// joins reports whether groups a and b may merge, and if so counts their
// new matches: the mean similarity of their claims reaches link (it stops
// once the pairs left, each at most 1, cannot lift the mean to link),
// and every member of the merged fact matches most of the others, as a
// fact with a sub-clause needs: a clause that only one
// neighbour vouches for would chain two facts. Of a fact of whole
// sentences, a member may match fewer when one it matches is a sentence
// of one clause: paraphrases chain, but two facts that each match one
// clause of a longer sentence are two facts, which its clauses can back.
func (j *joiner) joins(a, b []int32) bool {
	cs := j.cs
	for _, m := range a {
		j.crossN[m], j.crossSimple[m] = 0, false
	}
	for _, m := range b {
		j.crossN[m], j.crossSimple[m] = 0, false
	}
	n := len(a) * len(b)
	need := j.link*float64(n) - 1e-6
	var sum float64
	k := 0
	for _, p := range a {
		for _, q := range b {
			s := similarity(&cs[p], &cs[q])
			sum += s
			k++
			if sum+1.001*float64(n-k) < need {
				return false
			}
			match := s >= j.link
			if int(p) >= j.first || int(q) >= j.first {
				match = j.x.strong(&cs[p], &cs[q], j.rare)
			}
			if match {
				j.crossN[p]++
				j.crossN[q]++
				j.crossSimple[p] = j.crossSimple[p] || !j.split[q]
				j.crossSimple[q] = j.crossSimple[q] || !j.split[p]
			}
		}
	}
	if sum/float64(n) < j.link {
		return false
	}
	size := len(a) + len(b)
	if size >= 3 {
		hasSub := false
		for _, g := range [][]int32{a, b} {
			for _, m := range g {
				hasSub = hasSub || int(m) >= j.first
			}
		}
		for _, g := range [][]int32{a, b} {
			for _, m := range g {
				nm := int(j.n[m] + j.crossN[m])
				if 2*nm <= size-1 && (hasSub || !j.simple[m] && !j.crossSimple[m]) {
					return false
				}
			}
		}
	}
	for _, g := range [][]int32{a, b} {
		for _, m := range g {
			j.n[m] += j.crossN[m]
			j.simple[m] = j.simple[m] || j.crossSimple[m]
		}
	}
	return true
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

// details finds what a corroborated sentence adds on its own: a
// sub-clause (cs[first:]) that joined no fact, of a claim that backs a
// fact of two or more articles, becomes a single-source fact when it is
// hardly like the fact's other claims (below low) and no claim of another
// article states it (below align). Of the sub-clauses of one claim that
// qualify, the weightiest is taken. factOf[i] is the fact of claim i, or
// -1 for a sub-clause in none.
func details(x *termIndex, cs []claim, first int, facts [][]int32, factOf []int, low, align float64) [][]int32 {
	if low <= 0 {
		return nil
	}
	limit := int32(first/4 + 2)
	best := map[int]int32{}
	seen := make([]bool, len(cs))
	var touched []int32
	for pi := first; pi < len(cs); pi++ {
		p := &cs[pi]
		if factOf[pi] >= 0 || factOf[p.parent] < 0 {
			continue
		}
		g := facts[factOf[p.parent]]
		if len(g) < 2 || !ownTerms(cs, p.parent, g) {
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
			if x.df[t] > limit {
				continue
			}
			for _, ci := range x.postings[t] {
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

// meetingKinds tell one meeting from another: held at a distance,
// following a first, or the parties alone.
var meetingKinds = []string{"remote", "follow", "format"}

// kindsOf sets a bit for each kind of meeting (meetingKinds[i] is bit
// i) that preds hold.
func kindsOf(preds []string) uint8 {
	var k uint8
	for i, kind := range meetingKinds {
		if slices.Contains(preds, kind) {
			k |= 1 << i
		}
	}
	return k
}

// otherMeetings reports whether two claims tell of different meetings:
// each states a kind of meeting (see meetingKinds) that the other does
// not, as a video call held today and a second summit to come.
func otherMeetings(a, b *claim) bool {
	return a.kinds&^b.kinds != 0 && b.kinds&^a.kinds != 0
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
// name calendar days and share none, they tell of different meetings
// (see otherMeetings), or they have different subjects,
// each opening with people the other never names ("Putin demands that
// Ukraine cede the region" / "Zelensky will not surrender the region").
// A claim whose subject is a pronoun or a common noun names no agent.
func clash(a, b *claim) bool {
	if datesClash(a, b) || otherMeetings(a, b) {
		return true
	}
	return len(a.agents) > 0 && len(b.agents) > 0 && !sharedAgent(a, b)
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

// specific reports whether sub-clause c states what claim m does in a
// way few claims of the story could: the two share a predicate class,
// frame or figure and a content word that at most limit sentence claims
// hold, they name no different kinds of event (each with classes, none
// shared), and their similarity reaches least. A place or a day with a
// word is not enough: other events happen there and then.
func (x *termIndex) specific(c, m *claim, limit int32, least float64) bool {
	var core, word, same bool
	for t := range sharedTerms(c, m) {
		switch x.kinds[t] {
		case kindClass, kindFrame:
			same = true
			core = core || x.df[t] <= limit
		case kindValue:
			core = core || x.df[t] <= limit
		case kindWord:
			word = word || x.df[t] <= limit
		}
	}
	if !same && len(c.preds) > 0 && len(m.preds) > 0 {
		return false // they tell of different kinds of event
	}
	return core && word && similarity(c, m) >= least
}

// supports adds, once the grouping is final, the sentences that back a
// fact beside the one their own sentence is in: a sub-clause (cs[first:])
// in no fact joins fact g, of two or more articles, as one more support
// when its article has no claim in g, it states most of g's members, not
// one, specifically (see specific), it clashes with none of them, keeps
// the figures they all give, and no other fact qualifies for it. Of the
// clauses of one article that qualify for g, the one most like g's
// members is taken. A clause added so brings no partner of its own and
// starts no fact, so no fact chains into another through it. factOf is
// updated.
func supports(x *termIndex, cs []claim, first int, facts [][]int32, factOf []int, least float64) {
	limit := x.subLimit()
	type pick struct {
		clause int32
		score  float64
	}
	best := map[[2]int]pick{} // by fact and article
	one := []int32{0}
	// Only a member sharing a rare class, frame or figure with the clause
	// can be matched (see specific): hits[f] counts those of fact f, and
	// mark keeps a member from counting twice.
	hits := make([]int32, len(facts))
	mark := make([]int32, len(cs))
	var touched []int
	for c := first; c < len(cs); c++ {
		if factOf[c] >= 0 {
			continue
		}
		touched = touched[:0]
		for _, t := range cs[c].terms {
			switch x.kinds[t] {
			case kindClass, kindFrame, kindValue:
			default:
				continue
			}
			if x.df[t] > limit {
				continue
			}
			for _, m := range x.postings[t] {
				f := factOf[m]
				if f < 0 || len(facts[f]) < 2 || mark[m] == int32(c)+1 {
					continue
				}
				mark[m] = int32(c) + 1
				if hits[f] == 0 {
					touched = append(touched, f)
				}
				hits[f]++
			}
		}
		one[0] = int32(c)
		found, score := -1, 0.0
		for _, fi := range touched {
			g := facts[fi]
			if 2*int(hits[fi]) <= len(g) || found == -2 || !disjoint(cs, g, one) {
				continue
			}
			n, sum := 0, 0.0
			for _, m := range g {
				if x.specific(&cs[c], &cs[m], limit, least) {
					n++
					sum += similarity(&cs[c], &cs[m])
				}
			}
			if 2*n <= len(g) || joinClash(cs, g, one) || !keepsValues(cs, g, one) {
				continue
			}
			if found >= 0 {
				found = -2 // more than one fact: not specific
				continue
			}
			found, score = fi, sum/float64(len(g))
		}
		for _, fi := range touched {
			hits[fi] = 0
		}
		if found < 0 {
			continue
		}
		k := [2]int{found, cs[c].art}
		if b, ok := best[k]; ok && b.score >= score {
			continue
		}
		best[k] = pick{int32(c), score}
	}
	keys := make([][2]int, 0, len(best))
	for k := range best {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return best[keys[i]].clause < best[keys[j]].clause })
	for _, k := range keys {
		c := best[k].clause
		facts[k[0]] = append(facts[k[0]], c)
		factOf[c] = k[0]
	}
}
