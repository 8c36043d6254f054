package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// negativeHints in a class or id mark page furniture: sharing, comments,
// related links, promotions, bylines, captions, navigation. A word matches
// when it occurs inside one of the attribute's words ("social-links").
var negativeHints = []string{
	"comment", "share", "sharing", "social", "related", "newsletter", "subscri",
	"signup", "consent", "privacy", "gdpr", "promo", "advert", "sponsor", "byline", "author", "caption",
	"breadcrumb", "popup", "modal", "cookie", "sidebar", "widget", "recommend",
	"footer", "masthead", "toolbar", "outbrain", "taboola", "dateline", "timestamp",
	"pagination", "pager", "rating", "trending", "popular", "readmore", "overlay",
	"disqus", "banner", "navigation", "navbar", "menu", "credit", "tooltip",
	"skip", "print", "tagline", "keywords", "follow", "login", "paywall",
	"teaser", "more-", "onward", "inline-ad", "adslot", "adunit",
}

// negativeWords match only as a whole word of the attribute, being too short
// to match inside others ("ad" is in "head" and "shadow").
var negativeWords = map[string]bool{
	"ad": true, "ads": true, "nav": true, "meta": true, "tags": true, "tag": true,
	"date": true, "aside": true, "share": true, "hide": true, "sr": true,
	"video": true, "photo": true, "image": true, "img": true, "media": true,
	"info": true, "tools": true, "links": true, "more": true, "extra": true,
}

// positiveHints mark containers that usually hold the article text.
var positiveHints = []string{
	"article", "content", "entry", "story", "body", "text", "main", "post",
	"prose", "blog", "paragraph",
}

// elemStat measures one element's subtree.
type elemStat struct {
	text   int32 // visible characters, whitespace runs counted once
	links  int32 // of which inside <a>
	quote  int32 // of which inside <blockquote>
	anchor int32 // <a> elements with text
	punct  int32 // commas and sentence ends
	inline int32 // characters flowing to the parent as inline text
	ilinks int32 // of which inside <a>
	ipunct int32 // punctuation in the inline text
	para   float32
	score  float32 // paragraph scores passed up, halved per level
	adj    float32 // score weighed by link density and hints
	hint   int8    // by class/id: -2 furniture, -1 likely furniture, 0 unknown, +1 content
	hidden bool
	items  bool // a run of short look-alike containers (teasers, comments)
}

// pageStats holds the measures of every element of one page.
type pageStats struct {
	idx   map[*html.Node]int32
	el    []elemStat
	nodes []*html.Node // in document order, parallel to el
	body  *html.Node
	title string // the document's <title>, to recognise it in the body
	buf   []byte // scratch for lowering attribute values
}

func (ps *pageStats) of(n *html.Node) *elemStat {
	i, ok := ps.idx[n]
	if !ok {
		return nil
	}
	return &ps.el[i]
}

// add records n with its stat and returns its index.
func (ps *pageStats) add(n *html.Node, s elemStat) int32 {
	i := int32(len(ps.el))
	ps.el = append(ps.el, s)
	ps.nodes = append(ps.nodes, n)
	ps.idx[n] = i
	return i
}

// bodyStats measures every element of doc in one bottom-up pass.
func bodyStats(doc *html.Node, opts Options) *pageStats {
	ps := &pageStats{idx: make(map[*html.Node]int32, 1024), el: make([]elemStat, 0, 1024), nodes: make([]*html.Node, 0, 1024)}
	ps.measure(doc, false, opts)
	return ps
}

// measure fills n's stat from its children and returns it by value; text
// nodes return their own counts. inFurniture is true below an element
// whose class or id marks furniture (a comment thread), which damps the
// score of every container inside it.
func (ps *pageStats) measure(n *html.Node, inFurniture bool, opts Options) elemStat {
	switch n.Type {
	case html.TextNode:
		c, p := countText(n.Data)
		return elemStat{text: c, inline: c, punct: p, ipunct: p}
	case html.ElementNode, html.DocumentNode:
	default:
		return elemStat{}
	}
	if n.DataAtom == atom.Title && ps.title == "" && n.FirstChild != nil {
		ps.title = n.FirstChild.Data
	}
	if n.Type == html.ElementNode && (droppedTags[n.DataAtom] || isHidden(n)) {
		ps.add(n, elemStat{hidden: true})
		return elemStat{}
	}
	if n.DataAtom == atom.Body && ps.body == nil {
		ps.body = n
	}
	i := ps.add(n, elemStat{})
	var s elemStat
	if n.Type == html.ElementNode && n.DataAtom != atom.Body && n.DataAtom != atom.Html {
		s.hint = classHint(n, &ps.buf)
	}
	below := inFurniture || s.hint < 0
	var childScore float32
	var items, itemText, blocks int32
	var itemTag atom.Atom
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		cs := ps.measure(c, below, opts)
		if c.Type == html.ElementNode && cs.text > 0 {
			blocks++
			// A container whose text sits in blocks inside it, rather
			// than a paragraph of its own, is an item of a list.
			if cs.para == 0 && cs.score > 0 && (items == 0 || c.DataAtom == itemTag) {
				itemTag = c.DataAtom
				items++
				itemText += cs.text
			}
		}
		s.text += cs.text
		s.links += cs.links
		s.quote += cs.quote
		s.anchor += cs.anchor
		s.punct += cs.punct
		s.inline += cs.inline
		s.ilinks += cs.ilinks
		s.ipunct += cs.ipunct
		childScore += cs.para + cs.adj*0.5
	}
	if n.DataAtom == atom.Blockquote {
		s.quote = s.text
	}
	if n.DataAtom == atom.A && s.text > 0 {
		s.anchor++
	}
	if n.DataAtom == atom.A {
		s.links = s.text
		s.ilinks = s.inline
	}
	s.score = childScore
	if blockTags[n.DataAtom] || n.Type == html.DocumentNode {
		// A block ends the inline flow: its inline text is a paragraph.
		if s.inline >= 25 && !furnitureTags[n.DataAtom] {
			ld := float32(s.ilinks) / float32(s.inline)
			s.para = (1 + min(float32(s.ipunct)/2, 5) + min(float32(s.inline)/100, 3)) * (1 - ld)
			if s.hint < 0 {
				s.para *= 0.3
			}
			if n.DataAtom == atom.Tr && s.inline < 200 {
				// A short table row is data, not prose.
				s.para *= 0.3
			}
		}
		s.inline, s.ilinks, s.ipunct = 0, 0, 0
	}
	s.adj = s.score
	// Three or more short look-alike items and little else: a thread of
	// comments or a grid of teasers, not the article's paragraphs.
	if items >= 3 && items*4 >= blocks*3 && itemText/items < 600 {
		s.items = true
		s.adj *= 0.5
	}
	if s.text > 0 {
		s.adj *= 1 - float32(s.links)/float32(s.text)
	}
	// The class prior is modest: a content hint lifts a container a
	// quarter; a furniture hint, its own or an ancestor's, damps it.
	switch {
	case s.hint < 0:
		s.adj *= 0.25
	case s.hint > 0:
		s.adj *= 1.25
	}
	if inFurniture {
		s.adj *= 0.5
	}
	if furnitureTags[n.DataAtom] {
		s.adj *= 0.3
	}
	ps.el[i] = s
	return s
}

