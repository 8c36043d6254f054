package dedup

import (
	"errors"
	"fmt"
	"math"
	"sync"
	"sync/atomic"
)

// ErrIncompatible is returned by AddSignature for a signature made with
// another shingle length or number of hashes than the index uses.
var ErrIncompatible = errors.New("signature made with other options")

// Match says which earlier article a new one duplicates.
type Match struct {
	// Original is the id of the first-seen article of the duplicate group:
	// when the closest earlier article is itself a duplicate, its original.
	Original string
	// Similarity is 1 for an exact duplicate, else the estimated Jaccard
	// similarity of shingles with the closest earlier article (Original
	// itself or another duplicate of it).
	Similarity float64
	// Exact reports that the normalised words are identical.
	Exact bool
}

// Doc is one text for AddBatch.
type Doc struct {
	ID   string
	Text string
}

// Index remembers the signatures of the articles added to it and finds,
// for each new one, the earlier article it duplicates. With the default
// options it holds about 1.5 KB per article besides the ids (512 bytes of
// MinHash values, 128 of bucket links, 512 to 1024 of bucket table). It is
// not safe for concurrent use; AddBatch parallelises signing internally.
type Index struct {
	opts    Options
	rows    int
	signers []*signer // signers[0] serves Add; AddBatch uses all
	sigBuf  []uint32  // MinHash values of the text Add is signing
	keyBuf  []uint64  // band keys of the text Add is signing

	// AddBatch's buffers, kept between calls: insert copies what it keeps.
	batchMins []uint32
	batchKeys []uint64
	batchSigs []Sig

	ids  []string         // by doc number
	root []int32          // doc number of each doc's original (itself if none)
	memo []Match          // what Add reported for each doc
	byID map[string]int32 // doc number by id

	exact map[uint64]int32 // first doc with each exact hash

	// LSH entries: one per doc with MinHash values that is not an exact
	// duplicate. Entry e owns mins[e*Hashes:(e+1)*Hashes].
	mins    []uint32
	owner   []int32 // doc number of each entry
	buckets *buckets
	next    []int32 // next[e*Bands+b]: older entry in e's bucket of band b, plus 1; 0 for none
	stamp   []int32 // last lookup that visited each entry, to verify it once
	epoch   int32
}

// New returns an empty index with opts (zero fields take their defaults).
func New(opts Options) *Index {
	opts = opts.withDefaults()
	return &Index{
		opts:    opts,
		rows:    opts.Hashes / opts.Bands,
		signers: []*signer{newSigner(opts)},
		sigBuf:  make([]uint32, opts.Hashes),
		keyBuf:  make([]uint64, opts.Bands),
		byID:    make(map[string]int32),
		exact:   make(map[uint64]int32),
		buckets: newBuckets(),
	}
}

// Len returns the number of articles added.
func (x *Index) Len() int { return len(x.ids) }

// Add registers the article id with text and reports the earlier article
// it duplicates, if any: an exact duplicate first (similarity 1), else the
// most similar near duplicate at or above Threshold. Adding an id again
// changes nothing and reports what the first Add did.
func (x *Index) Add(id, text string) (Match, bool) {
	if n, ok := x.byID[id]; ok {
		return x.memo[n], x.memo[n].Original != ""
	}
	sig := x.signers[0].sign(text, x.sigBuf)
	m := x.insert(id, sig, x.bandKeys(sig.Mins, x.keyBuf))
	return m, m.Original != ""
}

// AddSignature is Add for a signature computed earlier (by Signature with
// the same Shingle and Hashes), as when rebuilding an index from a store.
// The index copies what it keeps of sig.
func (x *Index) AddSignature(id string, sig Sig) (Match, bool, error) {
	if sig.Exact != 0 && (sig.Shingle != x.opts.Shingle ||
		sig.Mins != nil && len(sig.Mins) != x.opts.Hashes) {
		return Match{}, false, fmt.Errorf("dedup: add %s: %w (shingle %d, %d hashes; index uses %d, %d)",
			id, ErrIncompatible, sig.Shingle, len(sig.Mins), x.opts.Shingle, x.opts.Hashes)
	}
	if n, ok := x.byID[id]; ok {
		return x.memo[n], x.memo[n].Original != "", nil
	}
	m := x.insert(id, sig, x.bandKeys(sig.Mins, x.keyBuf))
	return m, m.Original != "", nil
}

// batchChunk is how many texts a worker signs before the inserter may take
// them: small enough to keep the inserter busy, large enough to make the
// hand-over cheap.
const batchChunk = 16

