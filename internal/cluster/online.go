package cluster

import (
	"cmp"
	"maps"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Item is one article as the clusterer sees it. Only ID and Title or Text
// are required; the optional fields, when the caller has annotations,
// replace what the clusterer would find in the text itself.
type Item struct {
	ID     string
	Outlet string
	// Published is zero when unknown; then time plays no part for it.
	Published time.Time
	Title     string
	Text      string
	// Entities are canonical entity names; Places place names; Times
	// TIMEX3 values ("2013-09-26", "2013"); Numbers counts with their noun
	// as "value|noun" ("7.2|magnitude").
	Entities, Places, Times, Numbers []string
	// Features, when not nil, are used instead of extracting them from
	// Title and Text (see Extract); the fields above are still added.
	// Callers that featurise ahead (another goroutine, a stored
	// annotation) set it. Add does not modify it.
	Features *Features
}

// Assignment is where an article went.
type Assignment struct {
	// Story and Thread are the IDs as they stand when the article is
	// added; a later correction may redirect them (Resolve,
	// ResolveThread).
	Story  string
	Thread string
	// New is true when the article started the story.
	New bool
}

// Story is one story as it stands.
type Story struct {
	ID    string
	Label string
	// FirstSeen and LastSeen span the known publication times; zero when
	// no article had one.
	FirstSeen, LastSeen time.Time
	Outlets             []string
	Articles            []string
	// Thread is the ID of the earliest story of the story's thread (its
	// own ID when it starts one).
	Thread string
}

// feat is one weighted feature of a sparse vector, sorted by id.
type feat struct {
	id int32
	w  float32
}

// detail is one place or date with how many articles of a story give it;
// for numbers, noun is the counted thing and id the value.
type detail struct {
	noun, id int32
	n        int32
}

// story is the running representation of one story; an article is turned
// into a one-article story to be scored, so one scoring function serves
// article-to-story and story-to-story comparisons.
type story struct {
	idx          int32
	terms, names []feat
	places       []detail
	dates        []detail
	numbers      []detail
	size         int32
	first, last  time.Time
	outlets      []string
	articles     []string
	// thread is the parent of the story in the union-find forest of
	// threads; a thread's root is its earliest story (see threadOf).
	thread int32
	// linked is true once the story continues an earlier story's thread
	// (by threadFor, or as a part split off another story).
	linked bool
	// threadTried is the story's size when it last looked for a thread;
	// it looks again only once it has doubled.
	threadTried int32
	label       string
	labelScore  float64
	into        int32 // index of the story it merged into, or -1
	// termNorm and nameNorm cache the IDF-weighted norms, computed when
	// the document count was normAt (0: not yet).
	termNorm, nameNorm float64
	normAt             int
	touched            bool
	// epoch is the vocabulary's epoch when the story's vectors and
	// details last held only live ids (see fresh).
	epoch int32
	// lastDoc is the document count when the story last took an article.
	lastDoc int32
}

// storyRef mirrors a story's into, and holds candidates' scratch marks:
// seen is the document count of the call that last counted hits.
type storyRef struct {
	into, seen int32
	hits       float32
}

// Online clusters articles one at a time. It is not safe for concurrent
// use. The zero value is not usable; call New.
type Online struct {
	opts     Options
	voc      vocab
	logDocs  float64   // ln(docs+1)
	postings [][]int32 // by feature id: the stories indexed under it
	hashBuf  []hashed
	addedBuf []int
	docs     int
	stories  []*story
	touched  []int32
	// refs is by story index what candidates reads for each posting, in
	// one small record so that a lookup touches one place.
	refs     []storyRef
	sinceFix int
	newest   time.Time // the latest publication time added
	merges   int
}

// New returns an empty clusterer.
func New(opts Options) *Online {
	c := &Online{opts: opts}
	c.voc.limit = opts.VocabLimit
	c.voc.keep = c.keepLive
	return c
}

// Add places one article: it joins the best-scoring candidate story at or
// above Options.Threshold, or starts a new story. Every MergeEvery articles
// it runs the correction pass (see Correct).
func (c *Online) Add(it Item) Assignment {
	a := c.featurise(it, true)
	cands := c.candidates(a)
	best, bestScore := int32(-1), -math.MaxFloat64
	for _, s := range cands {
		sc := c.score(a, c.stories[s])
		if sc > bestScore {
			best, bestScore = s, sc
		}
	}
	var as Assignment
	if best >= 0 && bestScore >= c.opts.Threshold {
		s := c.stories[best]
		c.join(s, a, bestScore)
		as = Assignment{Story: c.storyID(s.idx), Thread: c.storyID(c.threadOf(s))}
	} else {
		s := a
		s.idx = int32(len(c.stories))
		s.thread = s.idx
		s.labelScore = 0
		c.stories = append(c.stories, s)
		c.refs = append(c.refs, storyRef{into: -1, seen: -1})
		s.threadTried = s.size
		if t := c.threadFor(s, cands); t >= 0 {
			c.linkThreads(s.idx, t)
			s.linked = true
		}
		c.index(s, s)
		c.markTouched(s)
		as = Assignment{Story: c.storyID(s.idx), Thread: c.storyID(c.threadOf(s)), New: true}
	}
	c.sinceFix++
	if c.opts.MergeEvery > 0 && c.sinceFix >= c.opts.MergeEvery {
		c.Correct()
	}
	return as
}

func (c *Online) storyID(idx int32) string { return "s" + strconv.Itoa(int(idx)+1) }

// featurise turns an item into a one-article story; with count it updates
// document frequencies (an article seen again by Split is not counted).
func (c *Online) featurise(it Item, count bool) *story {
	var f Features
	if it.Features != nil {
		f = *it.Features
		f.Places = slices.Clip(f.Places)
		f.Dates = slices.Clip(f.Dates)
		f.Numbers = slices.Clip(f.Numbers)
		if len(it.Entities) > 0 {
			f.Names = maps.Clone(f.Names)
		}
	} else {
		f = Extract(it.Title, it.Text)
	}
	for _, e := range it.Entities {
		f.Names[strings.ToLower(e)] += 2
	}
	f.Places = append(f.Places, lowerAll(it.Places)...)
	f.Dates = append(f.Dates, it.Times...)
	f.Numbers = append(f.Numbers, it.Numbers...)
	if count {
		c.docs++
		c.logDocs = math.Log(float64(c.docs + 1))
		if it.Published.After(c.newest) {
			c.newest = it.Published
		}
	}
	s := &story{idx: -1, size: 1, into: -1, first: it.Published, last: it.Published}
	s.terms = c.vector(f.Terms, kindTerm, count)
	s.names = c.vector(f.Names, kindName, count)
	s.places = c.details(f.Places, kindPlace)
	s.dates = c.keyed(dateKeys(f.Dates), kindDate)
	s.numbers = c.keyed(f.Numbers, kindNoun)
	if it.Outlet != "" {
		s.outlets = []string{it.Outlet}
	}
	s.articles = []string{it.ID}
	s.label = labelOf(it)
	s.epoch = c.voc.epoch
	s.lastDoc = int32(c.docs)
	return s
}

func lowerAll(xs []string) []string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = strings.ToLower(x)
	}
	return out
}

