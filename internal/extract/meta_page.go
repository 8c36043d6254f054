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
	if h1At >= 0 {
		// What follows the headline comes first: dates above it are as
		// often other articles' as its own.
		start := max(0, h1At-headerBefore)
		end := min(len(s), h1At+headerAfter)
		f.headerText = cleanSpace(strings.ToValidUTF8(s[h1At:end], "")) + "\n" +
			cleanSpace(strings.ToValidUTF8(s[start:h1At], ""))
	} else {
		f.headerText = cleanSpace(strings.ToValidUTF8(s[:min(len(s), headerAfter)], ""))
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