// countText counts the visible characters of a text node, a whitespace run
// counting as one, and its commas and sentence ends.
func countText(s string) (chars, punct int32) {
	space := true
	for _, r := range s {
		if unicode.IsSpace(r) {
			if !space {
				chars++
			}
			space = true
			continue
		}
		space = false
		chars++
		switch r {
		case ',', '.', '!', '?', ';', '，', '。', '、', '！', '？', '،':
			punct++
		}
	}
	return chars, punct
}

// isHidden reports whether n is hidden by its attributes.
func isHidden(n *html.Node) bool {
	for _, a := range n.Attr {
		switch a.Key {
		case "hidden":
			return true
		case "aria-hidden":
			if a.Val == "true" {
				return true
			}
		case "style":
			if !strings.Contains(a.Val, "one") && !strings.Contains(a.Val, "ONE") &&
				!strings.Contains(a.Val, "idden") && !strings.Contains(a.Val, "IDDEN") {
				continue
			}
			v := strings.ReplaceAll(strings.ToLower(a.Val), " ", "")
			if strings.Contains(v, "display:none") || strings.Contains(v, "visibility:hidden") {
				return true
			}
		}
	}
	return false
}

// classHint reads n's class, id, role and itemprop: -2 for furniture, -1
// for likely furniture, +1 for content, 0 when they say nothing either way
// (see wordsHint).
func classHint(n *html.Node, buf *[]byte) int8 {
	var hint int8
	for _, a := range n.Attr {
		if a.Key != "class" && a.Key != "id" && a.Key != "role" && a.Key != "itemprop" {
			continue
		}
		b := (*buf)[:0]
		for i := 0; i < len(a.Val); i++ {
			c := a.Val[i]
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			b = append(b, c)
		}
		*buf = b
		switch a.Key {
		case "role":
			switch string(b) {
			case "navigation", "complementary", "banner", "contentinfo", "dialog", "menu":
				return -2
			case "main", "article":
				hint = 1
			}
			continue
		case "itemprop":
			if string(b) == "articlebody" || string(b) == "text" {
				hint = 1
			}
			continue
		}
		if h := wordsHint(string(b)); h < 0 {
			return h
		} else if h > 0 {
			hint = 1
		}
	}
	return hint
}

// wordsHint scores one lowered class or id value: -2 for a furniture word
// inside a name ("comment", "share"), -1 for a short one that only likely
// means furniture ("image", "media"), +1 for a content word. Each
// space-separated name is judged alone, a furniture word winning within a name
// ("comment-body"); across names, content and furniture cancel out
// ("story-body has-share-bar" says nothing either way).
func wordsHint(v string) int8 {
	var pos bool
	var neg int8
	for len(v) > 0 {
		i := strings.IndexAny(v, " \t\n")
		name := v
		if i >= 0 {
			name, v = v[:i], v[i+1:]
		} else {
			v = ""
		}
		switch h := nameHint(name); {
		case h < 0:
			neg = min(neg, h)
		case h > 0:
			pos = true
		}
	}
	switch {
	case neg < 0 && !pos:
		return neg
	case pos && neg == 0:
		return 1
	}
	return 0
}

// nameHint scores one class name or id.
func nameHint(v string) int8 {
	if v == "" {
		return 0
	}
	for _, w := range negativeHints {
		if strings.Contains(v, w) {
			return -2
		}
	}
	start := -1
	for i := 0; i <= len(v); i++ {
		alnum := i < len(v) && (('a' <= v[i] && v[i] <= 'z') || ('0' <= v[i] && v[i] <= '9'))
		if alnum {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			if negativeWords[v[start:i]] {
				return -1
			}
			start = -1
		}
	}
	for _, w := range positiveHints {
		if strings.Contains(v, w) {
			return 1
		}
	}
	return 0
}

// runeLen is the length of s in characters.
func runeLen(s string) int { return utf8.RuneCountInString(s) }