// dateKeys turns dates into details of two kinds, each compared only
// with its own kind: the year ("2013") and the month and day ("09-26").
// "2013-09-26" gives both, so it agrees with "2013" and with "September
// 26", and conflicts with "2008" or "2013-10-02"; a bare year never
// conflicts with a month and day.
func dateKeys(ds []string) []string {
	out := make([]string, 0, len(ds))
	for _, d := range ds {
		if len(d) >= 4 && isDigitByte(d[0]) && isDigitByte(d[1]) && isDigitByte(d[2]) && isDigitByte(d[3]) {
			out = append(out, d[:4]+"|year")
			if len(d) >= 10 && d[4] == '-' && d[7] == '-' && isDigitByte(d[5]) && isDigitByte(d[8]) {
				out = append(out, d[5:10]+"|day")
			}
		} else if len(d) == 5 && d[2] == '-' {
			out = append(out, d+"|day") // month-day without a year
		}
	}
	return out
}

func labelOf(it Item) string {
	l := strings.TrimSpace(it.Title)
	if l == "" {
		l = strings.TrimSpace(it.Text)
		if i := strings.IndexAny(l, ".!?\n"); i > 0 {
			l = l[:i]
		}
	}
	if len(l) > 160 {
		l = l[:160]
	}
	return l
}

// featureKind keeps terms, names and details in separate vocabularies
// that share one id space.
type featureKind int

const (
	kindTerm featureKind = iota
	kindName
	kindPlace
	kindDate
	kindNoun
	kindValue
	kinds
)

func (c *Online) id(kind featureKind, key string) int32 {
	return c.internHash(hashKey(kind, key))
}

// internHash is id for a key's hash.
func (c *Online) internHash(h uint64) int32 {
	id := c.voc.intern(h, int32(c.docs), c.forget)
	if int(id) == len(c.postings) {
		c.postings = append(c.postings, nil)
	}
	return id
}

// keepLive marks as seen now every feature of the stories still in play,
// so that the vocabulary forgets none of them: stories that took an
// article since the vocabulary's last sweep, and stories last seen no
// more than MaxAge before the newest article. When they hold too many
// features for the limit, the vocabulary grows instead of forgetting.
func (c *Online) keepLive() {
	now := int32(c.docs)
	mark := func(id int32) { c.voc.stats[id].seen = now }
	for _, s := range c.stories {
		if s.into >= 0 {
			continue
		}
		recent := c.opts.MaxAge > 0 && !s.last.IsZero() && !c.newest.IsZero() && c.newest.Sub(s.last) <= c.opts.MaxAge
		if s.lastDoc < c.voc.sweptAt && !recent {
			continue
		}
		c.fresh(s)
		for _, f := range s.terms {
			mark(f.id)
		}
		for _, f := range s.names {
			mark(f.id)
		}
		for _, ds := range [...][]detail{s.places, s.dates, s.numbers} {
			for _, d := range ds {
				mark(d.id)
				mark(d.noun)
			}
		}
	}
}

