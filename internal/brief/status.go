package brief

import (
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/storydesk/storydesk/internal/model"
)

// Status of a timeline row as of the reporting article's publication.
const (
	// StatusPast marks an event that had happened when it was reported.
	StatusPast = "past"
	// StatusScheduled marks an event that was planned or expected.
	StatusScheduled = "scheduled"
)

// futureCues are words and phrases that put the event they govern ahead of
// the time of writing: modals, "set to", "due to", timetable words.
var futureCues = []string{
	"will", "won't", "shall", "'ll", "’ll", "would", "set to", "due to", "scheduled",
	"expected", "planned", "plans to", "plan to", "going to", "is to", "are to",
	"upcoming", "tomorrow", "next", "later today", "later this", "hopes to", "intends to",
	"aims to", "poised to", "slated",
}

// pastCues are past-tense and perfect forms too irregular for the "-ed"
// rule; any lower-case word ending in "-ed" that is not a future cue
// counts as past as well.
var pastCues = []string{
	"said", "met", "held", "took", "gave", "made", "told", "went", "came", "began",
	"spoke", "saw", "won", "lost", "fell", "rose", "led", "left", "sent", "struck",
	"hit", "put", "set", "brought", "fought", "built", "caught", "ran", "wrote",
	"broke", "chose", "drove", "flew", "grew", "knew", "paid", "sold", "stood",
	"thought", "wore", "has been", "had been", "was", "were", "did", "got", "found",
	"kept", "meant", "read", "shot", "sought", "spent", "taught", "threw", "understood",
	"yesterday", "earlier", "ago", "last",
}

// presentVerbs are verbs that news uses in the present tense for what is
// arranged to happen ("Zelensky meets Trump on Monday", "leaders travel to
// Kyiv on Friday"): with a named day and no dated article to judge by,
// such a present tense reports something scheduled.
var presentVerbs = map[string]bool{
	"meet": true, "visit": true, "travel": true, "head": true, "fly": true, "arrive": true,
	"host": true, "attend": true, "join": true, "sign": true, "hold": true, "open": true,
	"begin": true, "start": true, "launch": true, "address": true, "speak": true, "return": true,
	"leave": true, "face": true, "vote": true, "tour": true, "land": true, "depart": true,
	"gather": true, "convene": true, "resume": true, "testify": true, "unveil": true, "sit": true,
	"play": true, "hear": true, "rule": true, "decide": true, "announce": true, "deliver": true,
	"close": true, "end": true, "stage": true, "march": true, "strike": true, "walk": true,
}

// notParticiples are words in -ing that are not a verb in progress.
var notParticiples = map[string]bool{
	"according": true, "owing": true, "regarding": true, "during": true, "including": true,
	"following": true, "morning": true, "evening": true, "meeting": true, "building": true,
	"something": true, "nothing": true, "anything": true, "everything": true, "thing": true,
	"leading": true, "pointing": true, "referring": true, "relating": true, "belonging": true,
	"amounting": true, "bring": true, "spring": true, "string": true, "ceiling": true, "being": true,
}

// nounsToo are third-person forms of presentVerbs that are as often
// plural nouns ("state visits", "the new rules").
var nounsToo = map[string]bool{
	"visits": true, "heads": true, "hosts": true, "signs": true, "votes": true, "starts": true,
	"returns": true, "leaves": true, "faces": true, "tours": true, "lands": true, "rules": true,
	"ends": true, "marches": true, "strikes": true, "walks": true, "plays": true, "closes": true,
	"addresses": true, "stages": true, "holds": true, "decides": true, "hears": true,
}

// plainNumber tells a word made of digits, or a number word up to ten.
func plainNumber(w string) bool {
	switch w {
	case "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "several", "many", "more":
		return true
	}
	return w != "" && strings.Trim(w, "0123456789,.") == ""
}

// determiners are words after which a form in -s or -ing is a noun.
var determiners = map[string]bool{
	"the": true, "a": true, "an": true, "his": true, "her": true, "their": true, "its": true,
	"our": true, "my": true, "your": true, "this": true, "that": true, "these": true, "those": true,
	"of": true, "in": true, "on": true, "at": true, "for": true, "by": true, "with": true,
	"no": true, "any": true, "some": true, "every": true, "each": true,
}

// rowStatus tells whether the event of row had happened or was scheduled
// as of ref, the publication time of the article the row's sentence comes
// from (zero when unknown). A row dated after ref is scheduled, one dated
// before it past; on the day itself (or without ref) the tense and modal
// cues of the sentence decide, the ones nearest the words that name the
// day first. Without ref a present tense counts as scheduled too ("is
// heading to Washington on Monday", "meets Trump on Monday"): a report
// that names the day of a past event says it in the past tense. A row with
// no cue at all is past, as news reports mostly are.
func rowStatus(row model.TimelineRow, ref model.Time) string {
	if !ref.IsZero() {
		switch compareWhen(row.When, ref) {
		case -1:
			return StatusPast
		case 1:
			return StatusScheduled
		}
	}
	if future, ok := tenseCue(row.Text, row.When, ref.IsZero()); ok && future {
		return StatusScheduled
	}
	return StatusPast
}