// AddBatch adds docs in order, exactly as calling Add on each would, and
// returns their matches (a zero Match, with Original "", for an article
// that duplicates nothing). It signs the texts on Options.Workers
// goroutines while the calling goroutine adds the signed ones in order.
func (x *Index) AddBatch(docs []Doc) []Match {
	h, nb := x.opts.Hashes, x.opts.Bands
	if len(docs) > len(x.batchSigs) {
		x.batchMins = make([]uint32, len(docs)*h)
		x.batchKeys = make([]uint64, len(docs)*nb)
		x.batchSigs = make([]Sig, len(docs))
	}
	mins, keys, sigs := x.batchMins, x.batchKeys, x.batchSigs
	chunks := (len(docs) + batchChunk - 1) / batchChunk
	ready := make([]chan struct{}, chunks)
	for c := range ready {
		ready[c] = make(chan struct{})
	}
	workers := min(x.opts.Workers, chunks)
	for len(x.signers) < workers {
		x.signers = append(x.signers, newSigner(x.opts))
	}
	var claimed atomic.Int64
	var wg sync.WaitGroup
	for w := range workers {
		s := x.signers[w]
		wg.Go(func() {
			for {
				c := int(claimed.Add(1) - 1)
				if c >= chunks {
					return
				}
				for i := c * batchChunk; i < min((c+1)*batchChunk, len(docs)); i++ {
					sigs[i] = s.sign(docs[i].Text, mins[i*h:(i+1)*h:(i+1)*h])
					x.bandKeys(sigs[i].Mins, keys[i*nb:(i+1)*nb])
				}
				close(ready[c])
			}
		})
	}
	out := make([]Match, len(docs))
	for c := range chunks {
		<-ready[c]
		for i := c * batchChunk; i < min((c+1)*batchChunk, len(docs)); i++ {
			if n, ok := x.byID[docs[i].ID]; ok {
				out[i] = x.memo[n]
				continue
			}
			out[i] = x.insert(docs[i].ID, sigs[i], keys[i*nb:(i+1)*nb])
		}
	}
	wg.Wait()
	return out
}

// insert adds a new doc with its signature and band keys (unused when sig
// has no MinHash values) and returns its match.
func (x *Index) insert(id string, sig Sig, keys []uint64) Match {
	n := int32(len(x.ids))
	x.ids = append(x.ids, id)
	x.byID[id] = n
	var m Match
	orig := int32(-1)
	switch e, ok := x.exact[sig.Exact]; {
	case sig.Exact == 0:
		// No words: never a duplicate, nothing to index.
	case ok:
		// An exact duplicate adds nothing the LSH index does not have.
		m, orig = Match{Similarity: 1, Exact: true}, e
	default:
		x.exact[sig.Exact] = n
		if sig.Mins != nil {
			m, orig = x.near(n, sig.Mins, keys)
		}
	}
	if orig < 0 {
		x.root = append(x.root, n)
	} else {
		x.root = append(x.root, x.root[orig])
		m.Original = x.ids[x.root[n]]
	}
	x.memo = append(x.memo, m)
	return m
}

// near indexes doc n's MinHash values under its band keys and returns the
// most similar earlier doc at or above the threshold, or -1.
func (x *Index) near(n int32, mins []uint32, keys []uint64) (Match, int32) {
	h, nb := x.opts.Hashes, x.opts.Bands
	e := int32(len(x.owner))
	x.owner = append(x.owner, n)
	x.mins = append(extend(x.mins, 0, len(mins)), mins...)
	x.stamp = append(x.stamp, 0)
	x.next = extend(x.next, nb, 0)
	for b, key := range keys {
		x.next[int(e)*nb+b] = x.buckets.push(key, e)
	}

	if x.epoch == math.MaxInt32 {
		clear(x.stamp)
		x.epoch = 0
	}
	x.epoch++
	x.stamp[e] = x.epoch
	best, bestAgree := int32(-1), 0
	need := int(math.Ceil(x.opts.Threshold*float64(h) - 1e-9))
	seen := 0
	for b := range nb {
		for p := x.next[int(e)*nb+b]; p > 0 && seen < x.opts.Candidates; p = x.next[int(p-1)*nb+b] {
			c := p - 1
			if x.stamp[c] == x.epoch {
				continue
			}
			x.stamp[c] = x.epoch
			seen++
			a := agree(mins, x.mins[int(c)*h:int(c+1)*h])
			if a >= need && a > bestAgree {
				best, bestAgree = x.owner[c], a
			}
		}
	}
	if best < 0 {
		return Match{}, -1
	}
	return Match{Similarity: float64(bestAgree) / float64(h)}, best
}

// bandKeys writes the bucket key of each band of mins into keys and
// returns it; nil mins give nil.
func (x *Index) bandKeys(mins []uint32, keys []uint64) []uint64 {
	if mins == nil {
		return nil
	}
	for b := range keys {
		k := uint64(b+1) * 0x9e3779b97f4a7c15
		for _, v := range mins[b*x.rows : (b+1)*x.rows] {
			k = (k ^ uint64(v)) * 0xff51afd7ed558ccd
		}
		keys[b] = mix(k)
	}
	return keys
}

// extend returns s lengthened by n zero elements, with room for spare
// more; when it must grow, it doubles the capacity, which for the index's
// large slices copies less than append's growth by a quarter.
func extend[T any](s []T, n, spare int) []T {
	if len(s)+n+spare > cap(s) {
		grown := make([]T, len(s), max(2*cap(s), len(s)+n+spare, 1024))
		copy(grown, s)
		s = grown
	}
	return s[:len(s)+n]
}
