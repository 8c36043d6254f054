package cluster

import (
	"math"
	"slices"
)

// vocab interns the clusterer's features: each (kind, key) pair gets a
// small integer id that sparse vectors, details and the index use, and
// each id keeps its document frequency for IDF.
//
// Keys are looked up by a 64-bit hash of the kind and the key, in an
// open-addressing table of hashes and ids; the strings themselves are not
// kept. Two keys with the same hash would count as one feature; with 64
// bits that takes billions of distinct keys to become likely.
//
// With a limit, the vocabulary forgets: when it holds limit ids and a new
// key comes, the quarter of ids seen least recently are dropped (their
// document frequency is lost and their ids are given to new keys). A
// key seen again after that starts over as a new, rare one. So memory and
// the cost of a lookup stay bounded however long the stream runs, while
// terms in use keep their statistics.
type vocab struct {
	// slots holds, at the hash's home position or after it (linear
	// probing), the hash and id+1 of each key; id+1 == 0 is empty.
	slots []slot
	stats []termStat // by id
	// logdf is ln(df+1) by id, apart from stats so that IDF, read for
	// every feature compared, finds many ids per cache line.
	logdf []float32
	free  []int32 // dropped ids, reused first (lowest last)
	live  int
	limit int
	// epoch counts the sweeps that dropped ids; see termStat.born.
	epoch int32
	sink  uint64 // keeps touch's loads
	// keep, when set, is called before a sweep to mark as seen now the
	// features that must stay (see Online.keepLive); sweptAt is the
	// document count at the last sweep.
	keep    func()
	sweptAt int32
}

type slot struct {
	h  uint64
	id int32 // id+1; 0 marks an empty slot
}

// termStat is what the clusterer knows of one feature.
type termStat struct {
	df int32
	// seen is the document count when the feature was last looked up.
	seen int32
	// born is the epoch at which the id was last given out or dropped: a
	// vector made at an earlier epoch holding the id means another
	// feature (see Online.fresh).
	born int32
}

// minSlots is the table's size before it first grows.
const minSlots = 1 << 10

// hashKey is FNV-1a over the kind and the key's bytes, finished by
// SplitMix64's mixer so that the low bits (the table position) depend on
// every byte. It is never 0.
func hashKey(kind featureKind, key string) uint64 {
	h := uint64(14695981039346656037)
	h ^= uint64(kind) + 1
	h *= 1099511628211
	for i := 0; i < len(key); i++ {
		h ^= uint64(key[i])
		h *= 1099511628211
	}
	h ^= h >> 30
	h *= 0xbf58476d1ce4e5b9
	h ^= h >> 27
	h *= 0x94d049bb133111eb
	h ^= h >> 31
	if h == 0 {
		h = 1
	}
	return h
}

// lookup returns the id of hash h, or -1, and the slot where h is or
// would go.
func (v *vocab) lookup(h uint64) (id int32, pos int) {
	mask := len(v.slots) - 1
	for i := int(h) & mask; ; i = (i + 1) & mask {
		s := v.slots[i]
		if s.id == 0 {
			return -1, i
		}
		if s.h == h {
			return s.id - 1, i
		}
	}
}

// find returns the id of hash h, or -1; it marks the id seen at docs.
func (v *vocab) find(h uint64, docs int32) int32 {
	if len(v.slots) == 0 {
		return -1
	}
	id, _ := v.lookup(h)
	if id >= 0 {
		v.stats[id].seen = docs
	}
	return id
}

// intern returns the id of hash h, giving it a new one if it has none;
// docs is the document count now. drop is called with each id the
// vocabulary forgets to make room.
func (v *vocab) intern(h uint64, docs int32, drop func(id int32)) int32 {
	if len(v.slots) == 0 {
		v.slots = make([]slot, minSlots)
	}
	id, pos := v.lookup(h)
	if id >= 0 {
		v.stats[id].seen = docs
		return id
	}
	if v.limit > 0 && v.live >= v.limit {
		v.sweep(docs, drop)
		_, pos = v.lookup(h)
	}
	if 4*(v.live+1) > 3*len(v.slots) {
		v.rehash(2 * len(v.slots))
		_, pos = v.lookup(h)
	}
	if n := len(v.free); n > 0 {
		id = v.free[n-1]
		v.free = v.free[:n-1]
		v.stats[id] = termStat{seen: docs, born: v.epoch}
		v.logdf[id] = 0
	} else {
		id = int32(len(v.stats))
		v.stats = append(v.stats, termStat{seen: docs, born: v.epoch})
		v.logdf = append(v.logdf, 0)
	}
	v.slots[pos] = slot{h: h, id: id + 1}
	v.live++
	return id
}

