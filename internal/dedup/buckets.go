package dedup

// buckets maps LSH band keys to the newest entry in each bucket. It is an
// open-addressing table with linear probing: the keys are already
// well-mixed 64-bit hashes, so a slot is their top bits, and one probe both
// reads a bucket's old head and writes the new one. Against a Go map this
// halves the hashing and lookups per band on the insert path.
type buckets struct {
	keys  []uint64
	heads []int32 // entry+1; 0 marks a free slot
	shift uint    // 64 - log2(len(keys))
	used  int
}

func newBuckets() *buckets {
	b := &buckets{}
	b.resize(1 << 12)
	return b
}

// push makes e the newest entry of key's bucket and returns the previous
// newest entry plus 1, or 0 if the bucket was empty.
func (b *buckets) push(key uint64, e int32) int32 {
	if b.used*4 >= len(b.keys)*3 {
		b.resize(len(b.keys) * 2)
	}
	mask := uint64(len(b.keys) - 1)
	for i := key >> b.shift; ; i = (i + 1) & mask {
		switch {
		case b.heads[i] == 0:
			b.keys[i], b.heads[i] = key, e+1
			b.used++
			return 0
		case b.keys[i] == key:
			old := b.heads[i]
			b.heads[i] = e + 1
			return old
		}
	}
}

// resize rehashes into n slots (a power of two).
func (b *buckets) resize(n int) {
	keys, heads := b.keys, b.heads
	b.keys, b.heads = make([]uint64, n), make([]int32, n)
	b.shift = 64
	for 1<<(64-b.shift) < n {
		b.shift--
	}
	mask := uint64(n - 1)
	for j, h := range heads {
		if h == 0 {
			continue
		}
		i := keys[j] >> b.shift
		for b.heads[i] != 0 {
			i = (i + 1) & mask
		}
		b.keys[i], b.heads[i] = keys[j], h
	}
}
