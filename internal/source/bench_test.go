package source

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/encoding/charmap"
)

func ExampleReader_Read() {
	opts := DefaultOptions()
	opts.FollowLinks = false // read offline
	r := New(opts)
	for doc, err := range r.Read(context.Background(), filepath.Join("testdata", "tree")) {
		if err != nil {
			fmt.Println("error:", err)
			continue
		}
		fmt.Println(filepath.ToSlash(doc.Source), doc.Kind)
	}
	// Output:
	// testdata/tree/a.txt text
	// testdata/tree/b.txt text
	// testdata/tree/sub/c.html html
}

func ExampleRobots_Allowed() {
	r := ParseRobots([]byte("User-agent: *\nDisallow: /private/\nAllow: /private/press/\n"))
	fmt.Println(r.Allowed("storydesk", "/private/x"), r.Allowed("storydesk", "/private/press/x"))
	// Output: false true
}

// benchText is a paragraph of news prose for generated inputs.
const benchText = "The minister said on Monday that talks with officials from several countries would resume next week after a long pause in negotiations over trade, security and energy prices. "

func BenchmarkReadDir(b *testing.B) {
	dir := b.TempDir()
	const files = 300
	var size int64
	for i := range files {
		name := fmt.Sprintf("a%04d.txt", i)
		body := "Headline " + fmt.Sprint(i) + "\n\n" + strings.Repeat(benchText, 20)
		if i%2 == 1 {
			name = fmt.Sprintf("a%04d.html", i)
			body = "<!doctype html><html><head><title>Headline</title></head><body><article><p>" + strings.Repeat(benchText, 20) + "</p></article></body></html>"
		}
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			b.Fatal(err)
		}
		size += int64(len(body))
	}
	r := offlineReader()
	b.ReportAllocs()
	b.SetBytes(size)
	start := time.Now()
	docs := 0
	for b.Loop() {
		for _, err := range r.Read(context.Background(), dir) {
			if err != nil {
				b.Fatal(err)
			}
			docs++
		}
	}
	b.ReportMetric(float64(docs)/time.Since(start).Seconds(), "docs/s")
}

func BenchmarkDecodeWindows1252(b *testing.B) {
	in, err := charmap.Windows1252.NewEncoder().Bytes([]byte(strings.Repeat("Café “owners” — Müller said. ", 2000)))
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.SetBytes(int64(len(in)))
	for b.Loop() {
		if _, _, err := Decode(in, ""); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkFeed(b *testing.B) {
	var sb strings.Builder
	sb.WriteString(`<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Bench</title>`)
	const items = 100
	for i := range items {
		fmt.Fprintf(&sb, "<item><title>Item %d</title><link>https://bench.example/%d</link><pubDate>Thu, 14 Aug 2025 09:30:00 +0100</pubDate><content:encoded><![CDATA[<p>%s</p>]]></content:encoded></item>", i, i, strings.Repeat(benchText, 4))
	}
	sb.WriteString("</channel></rss>")
	feed := []byte(sb.String())
	r := offlineReader()
	b.ReportAllocs()
	b.SetBytes(int64(len(feed)))
	start := time.Now()
	n := 0
	for b.Loop() {
		r.content(context.Background(), origin{source: "bench.xml"}, feed, "", 0, func(d Document, err error) bool {
			if err != nil {
				b.Fatal(err)
			}
			n++
			return true
		})
	}
	b.ReportMetric(float64(n)/time.Since(start).Seconds(), "entries/s")
}

func BenchmarkRobotsAllowed(b *testing.B) {
	var sb strings.Builder
	sb.WriteString("User-agent: *\n")
	for i := range 200 {
		fmt.Fprintf(&sb, "Disallow: /section%d/*/private$\nAllow: /section%d/public\n", i, i)
	}
	r := ParseRobots([]byte(sb.String()))
	b.ReportAllocs()
	start := time.Now()
	n := 0
	for b.Loop() {
		r.Allowed("storydesk", "/section150/2025/08/14/some-long-article-slug/private")
		n++
	}
	b.ReportMetric(float64(n)/time.Since(start).Seconds(), "checks/s")
}
