package dedup

import (
	"errors"
	"fmt"
	"math"
	"sync"
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
// for each new one, the earlier article it duplicates. It is not safe for
// concurrent use; AddBatch parallelises signing internally.
type Index struct {
	opts   Options
	rows   int
	signer *signer
	sigBuf []uint32 // MinHash values of the text Add is signing

	ids  []string         // by doc number
	root []int32          // doc number of each doc's original (itself if none)
	memo []Match          // what Add reported for each doc
	byID map[string]int32 // doc number by id

	exact map[uint64]int32 // first doc with each exact hash

	// LSH entries: one per doc with MinHash values that is not an exact
	// duplicate. Entry e owns mins[e*Hashes:(e+1)*Hashes].
	mins  []uint32
	owner []int32          // doc number of each entry
	heads map[uint64]int32 // newest entry in each band bucket plus 1
	next  []int32          // next[e*Bands+b]: older entry in the same bucket plus 1, 0 for none
	stamp []int32          // last lookup that visited each entry, to verify it once
	epoch int32
}

// New returns an empty index with opts (zero fields take their defaults).
func New(opts Options) *Index {
	opts = opts.withDefaults()
	return &Index{
		opts:   opts,
		rows:   opts.Hashes / opts.Bands,
		signer: newSigner(opts),
		sigBuf: make([]uint32, opts.Hashes),
		byID:   make(map[string]int32),
		exact:  make(map[uint64]int32),
		heads:  make(map[uint64]int32),
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
	sig := x.signer.sign(text, x.sigBuf)
	m := x.insert(id, sig)
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
	m := x.insert(id, sig)
	return m, m.Original != "", nil
}

// AddBatch adds docs in order, exactly as calling Add on each would, and
// returns their matches (a zero Match, with Original "", for an article
// that duplicates nothing). It signs the texts on Options.Workers
// goroutines.
func (x *Index) AddBatch(docs []Doc) []Match {
	h := x.opts.Hashes
	mins := make([]uint32, len(docs)*h)
	sigs := make([]Sig, len(docs))
	workers := min(x.opts.Workers, len(docs))
	if workers <= 1 {
		for i, d := range docs {
			sigs[i] = x.signer.sign(d.Text, mins[i*h:(i+1)*h:(i+1)*h])
		}
	} else {
		var wg sync.WaitGroup
		chunk := (len(docs) + workers - 1) / workers
		for lo := 0; lo < len(docs); lo += chunk {
			hi := min(lo+chunk, len(docs))
			s := x.signer
			if lo > 0 {
				s = newSigner(x.opts)
			}
			wg.Go(func() {
				for i := lo; i < hi; i++ {
					sigs[i] = s.sign(docs[i].Text, mins[i*h:(i+1)*h:(i+1)*h])
				}
			})
		}
		wg.Wait()
	}
	out := make([]Match, len(docs))
	for i, d := range docs {
		if n, ok := x.byID[d.ID]; ok {
			out[i] = x.memo[n]
			continue
		}
		out[i] = x.insert(d.ID, sigs[i])
	}
	return out
}

// insert adds a new doc with its signature and returns its match.
func (x *Index) insert(id string, sig Sig) Match {
	n := int32(len(x.ids))
	x.ids = append(x.ids, id)
	x.byID[id] = n
	m, orig := x.lookup(sig)
	if orig < 0 {
		x.root = append(x.root, n)
	} else {
		x.root = append(x.root, x.root[orig])
		m.Original = x.ids[x.root[n]]
	}
	x.memo = append(x.memo, m)
	if sig.Exact == 0 {
		return m
	}
	if m.Exact {
		// An exact duplicate adds nothing the LSH index does not have.
		return m
	}
	x.exact[sig.Exact] = n
	if sig.Mins != nil {
		x.index(n, sig.Mins)
	}
	return m
}

// lookup finds the earlier doc sig duplicates: its doc number, or -1.
func (x *Index) lookup(sig Sig) (Match, int32) {
	if sig.Exact == 0 {
		return Match{}, -1
	}
	if n, ok := x.exact[sig.Exact]; ok {
		return Match{Similarity: 1, Exact: true}, n
	}
	if sig.Mins == nil {
		return Match{}, -1
	}
	if x.epoch == math.MaxInt32 {
		clear(x.stamp)
		x.epoch = 0
	}
	x.epoch++
	h := x.opts.Hashes
	best, bestAgree := int32(-1), 0
	need := int(math.Ceil(x.opts.Threshold*float64(h) - 1e-9))
	seen := 0
	for b := range x.opts.Bands {
		for e := x.heads[x.bandKey(sig.Mins, b)]; e > 0; e = x.next[int(e-1)*x.opts.Bands+b] {
			entry := e - 1
			if x.stamp[entry] == x.epoch {
				continue
			}
			x.stamp[entry] = x.epoch
			a := agree(sig.Mins, x.mins[int(entry)*h:int(entry+1)*h])
			if a >= need && a > bestAgree {
				best, bestAgree = x.owner[entry], a
			}
			if seen++; seen >= x.opts.Candidates {
				break
			}
		}
		if seen >= x.opts.Candidates {
			break
		}
	}
	if best < 0 {
		return Match{}, -1
	}
	return Match{Similarity: float64(bestAgree) / float64(h)}, best
}

// index adds doc n's MinHash values to the LSH buckets.
func (x *Index) index(n int32, mins []uint32) {
	e := int32(len(x.owner))
	x.owner = append(x.owner, n)
	x.mins = append(x.mins, mins...)
	x.stamp = append(x.stamp, 0)
	for b := range x.opts.Bands {
		key := x.bandKey(mins, b)
		x.next = append(x.next, x.heads[key])
		x.heads[key] = e + 1
	}
}

// bandKey hashes the rows of band b, with b, into one bucket key.
func (x *Index) bandKey(mins []uint32, b int) uint64 {
	k := uint64(b+1) * 0x9e3779b97f4a7c15
	for _, v := range mins[b*x.rows : (b+1)*x.rows] {
		k = (k ^ uint64(v)) * 0xff51afd7ed558ccd
	}
	return mix(k)
}
