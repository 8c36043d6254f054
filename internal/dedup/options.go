package dedup

import "runtime"

// Options tunes duplicate detection. The zero value of a field means its
// default (see DefaultOptions); a Sig made with one Shingle and Hashes can
// only be added to an Index with the same two values.
type Options struct {
	// Shingle is the number of consecutive words in a shingle. Default 5:
	// one edited word changes at most 5 shingles, so a 400-word article
	// with three edited words keeps a Jaccard similarity above 0.9, while 5-word
	// runs shared by independent articles on one topic (names, a quoted
	// phrase) stay rare. Smaller values flag more same-topic articles;
	// larger ones miss more lightly edited copies. Texts with fewer words
	// than Shingle are matched exactly only. Capped at 32; the cost of
	// signing does not depend on it (the shingle hash rolls).
	Shingle int
	// Hashes is the number of MinHash values per signature. Default 128.
	// The standard error of the estimated similarity is about
	// sqrt(J(1-J)/Hashes), 0.035 at J=0.8. Cost: 4 bytes per hash per
	// stored article and Hashes comparisons per candidate verified; signing
	// costs the same for any value (one-permutation hashing).
	Hashes int
	// Bands is the number of LSH bands the hashes are split into; each band
	// has Hashes/Bands rows. Two articles become candidates when all rows of
	// one band agree, with probability 1-(1-J^rows)^Bands. Default 32 (rows
	// 4): a pair at J=0.8 is a candidate with probability > 0.9999999, at
	// J=0.5 with 0.87 (then rejected by Threshold), at J=0.1 with 0.003.
	// Cost per band per stored article: a bucket-table slot (12 bytes at
	// most 3/4 full) and a 4-byte link, and one bucket probe per lookup.
	Bands int
	// Threshold is the least estimated Jaccard similarity of shingle sets
	// for a near duplicate, in (0, 1]. Default 0.8. Lower values link more
	// loosely edited copies and, below about 0.7, rewrites that keep much
	// of an article. On the synthetic benchmark corpus, thresholds 0.6,
	// 0.7, 0.8 and 0.9 give precision 0.988, 0.9996, 0.9989 and 0.956 at
	// recall 0.997, 0.9999, 0.995 and 0.832; synthetic text lacks the
	// stock phrases real news repeats, so the default stays at 0.8.
	Threshold float64
	// Candidates caps how many distinct earlier articles one lookup
	// verifies, newest first; it bounds the cost when many near-identical
	// articles share buckets. Default 500.
	Candidates int
	// Workers is how many goroutines AddBatch signs texts on. Default
	// runtime.GOMAXPROCS(0).
	Workers int
}

// maxShingle bounds Options.Shingle so the shingle window fits on the stack.
const maxShingle = 32

// DefaultOptions returns the options storydesk runs with.
func DefaultOptions() Options {
	return Options{
		Shingle:    5,
		Hashes:     128,
		Bands:      32,
		Threshold:  0.8,
		Candidates: 500,
		Workers:    runtime.GOMAXPROCS(0),
	}
}

// withDefaults fills zero fields from DefaultOptions and clamps the rest to
// workable values.
func (o Options) withDefaults() Options {
	d := DefaultOptions()
	if o.Shingle <= 0 {
		o.Shingle = d.Shingle
	}
	o.Shingle = min(o.Shingle, maxShingle)
	if o.Hashes <= 0 {
		o.Hashes = d.Hashes
	}
	if o.Bands <= 0 {
		o.Bands = d.Bands
	}
	o.Bands = min(o.Bands, o.Hashes)
	if o.Threshold <= 0 {
		o.Threshold = d.Threshold
	}
	o.Threshold = min(o.Threshold, 1)
	if o.Candidates <= 0 {
		o.Candidates = d.Candidates
	}
	if o.Workers <= 0 {
		o.Workers = d.Workers
	}
	return o
}
