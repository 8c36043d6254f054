package extract

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/tools/txtar"

	"github.com/storydesk/storydesk/internal/eval"
)

func bodyOf(t testing.TB, page string) string {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatalf("parse: %v", err)
	}
	return mainText(doc, DefaultOptions())
}

func TestMainText(t *testing.T) {
	long := "This sentence is long enough to be read as prose by the extractor, with commas, clauses and a full stop."
	tests := []struct {
		name    string
		page    string
		want    string // exact output when not empty
		must    []string
		mustNot []string
	}{
		{
			name: "paragraphs joined by blank lines",
			page: "<body><div><p>" + long + "</p><p>" + long + "</p></div></body>",
			want: long + "\n\n" + long,
		},
		{
			name:    "script and style inside the body dropped",
			page:    "<body><div><p>" + long + "<script>alert('x')</script><style>p{}</style></p></div></body>",
			must:    []string{long},
			mustNot: []string{"alert", "p{}"},
		},
		{
			name: "whitespace collapsed, inline tags flow",
			page: "<body><article><p>Markets  <b>rose</b>\n\t<i>sharply</i> on Monday, after the central bank said it would cut rates again, traders said.</p></article></body>",
			want: "Markets rose sharply on Monday, after the central bank said it would cut rates again, traders said.",
		},
		{
			name:    "heading inside the article kept, h1 title dropped",
			page:    "<body><article><h1>Title here</h1><p>" + long + "</p><h2>A subheading</h2><p>" + long + "</p></article></body>",
			must:    []string{"A subheading"},
			mustNot: []string{"Title here"},
		},
		{
			name:    "caption and byline dropped",
			page:    "<body><article><p class=\"byline\">By Sam Writer</p><figure><figcaption>A caption, with commas, that describes the photo.</figcaption></figure><p>" + long + "</p></article></body>",
			must:    []string{long},
			mustNot: []string{"Sam Writer", "A caption"},
		},
		{
			name: "closing credit and plug trimmed",
			page: "<body><div><p>" + long + "</p><p>" + long + "</p><p>Jo Reporter contributed to this report.</p><p>Sign up for our daily newsletter.</p></div></body>",
			want: long + "\n\n" + long,
		},
		{
			name: "table rows read as lines, repeated cells kept",
			page: "<body><article><p>" + long + "</p><table><tr><th>Pos</th><th>Player</th></tr><tr><td>DL</td><td>Ann</td></tr><tr><td>DL</td><td>Bob</td></tr></table><p>" + long + "</p></article></body>",
			must: []string{"Pos Player", "DL Ann", "DL Bob"},
		},
		{
			name: "link text set apart, for scripts written without spaces",
			page: "<body><article><p>何が困るかといえば、パスワード管理ソフト<a href=\"/k\">KeePass</a>の起動ショートカットキーと同じなのです。</p></article></body>",
			want: "何が困るかといえば、パスワード管理ソフト KeePass の起動ショートカットキーと同じなのです。",
		},
		{
			name:    "one-word label repeated three times dropped, repeated phrases kept",
			page:    "<body><article><p>" + long + "</p><div>Advertisement</div><p>" + long + "</p><div>Advertisement</div><p>See it at Shop</p><p>" + long + "</p><div>Advertisement</div><p>See it at Shop</p><p>" + long + "</p></article></body>",
			must:    []string{"See it at Shop\n\n" + long},
			mustNot: []string{"Advertisement"},
		},
		{
			name:    "linked call to action kept, shouted links to other stories dropped",
			page:    "<body><article><p>" + long + "</p><p>Get it at <a href=\"/s\">Example Shop for $20</a></p><p>READ MORE: <a href=\"/o\">Another story about something else</a></p><p><a href=\"/h\">STAR QUITS SHOW AFTER TEN YEARS</a></p><p>" + long + "</p></article></body>",
			must:    []string{"Get it at Example Shop for $20"},
			mustNot: []string{"READ MORE", "Another story", "STAR QUITS"},
		},
		{
			name: "soft hyphens and zero-width spaces dropped",
			page: "<body><article><p>An extra\u00adordinary\u200b result, the team said on Monday after a long season of work in the lab.</p></article></body>",
			want: "An extraordinary result, the team said on Monday after a long season of work in the lab.",
		},
		{
			name:    "table and quote inside figures kept, caption dropped",
			page:    "<body><article><p>" + long + "</p><figure><table><tr><td>Team</td><td>Points</td></tr></table><figcaption>Table: standings.</figcaption></figure><figure><blockquote><p>We will win it all.</p></blockquote></figure><p>" + long + "</p></article></body>",
			must:    []string{"Team Points", "We will win it all."},
			mustNot: []string{"standings"},
		},
		{
			name: "title and dateline before the first sentence dropped",
			page: "<html><head><title>Harbour reopens after storm | Example News</title></head><body><div><p>Harbour reopens after storm</p><p>Posted 14 Aug 2025</p><p>" + long + "</p><p>" + long + "</p></div></body></html>",
			want: long + "\n\n" + long,
		},
		{
			name: "leading subheading kept",
			page: "<html><head><title>How to run faster</title></head><body><div><p>Speed can be raised with codes</p><ul><li>speedmult x100</li></ul><p>" + long + "</p><p>" + long + "</p></div></body></html>",
			must: []string{"Speed can be raised with codes\n\nspeedmult x100"},
		},
		{
			name:    "inline cluster of links inside a paragraph dropped",
			page:    "<body><article><p>" + long + "</p><p>The senator <span><a href=\"/p\">Jane Roe</a><span><a href=\"/1\">Roe doubles down on tax plan</a> <a href=\"/2\">Roe visits the border</a> <a href=\"/3\">MORE</a></span></span> said on Monday that the vote would go ahead as planned.</p></article></body>",
			must:    []string{"said on Monday that the vote would go ahead"},
			mustNot: []string{"doubles down", "visits the border"},
		},
		{
			name:    "one-link list under a product kept, list of links to other stories dropped",
			page:    "<body><article><p>" + long + "</p><ul><li><a href=\"/buy\">Get it on Example for $39.99</a></li></ul><p>" + long + "</p><ul><li><a href=\"/1\">First other story</a></li><li><a href=\"/2\">Second other story</a></li><li><a href=\"/3\">Third other story</a></li></ul><p>" + long + "</p></article></body>",
			must:    []string{"Get it on Example for $39.99"},
			mustNot: []string{"other story"},
		},
		{
			name: "empty page",
			page: "<html><body></body></html>",
			want: "",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := bodyOf(t, tt.page)
			if tt.want != "" || (tt.must == nil && tt.mustNot == nil) {
				if got != tt.want {
					t.Errorf("mainText(%q)\n got %q\nwant %q", tt.page, got, tt.want)
				}
			}
			for _, m := range tt.must {
				if !strings.Contains(got, m) {
					t.Errorf("mainText(%q)\n got %q\nmissing %q", tt.page, got, m)
				}
			}
			for _, m := range tt.mustNot {
				if strings.Contains(got, m) {
					t.Errorf("mainText(%q)\n got %q\nholds %q", tt.page, got, m)
				}
			}
		})
	}
}

