package extract

import (
	"strings"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// pickRoots returns the content root and the siblings gathered with it, in
// document order; nil when the page has no scored text.
func (ps *pageStats) pickRoots(opts Options) []*html.Node {
	best := -1
	for i := range ps.el {
		n := ps.nodes[i]
		if n.Type != html.ElementNode || ps.el[i].hidden {
			continue
		}
		if best < 0 || ps.el[i].adj > ps.el[best].adj {
			best = i
		}
	}
	if best < 0 || ps.el[best].adj <= 0 {
		if ps.body != nil {
			return []*html.Node{ps.body}
		}
		return nil
	}
	root, top := ps.climb(ps.nodes[best], ps.el[best].adj)
	root = ps.joinCousins(root)
	parent := root.Parent
	if parent == nil || root.DataAtom == atom.Body {
		return []*html.Node{root}
	}
	var roots []*html.Node
	for s := parent.FirstChild; s != nil; s = s.NextSibling {
		if s == root {
			roots = append(roots, s)
			continue
		}
		if s.Type != html.ElementNode || furnitureTags[s.DataAtom] {
			continue
		}
		st := ps.of(s)
		if st == nil || st.hidden || st.hint < 0 || st.text == 0 || st.items {
			continue
		}
		ld := float32(st.links) / float32(st.text)
		switch {
		case st.adj >= top*0.2 && ld < 0.3:
			roots = append(roots, s)
		case st.para > 0 && ld < 0.25 && (st.text >= 80 || st.punct > 0):
			roots = append(roots, s)
		}
	}
	return roots
}

// climb moves the root up to an ancestor, at most four levels above it,
// that scores nearly as well (the article is split into several scored
// blocks, each in its own wrapper), and out of list and table parts, which
// are rarely a whole article.
func (ps *pageStats) climb(root *html.Node, top float32) (*html.Node, float32) {
	for listOrTablePart[root.DataAtom] && root.Parent != nil && root.Parent.Type == html.ElementNode {
		root = root.Parent
	}
	for {
		var next *html.Node
		a := root.Parent
		for k := 0; k < 4 && a != nil && a.Type == html.ElementNode && a.DataAtom != atom.Body; k, a = k+1, a.Parent {
			if st := ps.of(a); st != nil && st.adj >= top*0.75 {
				next = a
				top = max(top, st.adj)
			}
		}
		if next == nil {
			return root, top
		}
		root = next
	}
}

// joinCousins handles an article split into sections that sit each deep
// in its own wrappers: when other elements of the root's tag and class
// carry prose too, the root becomes their nearest common ancestor, if that
// is not much more than them (at most 8 levels up, links under 30%).
func (ps *pageStats) joinCousins(root *html.Node) *html.Node {
	class := classAttr(root)
	rst := ps.of(root)
	if class == "" || rst == nil {
		return root
	}
	depth := func(n *html.Node) int {
		d := 0
		for ; n != nil; n = n.Parent {
			d++
		}
		return d
	}
	lca := root
	for i, n := range ps.nodes {
		st := &ps.el[i]
		if n == root || n.DataAtom != root.DataAtom || st.hidden || st.score < rst.score*0.2 || classAttr(n) != class {
			continue
		}
		// Nearest common ancestor of lca and n.
		a, b := lca, n
		da, db := depth(a), depth(b)
		for ; da > db; da-- {
			a = a.Parent
		}
		for ; db > da; db-- {
			b = b.Parent
		}
		for a != b {
			a, b = a.Parent, b.Parent
		}
		lca = a
	}
	if lca == root || lca == nil || lca.DataAtom == atom.Body || lca.Type != html.ElementNode {
		return root
	}
	if depth(root)-depth(lca) > 8 {
		return root
	}
	if st := ps.of(lca); st == nil || st.links*10 >= st.text*3 {
		return root
	}
	return lca
}

// classAttr returns n's class attribute.
func classAttr(n *html.Node) string {
	for _, a := range n.Attr {
		if a.Key == "class" {
			return a.Val
		}
	}
	return ""
}

// listOrTablePart are elements that hold one part of a block, never a
// whole article on their own.
var listOrTablePart = map[atom.Atom]bool{
	atom.Ul: true, atom.Ol: true, atom.Li: true, atom.Dl: true, atom.Dd: true, atom.Dt: true,
	atom.Table: true, atom.Tbody: true, atom.Thead: true, atom.Tr: true, atom.Td: true, atom.Th: true,
}

// renderer turns the content roots into paragraphs.
type renderer struct {
	ps       *pageStats
	paras    []string
	cur      strings.Builder
	space    bool
	rootText int32
}

// renderBody renders roots to paragraphs, skipping furniture inside them.
func (ps *pageStats) renderBody(roots []*html.Node, opts Options) []string {
	r := &renderer{ps: ps, space: true}
	for _, root := range roots {
		st := ps.of(root)
		if st == nil {
			continue
		}
		r.rootText = st.text
		r.walk(root, true)
		r.flush()
	}
	return r.paras
}

func (r *renderer) walk(n *html.Node, isRoot bool) {
	switch n.Type {
	case html.TextNode:
		r.addText(n.Data)
		return
	case html.ElementNode:
	default:
		return
	}
	st := r.ps.of(n)
	if st == nil || st.hidden {
		return
	}
	block := blockTags[n.DataAtom]
	if !isRoot && r.furniture(n, st) {
		if block {
			r.flush()
		}
		return
	}
	if block {
		r.flush()
	}
	// Cells, and links, are set apart by a space: a row reads as a line,
	// and a link's words stay apart from their neighbours in scripts
	// written without spaces.
	if cellTags[n.DataAtom] || n.DataAtom == atom.A {
		r.space = true
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		r.walk(c, false)
	}
	if block {
		r.flush()
	}
	if cellTags[n.DataAtom] || n.DataAtom == atom.A {
		r.space = true
	}
}

// furniture reports whether n, inside the content root, is page furniture.
func (r *renderer) furniture(n *html.Node, st *elemStat) bool {
	if st.text == 0 {
		return furnitureTags[n.DataAtom]
	}
	if softFurnitureTags[n.DataAtom] {
		return st.text*2 < r.rootText
	}
	if furnitureTags[n.DataAtom] {
		return true
	}
	if st.quote*2 > st.text {
		// Mostly a quotation (an embedded post): quoted words are
		// content, whatever the wrapper is called and however linked.
		return false
	}
	if st.hint < 0 && st.text*2 < r.rootText {
		// A name that only likely means furniture ("image") over
		// several paragraphs of prose is a wrapper, badly named.
		return st.hint < -1 || st.score < 6
	}
	if !blockTags[n.DataAtom] {
		// Inside a paragraph, an element that is nothing but three or
		// more links is a cluster (a hover card, inline tags), not prose.
		return n.DataAtom != atom.A && st.anchor >= 3 && st.links*10 >= st.text*9
	}
	ld := float32(st.links) / float32(st.text)
	switch n.DataAtom {
	case atom.Ul, atom.Ol, atom.Dl, atom.Table:
		// Three or more links make a link list; one or two linked items
		// are the writer's calls to action ("Get it at ...").
		return ld > 0.55 && st.anchor >= 3
	case atom.Li:
		if st.anchor < 2 {
			return false // its list decides
		}
	case atom.P:
		// A paragraph that is mostly one link is the writer's ("Get it
		// at ..."), unless it shouts: a capitalised headline or a
		// capitalised label before the link ("READ MORE: ...") points
		// to another story.
		return ld > 0.5 && shouts(n)
	}
	// A long, punctuated block stays even when most of it is linked
	// (a digest item whose first sentence links to the story).
	prose := st.text >= 120 && st.punct >= 2 && ld < 0.8
	return ld > 0.5 && !prose
}

// shouts reports whether the text of n is mostly capitals, or opens,
// before its first link, with a label in capitals.
func shouts(n *html.Node) bool {
	var upper, letters, prefixUpper, prefixLetters int
	inPrefix := true
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && n.DataAtom == atom.A {
			inPrefix = false
		}
		if n.Type == html.TextNode {
			for _, r := range n.Data {
				if !unicode.IsLetter(r) {
					continue
				}
				letters++
				up := unicode.IsUpper(r)
				if up {
					upper++
				}
				if inPrefix {
					prefixLetters++
					if up {
						prefixUpper++
					}
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	if letters > 0 && upper*10 >= letters*6 {
		return true
	}
	return prefixLetters >= 4 && prefixUpper == prefixLetters
}

// addText appends a text node's text, collapsing whitespace and dropping
// invisible characters that would split words for later stages: soft
// hyphens, zero-width spaces and byte-order marks.
func (r *renderer) addText(s string) {
	for _, c := range s {
		if unicode.IsSpace(c) {
			r.space = true
			continue
		}
		switch c {
		case '\u00ad', '\u200b', '\ufeff':
			continue
		}
		if r.space && r.cur.Len() > 0 {
			r.cur.WriteByte(' ')
		}
		r.space = false
		r.cur.WriteRune(c)
	}
}

func (r *renderer) flush() {
	if r.cur.Len() > 0 {
		r.paras = append(r.paras, r.cur.String())
		r.cur.Reset()
	}
	r.space = true
}

// trimEdges drops short furniture lines before the first and after the last
// paragraph of prose (titles, bylines, datelines, tag lists, plugs), and
// short lines that repeat within the body ("Advertisement").
func trimEdges(paras []string, title string, opts Options) []string {
	// A one-word line repeated three times or more is a label
	// ("Advertisement"); repeated longer lines are often the writer's
	// ("See it at ..." under each product), and so are rules ("___").
	count := make(map[string]int)
	for _, p := range paras {
		if len(p) < 40 && !strings.Contains(p, " ") && strings.IndexFunc(p, unicode.IsLetter) >= 0 {
			count[p]++
		}
	}
	out := paras[:0]
	for _, p := range paras {
		if count[p] < 3 {
			out = append(out, p)
		}
	}
	paras = out
	first, last := -1, -1
	for i, p := range paras {
		if isProse(p) {
			if first < 0 {
				first = i
			}
			last = i
		}
	}
	if first < 0 {
		return paras
	}
	// Before the first prose, drop what reads as the page's title or
	// metadata (dates, reading times, bylines with dates, labels); stop at
	// the first line that does not, which may be a subheading.
	lead := 0
	for lead < first && isLeadMeta(paras[lead], title) {
		lead++
	}
	paras = paras[lead : last+1]
	// Plugs and credits close an article more often than they open it:
	// look at the last few lines only.
	for k := 0; k < 4 && len(paras) > 1 && isPlug(paras[len(paras)-1]); k++ {
		paras = paras[:len(paras)-1]
	}
	return paras
}

// isLeadMeta reports whether p, a short line before the article's first
// sentence, is the title again or metadata: it repeats the <title>, holds
// a digit (a date, a time, "2 min read"), or is a single word.
func isLeadMeta(p, title string) bool {
	if strings.IndexFunc(p, unicode.IsDigit) >= 0 || !strings.Contains(p, " ") {
		return true
	}
	if len(p) < 10 || title == "" {
		return false
	}
	lp := strings.ToLower(strings.Join(strings.Fields(p), " "))
	lt := strings.ToLower(strings.Join(strings.Fields(title), " "))
	return strings.Contains(lt, lp) || strings.Contains(lp, lt)
}

// plugPhrases mark the lines that close an article without being part of
// it: reporting credits, newsletter and subscription plugs, share and
// follow prompts, comment-policy notes. Matched lowercased.
var plugPhrases = []string{
	"contributed to this report", "contributed reporting", "reporting by",
	"editing by", "sign up", "subscribe", "newsletter", "click here",
	"follow us", "share it", "share this", "enjoyed this article",
	"all rights reserved", "copyright ©", "moderating all comments",
	"comments are closed", "your inbox", "affiliate link",
}

// isPlug reports whether p is a short closing plug or credit line.
func isPlug(p string) bool {
	if len(p) > 400 {
		return false
	}
	l := strings.ToLower(p)
	for _, w := range plugPhrases {
		if strings.Contains(l, w) {
			return true
		}
	}
	return false
}

// isProse reports whether p reads as a sentence rather than a label: long
// enough and ending like a sentence.
func isProse(p string) bool {
	n := runeLen(p)
	if n >= 150 {
		return true
	}
	if n < 30 {
		return false
	}
	if n >= 60 && (strings.Contains(p, ". ") || strings.Contains(p, "? ") || strings.Contains(p, "! ")) {
		return true
	}
	p = strings.TrimRight(p, " \"'”’»)]")
	if p == "" {
		return false
	}
	switch p[len(p)-1] {
	case '.', '!', '?', ':', ';':
		return true
	}
	return strings.HasSuffix(p, "。") || strings.HasSuffix(p, "！") || strings.HasSuffix(p, "？")
}
