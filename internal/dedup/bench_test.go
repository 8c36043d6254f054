package dedup

import (
	"sync"
	"testing"
	"time"
)

// benchCorpus is generated once per test binary: it takes seconds.
var benchCorpus = sync.OnceValues(func() ([]SynthArticle, []Doc) {
	arts := Synthesize(DefaultSynthOptions())
	docs := make([]Doc, len(arts))
	for i, a := range arts {
		docs[i] = Doc{ID: a.ID, Text: a.Text}
	}
	return arts, docs
})

// BenchmarkNearDuplicates adds the 100,000-article synthetic corpus to an
// empty index in batches, as the pipeline does, and reports throughput,
// and precision and recall against the known copies.
func BenchmarkNearDuplicates(b *testing.B) {
	arts, docs := benchCorpus()
	var bytes int64
	for _, d := range docs {
		bytes += int64(len(d.Text))
	}
	const batch = 1024
	b.ReportAllocs()
	b.ResetTimer()
	start, cpu0 := time.Now(), processCPU()
	var matches []Match
	for range b.N {
		x := New(DefaultOptions())
		matches = matches[:0]
		for lo := 0; lo < len(docs); lo += batch {
			matches = append(matches, x.AddBatch(docs[lo:min(lo+batch, len(docs))])...)
		}
	}
	elapsed, cpu := time.Since(start).Seconds(), (processCPU() - cpu0).Seconds()
	b.StopTimer()
	precision, recall := SynthScore(arts, matches)
	b.ReportMetric(float64(b.N*len(docs))/elapsed, "articles/s")
	if cpu > 0 {
		// Throughput per CPU second, GC included: what a core of its own
		// would give, whatever else the machine is running.
		b.ReportMetric(float64(b.N*len(docs))/cpu, "articles/cpu-s")
	}
	b.ReportMetric(float64(b.N)*float64(bytes)/1e6/elapsed, "MB/s")
	b.ReportMetric(precision, "precision")
	b.ReportMetric(recall, "recall")
}

// BenchmarkNearDuplicatesSerial is BenchmarkNearDuplicates with Add, one
// article at a time on one goroutine.
func BenchmarkNearDuplicatesSerial(b *testing.B) {
	arts, docs := benchCorpus()
	b.ReportAllocs()
	b.ResetTimer()
	start, cpu0 := time.Now(), processCPU()
	matches := make([]Match, len(docs))
	for range b.N {
		x := New(DefaultOptions())
		for i, d := range docs {
			matches[i], _ = x.Add(d.ID, d.Text)
		}
	}
	elapsed, cpu := time.Since(start).Seconds(), (processCPU() - cpu0).Seconds()
	b.StopTimer()
	precision, recall := SynthScore(arts, matches)
	b.ReportMetric(float64(b.N*len(docs))/elapsed, "articles/s")
	if cpu > 0 {
		b.ReportMetric(float64(b.N*len(docs))/cpu, "articles/cpu-s")
	}
	b.ReportMetric(precision, "precision")
	b.ReportMetric(recall, "recall")
}

// BenchmarkSignature signs one article-sized text per iteration.
func BenchmarkSignature(b *testing.B) {
	_, docs := benchCorpus()
	opts := DefaultOptions()
	s := newSigner(opts.withDefaults())
	mins := make([]uint32, opts.Hashes)
	var bytes int64
	b.ReportAllocs()
	b.ResetTimer()
	cpu0 := processCPU()
	for i := range b.N {
		t := docs[i%len(docs)].Text
		bytes += int64(len(t))
		s.sign(t, mins)
	}
	b.ReportMetric(float64(bytes)/1e6/b.Elapsed().Seconds(), "MB/s")
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
	if cpu := (processCPU() - cpu0).Seconds(); cpu > 0 {
		b.ReportMetric(float64(bytes)/1e6/cpu, "MB/cpu-s")
	}
}

// BenchmarkRebuild adds the corpus's stored signatures to an empty index,
// as a store does on start-up, and reports articles/s.
func BenchmarkRebuild(b *testing.B) {
	_, docs := benchCorpus()
	sigs := make([]Sig, len(docs))
	for i, d := range docs {
		sigs[i] = Signature(d.Text, DefaultOptions())
	}
	b.ReportAllocs()
	b.ResetTimer()
	cpu0 := processCPU()
	for range b.N {
		x := New(DefaultOptions())
		for i, d := range docs {
			if _, _, err := x.AddSignature(d.ID, sigs[i]); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(b.N*len(docs))/b.Elapsed().Seconds(), "articles/s")
	if cpu := (processCPU() - cpu0).Seconds(); cpu > 0 {
		b.ReportMetric(float64(b.N*len(docs))/cpu, "articles/cpu-s")
	}
}