// rehash rebuilds the table with n slots, keeping the live keys.
func (v *vocab) rehash(n int) {
	old := v.slots
	v.slots = make([]slot, n)
	mask := n - 1
	for _, s := range old {
		if s.id == 0 || v.isFree(int(s.id-1)) {
			continue
		}
		i := int(s.h) & mask
		for v.slots[i].id != 0 {
			i = (i + 1) & mask
		}
		v.slots[i] = s
	}
}

// sweep drops about a quarter of the limit, never an id seen at the
// current document count docs (nor one keep marks): the rarest first, and
// of equally rare ones those seen least recently. A rare feature forgotten
// and met again gets about the IDF it had; a common one keeps its
// statistics while rarer ones can go. When that frees too little (most
// ids are that recent), the limit grows instead.
func (v *vocab) sweep(docs int32, drop func(id int32)) {
	want := max(v.limit/4, 1)
	if v.keep != nil {
		v.keep()
	}
	v.sweptAt = docs
	// Ids that may go, by document frequency (the last level holds all
	// the more frequent ones).
	const levels = 16
	level := func(st termStat) int { return min(int(st.df), levels-1) }
	var byDF [levels]int
	oldest := [levels]int32{}
	for l := range oldest {
		oldest[l] = docs
	}
	for i, st := range v.stats {
		if v.isFree(i) || st.seen >= docs {
			continue
		}
		l := level(st)
		byDF[l]++
		oldest[l] = min(oldest[l], st.seen)
	}
	// All of the levels below l go, and of level l those seen before cut.
	l, n := 0, 0
	for l < levels && n+byDF[l] < want {
		n += byDF[l]
		l++
	}
	cut := docs
	if l < levels {
		cut = v.recencyCut(l, level, oldest[l], docs, want-n)
	}
	v.epoch++
	dropped := 0
	for i := range v.stats {
		st := &v.stats[i]
		if v.isFree(i) || st.seen >= docs {
			continue
		}
		if sl := level(*st); sl > l || (sl == l && st.seen >= cut) {
			continue
		}
		*st = termStat{seen: -1, born: v.epoch}
		v.logdf[i] = 0
		drop(int32(i))
		v.free = append(v.free, int32(i))
		dropped++
	}
	v.live -= dropped
	// Reused lowest first, so that the ids in use stay dense.
	slices.Sort(v.free)
	slices.Reverse(v.free)
	if dropped > 0 {
		v.rehash(len(v.slots))
	}
	if dropped < want/2 {
		v.limit += v.limit / 2
	}
}

// recencyCut is the sighting before which about want of the ids of level
// l (seen in [oldest, docs)) were last seen, found by a histogram.
func (v *vocab) recencyCut(l int, level func(termStat) int, oldest, docs int32, want int) int32 {
	span := int64(docs) - int64(oldest)
	if span <= 0 {
		return docs
	}
	const buckets = 1024
	var hist [buckets]int
	for i, st := range v.stats {
		if v.isFree(i) || st.seen >= docs || level(st) != l {
			continue
		}
		hist[int64(st.seen-oldest)*buckets/span]++
	}
	n := 0
	for b := range buckets {
		n += hist[b]
		if n >= want {
			// Bucket b covers sightings below oldest + (b+1)·span/buckets.
			return min(oldest+int32((int64(b)+1)*span/buckets), docs)
		}
	}
	return docs
}

// isFree reports whether id i is on the free list (seen is -1 only there).
func (v *vocab) isFree(i int) bool { return v.stats[i].seen < 0 }

// touch loads the home slot of each hash, one independent load after
// another, so that the cache misses of a large table are waited for
// together; the lookups that follow find the slots in cache.
func (v *vocab) touch(hs []hashed) {
	if len(v.slots) == 0 {
		return
	}
	mask := len(v.slots) - 1
	var x uint64
	for _, h := range hs {
		x += v.slots[int(h.h)&mask].h
	}
	v.sink += x
}

// count adds one document to id's frequency.
func (v *vocab) count(id int32) {
	st := &v.stats[id]
	st.df++
	if int(st.df) < len(logDFs) {
		v.logdf[id] = logDFs[st.df]
	} else {
		v.logdf[id] = float32(math.Log(float64(st.df + 1)))
	}
}

// logDFs holds ln(df+1) for small document frequencies.
var logDFs = func() (t [4096]float32) {
	for df := range t {
		t[df] = float32(math.Log(float64(df + 1)))
	}
	return t
}()
