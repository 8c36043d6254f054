package extract

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"strings"

	"golang.org/x/net/html"
)

// JSON-LD (schema.org in <script type="application/ld+json">) is the
// richest metadata a page gives. A block holds one object, an array of
// them, or an object whose "@graph" lists them; objects refer to each
// other by "@id". Publishers' JSON-LD is often broken: raw newlines inside
// strings, trailing commas, HTML comments or CDATA around it, several
// objects one after the other. readJSONLD repairs what it safely can and
// skips the rest; it never fails.

// articleTypes are the schema.org types that describe the article itself.
var articleTypes = map[string]bool{
	"article": true, "newsarticle": true, "reportagenewsarticle": true, "analysisnewsarticle": true,
	"opinionnewsarticle": true, "reviewnewsarticle": true, "backgroundnewsarticle": true,
	"askpublicnewsarticle": true, "blogposting": true, "liveblogposting": true, "report": true,
	"scholarlyarticle": true, "techarticle": true, "socialmediaposting": true,
	"satiricalarticle": true, "advertisercontentarticle": true, "medicalscholarlyarticle": true,
}

// pageTypes describe the web page around the article: a fallback for dates
// and titles.
var pageTypes = map[string]bool{"webpage": true, "itempage": true, "collectionpage": true, "aboutpage": true}

// ldFacts is what the JSON-LD of a page says about its article.
type ldFacts struct {
	headline  string
	published string
	created   string
	modified  string
	authors   []string
	// orgAuthors is set when every author object is an organisation.
	orgAuthors bool
	publisher  string
	url        string
	language   string
	// pageDate is a WebPage's datePublished, used when no article has one.
	pageDate string
	found    bool // an article object was found
}

// readJSONLD reads every block and picks the article object.
// pageURLs are the page's known addresses (fetched, canonical, og:url);
// an article object naming one of them is the page's own.
func readJSONLD(blocks []string, pageURLs ...string) ldFacts {
	var objs []map[string]any
	for _, b := range blocks {
		for _, v := range decodeJSONLD(b) {
			collectObjects(v, &objs, 0)
		}
	}
	byID := make(map[string]map[string]any)
	for _, o := range objs {
		if id, ok := o["@id"].(string); ok && id != "" {
			if _, dup := byID[id]; !dup || len(o) > len(byID[id]) {
				byID[id] = o
			}
		}
	}
	var f ldFacts
	art := pickArticle(objs, pageURLs)
	for _, o := range objs {
		if hasType(o, pageTypes) && f.pageDate == "" {
			f.pageDate = str(o["datePublished"])
		}
		if f.publisher == "" && (hasType(o, map[string]bool{"newsmediaorganization": true}) ||
			hasType(o, map[string]bool{"organization": true}) && art == nil) {
			f.publisher = str(o["name"])
		}
	}
	if art == nil {
		return f
	}
	f.found = true
	f.headline = str(art["headline"])
	if f.headline == "" {
		f.headline = str(art["name"])
	}
	f.published = str(art["datePublished"])
	f.created = str(art["dateCreated"])
	f.modified = str(art["dateModified"])
	f.url = str(art["url"])
	f.language = str(art["inLanguage"])
	f.authors = ldNames(art["author"], byID, 0)
	f.orgAuthors = allOrganizations(art["author"], byID)
	if len(f.authors) == 0 {
		f.authors = ldNames(art["creator"], byID, 0)
		f.orgAuthors = allOrganizations(art["creator"], byID)
	}
	if p := ldNames(art["publisher"], byID, 0); len(p) > 0 {
		f.publisher = p[0]
	}
	return f
}

// decodeJSONLD decodes a block as a sequence of JSON values, repairing
// common breakage first when the plain decode fails.
func decodeJSONLD(block string) []any {
	s := strings.TrimSpace(block)
	s = strings.TrimPrefix(s, "<!--")
	s = strings.TrimSuffix(s, "-->")
	s = strings.TrimSpace(s)
	s = strings.TrimPrefix(s, "//<![CDATA[")
	s = strings.TrimPrefix(s, "<![CDATA[")
	s = strings.TrimSuffix(s, "//]]>")
	s = strings.TrimSuffix(s, "]]>")
	if vs, ok := decodeAll(s); ok {
		return vs
	}
	vs, _ := decodeAll(repairJSON(s))
	return vs
}

// decodeAll decodes consecutive values; ok is false if any fails, with the
// values before the failure returned.
func decodeAll(s string) ([]any, bool) {
	dec := json.NewDecoder(strings.NewReader(s))
	var out []any
	for {
		var v any
		err := dec.Decode(&v)
		if err != nil {
			return out, errors.Is(err, io.EOF)
		}
		out = append(out, v)
	}
}

// repairJSON escapes raw control characters inside strings and drops
// trailing commas before a closing bracket.
func repairJSON(s string) string {
	var b bytes.Buffer
	b.Grow(len(s))
	inStr, esc := false, false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if inStr {
			switch {
			case esc:
				esc = false
			case c == '\\':
				esc = true
			case c == '"':
				inStr = false
			case c < 0x20:
				b.WriteByte(' ')
				continue
			}
			b.WriteByte(c)
			continue
		}
		switch c {
		case '"':
			inStr = true
		case ',':
			j := i + 1
			for j < len(s) && (s[j] == ' ' || s[j] == '\n' || s[j] == '\r' || s[j] == '\t') {
				j++
			}
			if j < len(s) && (s[j] == '}' || s[j] == ']') {
				continue
			}
		case ';':
			continue // "};" endings and statement separators
		}
		b.WriteByte(c)
	}
	return b.String()
}