// compareWhen orders a TIMEX3 value against ref: -1 when the event ended
// before ref, 1 when it starts after, 0 on the same day or when it cannot
// tell. A range ("2025-08-09/2025-08-10") is before ref when its end is and
// after when its start is; values with a clock time and offset are
// compared as instants when ref has a clock time too.
func compareWhen(when string, ref model.Time) int {
	start, end, _ := strings.Cut(when, "/")
	if end == "" {
		end = start
	}
	if len(start) < 10 || len(end) < 10 {
		return 0
	}
	if !ref.DateOnly {
		if t, err := time.Parse("2006-01-02T15:04Z07:00", start); err == nil && t.After(ref.Time) {
			return 1
		}
		if t, err := time.Parse("2006-01-02T15:04Z07:00", end); err == nil && t.Before(ref.Time) {
			return -1
		}
	}
	day := ref.Day()
	switch {
	case end[:10] < day:
		return -1
	case start[:10] > day:
		return 1
	}
	return 0
}

// tenseCue finds the verb cue that governs the words naming the day of
// when in text: the nearest cue in the same clause, else the nearest in
// the sentence. It reports whether that cue is a future one (a present
// tense counts as future when present is set), and false in ok when there
// is none.
func tenseCue(text, when string, present bool) (future, ok bool) {
	words := tokens(text)
	if len(words) == 0 {
		return false, false
	}
	anchor := anchorWord(words, when)
	lo, hi := 0, len(words)
	if anchor >= 0 {
		lo, hi = clause(words, anchor)
	} else {
		anchor = 0
	}
	for _, span := range [][2]int{{lo, hi}, {0, len(words)}} {
		best, bestFuture := -1, false
		for i := span[0]; i < span[1]; i++ {
			c := cueAt(words, i)
			if c == cuePresent && !present {
				c = cueNone
			}
			if c == cueNone {
				continue
			}
			if d := abs(i - anchor); best < 0 || d < best {
				best, bestFuture = d, c != cuePast
			}
		}
		if best >= 0 {
			return bestFuture, true
		}
	}
	return false, false
}

// word is a token of a sentence; punct marks a clause break (, ; : — and
// brackets) after it; start and end are its byte offsets in the sentence,
// punctuation included.
type word struct {
	text       string
	lower      string
	punct      bool
	start, end int
}

func tokens(text string) []word {
	var out []word
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		if unicode.IsSpace(r) {
			i += size
			continue
		}
		j := i
		for j < len(text) {
			r, size := utf8.DecodeRuneInString(text[j:])
			if unicode.IsSpace(r) {
				break
			}
			j += size
		}
		f := text[i:j]
		core := strings.TrimFunc(f, func(r rune) bool { return unicode.IsPunct(r) && r != '\'' && r != '’' })
		core = strings.Trim(core, "'’")
		if core == "" {
			if len(out) > 0 {
				out[len(out)-1].punct = true
			}
			i = j
			continue
		}
		last, _ := utf8.DecodeLastRuneInString(f)
		out = append(out, word{text: core, lower: strings.ToLower(core), punct: strings.ContainsRune(",;:—–()", last), start: i, end: j})
		i = j
	}
	return out
}

// relativeDayWords name a day by its distance from another; they anchor
// a row when nothing names its day outright.
var relativeDayWords = map[string]bool{
	"yesterday": true, "tomorrow": true, "earlier": true, "later": true, "eve": true,
	"ago": true, "overnight": true, "previous": true, "next": true, "last": true, "weekend": true,
}

// anchorWord is the index of the word that names the day of when: its
// weekday, "today" and the like, its month name, a clock time or a part
// of the day it gives; failing those, a word that names a day relative to
// another ("a day earlier", "yesterday"); -1 when none is found.
func anchorWord(words []word, when string) int {
	names := map[string]bool{"today": true, "tonight": true}
	start, end, isRange := strings.Cut(when, "/")
	for _, v := range []string{start, end} {
		if t, err := time.Parse(time.DateOnly, v[:min(len(v), 10)]); err == nil {
			names[strings.ToLower(t.Weekday().String())] = true
			names[strings.ToLower(t.Month().String())] = true
		}
	}
	if isRange {
		names["weekend"] = true
	}
	clock := len(when) > 11 && when[10] == 'T' && when[11] >= '0' && when[11] <= '9'
	if p, ok := partsOfDay[strings.TrimPrefix(when[min(len(when), 10):], "T")]; ok {
		names[p] = true
	}
	for i, w := range words {
		bare := strings.TrimSuffix(strings.TrimSuffix(w.lower, "'s"), "’s")
		if names[bare] {
			return i
		}
		if clock && isClock(w.lower) {
			return i
		}
	}
	for i, w := range words {
		if relativeDayWords[w.lower] {
			return i
		}
	}
	return -1
}

