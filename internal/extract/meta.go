package extract

import (
	"net/url"
	"regexp"
	"strings"
	"time"

	"golang.org/x/net/html"

	"github.com/storydesk/storydesk/internal/model"
)

// metadata reads title, byline, authors, date, outlet, canonical URL and
// language. Each field is taken from the first source that gives it, in
// the order the source is reliable: JSON-LD, OpenGraph and article:*
// meta, other meta, marked-up elements, the URL, and visible text.
func metadata(doc *html.Node, pageURL string, opts Options) model.Article {
	f := gatherFacts(doc)
	ld := readJSONLD(f.jsonld, pageURL, f.canonical, f.first("og:url"))
	base, _ := url.Parse(pageURL)
	var a model.Article
	a.URL = pickURL(f, ld, base, pageURL)
	a.Outlet = pickOutlet(f, ld, base)
	host := ""
	if base != nil {
		host = base.Hostname()
	}
	site := siteNames(host, a.Outlet, f.first("og:site_name"), f.first("application-name"), ld.publisher)
	a.Title = pickTitle(f, ld, site)
	a.Byline, a.Authors = pickAuthors(f, ld, site)
	a.Published = pickPublished(f, ld, pageURL, opts.Reference)
	a.Language = pickLanguage(f, ld)
	return a
}

// pickURL prefers the canonical link, then og:url, then JSON-LD's url,
// resolved against the page's address.
func pickURL(f *pageFacts, ld ldFacts, base *url.URL, pageURL string) string {
	for _, c := range []string{f.canonical, f.first("og:url"), ld.url} {
		c = strings.TrimSpace(c)
		if c == "" {
			continue
		}
		u, err := url.Parse(c)
		if err != nil {
			continue
		}
		if base != nil {
			u = base.ResolveReference(u)
		}
		if u.Scheme != "http" && u.Scheme != "https" {
			continue
		}
		if (u.Path == "" || u.Path == "/") && base != nil && len(base.Path) > 1 {
			continue // a site-wide canonical pointing at the home page
		}
		return u.String()
	}
	return pageURL
}

// pickOutlet: og:site_name, JSON-LD publisher, application-name, then the
// host without "www.".
func pickOutlet(f *pageFacts, ld ldFacts, base *url.URL) string {
	for _, c := range []string{f.first("og:site_name"), ld.publisher, f.first("application-name", "apple-mobile-web-app-title", "publisher", "dc.publisher")} {
		if c = cleanSpace(c); c != "" && len(c) < 100 {
			return c
		}
	}
	if base != nil {
		return strings.TrimPrefix(base.Hostname(), "www.")
	}
	return ""
}

// authorMetaKeys are meta names that hold author names.
var authorMetaKeys = []string{"author", "article:author", "parsely-author", "sailthru.author", "dc.creator", "dcterms.creator", "byl", "citation_author", "twitter:data1"}

// pickAuthors returns the byline and its names: JSON-LD authors, then
// author meta tags, then elements marked as bylines. A source that credits
// only the site itself ("STERN.de", an Organization author) gives way to a
// later one that names people, and is kept when none does.
func pickAuthors(f *pageFacts, ld ldFacts, site []string) (string, []string) {
	var sources [][]string
	var ldNames []string
	for _, n := range ld.authors {
		ldNames = append(ldNames, splitAuthors(n)...)
	}
	sources = append(sources, ldNames)
	var metaNames []string
	for _, k := range authorMetaKeys {
		for _, v := range f.meta[k] {
			if !strings.Contains(v, "://") {
				metaNames = append(metaNames, splitAuthors(v)...)
			}
		}
		if len(metaNames) > 0 {
			break
		}
	}
	sources = append(sources, metaNames)
	byline := ""
	var bylineNames []string
	for _, b := range f.bylines {
		if len(b.names) > 0 {
			byline, bylineNames = b.text, b.names
			break
		}
	}
	sources = append(sources, bylineNames)
	var names, fallback []string
	for i, src := range sources {
		if len(src) == 0 {
			continue
		}
		siteOnly := len(dropSiteCredits(src, site)) == 0 || i == 0 && ld.orgAuthors
		if fallback != nil && i == 2 && !allNameShaped(src) {
			// A byline element overrides a site credit only with
			// people's names, not with desk codes or labels.
			continue
		}
		if !siteOnly {
			names = src
			if i > 0 {
				// A meta or byline list that adds the site to
				// people's names repeats the obvious.
				names = dropSiteCredits(src, site)
			}
			break
		}
		if fallback == nil {
			fallback = src
		}
	}
	if names == nil {
		names = fallback
	}
	names = dedupeNames(names)
	// The visible byline is kept when it credits the names chosen (it may
	// belong to another article on the page otherwise).
	if byline != "" && !overlaps(bylineNames, names) || byline == "" && len(names) > 0 {
		byline = strings.Join(names, ", ")
	}
	return byline, names
}

func overlaps(a, b []string) bool {
	for _, x := range a {
		for _, y := range b {
			if strings.EqualFold(x, y) {
				return true
			}
		}
	}
	return false
}

func allNameShaped(names []string) bool {
	for _, n := range names {
		if !nameShaped(n) {
			return false
		}
	}
	return len(names) > 0
}

