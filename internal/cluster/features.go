package cluster

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// stopwords are dropped from the term vector: function words and the verbs
// of reporting that every news article uses, so they carry no story.
var stopwords = toSet(`a about above after again against all also am an and any are as at be
because been before being below between both but by can could did do does doing down
during each few for from further had has have having he her here hers herself him
himself his how i if in into is it its itself just me more most my myself no nor not
now of off on once only or other our ours ourselves out over own same she should so
some such than that the their theirs them themselves then there these they this those
through to too under until up very was we were what when where which while who whom why
will with would you your yours yourself yourselves said says say told according one two
new also would could may might must shall us s t re ve ll d m mr mrs ms dr it's don't
percent per cent year years day days week weeks month months time last first news report
reported reports people monday tuesday wednesday thursday friday saturday sunday today
yesterday tomorrow`)

// titleWords begin sentences and headlines in upper case without naming
// anything; a capitalised run made only of them is not a name.
var titleWords = toSet(`the a an in on at of for and but or to from with by as after before
this that these those he she it they we i his her their its our my there here when while
if what why how who where mr mrs ms dr president minister police officials update breaking
more coach monday tuesday wednesday thursday friday saturday sunday january february march
april may june july august september october november december`)

// placeCues precede a place name: "in Jakarta", "near Paris".
var placeCues = toSet(`in near at from outside across`)

// months maps month names to their numbers, for "September 26" dates.
var months = map[string]string{
	"january": "01", "february": "02", "march": "03", "april": "04", "may": "05", "june": "06",
	"july": "07", "august": "08", "september": "09", "october": "10", "november": "11", "december": "12",
	"jan": "01", "feb": "02", "mar": "03", "apr": "04", "jun": "06", "jul": "07", "aug": "08",
	"sep": "09", "sept": "09", "oct": "10", "nov": "11", "dec": "12",
}

