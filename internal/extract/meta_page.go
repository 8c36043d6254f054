package extract

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// pageFacts is what one walk over the page gathers for the metadata
// fields: the head's meta and link tags, JSON-LD blocks, headline and
// byline elements, <time> elements and the visible text around the first
// headline.
type pageFacts struct {
	lang      string
	title     string   // <title>
	h1        []string // visible <h1> texts in order
	meta      map[string][]string
	canonical string
	jsonld    []string
	times     []timeElem
	// bylines are elements marked as bylines or authors by class, id, rel
	// or itemprop, in document order.
	bylines []bylineElem
	// headerText is visible text from a little before the first <h1> to
	// some way after it, where pages print the date and byline.
	headerText string
}

// bylineElem is a byline element's text and the names read from it.
type bylineElem struct {
	text  string
	names []string
}

// socialHosts mark links to a profile elsewhere, not to the author's page.
var socialHosts = []string{"mailto:", "twitter.com", "x.com/", "facebook.com", "instagram.com", "linkedin.com", "bsky.app", "threads.net"}

// bylineElemNames reads the names in a byline element. Linked names (to
// author pages) are the clearest; otherwise the element's text is read
// piece by piece, its child elements apart, so that a role or date in a
// sibling <span> ("Jane Roe" "Senior Writer") does not run into the name.
func bylineElemNames(n *html.Node) []string {
	var linked, authorLinked []string
	var links func(*html.Node)
	links = func(c *html.Node) {
		if c.Type == html.ElementNode && c.DataAtom == atom.A {
			href := strings.ToLower(attr(c, "href"))
			for _, h := range socialHosts {
				if strings.Contains(href, h) {
					return
				}
			}
			for _, name := range splitAuthors(nodeText(c)) {
				switch {
				case authorHref(href):
					authorLinked = append(authorLinked, name)
				case nameShaped(name):
					linked = append(linked, name)
				}
			}
			return
		}
		for k := c.FirstChild; k != nil; k = k.NextSibling {
			links(k)
		}
	}
	links(n)
	if len(authorLinked) > 0 {
		linked = authorLinked
	}
	read := readPieces(textPieces(n))
	// Some bylines link only some of their names: the text reading wins
	// when it holds every linked name.
	if len(linked) == 0 || len(read) > len(linked) && containsAll(read, linked) {
		return read
	}
	return dedupeNames(linked)
}

// authorHref reports whether a link goes to an author's page.
func authorHref(href string) bool {
	for _, m := range []string{"/author", "/autor", "/auteur", "/profile", "/people/", "/person/", "/journalist", "/redaktion/", "/staff/", "/writer", "/by/", "/reporter", "/contributor", "/team/"} {
		if strings.Contains(href, m) {
			return true
		}
	}
	return false
}

// nameShaped reports whether s looks like a person's name: two to five
// words, each starting with a capital letter (particles such as "de" or
// "von" aside).
func nameShaped(s string) bool {
	words := strings.Fields(s)
	if len(words) < 2 || len(words) > 5 {
		return false
	}
	for _, w := range words {
		if !startsUpper(w) && !nameParticles[w] {
			return false
		}
	}
	return true
}

// nameParticles are lower-case words inside names.
var nameParticles = map[string]bool{"de": true, "da": true, "del": true, "della": true, "der": true, "van": true, "von": true, "zu": true, "du": true, "la": true, "le": true, "dos": true, "das": true, "di": true, "bin": true, "al": true, "el": true, "ten": true, "ter": true}

func containsAll(names, subset []string) bool {
	have := make(map[string]bool, len(names))
	for _, n := range names {
		have[strings.ToLower(n)] = true
	}
	for _, n := range subset {
		if !have[strings.ToLower(n)] {
			return false
		}
	}
	return true
}

// readPieces reads names from a byline's text pieces: the first piece that
// names someone, and further pieces joined to it by "and" or a comma.
func readPieces(pieces []string) []string {
	var names []string
	joined := true // the next piece may add names: at start or after "and"
	for _, piece := range pieces {
		if first, _, _ := strings.Cut(piece, " "); leadWords[strings.ToLower(first)] {
			// "capital" "von Jemima Kelly": what came before the lead
			// word was a label.
			names, joined = nil, true
		}
		if isConnector(piece) {
			joined = len(names) > 0
			continue
		}
		if first, rest, ok := strings.Cut(piece, " "); ok && isConnector(first) && len(names) > 0 {
			piece, joined = rest, true // "and AMELIA THOMSON-DEVEAUX"
		}
		ns := splitAuthors(piece)
		switch {
		case len(ns) > 0 && (joined || len(names) == 0):
			names = append(names, ns...)
			joined = strings.HasSuffix(piece, ",")
		case len(names) > 0:
			return dedupeNames(names)
		}
	}
	return dedupeNames(names)
}

