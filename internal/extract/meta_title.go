package extract

import (
	"strings"
	"unicode"
)

// A page's <title> and og:title often carry the site's name:
//
//	"Mining blasts shatter homes | Lesotho Times"   → "Mining blasts shatter homes"
//	"Tagesschau – Nachrichten: Der Titel"           → "Nachrichten: Der Titel"
//
// but a headline may hold " - " itself ("Rückschlag im Titelkampf -
// Liverpool verliert"). cleanTitle drops an edge segment only when it
// names the site (outlet or host) or, for the strong separators " | " and
// " :: ", when it is short beside the rest.

// titleSeps are the separators between a headline and a site name, the
// strong ones first.
var titleSeps = []string{" | ", " || ", " :: ", " // ", " · ", " • ", " » ", " « ", " — ", " – ", " - ", " -- ", " : ",
	"|", "｜", "：", "ㅣ", " ─ ", "-", "–", "—", ":"}

// unspacedSeps are separators written without spaces; a segment after
// them is dropped only when it names the site.
var unspacedSeps = map[string]bool{"|": true, "｜": true, "：": true, "ㅣ": true, "-": true, "–": true, "—": true, ":": true}

// strongSeps separate site furniture so reliably that a short edge segment
// after them is dropped even when it does not name the site.
var strongSeps = map[string]bool{" | ": true, " || ": true, " :: ": true, " // ": true}

// cleanTitle removes site-name segments from a title.
func cleanTitle(t string, site []string) string {
	t = cleanSpace(t)
	for range 3 {
		next := dropSiteSegment(t, site)
		if next == t {
			break
		}
		t = next
	}
	return t
}

func dropSiteSegment(t string, site []string) string {
	// The earliest separator whose tail names the site wins, so that
	// "Headline-Section|Site" loses both segments at once.
	cut := -1
	for _, sep := range titleSeps {
		for i := strings.Index(t, sep); i > 0; {
			tail := t[i+len(sep):]
			names := namesSite(tail, site)
			if unspacedSeps[sep] {
				// Unspaced, "-" and ":" are mostly hyphens and colons
				// inside the headline: the tail must be the site's name.
				names = isSiteName(tail, site)
			}
			if names && (cut < 0 || i < cut) {
				cut = i
			}
			next := strings.Index(t[i+len(sep):], sep)
			if next < 0 {
				break
			}
			i += len(sep) + next
		}
	}
	if cut > 0 {
		return strings.TrimSpace(t[:cut])
	}
	for _, sep := range titleSeps {
		if i := strings.LastIndex(t, sep); i > 0 && strongSeps[sep] && shortBeside(t[i+len(sep):], t[:i]) {
			return strings.TrimSpace(t[:i])
		}
		if j := strings.Index(t, sep); j > 0 && sep != " : " && !unspacedSeps[sep] && namesSite(t[:j], site) {
			return strings.TrimSpace(t[j+len(sep):])
		}
	}
	return t
}

// namesSite reports whether seg names the site: its letters equal, contain
// or are contained in one of the site names' letters.
func namesSite(seg string, site []string) bool {
	s := letterKey(seg)
	if s == "" {
		return false
	}
	for _, name := range site {
		n := letterKey(name)
		if len(n) < 3 {
			continue
		}
		if s == n || strings.Contains(n, s) && len(s) >= 4 || strings.Contains(s, n) && len(s) <= 2*len(n)+8 {
			return true
		}
	}
	return false
}

// isSiteName reports whether seg, up to case and punctuation, is one of
// the site names or a part of one.
func isSiteName(seg string, site []string) bool {
	s := letterKey(seg)
	if len(s) < 3 {
		return false
	}
	for _, name := range site {
		if n := letterKey(name); s == n || len(n) >= 3 && strings.Contains(n, s) {
			return true
		}
	}
	return false
}

// shortBeside reports whether tail is a short label next to a longer head.
func shortBeside(tail, head string) bool {
	tw, hw := len(strings.Fields(tail)), len(strings.Fields(head))
	return tw <= 4 && hw >= 2*tw
}

// letterKey lower-cases s and keeps only letters and digits.
func letterKey(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// siteNames lists the names a title may carry for this site: outlet names
// from the metadata and the host's labels ("www.lesothotimes.com" →
// "lesothotimes.com", "lesothotimes").
func siteNames(host string, names ...string) []string {
	var out []string
	for _, n := range names {
		if n = cleanSpace(n); n != "" {
			out = append(out, n)
		}
	}
	host = strings.TrimPrefix(strings.ToLower(host), "www.")
	if host != "" {
		out = append(out, host)
		labels := strings.Split(host, ".")
		for i, l := range labels {
			if i == len(labels)-2 || i < len(labels)-1 && len(l) >= 4 {
				out = append(out, l)
			}
		}
	}
	return out
}

// pickTitle chooses the headline: the first of the JSON-LD headline (the
// one the publisher declares for the article), og:title, twitter:title,
// a title meta tag, <title> and the first <h1>, with site names removed.
// An <h1> is the visible headline but often a shorter or longer variant
// written for the page; metadata titles are the declared ones.
func pickTitle(f *pageFacts, ld ldFacts, site []string) string {
	cands := []string{
		ld.headline, f.first("og:title"), f.first("twitter:title"),
		f.first("title", "dc.title", "headline"), f.title,
	}
	if len(f.h1) > 0 {
		cands = append(cands, f.h1[0])
	}
	for _, c := range cands {
		if c = cleanTitle(c, site); c != "" {
			return c
		}
	}
	return ""
}