func toSet(words string) map[string]bool {
	m := make(map[string]bool)
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

// Features are what the clusterer compares, found in one article's text
// or given by the caller.
type Features struct {
	// Terms are stemmed content words with their counts.
	Terms map[string]int
	// Names are lower-cased proper names ("lindsay lohan") with counts.
	Names map[string]int
	// Places, Dates and Numbers are distinctive details: places named
	// after a cue word, "2013" or "2013-09-26" style dates, and counts
	// with their noun ("7.2|magnitude").
	Places, Dates, Numbers []string
}

// word is one token of the text with its position facts.
type word struct {
	text     string // as written
	lower    string
	capital  bool // starts with an upper-case letter
	number   bool // digits, maybe with . or ,
	sentence bool // first word of a sentence
}

// Tokens splits text into words: runs of letters, digits and inner
// apostrophes, dots or commas between digits. "U.S. 7.2-magnitude quake,
// 1,000 dead." gives U, S, 7.2, magnitude, quake, 1,000, dead. It marks
// the first word after ., ! or ? and after a line break as sentence start.
func tokens(text string) []word {
	var out []word
	start := true
	i := 0
	for i < len(text) {
		r, n := utf8.DecodeRuneInString(text[i:])
		if !isWordRune(r) {
			if r == '.' || r == '!' || r == '?' || r == '\n' || r == ':' {
				start = true
			}
			i += n
			continue
		}
		j := i
		digits := true
		for j < len(text) {
			r2, n2 := utf8.DecodeRuneInString(text[j:])
			if isWordRune(r2) {
				if !unicode.IsDigit(r2) {
					digits = false
				}
				j += n2
				continue
			}
			// 7.2 and 1,000 stay one token; so do inner apostrophes.
			if (r2 == '.' || r2 == ',') && digits && j+n2 < len(text) && isDigitByte(text[j+n2]) {
				j += n2
				continue
			}
			if (r2 == '\'' || r2 == '’') && j+n2 < len(text) && isLetterAt(text[j+n2:]) && !digits {
				j += n2
				continue
			}
			break
		}
		w := trimPossessive(text[i:j])
		first, _ := utf8.DecodeRuneInString(w)
		out = append(out, word{
			text:     w,
			lower:    strings.ToLower(w),
			capital:  unicode.IsUpper(first),
			number:   digits,
			sentence: start,
		})
		start = false
		i = j
	}
	return out
}

// trimPossessive drops a final 's or ’s: "Bush's" counts as "Bush".
func trimPossessive(w string) string {
	for _, suf := range [...]string{"'s", "’s"} {
		if len(w) > len(suf)+1 && strings.HasSuffix(w, suf) {
			return w[:len(w)-len(suf)]
		}
	}
	return w
}

func isWordRune(r rune) bool  { return unicode.IsLetter(r) || unicode.IsDigit(r) }
func isDigitByte(b byte) bool { return b >= '0' && b <= '9' }
func isLetterAt(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLetter(r)
}

// Stem strips common English suffixes lightly: plural s/es/ies, -ing, -ed,
// -ly. It keeps at least four letters, so "news" and "bus" stay whole. It
// is not Porter's stemmer: it only has to map a word's inflections to one
// key, not find its root.
func Stem(w string) string {
	n := len(w)
	switch {
	case n > 5 && strings.HasSuffix(w, "ies"):
		return w[:n-3] + "y"
	case n > 5 && strings.HasSuffix(w, "sses"):
		return w[:n-2]
	case n > 6 && strings.HasSuffix(w, "ing"):
		return undouble(w[:n-3])
	case n > 5 && strings.HasSuffix(w, "ed") && !strings.HasSuffix(w, "eed"):
		return undouble(w[:n-2])
	case n > 5 && strings.HasSuffix(w, "ly"):
		return w[:n-2]
	case n > 4 && strings.HasSuffix(w, "es") && (strings.HasSuffix(w, "ches") || strings.HasSuffix(w, "shes") || strings.HasSuffix(w, "xes")):
		return w[:n-2]
	case n > 4 && w[n-1] == 's' && w[n-2] != 's' && w[n-2] != 'u' && w[n-2] != 'i':
		return w[:n-1]
	}
	return w
}

// undouble turns "stopp" into "stop" and drops a final e-less stub's
// doubled consonant, so "stopped" and "stopping" meet "stop".
func undouble(w string) string {
	n := len(w)
	if n > 3 && w[n-1] == w[n-2] && !strings.ContainsRune("aeiouls", rune(w[n-1])) {
		return w[:n-1]
	}
	return w
}

// Extract finds an article's features in its title and text. Names are
// runs of capitalised words that do not start a sentence (or runs of two
// words or more that do); in a headline where most words are capitalised
// only runs found again in the text count. Places are capitalised runs
// after "in", "near", "at", "from". Dates are four-digit years 1900–2099
// and month-day pairs; numbers are counts with the next content word.
func Extract(title, text string) Features {
	f := Features{Terms: make(map[string]int), Names: make(map[string]int)}
	body := tokens(text)
	head := tokens(title)
	f.addWords(body, true)
	// The lead (the first sentences) tells the article's own event; later
	// sentences often recall earlier, similar events. Lead words count
	// twice.
	f.addLead(body[:leadEnd(body, leadSentences)])
	titleCase := isTitleCase(head)
	if titleCase {
		f.addWords(head, false)
		// Title-case headlines capitalise every word; keep only the runs
		// the body names too.
		for _, name := range names(head, true) {
			if f.Names[name] > 0 {
				f.Names[name]++
			}
		}
	} else {
		f.addWords(head, true)
	}
	foldSurnames(f.Names)
	return f
}

// foldSurnames counts a one-word name toward the one longer name of the
// article that ends with it ("Bush" toward "Reggie Bush"), so a person
// named in full once and by surname after is one name. A surname two
// longer names share ("Williams") stays as it is.
func foldSurnames(names map[string]int) {
	for n, k := range names {
		if strings.Contains(n, " ") {
			continue
		}
		full, found := "", 0
		for m := range names {
			if strings.HasSuffix(m, " "+n) {
				full = m
				found++
			}
		}
		if found == 1 {
			names[full] += k
			delete(names, n)
		}
	}
}

// addWords counts terms, and with withNames names, places, dates and
// numbers, of one run of words.
func (f *Features) addWords(ws []word, withNames bool) {
	for i, w := range ws {
		if w.number {
			f.addNumber(ws, i)
			continue
		}
		t, ok := term(w.lower)
		if !ok {
			continue
		}
		if m, ok := months[w.lower]; ok && i+1 < len(ws) && ws[i+1].number && len(ws[i+1].text) <= 2 {
			f.Dates = append(f.Dates, m+"-"+pad2(ws[i+1].text))
		}
		f.Terms[t]++
	}
	if !withNames {
		return
	}
	for _, name := range names(ws, false) {
		f.Names[name]++
	}
	for i := 0; i+1 < len(ws); i++ {
		if placeCues[ws[i].lower] && ws[i+1].capital && !ws[i+1].sentence && !titleWords[ws[i+1].lower] {
			f.Places = append(f.Places, run(ws, i+1))
		}
	}
}

// addNumber records a year or a count with its noun.
func (f *Features) addNumber(ws []word, i int) {
	w := ws[i].text
	if len(w) == 4 && (strings.HasPrefix(w, "19") || strings.HasPrefix(w, "20")) {
		f.Dates = append(f.Dates, w)
		return
	}
	for j := i + 1; j < len(ws) && j <= i+2; j++ {
		n := ws[j].lower
		if ws[j].number || stopwords[n] && n != "percent" && n != "people" {
			continue
		}
		if ws[j].capital || len(n) < 3 {
			return // "Route 52 California", "3 p.m." are not counts
		}
		if _, ok := months[n]; ok {
			return
		}
		f.Numbers = append(f.Numbers, strings.ReplaceAll(w, ",", "")+"|"+Stem(n))
		return
	}
}

func pad2(s string) string {
	if len(s) == 1 {
		return "0" + s
	}
	return s
}

// run joins the capitalised words from ws[i] on, lower-cased.
func run(ws []word, i int) string {
	j := i
	for j < len(ws) && ws[j].capital && !ws[j].number && (j == i || !ws[j].sentence) && !titleWords[ws[j].lower] {
		j++
	}
	return joinLower(ws[i:j])
}

// names returns the capitalised runs of ws; a run stops at a sentence
// start. Leading and trailing title words ("The", "President",
// "Wednesday") are dropped. With all, sentence-initial single words count
// too. A run of three words or more also gives its last two, since a
// person's name often follows capitalised descriptors ("Saints RB Pierre
// Thomas", "Coach Sean Payton").
func names(ws []word, all bool) []string {
	var out []string
	for i := 0; i < len(ws); {
		if !ws[i].capital || ws[i].number {
			i++
			continue
		}
		j := i + 1
		for j < len(ws) && ws[j].capital && !ws[j].number && !ws[j].sentence {
			j++
		}
		k, e := i, j
		for k < e && titleWords[ws[k].lower] {
			k++
		}
		for e > k && titleWords[ws[e-1].lower] {
			e--
		}
		if k < e {
			single := e-k == 1
			if all || !single || !ws[k].sentence || k > i {
				if !(single && stopwords[ws[k].lower]) {
					out = append(out, joinLower(ws[k:e]))
				}
				if e-k >= 3 {
					out = append(out, joinLower(ws[e-2:e]))
				}
			}
		}
		i = j
	}
	return out
}

func joinLower(ws []word) string {
	parts := make([]string, len(ws))
	for i, w := range ws {
		parts[i] = w.lower
	}
	return strings.Join(parts, " ")
}

// isTitleCase reports whether most words of a headline are capitalised.
func isTitleCase(ws []word) bool {
	caps, all := 0, 0
	for _, w := range ws {
		if w.number || len(w.lower) < 4 {
			continue
		}
		all++
		if w.capital {
			caps++
		}
	}
	return all > 0 && caps*10 >= all*6
}

// leadEnd is the index of the first word after the first n sentences.
func leadEnd(ws []word, n int) int {
	seen := 0
	for i, w := range ws {
		if w.sentence && i > 0 {
			seen++
			if seen >= n {
				return i
			}
		}
	}
	return len(ws)
}

// term is the stem a lower-case word counts under, and false for a word
// too short to count or a stopword before or after stemming ("wills" stems
// to "will").
func term(lower string) (string, bool) {
	if len(lower) < 2 || stopwords[lower] {
		return "", false
	}
	t := Stem(lower)
	if stopwords[t] {
		return "", false
	}
	return t, true
}

// addLead counts the terms and names of the lead once more.
func (f *Features) addLead(ws []word) {
	for _, w := range ws {
		if w.number {
			continue
		}
		if t, ok := term(w.lower); ok {
			f.Terms[t]++
		}
	}
	for _, name := range names(ws, false) {
		f.Names[name]++
	}
}

// leadSentences is how many sentences of the text form its lead.
const leadSentences = 2
