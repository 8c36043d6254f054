package cluster

import (
	"context"
	"runtime"
	"time"
)

// MeasureOptions say how Measure times a run.
type MeasureOptions struct {
	// Featurised makes Measure extract each item's Features before timing
	// Add, as a pipeline with an annotation stage would; false times the
	// extraction from raw text too.
	Featurised bool
	// Clock reads the time; nil means the wall clock. A caller on a shared
	// machine passes the process's CPU time.
	Clock func() time.Duration
}

// Measurement is the cost of clustering one synthetic stream.
type Measurement struct {
	Articles, Stories int
	// Elapsed counts only the time spent in Add (by MeasureOptions.Clock),
	// not the generation of the stream.
	Elapsed time.Duration
	// PerArticle is Elapsed / Articles; ArticlesPerSecond its inverse.
	PerArticle        time.Duration
	ArticlesPerSecond float64
	// HeapBytes is the live heap after the run (after a GC); SysBytes the
	// memory the Go runtime holds from the OS, an upper bound of what the
	// clusterer made resident.
	HeapBytes, SysBytes uint64
}

// Measure clusters a synthetic stream of so.Articles articles with opts,
// generating it in chunks so that the stream itself takes little memory.
// It stops early, with what it measured, when ctx is cancelled.
func Measure(ctx context.Context, opts Options, so SynthOptions, mo MeasureOptions) Measurement {
	clock := mo.Clock
	if clock == nil {
		t0 := time.Now()
		clock = func() time.Duration { return time.Since(t0) }
	}
	const chunk = 4096
	c := New(opts)
	st := NewStream(so)
	items := make([]Item, 0, chunk)
	var m Measurement
	for ctx.Err() == nil {
		items = items[:0]
		for len(items) < chunk {
			it, _, ok := st.Next()
			if !ok {
				break
			}
			if mo.Featurised {
				f := Extract(it.Title, it.Text)
				it.Features = &f
			}
			items = append(items, it)
		}
		if len(items) == 0 {
			break
		}
		start := clock()
		for _, it := range items {
			c.Add(it)
		}
		m.Elapsed += clock() - start
		m.Articles += len(items)
	}
	items = nil
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	m.HeapBytes, m.SysBytes = ms.HeapAlloc, ms.Sys
	m.Stories = c.liveCount()
	if m.Articles > 0 {
		m.PerArticle = m.Elapsed / time.Duration(m.Articles)
		m.ArticlesPerSecond = float64(m.Articles) / m.Elapsed.Seconds()
	}
	runtime.KeepAlive(c)
	return m
}