// TestHTMLCases runs the txtar cases in testdata/html: input.html, and one
// string per line in must and mustnot. A case with a known-failure file
// (its reason) is expected to fail, and fails the test once it passes.
func TestHTMLCases(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "html", "*.txtar"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no cases in testdata/html: %v", err)
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			ar, err := txtar.ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			parts := map[string]string{}
			for _, f := range ar.Files {
				parts[f.Name] = string(f.Data)
			}
			got := bodyOf(t, parts["input.html"])
			var problems []string
			for _, m := range lines(parts["must"]) {
				if !strings.Contains(got, m) {
					problems = append(problems, "missing "+m)
				}
			}
			for _, m := range lines(parts["mustnot"]) {
				if strings.Contains(got, m) {
					problems = append(problems, "holds "+m)
				}
			}
			reason, known := parts["known-failure"]
			switch {
			case known && len(problems) == 0:
				t.Errorf("known failure (%s) now passes: remove known-failure", strings.TrimSpace(reason))
			case known:
				t.Logf("known failure: %s", strings.TrimSpace(reason))
			case len(problems) > 0:
				t.Errorf("%s:\n%s\n--- got:\n%s", file, strings.Join(problems, "\n"), got)
			}
		})
	}
}

func lines(s string) []string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}

// FuzzHTML checks that no page makes mainText panic and that the text of
// script and style elements never reaches the output: every such element's
// text is replaced by a marker the input does not hold.
func FuzzHTML(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("testdata", "html", "*.txtar"))
	for _, file := range files {
		if ar, err := txtar.ParseFile(file); err == nil {
			for _, af := range ar.Files {
				if af.Name == "input.html" {
					f.Add(af.Data)
				}
			}
		}
	}
	f.Add([]byte("<p>a<script>b</script>c</p>"))
	f.Add([]byte("<table><tr><td><div><p>x, y. z</p></div></td></tr></table>"))
	const marker = "QZXSCRIPTQZX"
	f.Fuzz(func(t *testing.T, page []byte) {
		if bytes.Contains(bytes.ToUpper(page), []byte("QZX")) {
			t.Skip()
		}
		doc, err := html.Parse(bytes.NewReader(page))
		if err != nil {
			return
		}
		markScripts(doc, marker)
		got := mainText(doc, DefaultOptions())
		if strings.Contains(got, marker) {
			t.Errorf("mainText(%q) holds script or style text: %q", page, got)
		}
	})
}

