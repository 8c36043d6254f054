package extract

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/publicsuffix"
)

// Credits name who wrote or sent an article: a closing "- Agence
// France-Presse", a "By Jane Doe" byline, a wire dateline "LONDON (Reuters)
// -", a "Source: X" line. When none is there, the page's furniture may still
// name the site ("Follow X News on WhatsApp", "© 2025 X", a contact address
// at x.co.uk); that is used only as a last resort.

var (
	dumpCreditRe = regexp.MustCompile(`^[-–—]+\s*([\p{Lu}\p{N}][^.!?]{1,60})$`)
	dumpSourceRe = regexp.MustCompile(`(?i)^(?:source|sources|credit|via)\s*:\s*([\p{Lu}\p{N}][^.!?]{1,60})$`)
	dumpParenRe  = regexp.MustCompile(`^\(([\p{Lu}][\p{L}&. -]{0,30})\)$`)
	dumpBylineRe = regexp.MustCompile(`(?i)^(?:by|written by|words by|reporting by)\s+(.+)$`)
	// dumpDatelineRe reads "CITY[, Region or date] [(Agency)] - " at the
	// start of the first paragraph; the city is in capitals.
	dumpDatelineRe = regexp.MustCompile(`^(?:([\p{Lu}][\p{Lu}.'’-]+(?:\s[\p{Lu}][\p{Lu}.'’-]+){0,3})(,\s*[^()\-–—]{1,40}?)?\s*)?(?:\(([\p{Lu}][\p{L}&. -]{0,30})\))?\s*(?:[-–—]+|--)\s+`)
	// dumpAuthorSplitRe separates the names in a byline.
	dumpAuthorSplitRe = regexp.MustCompile(`\s*(?:,|\band\b|&|\|)\s*`)
)

// dumpSiteNameRes find a site's own name inside its furniture. Each is a
// kind of plug or notice, not a line of any one site.
var dumpSiteNameRes = []*regexp.Regexp{
	regexp.MustCompile(`^(?:Follow|Like|Join|Find)\s+(?:the\s+)?(.+?)\s+on\s+(?:WhatsApp|Facebook|Twitter|X|Instagram|Telegram|TikTok|YouTube|Threads|Bluesky|LinkedIn|Google News|Snapchat|Apple News)\b`),
	regexp.MustCompile(`^(?:Explore|Discover|See)\s+what\s+(.+?)\s+can\s+do\b`),
	regexp.MustCompile(`^(?:Download|Get|Install|Try)\s+the\s+(.+?)\s+(?:app|App|newsletter)\b`),
	regexp.MustCompile(`^(?:Sign up|Subscribe)\s+(?:to|for)\s+(?:the\s+)?(.+?)(?:'s|’s)?\s+(?:newsletter|newsletters|alerts|daily)\b`),
	regexp.MustCompile(`^(?:©|\(c\)|Copyright)\s*(?:©\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?\s+)?(.+?)(?:[.,]?\s*All rights reserved.*|[.,])?$`),
	regexp.MustCompile(`^(.+?)\s*©\s*\d{4}\b`),
	regexp.MustCompile(`^(?:The\s+)?(.+?)\s+is not responsible for the content of external`),
	regexp.MustCompile(`^(?:Subscribe|Listen|Sign up)\s+to\s+(?:the\s+)?(.+?)(?:\s+(?:on|for|podcast|newsletter)\b.*)?$`),
}

// dumpProductWords trail a site's name when a plug names a product of it
// ("Daily8 AI", "X News app").
var dumpProductWords = map[string]bool{"AI": true, "app": true, "App": true, "Premium": true, "Plus": true}

// dumpNotNames are words a plug puts where a site's name would be.
var dumpNotNames = map[string]bool{"us": true, "our": true, "me": true, "them": true, "it": true, "this": true}

// dumpMailProviders are domains of personal mail, which name no outlet.
var dumpMailProviders = map[string]bool{
	"gmail": true, "googlemail": true, "yahoo": true, "hotmail": true, "outlook": true,
	"icloud": true, "proton": true, "protonmail": true, "aol": true, "live": true, "gmx": true,
}

// dumpRoleWords mark the part of a byline that is a job, not a name.
var dumpRoleWords = map[string]bool{
	"correspondent": true, "editor": true, "reporter": true, "writer": true,
	"staff": true, "contributor": true, "columnist": true, "analyst": true,
	"producer": true, "chief": true, "senior": true, "political": true,
}

// dumpOrgWords mark the part of a byline that is an organisation.
var dumpOrgWords = map[string]bool{
	"news": true, "press": true, "agency": true, "times": true, "post": true,
	"reuters": true, "associated": true, "media": true, "herald": true,
	"guardian": true, "telegraph": true, "journal": true, "tribune": true,
	"service": true, "network": true, "broadcasting": true, "wire": true,
}

// dumpNameLike reports whether s reads as a proper name of 1 to max words:
// starts with a capital or digit, most words capitalised, no sentence end.
func dumpNameLike(s string, max int) bool {
	f := dumpLineFeatures(s)
	return f.words >= 1 && f.words <= max && f.firstUpper && !f.terminal &&
		f.capRatio >= 0.5 && !strings.ContainsAny(s, ":;\"“”")
}

