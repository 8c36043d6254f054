package extract

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The vocabulary below is page furniture as it shows up in text copied from
// news pages. Each list is small and general: words that name the parts of a
// page around an article, not lines of any one page. A line is judged by a
// score over its features (see dumpFurnitureScore); a word from these lists
// only adds to that score.

// dumpChromeWords name page sections and widgets; a short line made of them
// ("Related Articles", "No comments yet...", "Hashtags") is a heading of
// the page, not of the article.
var dumpChromeWords = map[string]bool{
	"hashtags": true, "tags": true, "topics": true, "comments": true, "comment": true,
	"related": true, "articles": true, "stories": true, "advertisement": true,
	"sponsored": true, "trending": true, "recommended": true, "newsletter": true,
	"share": true, "sharing": true, "subscribe": true, "cookies": true,
	"popular": true, "read": true, "watch": true, "listen": true, "more": true,
	"latest": true, "menu": true, "skip": true, "content": true, "print": true,
	"copied": true, "link": true, "yet": true, "no": true, "also": true,
	"like": true, "you": true, "may": true, "most": true, "top": true,
	"features": true, "video": true, "videos": true, "photos": true, "gallery": true,
	"story": true, "continues": true, "below": true, "above": true, "after": true,
	"this": true, "the": true, "ad": true, "ads": true, "article": true, "page": true,
	"post": true, "on": true, "to": true, "via": true, "email": true, "news": true,
	"facebook": true, "twitter": true, "whatsapp": true, "linkedin": true, "save": true,
	"image": true, "audio": true, "loading": true, "scroll": true, "continue": true,
	"of": true, "and": true, "up": true, "advertisements": true,
}

// dumpChromeAnchors are the chrome words that can carry a line on their own;
// the rest of dumpChromeWords ("more", "no", "you") only fill one out.
var dumpChromeAnchors = map[string]bool{
	"hashtags": true, "tags": true, "topics": true, "comments": true, "comment": true,
	"related": true, "advertisement": true, "sponsored": true, "trending": true,
	"recommended": true, "newsletter": true, "share": true, "subscribe": true,
	"cookies": true, "popular": true, "gallery": true, "copied": true, "menu": true,
	"latest": true, "advertisements": true, "most": true, "video": true,
	"videos": true, "photos": true, "image": true, "audio": true, "loading": true,
}

// dumpSectionWords head the page's own sections after an article
// ("Related Articles", "Most Read", "Comments"), unlike slots inside it
// ("Advertisement", "Share").
var dumpSectionWords = map[string]bool{
	"related": true, "latest": true, "popular": true, "trending": true,
	"recommended": true, "comments": true, "hashtags": true, "tags": true,
	"topics": true, "most": true,
}

// dumpImperatives open calls to action ("Follow X on WhatsApp", "Get in
// touch", "Scan the QR code", "Try our AI features"). News prose rarely
// opens a paragraph with a bare imperative, so together with a second
// person or a channel word this marks a plug.
var dumpImperatives = map[string]bool{
	"follow": true, "subscribe": true, "sign": true, "download": true, "get": true,
	"click": true, "tap": true, "scan": true, "share": true, "join": true,
	"explore": true, "try": true, "read": true, "more": true, "watch": true, "listen": true,
	"like": true, "register": true, "contact": true, "email": true, "e-mail": true,
	"send": true, "check": true, "visit": true, "discover": true, "enable": true,
	"install": true, "support": true, "donate": true, "tell": true, "find": true,
	"see": true, "view": true, "add": true, "allow": true, "accept": true,
	"log": true, "login": true, "upgrade": true, "unlock": true,
}

// dumpAddressWords are the reader and the page talking about themselves.
var dumpAddressWords = map[string]bool{
	"you": true, "your": true, "our": true, "us": true, "we're": true,
}

// dumpChannelWords name the channels plugs send readers to.
var dumpChannelWords = map[string]bool{
	"whatsapp": true, "facebook": true, "twitter": true, "instagram": true,
	"telegram": true, "tiktok": true, "youtube": true, "newsletter": true,
	"newsletters": true, "app": true, "podcast": true, "notifications": true,
	"inbox": true, "qr": true, "email": true, "emailing": true, "e-mail": true,
	"subscription": true, "subscribe": true, "device": true, "alerts": true,
	"page": true, "website": true, "ai": true, "features": true, "stories": true,
}