// markScripts replaces the text inside every script and style element.
func markScripts(n *html.Node, marker string) {
	if n.Type == html.ElementNode && (n.DataAtom == atom.Script || n.DataAtom == atom.Style) {
		n.FirstChild, n.LastChild = nil, nil
		n.AppendChild(&html.Node{Type: html.TextNode, Data: marker + " with some, longer. text " + marker})
		return
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		markScripts(c, marker)
	}
}

// BenchmarkHTML runs HTML, parsing included, over the pages of
// ../shared/eval/extraction, one page per iteration.
func BenchmarkHTML(b *testing.B) {
	pages, err := eval.LoadExtraction(extractionSet(b))
	if err != nil {
		b.Fatal(err)
	}
	opts := DefaultOptions()
	var size int64
	b.ReportAllocs()
	b.ResetTimer()
	start := time.Now()
	for i := 0; i < b.N; i++ {
		p := pages[i%len(pages)]
		size += int64(len(p.HTML))
		_, _ = HTML(p.HTML, p.URL, opts)
	}
	sec := time.Since(start).Seconds()
	b.ReportMetric(float64(size)/1e6/sec, "MB/s")
	b.ReportMetric(float64(b.N)/sec, "pages/s")
}

// BenchmarkMainText measures mainText alone on pages parsed beforehand.
func BenchmarkMainText(b *testing.B) {
	pages, err := eval.LoadExtraction(extractionSet(b))
	if err != nil {
		b.Fatal(err)
	}
	docs := make([]*html.Node, len(pages))
	for i, p := range pages {
		if docs[i], err = html.Parse(bytes.NewReader(p.HTML)); err != nil {
			b.Fatal(err)
		}
	}
	opts := DefaultOptions()
	b.ReportAllocs()
	b.ResetTimer()
	start := time.Now()
	for i := 0; i < b.N; i++ {
		mainText(docs[i%len(docs)], opts)
	}
	b.ReportMetric(float64(b.N)/time.Since(start).Seconds(), "pages/s")
}

func TestWordsHint(t *testing.T) {
	tests := []struct {
		in   string
		want int8
	}{
		{"entry-content", 1},
		{"comment-body", -2},
		{"comments-area post-comments", -2},
		{"story-body has-share-bar", 0},
		{"sr-only", -1},
		{"header", 0}, // "ad" only as a whole word
		{"ad-slot", -1},
		{"image-wrap social-bar", -2},
		{"col-md-8", 0},
		{"", 0},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := wordsHint(tt.in); got != tt.want {
				t.Errorf("wordsHint(%q) = %d, want %d", tt.in, got, tt.want)
			}
		})
	}
}
