package source

import (
	"bytes"
	"context"
	"encoding/json"
	"encoding/xml"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// addFiles adds the named testdata files to a fuzz target's seeds.
func addFiles(f *testing.F, names ...string) {
	for _, n := range names {
		b, err := os.ReadFile(filepath.Join("testdata", n))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
}

// FuzzFeed reads arbitrary bytes as a feed: no panic, every error an
// *Error matching ErrMalformed, every document an HTML entry with a source.
func FuzzFeed(f *testing.F) {
	addFiles(f, "rss2.xml", "rss1.rdf", "atom.xml", "feed.json", "malformed.xml")
	r := offlineReader()
	f.Fuzz(func(t *testing.T, data []byte) {
		o := origin{source: "fuzz.xml", path: "fuzz.xml"}
		r.feed(context.Background(), o, data, 0, func(d Document, err error) bool {
			if err != nil {
				var se *Error
				if !errors.As(err, &se) || !errors.Is(err, ErrMalformed) || strings.Contains(err.Error(), "\n") {
					t.Fatalf("error %v: want a one-line *Error matching ErrMalformed", err)
				}
				return true
			}
			if d.Kind != KindHTML || d.Source == "" {
				t.Fatalf("document %+v: want KindHTML with a source", d)
			}
			return true
		})
	})
}

// FuzzOPML checks that parseOPML never panics and that a feed URL written
// into an OPML document is read back.
func FuzzOPML(f *testing.F) {
	for _, n := range []string{"feeds.opml", "bad.opml"} {
		b, err := os.ReadFile(filepath.Join("testdata", n))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b, "https://example.com/feed.xml")
	}
	f.Add([]byte(`<opml><body><outline xmlurl="a&b"><outline xmlUrl=x>`), "feeds/a b.xml")
	f.Fuzz(func(t *testing.T, data []byte, ref string) {
		refs, err := parseOPML(data)
		if err != nil && !errors.Is(err, ErrMalformed) {
			t.Fatalf("parseOPML: %v, want ErrMalformed", err)
		}
		for _, r := range refs {
			if r == "" || r != strings.TrimSpace(r) {
				t.Fatalf("parseOPML gave ref %q", r)
			}
		}
		ref = strings.TrimSpace(ref)
		if ref == "" || !printableASCII(ref) {
			return
		}
		var esc bytes.Buffer
		if err := escapeAttr(&esc, ref); err != nil {
			return
		}
		doc := `<?xml version="1.0"?><opml version="2.0"><body><outline text="t" xmlUrl="` + esc.String() + `"/></body></opml>`
		refs, err = parseOPML([]byte(doc))
		if err != nil || len(refs) != 1 || refs[0] != ref {
			t.Fatalf("round trip of %q: got %q, %v", ref, refs, err)
		}
	})
}

// FuzzRecords reads arbitrary bytes as JSON/JSONL articles: no panic,
// errors are *Error matching ErrMalformed, documents keep their text; and
// a record written with any text reads back with that text exactly.
func FuzzRecords(f *testing.F) {
	for _, n := range []string{"articles.jsonl", "articles.json"} {
		b, err := os.ReadFile(filepath.Join("testdata", n))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b, "  text with\n\nlines  ")
	}
	f.Add([]byte(`{"text":"x","id":1e400}`), "\u2028")
	f.Fuzz(func(t *testing.T, data []byte, text string) {
		records(origin{source: "f.jsonl"}, data, func(d Document, err error) bool {
			if err != nil {
				if !errors.Is(err, ErrMalformed) {
					t.Fatalf("error %v: want ErrMalformed", err)
				}
				return true
			}
			if d.Kind != KindArticle || string(d.Body) != d.Hint.Text || d.Hint.Text == "" {
				t.Fatalf("document %+v: body and hint text differ or are empty", d)
			}
			return true
		})
		if text == "" || !utf8.ValidString(text) {
			return
		}
		line := []byte(`{"id":"r1","text":` + mustJSON(text) + "}\n")
		var got []Document
		records(origin{source: "r.jsonl"}, line, func(d Document, err error) bool {
			if err != nil {
				t.Fatalf("record %s: %v", line, err)
			}
			got = append(got, d)
			return true
		})
		if len(got) != 1 || got[0].Hint.Text != text || got[0].Hint.ID != "r1" {
			t.Fatalf("round trip of %q: got %+v", text, got)
		}
	})
}

// FuzzDetect checks that detection never panics on any content.
func FuzzDetect(f *testing.F) {
	addFiles(f, "page.html", "rss2.xml", "feeds.opml", "articles.jsonl", "tree/a.txt")
	f.Fuzz(func(t *testing.T, data []byte) {
		_ = detect(data)
	})
}

func mustJSON(s string) string {
	b, err := json.Marshal(s)
	if err != nil {
		return ""
	}
	return string(b)
}

func printableASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 0x20 || s[i] > 0x7e {
			return false
		}
	}
	return true
}

// escapeAttr writes s escaped for a double-quoted XML attribute.
func escapeAttr(w *bytes.Buffer, s string) error {
	return xml.EscapeText(w, []byte(s))
}
