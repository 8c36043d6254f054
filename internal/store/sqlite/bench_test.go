package sqlite

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/storydesk/storydesk/internal/model"
)

// corpus generates n articles of about words words each, drawn Zipf-like
// from a vocabulary of made-up words, so that FTS5 sees realistic posting
// lists. Ids start at first.
type corpus struct {
	rng   *rand.Rand
	zipf  *rand.Zipf
	vocab []string
}

func newCorpus(seed uint64) *corpus {
	rng := rand.New(rand.NewPCG(seed, seed))
	vocab := make([]string, 20000)
	for i := range vocab {
		vocab[i] = fmt.Sprintf("w%x", i*2654435761%1000003)
	}
	return &corpus{rng: rng, zipf: rand.NewZipf(rng, 1.1, 1, uint64(len(vocab)-1)), vocab: vocab}
}

func (c *corpus) text(words int) string {
	var b strings.Builder
	for i := range words {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(c.vocab[c.zipf.Uint64()])
	}
	return b.String()
}

func (c *corpus) articles(first, n, words int) []model.Article {
	as := make([]model.Article, n)
	for i := range as {
		id := fmt.Sprintf("a%08d", first+i)
		as[i] = model.Article{ID: id, Source: "bench/" + id, Outlet: fmt.Sprintf("Outlet %d", i%20),
			Title: c.text(8), Text: c.text(words), Published: model.Date(2025, 8, 1+i%28), Authors: []string{"A. Writer"}}
	}
	return as
}

// BenchmarkPutArticles stores batches of 500 new 400-word articles into a
// growing file database.
func BenchmarkPutArticles(b *testing.B) {
	const batch = 500
	db := openTemp(b)
	c := newCorpus(1)
	ctx := context.Background()
	var bytes int64
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		b.StopTimer()
		as := c.articles(i*batch, batch, 400)
		for _, a := range as {
			bytes += int64(len(a.Text))
		}
		b.StartTimer()
		if n, err := db.PutArticles(ctx, as); err != nil || n != batch {
			b.Fatalf("PutArticles = %d, %v", n, err)
		}
	}
	b.ReportMetric(float64(b.N*batch)/b.Elapsed().Seconds(), "articles/s")
	b.ReportMetric(float64(bytes)/1e6/b.Elapsed().Seconds(), "MB/s")
}

// BenchmarkSearch runs two-word queries of mid-frequency words over 10,000
// stored 400-word articles.
func BenchmarkSearch(b *testing.B) {
	const stored = 10000
	db := openTemp(b)
	c := newCorpus(2)
	ctx := context.Background()
	for first := 0; first < stored; first += 1000 {
		if _, err := db.PutArticles(ctx, c.articles(first, 1000, 400)); err != nil {
			b.Fatal(err)
		}
	}
	queries := make([]string, 64)
	for i := range queries {
		queries[i] = c.vocab[20+i] + " " + c.vocab[200+i*3]
	}
	hits := 0
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		hs, err := db.Search(ctx, queries[i%len(queries)], 20)
		if err != nil {
			b.Fatal(err)
		}
		hits += len(hs)
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "queries/s")
	b.ReportMetric(float64(hits)/float64(b.N), "hits/query")
}
