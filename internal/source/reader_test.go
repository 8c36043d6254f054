package source

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// got is one yielded pair, flattened for comparison.
type got struct {
	doc Document
	err error
}

func readAll(t *testing.T, r *Reader, input string) []got {
	t.Helper()
	var out []got
	for d, err := range r.Read(context.Background(), input) {
		out = append(out, got{d, err})
	}
	return out
}

// want describes one yielded pair: an error matching errIs, or a
// document of kind whose Source ends with source and whose Body contains
// body.
type want struct {
	source string
	kind   Kind
	body   string
	errIs  error
	check  func(Document) error
}

func offlineReader() *Reader {
	opts := DefaultOptions()
	opts.FollowLinks = false
	return New(opts)
}

func TestReadFiles(t *testing.T) {
	td := "testdata"
	cases := []struct {
		name  string
		input string
		want  []want
	}{
		{"plain text", "tree/a.txt", []want{{source: "tree/a.txt", kind: KindText, body: "First file\n\nBody one."}}},
		{"html page", "page.html", []want{{source: "page.html", kind: KindHTML, body: "<p>Hello page.</p>"}}},
		{"windows-1252 text", "cp1252.txt", []want{{source: "cp1252.txt", kind: KindText, body: "Café owners “welcome” the plan — said Müller."}}},
		{"utf-16le with BOM", "utf16le.txt", []want{{source: "utf16le.txt", kind: KindText, body: "Zelensky met Starmer in London — a “working breakfast”."}}},
		{"utf-16be with BOM", "utf16be.txt", []want{{source: "utf16be.txt", kind: KindText, body: "Naïve café text"}}},
		{"html declaring iso-8859-1", "latin1.html", []want{{source: "latin1.html", kind: KindHTML, body: "Grüße aus Köln."}}},
		{"gzip of text", "story.txt.gz", []want{{source: "story.txt.gz", kind: KindText, body: "A storm hit the coast"}}},
		{"rss 2.0", "rss2.xml", []want{
			{source: "https://gazette.example/news/harbour-plan", kind: KindHTML, body: "three hundred homes", check: hint("Council backs harbour plan", "Harbour Gazette", "2025-08-14T09:30:00+01:00", "Jane Doe", "en")},
			{source: "https://gazette.example/news/ferry", kind: KindHTML, body: "Ferry times change from Monday.", check: hint("Ferry times change", "Harbour Gazette", "2025-08-15T07:00:00Z", "", "en")},
		}},
		{"rss 1.0", "rss1.rdf", []want{{source: "https://rdf.example/a", kind: KindHTML, body: "bridge reopened", check: hint("Bridge reopens", "RDF Times", "2025-08-11T08:00:00Z", "Sam Roe", "")}}},
		{"atom", "atom.xml", []want{{source: "https://herald.example/talks", kind: KindHTML, body: "<p>The council met", check: hint("Talks resume in Geneva", "Atom Herald", "2025-08-14T10:00:00Z", "Ann Lee, Bo Kim", "")}}},
		{"json feed", "feed.json", []want{{source: "https://wire.example/1", kind: KindHTML, body: "ferry terminal", check: hint("Markets rise", "JSON Wire", "2025-08-14T12:00:00+02:00", "Kai Moe", "")}}},
		{"utf-16 feed", "rss-utf16.xml", []want{{source: "https://zeitung.example/k", kind: KindHTML, body: "„Straßenfest“ in Köln.", check: hint("Grüße aus Köln", "Café Zeitung", "", "", "")}}},
		{"windows-1252 feed", "rss-1252.xml", []want{{source: "https://zeitung.example/k", kind: KindHTML, body: "„Straßenfest“ in Köln.", check: hint("Grüße aus Köln", "Café Zeitung", "", "", "")}}},
		{"opml of local feeds", "feeds.opml", []want{
			{source: "https://gazette.example/news/harbour-plan", kind: KindHTML},
			{source: "https://gazette.example/news/ferry", kind: KindHTML},
			{source: "https://herald.example/talks", kind: KindHTML},
			{source: "missing-feed.xml", errIs: ErrNotFound},
		}},
		{"jsonl", "articles.jsonl", []want{
			{source: "articles.jsonl:1", kind: KindArticle, body: "  First text.\n\nKept exactly.  ", check: hint("One", "Metro", "2025-08-14T09:30:00+01:00", "By Jo", "")},
			{source: "articles.jsonl:2", kind: KindArticle, body: "Second text.", check: func(d Document) error {
				if d.Hint.ID != "42" || d.Hint.Published.String() != "2025-08-14" {
					return fmt.Errorf("id %q published %q, want 42 and 2025-08-14", d.Hint.ID, d.Hint.Published)
				}
				return nil
			}},
			{source: "articles.jsonl:4", errIs: ErrMalformed},
			{source: "articles.jsonl:5", errIs: ErrMalformed},
			// A published with no date in it: the article is kept undated.
			{source: "articles.jsonl:6", kind: KindArticle, body: "Third text.", check: func(d Document) error {
				if !d.Hint.Published.IsZero() {
					return fmt.Errorf("published %q, want none", d.Hint.Published)
				}
				return nil
			}},
			{source: "articles.jsonl:6", errIs: ErrMalformed},
			{source: "articles.jsonl:7", kind: KindArticle, body: "Fourth text."},
			{source: "articles.jsonl:8", kind: KindArticle, body: "Fifth text.", check: func(d Document) error {
				if got := d.Hint.Published.String(); !strings.HasPrefix(got, "2013-09-26T15:47") {
					return fmt.Errorf("published %q, want 2013-09-26 at 15:47", got)
				}
				return nil
			}},
		}},
		{"json array", "articles.json", []want{
			{source: "articles.json:2", kind: KindArticle, body: "Array one."},
			{source: "articles.json:3", kind: KindArticle, body: "Array two."},
		}},
		{"directory", "tree", []want{
			{source: "tree/a.txt", kind: KindText, body: "Body one."},
			{source: "tree/b.txt", kind: KindText, body: "Body two."},
			{source: "tree/sub/c.html", kind: KindHTML, body: "Third."},
		}},
		{"malformed feed", "malformed.xml", []want{{source: "malformed.xml", errIs: ErrMalformed}}},
		{"opml without feeds", "bad.opml", []want{{source: "bad.opml", errIs: ErrMalformed}}},
		{"missing file", "no-such-file.txt", []want{{source: "no-such-file.txt", errIs: ErrNotFound}}},
		{"binary file", "binary.dat", []want{{source: "binary.dat", errIs: ErrDecode}}},
	}
	r := offlineReader()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			gots := readAll(t, r, filepath.Join(td, tc.input))
			if len(gots) != len(tc.want) {
				for _, g := range gots {
					t.Logf("got %s %v err=%v body=%.60q", g.doc.Source, g.doc.Kind, g.err, g.doc.Body)
				}
				t.Fatalf("read %s: got %d results, want %d", tc.input, len(gots), len(tc.want))
			}
			for i, w := range tc.want {
				checkOne(t, gots[i], w)
			}
		})
	}
}

