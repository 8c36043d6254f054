package cluster_test

import (
	"context"
	"fmt"
	"os"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/storydesk/storydesk/internal/cluster"
	"github.com/storydesk/storydesk/internal/eval"
)

func day(d int) time.Time { return time.Date(2026, 3, d, 9, 0, 0, 0, time.UTC) }

func TestOnlineCases(t *testing.T) {
	quakeA := "A magnitude 7.2 earthquake struck near Padang in Indonesia on Monday, killing 40 people. Rescue teams searched the rubble of collapsed buildings in Padang."
	quakeA2 := "Rescuers in Padang pulled survivors from rubble after the magnitude 7.2 earthquake that killed 40 people in Indonesia's West Sumatra, officials in Padang said."
	quakeB := "A magnitude 6.1 earthquake struck near Valparaiso in Chile on Monday, killing 3 people. Rescue teams searched the rubble of collapsed buildings in Valparaiso."
	vote := "Voters in Norway went to the polls on Monday in a parliamentary election that the Labour Party of Jonas Gahr Store is expected to win."
	tests := []struct {
		name  string
		items []cluster.Item
		// same lists pairs of item indexes that must share a story; apart
		// pairs that must not.
		same, apart [][2]int
	}{
		{"retelling joins", []cluster.Item{
			{ID: "a", Title: "Quake kills 40 in Indonesia", Text: quakeA, Published: day(2)},
			{ID: "b", Title: "Survivors pulled from rubble in Padang", Text: quakeA2, Published: day(2).Add(5 * time.Hour)},
		}, [][2]int{{0, 1}}, nil},
		{"other place and numbers stay apart", []cluster.Item{
			{ID: "a", Title: "Quake kills 40 in Indonesia", Text: quakeA, Published: day(2)},
			{ID: "b", Title: "Quake kills 3 in Chile", Text: quakeB, Published: day(3)},
		}, nil, [][2]int{{0, 1}}},
		{"unrelated stays apart", []cluster.Item{
			{ID: "a", Title: "Quake kills 40 in Indonesia", Text: quakeA},
			{ID: "b", Title: "Norway votes", Text: vote},
		}, nil, [][2]int{{0, 1}}},
		{"syndicated copy joins", []cluster.Item{
			{ID: "a", Outlet: "x", Title: "Norway votes", Text: vote},
			{ID: "b", Outlet: "y", Title: "Norway votes", Text: vote},
		}, [][2]int{{0, 1}}, nil},
		{"a year apart stays apart", []cluster.Item{
			{ID: "a", Title: "Quake kills 40 in Indonesia", Text: quakeA, Published: day(2)},
			{ID: "b", Title: "Quake kills 40 in Indonesia", Text: quakeA, Published: day(2).AddDate(1, 0, 0)},
		}, nil, [][2]int{{0, 1}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := cluster.New(cluster.DefaultOptions())
			got := make([]string, len(tc.items))
			for i, it := range tc.items {
				got[i] = c.Add(it).Story
			}
			c.Correct()
			for i := range got {
				got[i] = c.Resolve(got[i])
			}
			for _, p := range tc.same {
				if got[p[0]] != got[p[1]] {
					t.Errorf("items %d and %d: stories %s and %s, want the same", p[0], p[1], got[p[0]], got[p[1]])
				}
			}
			for _, p := range tc.apart {
				if got[p[0]] == got[p[1]] {
					t.Errorf("items %d and %d: both in %s, want apart", p[0], p[1], got[p[0]])
				}
			}
		})
	}
}

func TestDeterministic(t *testing.T) {
	run := func(opts cluster.Options) string {
		c := cluster.New(opts)
		st := cluster.NewStream(cluster.SynthOptions{Articles: 2000, Stories: 200, Days: 10, Outlets: 5, Syndicated: 0.1, Noise: 0.05, Twins: 0.3, Seed: 7})
		var b strings.Builder
		for {
			it, _, ok := st.Next()
			if !ok {
				break
			}
			a := c.Add(it)
			fmt.Fprintln(&b, it.ID, a.Story, a.Thread, a.New)
		}
		for _, s := range c.Stories() {
			fmt.Fprintln(&b, s.ID, s.Label, s.Thread, len(s.Articles), s.Outlets)
		}
		return b.String()
	}
	small := cluster.DefaultOptions()
	// A vocabulary that forgets many times over the stream.
	small.VocabLimit = 2000
	for name, opts := range map[string]cluster.Options{"default": cluster.DefaultOptions(), "forgetting": small} {
		t.Run(name, func(t *testing.T) {
			first := run(opts)
			for range 2 {
				if run(opts) != first {
					t.Fatal("two runs on the same stream differ")
				}
			}
		})
	}
}

func TestSynthQuality(t *testing.T) {
	so := cluster.SynthOptions{Articles: 5000, Stories: 500, Days: 20, Outlets: 10, Syndicated: 0.1, Noise: 0.05, Twins: 0.3, Seed: 3}
	for _, annotated := range []bool{true, false} {
		t.Run(fmt.Sprint("annotated=", annotated), func(t *testing.T) {
			c := cluster.New(cluster.DefaultOptions())
			st := cluster.NewStream(so)
			gold, pred := map[string]string{}, map[string]string{}
			for {
				it, g, ok := st.Next()
				if !ok {
					break
				}
				if !annotated {
					it.Entities, it.Places, it.Times, it.Numbers = nil, nil, nil, nil
				}
				gold[it.ID] = g
				pred[it.ID] = c.Add(it).Story
			}
			c.Correct()
			for id, s := range pred {
				pred[id] = c.Resolve(s)
			}
			rep := eval.ScoreClustering(gold, pred)
			t.Logf("B3 P %.3f R %.3f F1 %.3f, stories %d / gold %d", rep.BCubed.P, rep.BCubed.R, rep.BCubed.F1, rep.Stories, rep.Gold)
			if rep.BCubed.F1 < 0.9 {
				t.Errorf("B-cubed F1 %.3f on the synthetic stream, want at least 0.9", rep.BCubed.F1)
			}
		})
	}
}