// isClock tells a clock time: "11:30", "7.30am", "6pm", "noon".
func isClock(w string) bool {
	if w == "noon" || w == "midnight" {
		return true
	}
	if w == "" || w[0] < '0' || w[0] > '9' || len(w) > 7 {
		return false
	}
	return strings.ContainsAny(w, ":") || strings.HasSuffix(w, "am") || strings.HasSuffix(w, "pm") ||
		strings.HasSuffix(w, "a.m") || strings.HasSuffix(w, "p.m") ||
		(strings.Contains(w, ".") && len(w) <= 5 && len(w) >= 4 && len(w[strings.IndexByte(w, '.')+1:]) == 2)
}

// clause is the span of words around i up to the nearest clause breaks.
func clause(words []word, i int) (lo, hi int) {
	lo = i
	for lo > 0 && !words[lo-1].punct {
		lo--
	}
	hi = i + 1
	for hi < len(words) && !words[hi-1].punct {
		hi++
	}
	return lo, hi
}

// Kinds of tense cue.
const (
	cueNone = iota
	cueFuture
	cuePast
	cuePresent
)

// cueAt tells which kind of tense cue starts at word i.
func cueAt(words []word, i int) int {
	match := func(cue string) bool {
		parts := strings.Fields(cue)
		if i+len(parts) > len(words) {
			return false
		}
		for k, p := range parts {
			w := words[i+k].lower
			if strings.HasPrefix(p, "'") || strings.HasPrefix(p, "’") {
				if !strings.HasSuffix(w, p) {
					return false
				}
				continue
			}
			if w != p {
				return false
			}
		}
		return true
	}
	for _, c := range futureCues {
		if match(c) {
			return cueFuture
		}
	}
	for _, c := range pastCues {
		if match(c) {
			return cuePast
		}
	}
	w := words[i]
	if len(w.lower) > 4 && strings.HasSuffix(w.lower, "ed") && !unicode.IsUpper([]rune(w.text)[0]) {
		return cuePast
	}
	if presentAt(words, i) {
		return cuePresent
	}
	return cueNone
}

// presentAt tells a verb in the present tense at word i: "is" and "are";
// a word in -ing followed by a preposition of direction or purpose
// ("heading to", "bound for") and not after a noun's determiner or a past
// auxiliary; a verb of presentVerbs in -s after a name or he/she/it
// ("Zelensky meets"), or in its base form after a plural subject ("they
// meet", "leaders meet").
func presentAt(words []word, i int) bool {
	w := words[i].lower
	if w == "is" || w == "are" || w == "am" {
		return true
	}
	prev := ""
	prevText := ""
	if i > 0 && !words[i-1].punct {
		prev, prevText = words[i-1].lower, words[i-1].text
	}
	if strings.HasSuffix(prev, "'s") || strings.HasSuffix(prev, "’s") || determiners[prev] {
		return false
	}
	if strings.HasSuffix(w, "ing") && len(w) > 5 && !notParticiples[w] && i+1 < len(words) {
		switch words[i+1].lower {
		case "to", "for", "into", "toward", "towards":
			return prev != "was" && prev != "were" && prev != "been"
		}
		return false
	}
	if unicode.IsUpper([]rune(words[i].text)[0]) {
		return false
	}
	if presentVerbs[w] {
		switch prev {
		case "they", "we", "i", "you", "who":
			return true
		}
		return len(prev) > 4 && strings.HasSuffix(prev, "s") && !strings.HasSuffix(prev, "ss") && (prev == prevText || i == 1)
	}
	if base, ok := thirdPerson(w); ok && presentVerbs[base] {
		switch {
		case prev == "he" || prev == "she" || prev == "it" || prev == "who" || prev == "which":
			return true
		case prevText != "" && unicode.IsUpper([]rune(prevText)[0]):
			return true
		}
		// After a common noun only the forms that are seldom nouns
		// themselves ("the minister meets", not "the new rules").
		return prev != "" && !plainNumber(prev) && !nounsToo[w]
	}
	return false
}

// thirdPerson strips the -s of a verb's third person: "meets" → "meet",
// "flies" → "fly", "addresses" → "address".
func thirdPerson(w string) (string, bool) {
	switch {
	case strings.HasSuffix(w, "ies") && len(w) > 4:
		return w[:len(w)-3] + "y", true
	case strings.HasSuffix(w, "sses") || strings.HasSuffix(w, "ches") || strings.HasSuffix(w, "shes"):
		return w[:len(w)-2], true
	case strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && len(w) > 3:
		return w[:len(w)-1], true
	}
	return "", false
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}