// forget drops a feature's postings when the vocabulary gives its id up.
func (c *Online) forget(id int32) { c.postings[id] = nil }

// fresh drops from s the features whose ids the vocabulary gave up (and
// may have given to other keys) since s's vectors were made, so that a
// story fed long ago never matches a new feature by its old id.
func (c *Online) fresh(s *story) {
	if s.epoch == c.voc.epoch {
		return
	}
	stale := func(id int32) bool { return c.voc.stats[id].born > s.epoch }
	staleFeat := func(f feat) bool { return stale(f.id) }
	staleDetail := func(d detail) bool { return stale(d.id) }
	staleNoun := func(d detail) bool { return stale(d.id) || stale(d.noun) }
	s.terms = filterOut(s.terms, staleFeat)
	s.names = filterOut(s.names, staleFeat)
	s.places = filterOut(s.places, staleDetail)
	s.dates = filterOut(s.dates, staleNoun)
	s.numbers = filterOut(s.numbers, staleNoun)
	s.epoch = c.voc.epoch
	s.normAt = 0
}

// filterOut returns v less the elements drop reports, as a new slice when
// there are any (v may be shared).
func filterOut[T any](v []T, drop func(T) bool) []T {
	i := slices.IndexFunc(v, drop)
	if i < 0 {
		return v
	}
	out := slices.Clone(v[:i])
	for _, x := range v[i+1:] {
		if !drop(x) {
			out = append(out, x)
		}
	}
	return out
}

// vector makes a unit-length log-tf vector sorted by feature id and counts
// each feature once in df.
func (c *Online) vector(counts map[string]int, kind featureKind, count bool) []feat {
	// Hash every key first and touch its slot, so that the memory loads of
	// a large vocabulary overlap instead of following one another.
	hs := c.hashBuf[:0]
	for k, n := range counts {
		hs = append(hs, hashed{hashKey(kind, k), n})
	}
	c.hashBuf = hs
	c.voc.touch(hs)
	v := make([]feat, len(hs))
	// Keys met before keep their ids; new ones get theirs in order of
	// hash, so that ids do not depend on the order of the map.
	added := c.addedBuf[:0]
	for i, x := range hs {
		v[i] = feat{c.voc.find(x.h, int32(c.docs)), float32(logTF(x.n))}
		if v[i].id < 0 {
			added = append(added, i)
		}
	}
	c.addedBuf = added
	if len(added) > 1 {
		slices.SortFunc(added, func(i, j int) int { return cmp.Compare(hs[i].h, hs[j].h) })
	}
	for _, i := range added {
		v[i].id = c.internHash(hs[i].h)
	}
	if count {
		for _, f := range v {
			c.voc.count(f.id)
		}
	}
	slices.SortFunc(v, func(a, b feat) int { return int(a.id - b.id) })
	var norm float64
	for _, f := range v {
		norm += float64(f.w) * float64(f.w)
	}
	if norm > 0 {
		inv := float32(1 / math.Sqrt(norm))
		for i := range v {
			v[i].w *= inv
		}
	}
	return v
}

// hashed is a key's hash with its count in an article.
type hashed struct {
	h uint64
	n int
}

// logTFs holds 1 + ln(n) for small counts.
var logTFs = func() (t [64]float64) {
	for n := 1; n < len(t); n++ {
		t[n] = 1 + math.Log(float64(n))
	}
	return t
}()

// logTF is the log-tf weight 1 + ln(n) of a count n ≥ 1.
func logTF(n int) float64 {
	if n > 0 && n < len(logTFs) {
		return logTFs[n]
	}
	return 1 + math.Log(float64(n))
}

func (c *Online) details(keys []string, prefix featureKind) []detail {
	var out []detail
	for _, k := range keys {
		out = addDetail(out, detail{id: c.id(prefix, k), n: 1})
	}
	return out
}

// keyed makes details of "value|noun" keys; nouns live in the vocabulary
// of kind, so dates' kinds and counts' nouns never meet.
func (c *Online) keyed(keys []string, kind featureKind) []detail {
	var out []detail
	for _, k := range keys {
		val, noun, ok := strings.Cut(k, "|")
		if !ok || noun == "" {
			continue
		}
		out = addDetail(out, detail{noun: c.id(kind, noun), id: c.id(kindValue, val), n: 1})
	}
	return out
}

// addDetail adds d to ds once per article: the same detail twice in one
// article counts once.
func addDetail(ds []detail, d detail) []detail {
	for _, x := range ds {
		if x.id == d.id && x.noun == d.noun {
			return ds
		}
	}
	return append(ds, d)
}

func (c *Online) idf(id int32) float64 {
	return c.logDocs - float64(c.voc.logdf[id]) + 1
}

// Len is the number of articles added.
func (c *Online) Len() int { return c.docs }