func TestResolveAndStories(t *testing.T) {
	c := cluster.New(cluster.DefaultOptions())
	a := c.Add(cluster.Item{ID: "a", Outlet: "x", Title: "Norway votes", Text: "Voters in Norway elect a parliament; Jonas Gahr Store leads the polls.", Published: day(1)})
	if !a.New || a.Thread != a.Story {
		t.Fatalf("first article: got %+v, want a new story that starts its thread", a)
	}
	if got := c.Resolve(a.Story); got != a.Story {
		t.Errorf("Resolve(%q) = %q, want itself", a.Story, got)
	}
	if got := c.Resolve("nonsense"); got != "nonsense" {
		t.Errorf("Resolve of an unknown id = %q, want it unchanged", got)
	}
	ss := c.Stories()
	if len(ss) != 1 || ss[0].Label != "Norway votes" || len(ss[0].Articles) != 1 || !ss[0].FirstSeen.Equal(day(1)) {
		t.Errorf("Stories() = %+v", ss)
	}
}

// BenchmarkOnline clusters synthetic annotated streams; items are made
// before the timer starts, and for "featurised" also their Features (the
// tokenising and extraction an annotation stage does). Run with -benchtime=1x: each iteration is one
// whole stream.
func BenchmarkOnline(b *testing.B) {
	for _, n := range []int{10_000, 100_000} {
		for _, pre := range []bool{false, true} {
			name := fmt.Sprint(n, "/text")
			if pre {
				name = fmt.Sprint(n, "/featurised")
			}
			b.Run(name, func(b *testing.B) {
				so := cluster.DefaultSynthOptions()
				so.Articles, so.Stories, so.Days = n, n/10, max(30, n/3000)
				st := cluster.NewStream(so)
				var items []cluster.Item
				for {
					it, _, ok := st.Next()
					if !ok {
						break
					}
					if pre {
						f := cluster.Extract(it.Title, it.Text)
						it.Features = &f
					}
					items = append(items, it)
				}
				b.ReportAllocs()
				b.ResetTimer()
				cpu0 := cpuTime()
				for i := 0; i < b.N; i++ {
					c := cluster.New(cluster.DefaultOptions())
					for _, it := range items {
						c.Add(it)
					}
				}
				cpu := (cpuTime() - cpu0).Seconds()
				sec := b.Elapsed().Seconds()
				b.ReportMetric(float64(n*b.N)/sec, "articles/s")
				b.ReportMetric(sec*1e9/float64(n*b.N), "ns/article")
				// The machine is shared: CPU time is the steadier figure.
				b.ReportMetric(float64(n*b.N)/cpu, "articles/cpu-s")
			})
		}
	}
}

// BenchmarkMillion measures the 1M-article run through cluster.Measure
// (stream generated in chunks, featurised outside the clock, only Add
// timed in process CPU time) and reports the process's peak resident
// memory. STORYDESK_BENCH_N changes the size (10000, 100000 for the curve);
// STORYDESK_BENCH_TEXT=1 times extraction from text too.
func BenchmarkMillion(b *testing.B) {
	n := 1_000_000
	if s := os.Getenv("STORYDESK_BENCH_N"); s != "" {
		fmt.Sscan(s, &n)
	}
	so := cluster.DefaultSynthOptions()
	so.Articles, so.Stories, so.Days = n, n/10, max(30, n/3000)
	mo := cluster.MeasureOptions{Featurised: os.Getenv("STORYDESK_BENCH_TEXT") == "", Clock: cpuTime}
	for i := 0; i < b.N; i++ {
		m := cluster.Measure(context.Background(), cluster.DefaultOptions(), so, mo)
		b.ReportMetric(m.ArticlesPerSecond, "articles/cpu-s")
		b.ReportMetric(float64(m.PerArticle.Nanoseconds()), "cpu-ns/article")
		b.ReportMetric(float64(m.HeapBytes)/(1<<20), "heap-MiB")
		b.ReportMetric(float64(peakRSS())/(1<<10), "peakRSS-MiB")
		b.ReportMetric(float64(m.Stories), "stories")
	}
}

// cpuTime is the process's user+system CPU time.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// peakRSS reads VmHWM (kB) from /proc/self/status; 0 when unavailable.
func peakRSS() uint64 {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			var kb uint64
			fmt.Sscan(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), "kB")), &kb)
			return kb
		}
	}
	return 0
}

// TestZeroOptions runs a stream through a clusterer whose options are all
// zero, as a caller that did not start from DefaultOptions makes it: every
// limit of 0 keeps nothing, and nothing panics.
func TestZeroOptions(t *testing.T) {
	c := cluster.New(cluster.Options{})
	st := cluster.NewStream(cluster.SynthOptions{Articles: 300, Stories: 30, Days: 5, Outlets: 3, Seed: 5})
	var items []cluster.Item
	for {
		it, _, ok := st.Next()
		if !ok {
			break
		}
		items = append(items, it)
		c.Add(it)
	}
	c.Settle(items)
	n := 0
	for _, s := range c.Stories() {
		n += len(s.Articles)
	}
	if n != len(items) {
		t.Errorf("stories hold %d articles; want all %d", n, len(items))
	}
}
