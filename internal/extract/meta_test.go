package extract

import (
	"bytes"
	"net/url"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/tools/txtar"

	"github.com/storydesk/storydesk/internal/eval"
)

func TestSplitAuthors(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string
	}{
		{"by and comma", "By Anna Fink, Jan Marchart and Birgit Baumann", []string{"Anna Fink", "Jan Marchart", "Birgit Baumann"}},
		{"german von und", "Von Felix Schröder und Jörg Soldwisch, dpa", []string{"Felix Schröder", "Jörg Soldwisch", "dpa"}},
		{"date after separator", "Von Felix Schröder | 16.05.2024, 11:26 Uhr", []string{"Felix Schröder"}},
		{"date without separator", "von Jemima Kelly 05. November 2024 15:36 Uhr", []string{"Jemima Kelly"}},
		{"label before lead", "capital von Jemima Kelly", []string{"Jemima Kelly"}},
		{"role after comma", "John Smith, Senior Correspondent", []string{"John Smith"}},
		{"agency kept", "Associated Press", []string{"Associated Press"}},
		{"desk credit kept", "MND Staff", []string{"MND Staff"}},
		{"initials aside", "Elena Oberholzer (obe), Oliver Maksan (oma)", []string{"Elena Oberholzer", "Oliver Maksan"}},
		{"photo credit", "(Image: Getty Images/iStockphoto)", nil},
		{"email dropped", "Jane Doe, jane.doe@example.com", []string{"Jane Doe"}},
		{"french par et", "Par Anne Dupont et AFP", []string{"Anne Dupont", "AFP"}},
		{"spanish por y", "Por Chus del Pino y Martí Abad", []string{"Chus del Pino", "Martí Abad"}},
		{"korean role suffix", "신현주 기자", []string{"신현주"}},
		{"updated line", "Updated 3 hours ago", nil},
		{"empty", "  ", nil},
		{"name with von kept", "Ursula von der Leyen", []string{"Ursula von der Leyen"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := splitAuthors(tc.in); !slices.Equal(got, tc.want) {
				t.Errorf("splitAuthors(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestCleanTitle(t *testing.T) {
	site := siteNames("www.lesothotimes.com", "Lesotho Times")
	tests := []struct {
		name, in string
		site     []string
		want     string
	}{
		{"pipe site", "Mining blasts shatter homes | Lesotho Times", site, "Mining blasts shatter homes"},
		{"dash host", "Mining blasts shatter homes - lesothotimes.com", site, "Mining blasts shatter homes"},
		{"site first", "Lesotho Times – Mining blasts shatter homes", site, "Mining blasts shatter homes"},
		{"dash inside headline kept", "Rückschlag im Titelkampf - Liverpool verliert bei Everton", siteNames("www.sportschau.de", "sportschau.de"), "Rückschlag im Titelkampf - Liverpool verliert bei Everton"},
		{"short label after pipe", "Five key policies announced in the King's Speech | Politics News", nil, "Five key policies announced in the King's Speech"},
		{"two site segments", "Sweden tells households how to survive | World News | Metro News", siteNames("metro.co.uk", "Metro"), "Sweden tells households how to survive"},
		{"unspaced korean", "민주당 도입 또다시 불발ㅣ한국일보", []string{"한국일보"}, "민주당 도입 또다시 불발"},
		{"unspaced hyphen inside word", "Ausschreibungen über 11 Millionen US-Dollar - Wochenblatt", []string{"Wochenblatt"}, "Ausschreibungen über 11 Millionen US-Dollar"},
		{"fullwidth colon", "気象庁が注意報：朝日新聞デジタル", []string{"朝日新聞デジタル"}, "気象庁が注意報"},
		{"hyphenated word kept", "Streeck warnt vor Kokain-Verherrlichung", []string{"Berliner Morgenpost"}, "Streeck warnt vor Kokain-Verherrlichung"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := cleanTitle(tc.in, tc.site); got != tc.want {
				t.Errorf("cleanTitle(%q, %q) = %q, want %q", tc.in, tc.site, got, tc.want)
			}
		})
	}
}

func TestPickURL(t *testing.T) {
	tests := []struct {
		name, page, canonical, og, want string
	}{
		{"relative canonical", "https://a.test/x/1?utm=rss", "/x/1", "", "https://a.test/x/1"},
		{"home page canonical ignored", "https://a.test/x/1", "https://a.test/", "https://a.test/x/1-story", "https://a.test/x/1-story"},
		{"non-http ignored", "https://a.test/x/1", "javascript:void(0)", "", "https://a.test/x/1"},
		{"nothing given", "https://a.test/x/1", "", "", "https://a.test/x/1"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f := &pageFacts{canonical: tc.canonical, meta: map[string][]string{}}
			if tc.og != "" {
				f.meta["og:url"] = []string{tc.og}
			}
			base, _ := url.Parse(tc.page)
			if got := pickURL(f, ldFacts{}, base, tc.page); got != tc.want {
				t.Errorf("pickURL = %q, want %q", got, tc.want)
			}
		})
	}
}

func TestLanguageCode(t *testing.T) {
	tests := []struct{ in, want string }{
		{"de-DE", "de"}, {"en_GB", "en"}, {"EN", "en"}, {"deu", "de"}, {"nb-NO", "no"}, {"x-klingon", ""}, {"", ""},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			if got := languageCode(tc.in); got != tc.want {
				t.Errorf("languageCode(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestReadJSONLD(t *testing.T) {
	tests := []struct {
		name    string
		blocks  []string
		head    string
		pub     string
		authors []string
		org     bool
	}{
		{
			name:   "graph with id reference",
			blocks: []string{`{"@context":"https://schema.org","@graph":[{"@type":"WebPage","@id":"#p"},{"@type":"Person","@id":"#a","name":"Ann Lee"},{"@type":"NewsArticle","headline":"H &amp; I","datePublished":"2025-01-02T03:04:05Z","author":{"@id":"#a"}}]}`},
			head:   "H & I", pub: "2025-01-02T03:04:05Z", authors: []string{"Ann Lee"},
		},
		{
			name:   "raw newline and trailing comma",
			blocks: []string{"{\"@type\":\"Article\",\"headline\":\"Line\none\",\"author\":[{\"@type\":\"Person\",\"name\":\"A B\"},],}"},
			head:   "Line one", authors: []string{"A B"},
		},
		{
			name:   "list type and organisation author",
			blocks: []string{`[{"@type":["ReportageNewsArticle"],"headline":"X","author":{"@type":"Organization","name":"Der Standard"}}]`},
			head:   "X", authors: []string{"Der Standard"}, org: true,
		},
		{
			name:   "two objects in one block, html comment",
			blocks: []string{`<!-- {"@type":"Organization","name":"O"} {"@type":"BlogPosting","name":"Named","creator":"C D"} -->`},
			head:   "Named", authors: []string{"C D"},
		},
		{
			name: "related article listed first, own one by url",
			blocks: []string{`{"@type":"ItemList","itemListElement":[{"@type":"NewsArticle","headline":"Other","url":"https://x.test/other"}]}`,
				`{"@type":"NewsArticle","headline":"Own","mainEntityOfPage":{"@id":"https://x.test/own#main"}}`},
			head: "Own",
		},
		{"garbage", []string{`{"@type":"NewsArticle", "headline": `}, "", "", nil, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ld := readJSONLD(tc.blocks, "https://x.test/own?utm=1")
			if ld.headline != tc.head || ld.published != tc.pub || !slices.Equal(ld.authors, tc.authors) || ld.orgAuthors != tc.org {
				t.Errorf("got headline %q published %q authors %q org %v; want %q %q %q %v",
					ld.headline, ld.published, ld.authors, ld.orgAuthors, tc.head, tc.pub, tc.authors, tc.org)
			}
		})
	}
}

// TestMetadataCases runs the txtar cases in testdata/meta: each has a page
// ("page.html"), its address in the header's first "url:" line, and the
// fields wanted ("want"), one "field: value" per line; authors are
// separated by " ; ".
func TestMetadataCases(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "meta", "*.txtar"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatal("no cases in testdata/meta")
	}
	for _, name := range files {
		t.Run(strings.TrimSuffix(filepath.Base(name), ".txtar"), func(t *testing.T) {
			ar, err := txtar.ParseFile(name)
			if err != nil {
				t.Fatal(err)
			}
			var page, want []byte
			for _, f := range ar.Files {
				switch f.Name {
				case "page.html":
					page = f.Data
				case "want":
					want = f.Data
				}
			}
			pageURL := ""
			for _, line := range strings.Split(string(ar.Comment), "\n") {
				if v, ok := strings.CutPrefix(line, "url:"); ok {
					pageURL = strings.TrimSpace(v)
				}
			}
			doc, err := html.Parse(bytes.NewReader(page))
			if err != nil {
				t.Fatal(err)
			}
			a := metadata(doc, pageURL, DefaultOptions())
			got := map[string]string{
				"title": a.Title, "byline": a.Byline, "authors": strings.Join(a.Authors, " ; "),
				"published": a.Published.String(), "outlet": a.Outlet, "url": a.URL, "language": a.Language,
			}
			for _, line := range strings.Split(strings.TrimSpace(string(want)), "\n") {
				k, v, ok := strings.Cut(line, ":")
				if !ok {
					t.Fatalf("want line %q has no colon", line)
				}
				k, v = strings.TrimSpace(k), strings.TrimSpace(v)
				g, known := got[k]
				if !known {
					t.Fatalf("want names unknown field %q", k)
				}
				if g != v {
					t.Errorf("%s = %q, want %q", k, g, v)
				}
			}
		})
	}
}

// FuzzMetadata checks that metadata never panics on any page, and that
// what it returns is well formed: a parseable date and no empty author.
func FuzzMetadata(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("testdata", "meta", "*.txtar"))
	for _, name := range files {
		if ar, err := txtar.ParseFile(name); err == nil {
			for _, file := range ar.Files {
				if file.Name == "page.html" {
					f.Add(file.Data)
				}
			}
		}
	}
	f.Add([]byte(`<script type="application/ld+json">{"@graph":[{"@type":"NewsArticle","author":[{"@id":"x"}],"datePublished":["2025"]}]}</script>`))
	f.Fuzz(func(t *testing.T, page []byte) {
		doc, err := html.Parse(bytes.NewReader(page))
		if err != nil {
			return
		}
		a := metadata(doc, "https://example.com/2025/01/02/x", DefaultOptions())
		if s := a.Published.String(); s != "" {
			if _, ok := parseDate(s); !ok {
				t.Fatalf("published %q does not re-parse", s)
			}
		}
		for _, n := range a.Authors {
			if strings.TrimSpace(n) == "" {
				t.Fatalf("empty author in %q", a.Authors)
			}
		}
	})
}

// BenchmarkMetadata measures parsing plus metadata over the development
// set when it is present, else over the txtar cases' pages.
func BenchmarkMetadata(b *testing.B) {
	var pages [][]byte
	if set, err := metadataSetDir(); err == nil {
		ps, err := eval.LoadMetadata(set)
		if err != nil {
			b.Fatal(err)
		}
		for _, p := range ps {
			pages = append(pages, p.HTML)
		}
	} else {
		files, _ := filepath.Glob(filepath.Join("testdata", "meta", "*.txtar"))
		for _, name := range files {
			ar, err := txtar.ParseFile(name)
			if err != nil {
				b.Fatal(err)
			}
			for _, f := range ar.Files {
				if f.Name == "page.html" {
					pages = append(pages, f.Data)
				}
			}
		}
	}
	var total int
	for _, p := range pages {
		total += len(p)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		for _, p := range pages {
			doc, err := html.Parse(bytes.NewReader(p))
			if err != nil {
				b.Fatal(err)
			}
			metadata(doc, "https://example.com/", DefaultOptions())
		}
	}
	if sec := b.Elapsed().Seconds(); sec > 0 {
		b.ReportMetric(float64(b.N*len(pages))/sec, "pages/s")
		b.ReportMetric(float64(b.N*total)/sec/1e6, "MB/s")
	}
}

func TestBylineElemNames(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string
	}{
		{"role in sibling span", `<div class="byline"><span>Emma Mackenzie</span><span>Lifestyle Writer</span></div>`, []string{"Emma Mackenzie"}},
		{"author links", `<div class="byline">By <a href="/author/jane-roe">Jane Roe</a> and <a href="/author/raj">Raj Patel</a> | <a href="/news">News</a></div>`, []string{"Jane Roe", "Raj Patel"}},
		{"social link skipped", `<div class="author"><a href="https://twitter.com/jr">Follow Jane</a> <a href="/people/jane-roe">Jane Roe</a></div>`, []string{"Jane Roe"}},
		{"text wins when it holds the links", `<p class="byline">By STEVE PEOPLES, <a href="/author/tb">THOMAS BEAUMONT</a> and AMELIA THOMSON-DEVEAUX</p>`, []string{"STEVE PEOPLES", "THOMAS BEAUMONT", "AMELIA THOMSON-DEVEAUX"}},
		{"label before lead word", `<div class="author-line"><span>capital</span> <span>von Jemima Kelly</span> <span>05. November 2024</span></div>`, []string{"Jemima Kelly"}},
		{"names across pieces", `<div class="byline"><span>Anna Berger</span><span>und</span><span>Tom Krause</span><time>12:00</time></div>`, []string{"Anna Berger", "Tom Krause"}},
		{"no names", `<div class="byline"><span>Updated 3 hours ago</span></div>`, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doc, err := html.Parse(strings.NewReader(tc.in))
			if err != nil {
				t.Fatal(err)
			}
			f := gatherFacts(doc)
			if len(f.bylines) == 0 {
				t.Fatalf("no byline element found in %s", tc.in)
			}
			if got := f.bylines[0].names; !slices.Equal(got, tc.want) {
				t.Errorf("names in %s = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}