// dumpCredit reads an outlet credit line: "- Agence France-Presse",
// "Source: Reuters", "(AP)".
func dumpCredit(s string) (string, bool) {
	if len(s) > 200 || (!strings.HasPrefix(s, "(") && !strings.Contains(dumpHead(s, 12), ":") &&
		!strings.HasPrefix(s, "-") && !strings.HasPrefix(s, "–") && !strings.HasPrefix(s, "—")) {
		return "", false
	}
	for _, re := range []*regexp.Regexp{dumpCreditRe, dumpSourceRe, dumpParenRe} {
		if m := re.FindStringSubmatch(s); m != nil {
			name := strings.TrimSpace(m[1])
			if dumpNameLike(name, 6) {
				return name, true
			}
		}
	}
	return "", false
}

// dumpByline reads a "By …" line into the byline as written (without
// "By"), the authors' names, and an organisation it names, if any.
func dumpByline(s string) (byline string, authors []string, org string, ok bool) {
	if len(s) > 200 {
		return "", nil, "", false
	}
	m := dumpBylineRe.FindStringSubmatch(s)
	if m == nil || utf8.RuneCountInString(m[1]) > 100 || dumpTerminal(m[1]) && !strings.HasSuffix(m[1], ".") {
		return "", nil, "", false
	}
	byline = strings.TrimSpace(m[1])
	for _, part := range dumpAuthorSplitRe.Split(byline, -1) {
		words := dumpWords(part)
		if len(words) == 0 {
			continue
		}
		if !dumpNameLike(part, 5) || strings.ContainsAny(part, "0123456789") {
			return "", nil, "", false
		}
		switch {
		case dumpAnyWord(words, dumpOrgWords):
			org = strings.TrimSpace(part)
		case dumpAnyWord(words, dumpRoleWords):
		default:
			authors = append(authors, strings.TrimSpace(part))
		}
	}
	if len(authors) == 0 && org == "" {
		return "", nil, "", false
	}
	return byline, authors, org, true
}

func dumpAnyWord(words []string, set map[string]bool) bool {
	for _, w := range words {
		if set[w] {
			return true
		}
	}
	return false
}

// dumpDateline reads a wire dateline opening a paragraph ("LONDON, Aug 14
// (Reuters) - Text", "(AP) — Text", "KYIV, Ukraine — Text") and returns
// the agency (empty if none), the text between city and agency (which may
// hold a date) and the length of the dateline in bytes. A dateline needs a
// city in capitals or an agency.
func dumpDateline(s string) (agency, detail string, n int, ok bool) {
	m := dumpDatelineRe.FindStringSubmatchIndex(dumpHead(s, 120))
	if m == nil || m[1] >= len(s) || (m[2] < 0 && m[6] < 0) {
		return "", "", 0, false
	}
	if m[2] >= 0 && utf8.RuneCountInString(s[m[2]:m[3]]) < 3 {
		return "", "", 0, false // "A -", "US -": too short to be a city
	}
	if m[6] >= 0 {
		agency = strings.TrimSpace(s[m[6]:m[7]])
		if !dumpNameLike(agency, 4) {
			return "", "", 0, false
		}
	}
	if m[4] >= 0 {
		detail = s[m[4]:m[5]]
	}
	return agency, detail, m[1], true
}

// dumpSiteName finds the site's own name in a furniture line, first from
// the wording of plugs and notices, then from an e-mail or web address.
func dumpSiteName(s string) string {
	for _, re := range dumpSiteNameRes {
		m := re.FindStringSubmatch(s)
		if m == nil {
			continue
		}
		if name := dumpTrimProduct(m[1]); name != "" && dumpNameLike(name, 4) && !dumpNotNames[strings.ToLower(name)] {
			return name
		}
	}
	if m := dumpEmailRe.FindStringSubmatch(s); m != nil {
		if name := dumpDomainName(m[1]); name != "" {
			return name
		}
	}
	if m := dumpURLRe.FindStringSubmatch(s); m != nil {
		return dumpDomainName(m[2])
	}
	return ""
}

func dumpTrimProduct(name string) string {
	words := strings.Fields(name)
	for len(words) > 1 && dumpProductWords[words[len(words)-1]] {
		words = words[:len(words)-1]
	}
	return strings.Join(words, " ")
}

// dumpDomainName turns a host into an outlet name by its registrable label
// (the label before the public suffix): "webnews.metro.co.uk" → "Metro".
// A short label is read as an acronym ("bbc" → "BBC"), a leading "the" as
// the article ("theguardian" → "The Guardian"), hyphens as spaces.
func dumpDomainName(host string) string {
	host = strings.ToLower(strings.TrimSuffix(host, "."))
	reg, err := publicsuffix.EffectiveTLDPlusOne(host)
	if err != nil {
		return ""
	}
	label, _, _ := strings.Cut(reg, ".")
	if label == "" || dumpMailProviders[label] {
		return ""
	}
	if utf8.RuneCountInString(label) <= 3 {
		return strings.ToUpper(label)
	}
	var words []string
	if rest, ok := strings.CutPrefix(label, "the"); ok && len(rest) >= 4 && !strings.HasPrefix(rest, "-") {
		words = append(words, "The")
		label = rest
	}
	for _, w := range strings.Split(label, "-") {
		if w == "" {
			continue
		}
		r, size := utf8.DecodeRuneInString(w)
		words = append(words, string(unicode.ToUpper(r))+w[size:])
	}
	return strings.Join(words, " ")
}