func checkOne(t *testing.T, g got, w want) {
	t.Helper()
	if !strings.HasSuffix(filepath.ToSlash(g.doc.Source), w.source) {
		t.Errorf("source %q, want …%q", g.doc.Source, w.source)
	}
	if w.errIs != nil {
		var se *Error
		if !errors.Is(g.err, w.errIs) || !errors.As(g.err, &se) {
			t.Errorf("%s: err %v, want an *Error matching %v", w.source, g.err, w.errIs)
		} else if strings.Contains(g.err.Error(), "\n") || !strings.Contains(g.err.Error(), w.source) {
			t.Errorf("%s: error %q should be one line naming the input", w.source, g.err)
		}
		return
	}
	if g.err != nil {
		t.Errorf("%s: unexpected error %v", w.source, g.err)
		return
	}
	if g.doc.Kind != w.kind {
		t.Errorf("%s: kind %v, want %v", w.source, g.doc.Kind, w.kind)
	}
	if !strings.Contains(string(g.doc.Body), w.body) {
		t.Errorf("%s: body %q does not contain %q", w.source, g.doc.Body, w.body)
	}
	if w.check != nil {
		if err := w.check(g.doc); err != nil {
			t.Errorf("%s: %v", w.source, err)
		}
	}
}

// hint checks a document's metadata.
func hint(title, outlet, published, byline, lang string) func(Document) error {
	return func(d Document) error {
		h := d.Hint
		pub := ""
		if !h.Published.IsZero() {
			pub = h.Published.Format(time.RFC3339)
			if h.Published.DateOnly {
				pub = h.Published.String()
			}
		}
		if h.Title != title || h.Outlet != outlet || pub != published || h.Byline != byline || h.Language != lang {
			return fmt.Errorf("hint title=%q outlet=%q published=%q byline=%q lang=%q; want %q %q %q %q %q",
				h.Title, h.Outlet, pub, h.Byline, h.Language, title, outlet, published, byline, lang)
		}
		return nil
	}
}

func TestReadGoesOnAfterStop(t *testing.T) {
	r := offlineReader()
	n := 0
	for range r.Read(context.Background(), filepath.Join("testdata", "tree")) {
		n++
		break
	}
	if n != 1 {
		t.Fatalf("got %d documents after break, want 1", n)
	}
}

func TestReadCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var errs []error
	for _, err := range offlineReader().Read(ctx, filepath.Join("testdata", "tree")) {
		errs = append(errs, err)
	}
	if len(errs) != 1 || !errors.Is(errs[0], context.Canceled) {
		t.Fatalf("got %v, want one context.Canceled error", errs)
	}
}

func TestErrorOneLine(t *testing.T) {
	err := &Error{Input: "x.xml", Err: errors.New("bad\nthing\tthere")}
	if got, want := err.Error(), "x.xml: bad thing there"; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
}
