package brief

import (
	"strings"
	"time"
	"unicode"

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

// rowStatus tells whether the event of row had happened or was scheduled
// as of ref, the publication time of the article the row's sentence comes
// from (zero when unknown). A row dated after ref is scheduled, one dated
// before it past; on the day itself (or without ref) the tense and modal
// cues of the sentence decide, the ones nearest the words that name the
// day first. A row with no cue at all is past, as news reports mostly are.
func rowStatus(row model.TimelineRow, ref model.Time) string {
	if !ref.IsZero() {
		switch compareWhen(row.When, ref) {
		case -1:
			return StatusPast
		case 1:
			return StatusScheduled
		}
	}
	if future, ok := tenseCue(row.Text, row.When); ok && future {
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
// the sentence. It reports whether that cue is a future one, and false in
// ok when there is none.
func tenseCue(text, when string) (future, ok bool) {
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
			f, p := cueAt(words, i)
			if !f && !p {
				continue
			}
			if d := abs(i - anchor); best < 0 || d < best {
				best, bestFuture = d, f
			}
		}
		if best >= 0 {
			return bestFuture, true
		}
	}
	return false, false
}

// word is a token of a sentence; punct marks a clause break (, ; : — and
// brackets) after it.
type word struct {
	text  string
	lower string
	punct bool
}

func tokens(text string) []word {
	var out []word
	for _, f := range strings.Fields(text) {
		core := strings.TrimFunc(f, func(r rune) bool { return unicode.IsPunct(r) && r != '\'' && r != '’' })
		if core == "" {
			if len(out) > 0 {
				out[len(out)-1].punct = true
			}
			continue
		}
		last := []rune(f)[len([]rune(f))-1]
		out = append(out, word{text: core, lower: strings.ToLower(core), punct: strings.ContainsRune(",;:—–()", last)})
	}
	return out
}

// anchorWord is the index of the word that names the day of when: its
// weekday, "today" and the like, its day of the month beside a month
// name, or a clock time; -1 when none is found.
func anchorWord(words []word, when string) int {
	names := []string{"today", "tonight", "this morning", "this afternoon", "this evening"}
	if t, err := time.Parse(time.DateOnly, when[:min(len(when), 10)]); err == nil {
		names = append(names, strings.ToLower(t.Weekday().String()), strings.ToLower(t.Month().String()))
	}
	for i, w := range words {
		for _, n := range names {
			first, _, _ := strings.Cut(n, " ")
			if strings.TrimSuffix(strings.TrimSuffix(w.lower, "'s"), "’s") == first {
				return i
			}
		}
		if strings.ContainsAny(w.lower, ":.") && len(w.lower) <= 7 && w.lower[0] >= '0' && w.lower[0] <= '9' {
			return i
		}
	}
	return -1
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

// cueAt reports whether a future or a past cue starts at word i.
func cueAt(words []word, i int) (future, past bool) {
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
			return true, false
		}
	}
	for _, c := range pastCues {
		if match(c) {
			return false, true
		}
	}
	w := words[i]
	if len(w.lower) > 4 && strings.HasSuffix(w.lower, "ed") && !unicode.IsUpper([]rune(w.text)[0]) {
		return false, true
	}
	return false, false
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}