// dropSiteCredits removes names that name the site; nil when none remain.
func dropSiteCredits(names []string, site []string) []string {
	var out []string
	for _, n := range names {
		if !namesSite(n, site) {
			out = append(out, n)
		}
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// publishedMetaKeys are meta names holding the publication time, most
// specific first.
var publishedMetaKeys = []string{
	"article:published_time", "og:article:published_time", "article:published", "datepublished",
	"published_time", "og:published_time", "publishdate", "publish-date", "publish_date",
	"pubdate", "publication_date", "date.published", "dc.date.issued", "dcterms.issued",
	"dc.date", "dcterms.date", "dc.date.created", "dcterms.created", "date", "sailthru.date",
	"parsely-pub-date", "article.published", "article_date_original", "cxenseparse:recs:publishtime",
	"og:pubdate", "bt:pubdate", "originalpublicationdate", "display-date", "dateCreated", "datecreated",
	"creation_date", "created", "release_date", "live_date", "firstpublishedtime", "published-date",
}

// urlDate finds /2025/08/14/, /2025-08-14/ or /20250814/ style dates.
var urlDate = regexp.MustCompile(`/((?:19|20)\d{2})[/-]?(0[1-9]|1[0-2])[/-]?(0[1-9]|[12]\d|3[01])(?:[/_.-]|$)`)

// pickPublished takes the first date found in: JSON-LD datePublished,
// publication meta, <time> marked as published, JSON-LD dateCreated and
// WebPage date, the first <time>, the URL, visible text near the headline,
// and, when ref (the fetch time) is set, a relative age there ("vor 14
// Minuten") or a day and month without a year ("8 января, 17:46").
func pickPublished(f *pageFacts, ld ldFacts, pageURL string, ref time.Time) model.Time {
	cands := []string{ld.published}
	for _, k := range publishedMetaKeys {
		cands = append(cands, f.meta[strings.ToLower(k)]...)
	}
	for _, te := range f.times {
		if te.published {
			cands = append(cands, te.value)
		}
	}
	cands = append(cands, ld.created, ld.pageDate)
	// Unmarked <time>s: those after the headline first; ones before it
	// are as often in lists of other articles.
	for _, after := range []bool{true, false} {
		for _, te := range f.times {
			if !te.modified && !te.published && te.afterH1 == after {
				cands = append(cands, te.value)
			}
		}
	}
	for i, c := range cands {
		if t, ok := parseDate(c); ok {
			return refineDate(t, c, cands[i+1:])
		}
	}
	visible, vok := findVisibleDate(f.headerText)
	if m := urlDate.FindStringSubmatch(pageURL); m != nil {
		if t, ok := buildTime(m[1], m[2], m[3], "", "", "", "", ""); ok {
			// The page may print the same day with its clock time.
			if vok && !visible.DateOnly && visible.Day() == t.Day() {
				return visible
			}
			return t
		}
	}
	if vok {
		return visible
	}
	if ref.IsZero() {
		return model.Time{}
	}
	if age, ok := relativeAge(f.headerText); ok {
		t := ref.Add(-age)
		if age >= 24*time.Hour {
			return model.Date(t.Year(), t.Month(), t.Day())
		}
		return model.At(t.Truncate(time.Second))
	}
	if t, clock, ok := yearlessDate(f.headerText, ref); ok {
		if clock {
			return model.At(t)
		}
		return model.Date(t.Year(), t.Month(), t.Day())
	}
	return model.Time{}
}

// refineDate completes the chosen date from later candidates that say
// the same more fully: a clock time for a bare date, an offset for a time
// written without one.
func refineDate(t model.Time, raw string, later []string) model.Time {
	zoned := hasZone(raw)
	if !t.DateOnly && zoned {
		return t
	}
	for _, c := range later {
		u, ok := parseDate(c)
		if !ok || u.DateOnly || !hasZone(c) && !t.DateOnly {
			continue
		}
		switch {
		case t.DateOnly && u.Day() == t.Day():
			return u
		case !t.DateOnly && sameWallClock(t.Time, u.Time):
			return u
		}
	}
	return t
}

// hasZone reports whether a machine date string carries a UTC offset or
// zone; a bare date or a local date-time does not.
func hasZone(s string) bool {
	s = strings.TrimSpace(s)
	if m := isoDate.FindStringSubmatch(s); m != nil {
		return m[8] != ""
	}
	if m := isoBasic.FindStringSubmatch(s); m != nil {
		return m[7] != ""
	}
	_, ok := parseMachineDate(s)
	return ok
}

func sameWallClock(a, b time.Time) bool {
	return a.Year() == b.Year() && a.YearDay() == b.YearDay() && a.Hour() == b.Hour() && a.Minute() == b.Minute()
}

// languageCodes maps the three-letter and long forms some pages use.
var languageCodes = map[string]string{
	"deu": "de", "ger": "de", "eng": "en", "fra": "fr", "fre": "fr", "spa": "es", "ita": "it",
	"por": "pt", "nld": "nl", "dut": "nl", "swe": "sv", "dan": "da", "nor": "no", "nob": "no",
	"nno": "no", "nb": "no", "nn": "no", "pol": "pl", "ces": "cs", "cze": "cs", "rus": "ru",
	"tur": "tr", "jpn": "ja", "kor": "ko", "zho": "zh", "chi": "zh", "ukr": "uk", "ara": "ar",
	"german": "de", "english": "en", "french": "fr", "spanish": "es",
}

// pickLanguage normalises html lang, content-language, og:locale or
// JSON-LD inLanguage to ISO 639-1.
func pickLanguage(f *pageFacts, ld ldFacts) string {
	for _, c := range []string{f.lang, f.first("content-language", "language", "dc.language"), f.first("og:locale"), ld.language} {
		if code := languageCode(c); code != "" {
			return code
		}
	}
	return ""
}

func languageCode(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	if i := strings.IndexAny(s, "-_,; "); i >= 0 {
		s = s[:i]
	}
	if c, ok := languageCodes[s]; ok {
		return c
	}
	if len(s) == 2 && s[0] >= 'a' && s[0] <= 'z' && s[1] >= 'a' && s[1] <= 'z' {
		return s
	}
	return ""
}
