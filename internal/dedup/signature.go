package dedup

import "math"

// Sig is what the index keeps of a text: the hash of its normalised words
// and, when it has at least Shingle words, its MinHash signature. A store can
// persist it (MarshalBinary) and rebuild an Index without the texts.
type Sig struct {
	// Exact is a 64-bit hash of the text's words in order; 0 when the text
	// has no words (such a text is never a duplicate).
	Exact uint64
	// Shingle is the shingle length the signature was made with.
	Shingle int
	// Mins holds the minimum of each of the Hashes hash functions over the
	// text's shingles; nil when the text has fewer than Shingle words.
	Mins []uint32
}

// Signature returns the signature of text under opts (zero fields take
// their defaults). Equal texts give equal signatures on every run and
// machine.
func Signature(text string, opts Options) Sig {
	opts = opts.withDefaults()
	s := newSigner(opts)
	return s.sign(text, make([]uint32, opts.Hashes))
}

// permutationSeed fixes the hash functions, so that signatures persisted by
// one run compare with those made by the next. Changing it invalidates every
// stored signature.
const permutationSeed = 0x5d0a7c3e9b1f4268

// signer computes signatures; it holds the hash functions and the state of
// one text being signed, so one signer serves one goroutine.
type signer struct {
	k    int
	mul  []uint64 // odd multipliers, one per hash function
	add  []uint64
	mins []uint32

	// state of the text being signed
	exact  uint64
	words  int
	window [maxShingle]uint64
}

func newSigner(opts Options) *signer {
	s := &signer{
		k:   opts.Shingle,
		mul: make([]uint64, opts.Hashes),
		add: make([]uint64, opts.Hashes),
	}
	seed := uint64(permutationSeed)
	for i := range s.mul {
		seed += 0x9e3779b97f4a7c15
		s.mul[i] = mix(seed) | 1
		seed += 0x9e3779b97f4a7c15
		s.add[i] = mix(seed)
	}
	return s
}

// sign signs text, writing the MinHash values into mins (len Hashes), and
// returns the signature, which keeps mins unless the text is too short.
func (s *signer) sign(text string, mins []uint32) Sig {
	s.exact, s.words = fnvOffset, 0
	s.mins = mins
	for i := range mins {
		mins[i] = math.MaxUint32
	}
	scanWords(text, s)
	sig := Sig{Shingle: s.k}
	if s.words == 0 {
		return sig
	}
	sig.Exact = mix(s.exact ^ uint64(s.words))
	if sig.Exact == 0 {
		sig.Exact = 1
	}
	if s.words >= s.k {
		sig.Mins = mins
	}
	return sig
}

// word takes the next word of the text being signed: it extends the exact
// hash and, once k words are in, hashes the shingle ending here into every
// hash function's minimum.
func (s *signer) word(h uint64) {
	s.exact = (s.exact ^ h) * fnvPrime
	s.window[s.words%s.k] = h
	s.words++
	if s.words < s.k {
		return
	}
	// The shingle hash reads the window oldest word first.
	x := uint64(s.k)
	start := s.words % s.k
	for j := range s.k {
		x = (x ^ s.window[(start+j)%s.k]) * 0x9fb21c651e98df25
		x ^= x >> 29
	}
	x = mix(x)
	s.shingle(x)
}

// shingle folds one shingle hash x into the minimums. Each hash function is
// a multiply-shift permutation of the already well-mixed x; its top 32 bits
// are kept.
func (s *signer) shingle(x uint64) {
	mins := s.mins
	mul := s.mul[:len(mins)]
	add := s.add[:len(mins)]
	for i := range mins {
		v := uint32((mul[i]*x + add[i]) >> 32)
		if v < mins[i] {
			mins[i] = v
		}
	}
}

// Similarity returns the estimated Jaccard similarity of the shingle sets
// of two signatures made with the same options: the fraction of hash
// functions whose minimums agree. It is 1 for equal exact hashes and 0 when
// either signature has no MinHash values or their lengths differ.
func Similarity(a, b Sig) float64 {
	if a.Exact != 0 && a.Exact == b.Exact {
		return 1
	}
	if len(a.Mins) == 0 || len(a.Mins) != len(b.Mins) || a.Shingle != b.Shingle {
		return 0
	}
	return float64(agree(a.Mins, b.Mins)) / float64(len(a.Mins))
}

// agree counts the positions where a and b hold the same value.
func agree(a, b []uint32) int {
	b = b[:len(a)]
	n := 0
	for i := range a {
		if a[i] == b[i] {
			n++
		}
	}
	return n
}