// collectObjects flattens arrays, @graph lists and nested objects (an
// article inside "mainEntity", say) into objs, to a bounded depth.
func collectObjects(v any, objs *[]map[string]any, depth int) {
	if depth > 6 || len(*objs) > 500 {
		return
	}
	switch x := v.(type) {
	case []any:
		for _, e := range x {
			collectObjects(e, objs, depth+1)
		}
	case map[string]any:
		*objs = append(*objs, x)
		for k, e := range x {
			switch k {
			case "@graph", "mainEntity", "mainEntityOfPage", "hasPart", "itemListElement", "item", "subjectOf":
				collectObjects(e, objs, depth+1)
			}
		}
	}
}

// pickArticle returns the article object: the one whose url, @id or
// mainEntityOfPage is one of the page's addresses when there is one (a page
// may describe related articles too), else the first with a headline.
func pickArticle(objs []map[string]any, pageURLs []string) map[string]any {
	var first map[string]any
	for _, o := range objs {
		if !hasType(o, articleTypes) {
			continue
		}
		ids := []string{str(o["url"]), str(o["@id"]), str(o["mainEntityOfPage"])}
		if m, ok := o["mainEntityOfPage"].(map[string]any); ok {
			ids = append(ids, str(m["@id"]), str(m["url"]))
		}
		for _, id := range ids {
			for _, u := range pageURLs {
				if u != "" && sameURL(id, u) {
					return o
				}
			}
		}
		if first == nil || str(first["headline"]) == "" && str(o["headline"]) != "" {
			first = o
		}
	}
	return first
}

func sameURL(a, b string) bool {
	trim := func(s string) string {
		s = strings.TrimPrefix(strings.TrimPrefix(s, "https://"), "http://")
		s = strings.TrimPrefix(s, "www.")
		if i := strings.IndexAny(s, "?#"); i >= 0 { // "#article" @ids too
			s = s[:i]
		}
		return strings.TrimSuffix(s, "/")
	}
	return a != "" && trim(a) == trim(b)
}

// hasType reports whether o's @type (a string or a list) is in types.
func hasType(o map[string]any, types map[string]bool) bool {
	switch t := o["@type"].(type) {
	case string:
		return types[strings.ToLower(ldLocal(t))]
	case []any:
		for _, e := range t {
			if s, ok := e.(string); ok && types[strings.ToLower(ldLocal(s))] {
				return true
			}
		}
	}
	return false
}

// ldLocal drops a vocabulary prefix: "schema:NewsArticle",
// "http://schema.org/NewsArticle" → "NewsArticle".
func ldLocal(t string) string {
	if i := strings.LastIndexAny(t, "/:#"); i >= 0 {
		return t[i+1:]
	}
	return t
}

// ldNames reads person or organisation names from a string, an object
// with "name" (or only "@id", looked up), or a list of these.
func ldNames(v any, byID map[string]map[string]any, depth int) []string {
	if depth > 4 {
		return nil
	}
	switch x := v.(type) {
	case string:
		if x = cleanSpace(html.UnescapeString(x)); x != "" && !strings.HasPrefix(x, "http") {
			return []string{x}
		}
	case []any:
		var out []string
		for _, e := range x {
			out = append(out, ldNames(e, byID, depth+1)...)
		}
		return out
	case map[string]any:
		if n, ok := x["name"]; ok {
			return ldNames(n, byID, depth+1)
		}
		gn, fn := str(x["givenName"]), str(x["familyName"])
		if gn != "" || fn != "" {
			return []string{strings.TrimSpace(gn + " " + fn)}
		}
		if id, ok := x["@id"].(string); ok {
			if o, ok := byID[id]; ok && len(o) > 1 {
				if _, hasName := o["name"]; hasName {
					return ldNames(o["name"], byID, depth+1)
				}
			}
		}
	}
	return nil
}

// organizationTypes are the schema.org types of non-person credits.
var organizationTypes = map[string]bool{"organization": true, "newsmediaorganization": true, "corporation": true, "website": true}

// allOrganizations reports whether v holds author objects and all of them
// are organisations.
func allOrganizations(v any, byID map[string]map[string]any) bool {
	var objs []map[string]any
	switch x := v.(type) {
	case map[string]any:
		objs = append(objs, x)
	case []any:
		for _, e := range x {
			o, ok := e.(map[string]any)
			if !ok {
				return false
			}
			objs = append(objs, o)
		}
	}
	if len(objs) == 0 {
		return false
	}
	for _, o := range objs {
		if _, typed := o["@type"]; !typed {
			if id, ok := o["@id"].(string); ok && byID[id] != nil {
				o = byID[id]
			}
		}
		if !hasType(o, organizationTypes) {
			return false
		}
	}
	return true
}

// str returns v when it is a string (or the first string of a list),
// trimmed; "" otherwise.
func str(v any) string {
	switch x := v.(type) {
	case string:
		return cleanSpace(html.UnescapeString(x))
	case []any:
		for _, e := range x {
			if s, ok := e.(string); ok {
				return cleanSpace(html.UnescapeString(s))
			}
		}
	case map[string]any:
		if s, ok := x["@value"].(string); ok {
			return cleanSpace(html.UnescapeString(s))
		}
	}
	return ""
}
