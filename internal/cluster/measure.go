package cluster

import (
	"context"
	"runtime"
	"time"
)

// Measurement is the cost of clustering one synthetic stream.
type Measurement struct {
	Articles, Stories int
	// Elapsed counts only the time spent in Add, not the generation of
	// the stream.
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
func Measure(ctx context.Context, opts Options, so SynthOptions) Measurement {
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
			items = append(items, it)
		}
		if len(items) == 0 {
			break
		}
		start := time.Now()
		for _, it := range items {
			c.Add(it)
		}
		m.Elapsed += time.Since(start)
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
