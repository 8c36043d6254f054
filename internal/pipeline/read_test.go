package pipeline

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// words is a small vocabulary for generated articles.
var words = strings.Fields(`the minister said on monday that talks with officials from several
countries would resume next week after a long pause in negotiations over trade security energy
prices and the future of the region where thousands of people have been displaced by fighting
council members voted to approve a plan for new housing while critics warned about costs police
reported that a fire had damaged buildings near the harbour and residents were evacuated overnight`)

// writeCorpus writes n plain-text and HTML articles to dir, every tenth a
// copy of an earlier one, and returns the total size in bytes.
func writeCorpus(t testing.TB, dir string, n int) int64 {
	t.Helper()
	rng := rand.New(rand.NewPCG(1, 2))
	var total int64
	var bodies []string
	for i := range n {
		var body string
		if i%10 == 9 {
			body = bodies[rng.IntN(len(bodies))]
		} else {
			var b strings.Builder
			for p := range 6 {
				if p > 0 {
					b.WriteString("\n\n")
				}
				for s := range 4 {
					if s > 0 {
						b.WriteString(" ")
					}
					k := 12 + rng.IntN(12)
					for w := range k {
						word := words[rng.IntN(len(words))]
						if w == 0 {
							word = strings.ToUpper(word[:1]) + word[1:]
						} else {
							b.WriteString(" ")
						}
						b.WriteString(word)
					}
					b.WriteString(".")
				}
			}
			body = b.String()
			bodies = append(bodies, body)
		}
		name := filepath.Join(dir, fmt.Sprintf("a%05d.txt", i))
		content := "Council approves plan number " + fmt.Sprint(i) + "\n" + body + "\n"
		if i%2 == 1 {
			name = filepath.Join(dir, fmt.Sprintf("a%05d.html", i))
			var h strings.Builder
			h.WriteString("<!doctype html><html lang=en><head><title>Plan " + fmt.Sprint(i) + " | Daily Example</title></head><body><nav><a href=/>Home</a> <a href=/news>News</a></nav><article><h1>Plan " + fmt.Sprint(i) + "</h1>")
			for _, p := range strings.Split(body, "\n\n") {
				h.WriteString("<p>" + p + "</p>")
			}
			h.WriteString("</article><footer>Copyright Daily Example</footer></body></html>")
			content = h.String()
		}
		if err := os.WriteFile(name, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		total += int64(len(content))
	}
	return total
}

func TestReadDirectory(t *testing.T) {
	dir := t.TempDir()
	writeCorpus(t, dir, 40)
	p := New(DefaultOptions())
	var ids []string
	dups := 0
	for a, err := range p.Read(context.Background(), []string{dir}) {
		if err != nil {
			t.Fatalf("read: %v", err)
		}
		ids = append(ids, a.ID)
		if a.DuplicateOf != "" {
			dups++
		}
	}
	if len(ids) != 40 {
		t.Fatalf("got %d articles, want 40", len(ids))
	}
	if dups < 4 {
		t.Errorf("got %d duplicates, want at least the 4 copies", dups)
	}
	// Reading again through the same pipeline yields nothing new.
	again := 0
	for _, err := range p.Read(context.Background(), []string{dir}) {
		if err == nil {
			again++
		}
	}
	if again != 0 {
		t.Errorf("second read yielded %d articles, want 0", again)
	}
	// A fresh pipeline with other worker counts yields the same order.
	opts := DefaultOptions()
	opts.Workers = 1
	var ids1 []string
	for a, err := range New(opts).Read(context.Background(), []string{dir}) {
		if err == nil {
			ids1 = append(ids1, a.ID)
		}
	}
	if strings.Join(ids, ",") != strings.Join(ids1, ",") {
		t.Errorf("order depends on the number of workers")
	}
}

func TestReadGoesOnAfterErrors(t *testing.T) {
	dir := t.TempDir()
	writeCorpus(t, dir, 3)
	p := New(DefaultOptions())
	var errs, arts int
	for _, err := range p.Read(context.Background(), []string{filepath.Join(dir, "nope.txt"), dir}) {
		if err != nil {
			errs++
			if !strings.Contains(err.Error(), "nope.txt") {
				t.Errorf("error %q does not name the input", err)
			}
			continue
		}
		arts++
	}
	if errs != 1 || arts != 3 {
		t.Errorf("got %d errors and %d articles, want 1 and 3", errs, arts)
	}
}

// BenchmarkIngestDirectory reads, extracts and deduplicates a directory of
// 2,000 articles, half HTML and half text.
func BenchmarkIngestDirectory(b *testing.B) {
	dir := b.TempDir()
	size := writeCorpus(b, dir, 2000)
	b.ReportAllocs()
	b.ResetTimer()
	n := 0
	for b.Loop() {
		for _, err := range New(DefaultOptions()).Read(context.Background(), []string{dir}) {
			if err != nil {
				b.Fatal(err)
			}
			n++
		}
	}
	secs := b.Elapsed().Seconds()
	b.ReportMetric(float64(n)/secs, "articles/s")
	b.ReportMetric(float64(size)*float64(b.N)/secs/1e6, "MB/s")
}