// connectors join names across pieces of a byline.
var connectors = map[string]bool{",": true, "and": true, "und": true, "&": true, "et": true, "y": true, "e": true, "og": true, "och": true, "i": true, "en": true, "ve": true, "и": true, "oraz": true}

func isConnector(piece string) bool {
	return connectors[strings.ToLower(strings.TrimSpace(piece))]
}

// textPieces returns the text of n split at element boundaries, each piece
// with its whitespace collapsed, empty ones dropped.
func textPieces(n *html.Node) []string {
	var pieces []string
	var b strings.Builder
	flush := func() {
		if t := cleanSpace(b.String()); t != "" {
			pieces = append(pieces, t)
		}
		b.Reset()
	}
	var walk func(*html.Node)
	walk = func(c *html.Node) {
		switch c.Type {
		case html.TextNode:
			b.WriteString(c.Data)
			return
		case html.ElementNode:
			switch c.DataAtom {
			case atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Svg:
				return
			}
			flush()
		}
		for k := c.FirstChild; k != nil; k = k.NextSibling {
			walk(k)
		}
		if c.Type == html.ElementNode {
			flush()
		}
	}
	walk(n)
	flush()
	return pieces
}

// timeElem is a <time> element or an element with itemprop datePublished.
type timeElem struct {
	value     string // datetime or content attribute, else the text
	published bool   // marked as the publication time (itemprop, pubdate, class)
	modified  bool
	afterH1   bool
}

// headerWindow bounds headerText: characters kept before and after the
// first headline.
const (
	headerBefore = 400
	headerAfter  = 1500
)

// bylineMarks are class/id fragments of elements that hold a byline.
var bylineMarks = []string{"byline", "author", "autor", "auteur", "writer", "creator", "verfasser"}

// bylineNoise are class/id fragments that disqualify an author-marked
// element: author bios, boxes and avatars rather than the credit line.
var bylineNoise = []string{"bio", "avatar", "image", "img", "photo", "social", "follow", "more", "related", "description", "about", "twitter", "mail", "comment"}

// gatherFacts walks the page once.
func gatherFacts(doc *html.Node) *pageFacts {
	f := &pageFacts{meta: make(map[string][]string)}
	var text strings.Builder
	h1At := -1
	var walk func(n *html.Node, inHead bool)
	walk = func(n *html.Node, inHead bool) {
		switch n.Type {
		case html.TextNode:
			if !inHead && (h1At < 0 || text.Len() < h1At+headerAfter) {
				text.WriteString(n.Data)
			}
			return
		case html.ElementNode:
		default:
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				walk(c, inHead)
			}
			return
		}
		switch n.DataAtom {
		case atom.Html:
			if v := attr(n, "lang"); v != "" {
				f.lang = v
			} else if v := attr(n, "xml:lang"); v != "" {
				f.lang = v
			}
		case atom.Head:
			inHead = true
		case atom.Title:
			if f.title == "" {
				f.title = nodeText(n)
			}
			return
		case atom.Meta:
			f.addMeta(n)
			return
		case atom.Link:
			if hasToken(attr(n, "rel"), "canonical") && f.canonical == "" {
				f.canonical = attr(n, "href")
			}
			return
		case atom.Script:
			if strings.Contains(strings.ToLower(attr(n, "type")), "ld+json") {
				f.jsonld = append(f.jsonld, scriptText(n))
			}
			return
		case atom.Style, atom.Noscript, atom.Template, atom.Svg:
			return
		case atom.H1:
			if t := cleanSpace(nodeText(n)); t != "" {
				f.h1 = append(f.h1, t)
				if h1At < 0 {
					h1At = text.Len()
				}
			}
		case atom.Time:
			v := attr(n, "datetime")
			if v == "" {
				v = nodeText(n)
			}
			f.times = append(f.times, f.timeElem(n, v, h1At >= 0))
		}
		if ip := attr(n, "itemprop"); ip != "" && n.DataAtom != atom.Time {
			switch strings.ToLower(ip) {
			case "datepublished", "datecreated":
				v := attr(n, "content")
				if v == "" {
					v = attr(n, "datetime")
				}
				if v == "" {
					v = nodeText(n)
				}
				f.times = append(f.times, timeElem{value: v, published: true, afterH1: h1At >= 0})
			}
		}
		if !inHead && isBylineElem(n) {
			if t := cleanSpace(nodeText(n)); t != "" && len(t) < 300 {
				f.bylines = append(f.bylines, bylineElem{text: t, names: bylineElemNames(n)})
			}
		}
		block := blockTags[n.DataAtom]
		if block {
			text.WriteString("\n")
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, inHead)
		}
		if block {
			text.WriteString("\n")
		}
	}
	walk(doc, false)
	s := text.String()
	start, end := 0, len(s)
	if h1At >= 0 {
		// What follows the headline comes first: dates above it are as
		// often other articles' as its own.
		start = max(0, h1At-headerBefore)
		end = min(len(s), h1At+headerAfter)
		f.headerText = cleanSpace(strings.ToValidUTF8(s[h1At:end], "")) + "\n" +
			cleanSpace(strings.ToValidUTF8(s[start:h1At], ""))
	} else {
		end = min(len(s), headerAfter)
		f.headerText = cleanSpace(strings.ToValidUTF8(s[start:end], ""))
	}
	return f
}

