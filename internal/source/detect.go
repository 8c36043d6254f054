package source

import (
	"bytes"
	"encoding/json"
	"strings"
)

// format is what an input's decoded content turned out to be.
type format int

const (
	formatText format = iota
	formatHTML
	formatFeed     // RSS 2.0, RSS 1.0/RDF, Atom or JSON Feed
	formatOPML     // a list of feeds
	formatRecords  // JSONL, a JSON array of articles, or one JSON article
	formatXMLOther // XML that is none of the above
)

// Magic numbers of binary files that are surely not articles, so they are
// refused by name rather than decoded into noise.
var binaryMagic = []struct {
	prefix string
	name   string
}{
	{"%PDF-", "PDF"},
	{"\x89PNG", "PNG image"},
	{"\xff\xd8\xff", "JPEG image"},
	{"GIF8", "GIF image"},
	{"PK\x03\x04", "zip archive"},
	{"\x7fELF", "executable"},
	{"BZh", "bzip2 data"},
	{"\xfd7zXZ\x00", "xz data"},
	{"\x28\xb5\x2f\xfd", "zstd data"},
	{"SQLite format 3\x00", "SQLite database"},
}

// htmlTags are element names that, as the first element of a document,
// mark it as HTML (a full page or a fragment).
var htmlTags = map[string]bool{
	"html": true, "head": true, "body": true, "meta": true, "title": true,
	"link": true, "script": true, "style": true, "div": true, "p": true,
	"article": true, "section": true, "main": true, "header": true,
	"span": true, "a": true, "h1": true, "h2": true, "h3": true, "h4": true,
	"table": true, "ul": true, "ol": true, "img": true, "figure": true,
	"br": true, "b": true, "i": true, "em": true, "strong": true, "nav": true,
	"blockquote": true, "pre": true, "form": true, "noscript": true,
}

// htmlMarkers are substrings whose repetition in otherwise plain text says
// it is HTML without a leading tag (a fragment after some text).
var htmlMarkers = []string{"<p>", "<p ", "</p>", "<div", "<br", "<a href", "</a>", "<li>", "<span"}

// detect says what the UTF-8 content b is, by its content alone.
func detect(b []byte) format {
	s := bytes.TrimLeft(b, " \t\r\n\f")
	if len(s) == 0 {
		return formatText
	}
	switch s[0] {
	case '{', '[':
		if isRecords(s) {
			if isJSONFeed(s) {
				return formatFeed
			}
			return formatRecords
		}
	case '<':
		if f, ok := detectMarkup(s); ok {
			return f
		}
	}
	head := bytes.ToLower(b[:min(len(b), 64<<10)])
	if bytes.Contains(head, []byte("<html")) || bytes.Contains(head, []byte("<body")) {
		return formatHTML
	}
	n := 0
	for _, m := range htmlMarkers {
		n += bytes.Count(head, []byte(m))
	}
	if n >= 3 {
		return formatHTML
	}
	return formatText
}

// isRecords reports whether s (starting with '{' or '[') is JSON: a valid
// array or object, or lines of which the first is a valid object (JSONL,
// whose later lines may be broken and are reported one by one).
func isRecords(s []byte) bool {
	if json.Valid(s) {
		return true
	}
	if s[0] != '{' {
		return false
	}
	first, _, _ := bytes.Cut(s, []byte("\n"))
	return json.Valid(first)
}

// isJSONFeed reports whether s is a JSON Feed: an object whose "version"
// is a jsonfeed.org URL.
func isJSONFeed(s []byte) bool {
	if s[0] != '{' {
		return false
	}
	var head struct {
		Version string `json:"version"`
	}
	if json.Unmarshal(s, &head) != nil {
		return false
	}
	return strings.HasPrefix(head.Version, "https://jsonfeed.org/") || strings.HasPrefix(head.Version, "http://jsonfeed.org/")
}

// detectMarkup names markup by its first element, skipping an XML
// declaration, processing instructions, comments and a doctype.
func detectMarkup(s []byte) (format, bool) {
	xml := false
	for len(s) > 0 && s[0] == '<' {
		var end []byte
		switch {
		case bytes.HasPrefix(s, []byte("<?")):
			xml = true
			end = []byte("?>")
		case bytes.HasPrefix(s, []byte("<!--")):
			end = []byte("-->")
		case bytes.HasPrefix(s, []byte("<!")):
			if bytes.Contains(bytes.ToLower(s[:min(len(s), 64)]), []byte("doctype html")) {
				return formatHTML, true
			}
			end = []byte(">")
		default:
			return markupRoot(elementName(s[1:]), xml)
		}
		i := bytes.Index(s, end)
		if i < 0 {
			return formatText, false
		}
		s = bytes.TrimLeft(s[i+len(end):], " \t\r\n\f")
	}
	return formatText, false
}

// markupRoot names a document by its root element's local name.
func markupRoot(name string, xml bool) (format, bool) {
	local := name
	if i := strings.LastIndexByte(local, ':'); i >= 0 {
		local = local[i+1:]
	}
	switch local {
	case "rss", "rdf", "feed":
		return formatFeed, true
	case "opml":
		return formatOPML, true
	}
	if htmlTags[name] {
		return formatHTML, true
	}
	if xml {
		return formatXMLOther, true
	}
	return formatText, false
}

// elementName returns the lower-cased tag name at the start of s.
func elementName(s []byte) string {
	i := 0
	for i < len(s) && i < 64 {
		c := s[i]
		if c == ' ' || c == '>' || c == '/' || c == '\t' || c == '\n' || c == '\r' {
			break
		}
		i++
	}
	return strings.ToLower(string(s[:i]))
}