// dumpCTAOpeners are multi-word openings of plugs that are not imperatives.
var dumpCTAOpeners = []string{
	"for more stories", "for more news", "for the latest", "for more on this",
	"for more information", "sign up", "get in touch", "don't miss",
	"do you have a story", "have you got a story", "got a story",
	"want more", "click here", "read more", "read next", "more on this story",
	"this article was", "this story was", "we use cookies", "by clicking",
	"skip to", "jump to", "back to top", "read full article", "read the full",
	"continue reading", "view comments", "show more", "load more", "see more",
	"scroll to continue", "open in app", "©", "copyright", "all rights reserved", "reporting by", "additional reporting by", "writing by", "editing by",
	"(reporting by", "(additional reporting by", "(writing by", "(editing by",
}

// dumpNoticePhrases are the legal and site notices of a page footer, found
// anywhere in a short line.
var dumpNoticePhrases = []string{
	"all rights reserved", "not responsible for the content of external",
	"privacy policy", "cookie policy", "terms of use", "terms and conditions",
	"terms of service", "this material may not be published",
}

// dumpCaptionRe matches a photo or video credit closing a caption
// ("… Photo / Getty Images", "(Reuters/Jane Doe)", "Image: AFP").
var dumpCaptionRe = regexp.MustCompile(`(?i)(\b(photo|photograph|picture|pic|image|video|credit|illustration|footage)s?\s*(/|:|by)\s*[\p{L}][\p{L}\p{N} .,&'/-]{1,60}\)?$|\((getty|afp|reuters|ap|epa|pa)( images)?(/[^)]{1,40})?\)$|\b(getty images|afp via getty images|pa wire|pa media)\)?\.?$)|\b[A-Z]{2,}(?: [A-Z]{2,})?/[\p{Lu}][\p{L} .'’-]{1,40}\)?$`)

// dumpStandfirstRe matches a video standfirst that names its reporter
// ("…, as Political Correspondent Jane Doe reports.").
var dumpStandfirstRe = regexp.MustCompile(`\bas\s+(?:[\p{L}'’-]+\s+){0,12}?[\p{Lu}][\p{L}'’-]+(?:\s+[\p{Lu}][\p{L}'’-]+)+\s+(reports?|explains?|has more|has the details|looks at|finds out)\.?$`)

// dumpStandfirstByRe matches the other order ("…, reports Political
// Editor Jane Doe.").
var dumpStandfirstByRe = regexp.MustCompile(`,\s+(?:reports|writes|explains)\s+(?:[\p{L}'’-]+\s+){0,4}?[\p{Lu}][\p{L}'’-]+(?:\s+[\p{Lu}][\p{L}'’-]+)+\.?$`)

// dumpCaptionOpenerRe matches lines that announce media ("Watch: …").
var dumpCaptionOpenerRe = regexp.MustCompile(`(?i)^(watch|video|listen|audio|photo|pictured|gallery|in pictures|image caption|image source|caption|media caption|photo caption)\s*[:|,–—-]\s+`)

// dumpListRe matches a list item: a bullet and some words.
var dumpListRe = regexp.MustCompile(`^[•*·▪◦–-]\s+\S+\s+\S+\s+\S+`)

// dumpTimestampRe matches a video duration or clock left on its own line.
var dumpTimestampRe = regexp.MustCompile(`^\d{1,2}:\d{2}(:\d{2})?$`)

// dumpEmailRe and dumpURLRe find addresses in contact lines and plugs.
var (
	dumpEmailRe = regexp.MustCompile(`[\w.+-]+@([\w-]+(\.[\w-]+)+)`)
	dumpURLRe   = regexp.MustCompile(`(?i)\b(https?://|www\.)([\w-]+(\.[\w-]+)+)`)
)