func (f *pageFacts) timeElem(n *html.Node, v string, afterH1 bool) timeElem {
	te := timeElem{value: v, afterH1: afterH1}
	ip := strings.ToLower(attr(n, "itemprop"))
	cls := strings.ToLower(attr(n, "class") + " " + attr(n, "id"))
	switch {
	case ip == "datepublished" || ip == "datecreated" || hasAttr(n, "pubdate") ||
		strings.Contains(cls, "publish") || strings.Contains(cls, "pubdate"):
		te.published = true
	case ip == "datemodified" || strings.Contains(cls, "modif") || strings.Contains(cls, "update"):
		te.modified = true
	}
	return te
}

// addMeta records a <meta> under each of its name, property, itemprop and
// http-equiv keys, lower-cased.
func (f *pageFacts) addMeta(n *html.Node) {
	content, ok := attrOK(n, "content")
	if !ok {
		if v := attr(n, "charset"); v != "" {
			return
		}
		content = attr(n, "value")
	}
	content = strings.TrimSpace(content)
	if content == "" {
		return
	}
	for _, k := range []string{"name", "property", "itemprop", "http-equiv"} {
		if key := strings.ToLower(strings.TrimSpace(attr(n, k))); key != "" {
			f.meta[key] = append(f.meta[key], content)
		}
	}
}

// first returns the first value of the first key present.
func (f *pageFacts) first(keys ...string) string {
	for _, k := range keys {
		if vs := f.meta[k]; len(vs) > 0 {
			return vs[0]
		}
	}
	return ""
}

func isBylineElem(n *html.Node) bool {
	if hasToken(strings.ToLower(attr(n, "rel")), "author") {
		return true
	}
	if ip := strings.ToLower(attr(n, "itemprop")); ip == "author" || ip == "creator" {
		return true
	}
	switch n.DataAtom {
	case atom.Img, atom.Picture, atom.Figure, atom.Ul, atom.Ol, atom.Form, atom.Section, atom.Article, atom.Main, atom.Body:
		return false
	}
	mark := strings.ToLower(attr(n, "class") + " " + attr(n, "id") + " " + attr(n, "data-testid"))
	if mark == "  " {
		return false
	}
	found := false
	for _, m := range bylineMarks {
		if strings.Contains(mark, m) {
			found = true
			break
		}
	}
	if !found {
		return false
	}
	for _, m := range bylineNoise {
		if strings.Contains(mark, m) {
			return false
		}
	}
	return true
}

func attr(n *html.Node, key string) string {
	v, _ := attrOK(n, key)
	return v
}

func attrOK(n *html.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if a.Namespace == "" && strings.EqualFold(a.Key, key) {
			return a.Val, true
		}
	}
	return "", false
}

func hasAttr(n *html.Node, key string) bool {
	_, ok := attrOK(n, key)
	return ok
}

// hasToken reports whether the space-separated list holds tok.
func hasToken(list, tok string) bool {
	for _, t := range strings.Fields(list) {
		if strings.EqualFold(t, tok) {
			return true
		}
	}
	return false
}

// nodeText is the text under n, scripts and styles excluded.
func nodeText(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
			return
		}
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Style, atom.Noscript, atom.Template, atom.Script:
				return
			}
			if blockTags[n.DataAtom] {
				b.WriteString(" ")
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}

// scriptText is the raw text inside a <script>.
func scriptText(n *html.Node) string {
	var b strings.Builder
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.TextNode {
			b.WriteString(c.Data)
		}
	}
	return b.String()
}

// cleanSpace collapses whitespace runs (no-break spaces included) to one
// space and trims.
func cleanSpace(s string) string {
	return strings.Join(strings.Fields(strings.ReplaceAll(s, "\u00a0", " ")), " ")
}
