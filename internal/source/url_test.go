package source

import (
	"bytes"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// testReader reads from httptest servers on loopback.
func testReader() *Reader {
	opts := DefaultOptions()
	opts.Fetch = testFetchOptions()
	return New(opts)
}

func TestReadURLs(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("/robots.txt", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, "User-agent: *\nDisallow: /secret\n")
	})
	mux.HandleFunc("/feed.xml", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Test Wire</title>
<item><title>Short one</title><link>/story/1</link><description>Teaser only.</description><pubDate>Thu, 14 Aug 2025 09:30:00 +0100</pubDate></item>
<item><title>Hidden</title><link>/secret/2</link><description>Teaser.</description></item>
</channel></rss>`)
	})
	mux.HandleFunc("/story/1", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=windows-1252")
		w.Write([]byte("<html><body><p>The full story, caf\xe9 included.</p></body></html>"))
	})
	mux.HandleFunc("/list.opml", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, `<opml version="2.0"><body><outline xmlUrl="feed.xml"/><outline xmlUrl="/etc/passwd"/><outline xmlUrl="file:///etc/passwd"/></body></opml>`)
	})
	mux.HandleFunc("/dump.txt.gz", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/gzip")
		w.Write(gzipped(t, []byte("Plain dump\n\nIts body.\n")))
	})
	mux.HandleFunc("/photo", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "image/jpeg")
		w.Write([]byte("not really a jpeg"))
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()

	cases := []struct {
		name  string
		input string
		want  []want
	}{
		{"feed entry with a teaser fetches its page", "/feed.xml", []want{
			{source: "/story/1", kind: KindHTML, body: "The full story, café included.", check: func(d Document) error {
				if d.Hint.Title != "Short one" || d.Hint.Outlet != "Test Wire" || d.URL != srv.URL+"/story/1" {
					return fmt.Errorf("hint %+v url %s", d.Hint, d.URL)
				}
				return nil
			}},
			{source: "/secret/2", kind: KindHTML, body: "Teaser."}, // the page is off limits: the feed's teaser stands in
			{source: "/secret/2", errIs: ErrRobots},
		}},
		{"remote OPML may list only URLs", "/list.opml", []want{
			{source: "/story/1", kind: KindHTML},
			{source: "/secret/2", kind: KindHTML, body: "Teaser."},
			{source: "/secret/2", errIs: ErrRobots},
			{source: "/etc/passwd", errIs: ErrNotFound}, // resolved as a URL on the server, not read from disk
			{source: "file:///etc/passwd", errIs: ErrRefused},
		}},
		{"gzip over http", "/dump.txt.gz", []want{{source: "/dump.txt.gz", kind: KindText, body: "Its body."}}},
		{"image refused by Content-Type", "/photo", []want{{source: "/photo", errIs: ErrUnsupported}}},
		{"robots", "/secret/x", []want{{source: "/secret/x", errIs: ErrRobots}}},
	}
	r := testReader()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			gots := readAll(t, r, srv.URL+tc.input)
			if len(gots) != len(tc.want) {
				for _, g := range gots {
					t.Logf("got %s %v err=%v", g.doc.Source, g.doc.Kind, g.err)
				}
				t.Fatalf("read %s: got %d results, want %d", tc.input, len(gots), len(tc.want))
			}
			for i, w := range tc.want {
				checkOne(t, gots[i], w)
			}
		})
	}

	t.Run("refused without allow-private", func(t *testing.T) {
		opts := DefaultOptions()
		opts.Fetch.MinInterval = 0
		gots := readAll(t, New(opts), srv.URL+"/feed.xml")
		if len(gots) != 1 {
			t.Fatalf("got %d results, want 1 error", len(gots))
		}
		checkOne(t, gots[0], want{source: srv.URL + "/feed.xml", errIs: ErrRefused})
	})
}

func TestReadBadInputs(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, b []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	big := write("big.txt", bytes.Repeat([]byte("word "), 400))
	bomb := write("bomb.gz", gzipped(t, bytes.Repeat([]byte("a"), 1<<20)))
	opml := write("loop.opml", []byte(`<opml><body><outline xmlUrl="loop.opml"/></body></opml>`))
	pdf := write("doc.pdf", []byte("%PDF-1.7 ..."))
	sitemap := write("sitemap.xml", []byte(`<?xml version="1.0"?><urlset><url><loc>x</loc></url></urlset>`))
	opts := DefaultOptions()
	opts.FollowLinks = false
	opts.MaxFileBytes = 1000
	opts.MaxDecompressedBytes = 64 << 10
	r := New(opts)
	cases := []struct {
		name, input string
		errIs       error
		n           int // results expected
	}{
		{"file over cap", big, ErrTooLarge, 1},
		{"gzip bomb", bomb, ErrTooLarge, 1},
		{"OPML listing itself", opml, ErrUnsupported, 1},
		{"pdf", pdf, ErrUnsupported, 1},
		{"xml that is no feed", sitemap, ErrUnsupported, 1},
		{"other scheme", "gopher://example.com/", ErrUnsupported, 1},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			gots := readAll(t, r, tc.input)
			if len(gots) != tc.n {
				t.Fatalf("got %d results, want %d", len(gots), tc.n)
			}
			last := gots[len(gots)-1]
			if !errors.Is(last.err, tc.errIs) {
				t.Fatalf("err %v, want %v", last.err, tc.errIs)
			}
			if strings.Contains(last.err.Error(), "\n") {
				t.Errorf("error %q spans lines", last.err)
			}
		})
	}
}

func TestReadDirSymlinks(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "a.txt"), []byte("Title\n\nBody."), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("a.txt", filepath.Join(dir, "b.txt")); err != nil {
		t.Skipf("no symlinks: %v", err)
	}
	if err := os.Symlink(".", filepath.Join(dir, "loop")); err != nil {
		t.Fatal(err)
	}
	gots := readAll(t, offlineReader(), dir)
	if len(gots) != 2 {
		t.Fatalf("got %d results, want a.txt and the link b.txt", len(gots))
	}
	for i, name := range []string{"a.txt", "b.txt"} {
		checkOne(t, gots[i], want{source: name, kind: KindText, body: "Body."})
	}
}
