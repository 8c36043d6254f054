package extract

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// A byline element is found by its marks (class, id, rel="author",
// itemprop="author") and read for names: linked names first, else its text
// piece by piece.

// bylineMarks are class/id fragments of elements that hold a byline.
var bylineMarks = []string{"byline", "author", "autor", "auteur", "writer", "creator", "verfasser"}

// bylineNoise are class/id fragments that disqualify an author-marked
// element: author bios, boxes and avatars rather than the credit line.
var bylineNoise = []string{"bio", "avatar", "image", "img", "photo", "social", "follow", "more", "related", "description", "about", "twitter", "mail", "comment"}

// isBylineElem reports whether n is marked as a byline or an author: by
// rel or itemprop, or by a class or id fragment not also marking a bio,
// avatar or other author furniture. Containers that hold whole articles
// are never bylines.
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