// dumpFeatures are what one line of a dump is judged by.
type dumpFeatures struct {
	chars, words int
	terminal     bool    // ends a sentence (". ! ?", maybe inside a quote)
	stop         bool    // ends with a full stop or ellipsis (a question may head)
	capRatio     float64 // share of words that start with a capital
	firstUpper   bool
	quoted       bool // opens with a quotation mark
	timestamp    bool
	address      bool // e-mail or URL
	imperative   bool // opens with a call-to-action verb
	secondPerson bool
	channel      int // channel words
	chrome       int // chrome words
	chromeAnchor bool
	ctaOpener    bool
	section      bool // has a word of dumpSectionWords
	listItem     bool // "• three or more words"
	notice       bool // a footer notice ("All rights reserved")
	letters      bool // some word starts with a letter
}

// dumpWords splits a line into lower-cased words without edge punctuation.
func dumpWords(s string) []string { return dumpWordsOf(strings.Fields(s)) }

func dumpWordsOf(fields []string) []string {
	out := make([]string, 0, len(fields))
	for _, f := range fields {
		w := strings.ToLower(strings.TrimFunc(f, func(r rune) bool {
			return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\'' && r != '-'
		}))
		w = strings.Trim(w, "'-")
		if w != "" {
			out = append(out, w)
		}
	}
	return out
}

func dumpLineFeatures(s string) dumpFeatures {
	f := dumpFeatures{chars: utf8.RuneCountInString(s)}
	fields := strings.Fields(s)
	words := dumpWordsOf(fields)
	f.words = len(fields)
	f.terminal = dumpTerminal(s)
	if f.terminal {
		t := strings.TrimRight(s, "\"'’”»)] ")
		r, _ := utf8.DecodeLastRuneInString(t)
		f.stop = r == '.' || r == '…'
	}
	caps := 0
	for _, w := range fields {
		r, _ := utf8.DecodeRuneInString(strings.TrimLeft(w, "\"'‘“(["))
		if unicode.IsUpper(r) || unicode.IsDigit(r) {
			caps++
		}
	}
	if f.words > 0 {
		f.capRatio = float64(caps) / float64(f.words)
	}
	first, _ := utf8.DecodeRuneInString(s)
	f.firstUpper = unicode.IsUpper(first) || unicode.IsDigit(first)
	f.quoted = strings.ContainsRune("\"'‘“«", first)
	f.timestamp = dumpTimestampRe.MatchString(s)
	f.listItem = dumpListRe.MatchString(dumpHead(s, 60))
	f.address = strings.Contains(s, "@") && dumpEmailRe.MatchString(s) ||
		(strings.Contains(s, "http") || strings.Contains(s, "www.")) && dumpURLRe.MatchString(s)
	if len(words) > 0 {
		f.imperative = dumpImperatives[words[0]] && f.firstUpper
	}
	for _, w := range words {
		if w[0] >= '0' && w[0] <= '9' {
			f.chrome++ // counts beside chrome words: "12 Comments", "1/5"
		} else {
			f.letters = true
		}
		f.secondPerson = f.secondPerson || dumpAddressWords[w]
		if dumpChannelWords[w] {
			f.channel++
		}
		if dumpChromeWords[w] {
			f.chrome++
		}
		f.chromeAnchor = f.chromeAnchor || dumpChromeAnchors[w]
		f.section = f.section || dumpSectionWords[w]
	}
	if len(s) < 200 {
		full := strings.ToLower(s)
		for _, p := range dumpNoticePhrases {
			if strings.Contains(full, p) {
				f.notice = true
				break
			}
		}
	}
	low := strings.ToLower(s[:min(len(s), 40)])
	for _, o := range dumpCTAOpeners {
		if strings.HasPrefix(low, o) {
			f.ctaOpener = true
			break
		}
	}
	return f
}

