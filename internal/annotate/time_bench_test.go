package annotate

import (
	"github.com/storydesk/storydesk/internal/seedtest"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// benchArticles reads the ~4-5 KB seed articles 001-004 from the
// repository's testdata.
func benchArticles(b *testing.B) []string {
	root := seedtest.Root(b)
	files, err := filepath.Glob(filepath.Join(root, "testdata", "seeds", "00[1-4]_*.txt"))
	if err != nil || len(files) == 0 {
		b.Skip("no seed articles")
	}
	var out []string
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		out = append(out, string(data))
	}
	return out
}

func benchReport(b *testing.B, texts []string) {
	var bytes int
	for _, t := range texts {
		bytes += len(t)
	}
	b.SetBytes(int64(bytes / len(texts)))
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
}

func BenchmarkTimes(b *testing.B) {
	texts := benchArticles(b)
	ref := time.Date(2025, 8, 14, 0, 0, 0, 0, time.UTC)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		FindTimes(texts[i%len(texts)], ref, DefaultTimeOptions())
	}
	benchReport(b, texts)
}

func BenchmarkQuantities(b *testing.B) {
	texts := benchArticles(b)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		FindQuantities(texts[i%len(texts)], DefaultQuantityOptions())
	}
	benchReport(b, texts)
}