// dumpTerminal reports whether s ends a sentence: a full stop, question or
// exclamation mark, possibly followed by closing quotes or brackets.
func dumpTerminal(s string) bool {
	s = strings.TrimRight(s, "\"'’”»)] ")
	if s == "" {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(s)
	return r == '.' || r == '!' || r == '?' || r == '…'
}

// dumpFurnitureScore weighs a line's features; 3 or more is furniture.
// Long lines and quotations pull the score down: plugs are short and speak
// to the reader, news paragraphs are long and quote people.
func dumpFurnitureScore(f dumpFeatures) int {
	if f.chars == 0 {
		return 0
	}
	score := 0
	if f.timestamp || !f.letters {
		score += 4 // "15:21", "1/5", "***": no words at all
	}
	if f.chromeAnchor && f.chrome == f.words && f.words <= 5 {
		score += 4 // a line made only of chrome words: "Related Articles"
	}
	if f.ctaOpener || f.notice {
		score += 3
	}
	if f.imperative {
		score++
		if f.secondPerson || f.channel > 0 || f.address {
			score++ // a call to action aimed at the reader or a channel
		}
	}
	if f.secondPerson {
		score++
	}
	if f.channel > 0 {
		score++
	}
	if f.address {
		score += 2
	}
	switch {
	case f.chars > 240:
		score -= 4
	case f.chars > 160:
		score -= 2
	case f.chars < 100:
		score++
	}
	if f.quoted {
		score -= 2
	}
	return score
}

// dumpIsBodyLike reports whether a line reads as a paragraph of prose: long
// enough, or a shorter full sentence.
func dumpIsBodyLike(f dumpFeatures) bool {
	return (f.chars >= 80 && f.words >= 10) || (f.terminal && f.words >= 6)
}

// dumpIsHeadingLike reports whether a line could head what follows it: short,
// no closing full stop, at least one word.
func dumpIsHeadingLike(f dumpFeatures) bool {
	return f.words >= 1 && f.words <= 18 && f.chars <= 120 && !f.stop
}

// dumpIsTitleLike reports whether a line could be the headline: a heading
// of three or more words with title-like capitalisation (sentence case or
// Title Case, but not a lower-case fragment).
func dumpIsTitleLike(f dumpFeatures, s string) bool {
	if !dumpIsHeadingLike(f) || f.words < 3 || !f.firstUpper && !f.quoted {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(s)
	if last == ':' || last == ',' || last == ';' {
		return false
	}
	// Sentence case is title-like ("Library hours cut as council saves"),
	// but a long line with almost no capitals reads as a clipped sentence.
	return f.words <= 12 || f.capRatio >= 0.15
}

// dumpIsCaption reports whether a line is a photo or video caption.
// Captions are short; a long line is a paragraph even when it ends on a
// credit-like phrase. The end-anchored patterns only see the line's tail.
func dumpIsCaption(s string) bool {
	if len(s) > 600 {
		return false
	}
	if dumpCaptionOpenerRe.MatchString(dumpHead(s, 40)) {
		return true
	}
	if tail := dumpTail(s, 100); dumpMayCredit(tail) && dumpCaptionRe.MatchString(tail) {
		return true
	}
	tail := dumpTail(s, 120)
	if (strings.Contains(tail, ", reports ") || strings.Contains(tail, ", writes ") || strings.Contains(tail, ", explains ")) &&
		dumpStandfirstByRe.MatchString(tail) {
		return true
	}
	low := strings.ToLower(strings.TrimRight(s, ". "))
	for _, verb := range []string{"reports", "report", "explains", "explain", "has more", "has the details", "looks at", "finds out"} {
		if strings.HasSuffix(low, verb) {
			return dumpStandfirstRe.MatchString(dumpTail(s, 200))
		}
	}
	return false
}

// dumpMayCredit is a cheap test that a line's tail could hold a photo
// credit, so that most lines skip dumpCaptionRe.
func dumpMayCredit(tail string) bool {
	if strings.ContainsAny(tail, "/:(") {
		return true
	}
	low := strings.ToLower(tail)
	return strings.Contains(low, " by ") || strings.Contains(low, "getty") || strings.Contains(low, "pa ")
}

// dumpHead returns about the first n bytes of s, cut at a rune start; a
// regexp anchored at the start then costs O(n), not O(len(s)).
func dumpHead(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

// dumpTail returns about the last n bytes of s, cut at a rune start.
func dumpTail(s string, n int) string {
	if len(s) <= n {
		return s
	}
	i := len(s) - n
	for i < len(s) && !utf8.RuneStart(s[i]) {
		i++
	}
	return s[i:]
}
