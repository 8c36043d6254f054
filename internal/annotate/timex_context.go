package annotate

import (
	"strings"
	"time"
)

// The context a time expression is read in: its sentence, the tense of
// the verb nearest to it, whether it sits inside a quotation, and the
// events ("the summit") whose day the text gives.

// Limits that keep the scan linear on pathological text: how many tokens
// back a quotation mark is looked for, how many earlier expressions are
// searched for an anchor day, and how far within a sentence a place or an
// event noun is looked for.
const (
	txQuoteReach    = 400
	txHitReach      = 16
	txSentenceReach = 60
)

// Tense cues. The verb nearest to a weekday decides whether "on Monday"
// looks back or ahead when the nearest Monday is on the other side.
var (
	txFutureCues = map[string]bool{
		"will": true, "shall": true, "would": true, "going": true, "due": true,
		"set": true, "scheduled": true, "expected": true, "plans": true,
		"planned": true, "planning": true, "upcoming": true, "next": true,
		"until": true, "ahead": true, "won't": true, "won’t": true,
		"could": true, "might": true, "may": true, "should": true,
		"expect": true, "expects": true, "plan": true, "hope": true,
		"hopes": true, "aims": true, "intends": true,
	}
	txPastCues = map[string]bool{
		"was": true, "were": true, "had": true, "did": true, "said": true,
		"told": true, "met": true, "took": true, "came": true, "went": true,
		"made": true, "began": true, "held": true, "spoke": true, "gave": true,
		"saw": true, "left": true, "won": true, "lost": true, "got": true,
		"sent": true, "wrote": true, "ran": true, "led": true, "fell": true,
		"rose": true, "struck": true, "fought": true, "flew": true,
		"ago": true, "since": true, "earlier": true, "been": true,
		"didn't": true, "didn’t": true, "wasn't": true, "wasn’t": true,
	}
	// Present-tense words end the search without a verdict.
	txPresentCues = map[string]bool{
		"is": true, "are": true, "am": true, "does": true, "do": true,
		"has": true, "have": true, "can": true, "be": true, "being": true,
	}
	// Clause openers end the search: the tense beyond them is another
	// clause's.
	txClauseStops = map[string]bool{
		"that": true, "which": true, "who": true, "when": true, "if": true,
		"because": true, "while": true, "whether": true, "and": false,
	}
	// Words ending in -ed that are not past verbs.
	txNotPast = map[string]bool{
		"need": true, "speed": true, "embed": true, "hundred": true, "bed": true,
		"red": true, "seed": true, "feed": true, "breed": true, "proceed": true,
		"succeed": true, "exceed": true, "indeed": true, "shed": true,
		"united": true, "armed": true, "based": true, "alleged": true,
		"related": true, "limited": true, "advanced": true, "detailed": true,
	}
)

// txSentences numbers the sentence of each token: a new sentence starts
// after a line break or after . ! ? followed by a capital, digit or quote.
func txSentences(toks []txTok) []int32 {
	return txSentencesInto(toks, nil)
}

// txSentencesInto is txSentences writing into buf when it is large enough.
func txSentencesInto(toks []txTok, buf []int32) []int32 {
	out := buf[:0]
	if cap(out) >= len(toks) {
		out = out[:len(toks)] // every entry is written below
	} else {
		out = make([]int32, len(toks))
	}
	var n int32
	for k := range toks {
		if k > 0 {
			p := toks[k-1]
			switch {
			case toks[k].newline:
				n++
			case p.kind == txPunct && (p.text == "." || p.text == "!" || p.text == "?") && toks[k].gap &&
				(toks[k].kind != txWord || txCapital(toks[k].text)) && !txAbbrevBefore(toks, k-1):
				n++
			}
		}
		out[k] = n
	}
	return out
}

// tense returns -1 when the verb nearest to tokens [i, j) is past, +1 when
// it is future, 0 when present or unknown. It looks back up to 10 tokens and
// ahead up to 4, within the sentence and clause.
func (s *txState) tense(i, j int) int {
	s.cur = i
	for k := i - 1; k >= 0 && k >= i-10 && s.sent[k] == s.sent[i]; k-- {
		if v, stop := s.tenseAt(k); stop {
			return v
		}
	}
	end := j + 4
	if j < len(s.toks) && s.toks[j].text == "," && (i == 0 || s.sent[i-1] != s.sent[i]) {
		// A fronted adverbial: "At the weekend, Mr Trump suggested".
		j++
		end += 2
	}
	for k := j; k < len(s.toks) && k < end && s.sent[k] == s.sent[i]; k++ {
		if v, stop := s.tenseAt(k); stop {
			return v
		}
	}
	return 0
}

// tenseAt reads one token: a verdict, or stop with 0 at a clause boundary.
func (s *txState) tenseAt(k int) (int, bool) {
	t := s.toks[k]
	if t.kind == txPunct {
		switch t.text {
		case "-", "'", "’", "‘", "%", "$", "£", "€":
			return 0, false
		case ",":
			// Look across commas before the expression ("finished at
			// 142.75, up from 141.60 late Friday"), not after it.
			return 0, k > s.cur
		}
		return 0, true
	}
	if t.kind != txWord {
		return 0, false
	}
	w := t.low
	switch {
	case txClauseStops[w]:
		return 0, true
	case txFutureCues[w] || strings.HasSuffix(w, "'ll") || strings.HasSuffix(w, "’ll"):
		return 1, true
	case txPastCues[w]:
		return -1, true
	case txPresentCues[w]:
		return 0, true
	case len(w) > 4 && strings.HasSuffix(w, "ed") && !txNotPast[w]:
		// "is agreed", "be achieved": a passive in the present or future.
		if k > 0 {
			switch s.toks[k-1].low {
			case "is", "are", "be", "being", "am", "get", "gets":
				return 0, true
			case "will":
				return 1, true
			}
		}
		return -1, true
	}
	return 0, false
}

// inQuote reports whether token i sits inside a quotation on its line: more
// opening than closing marks before it since the line began.
func (s *txState) inQuote(i int) bool {
	depth := 0
	// Bounded so a megabyte on one line stays linear.
	for k := i - 1; k >= 0 && k >= i-txQuoteReach; k-- {
		t := s.toks[k]
		if t.kind == txPunct {
			switch t.text {
			case "“", "‘":
				depth++
			case "”":
				depth--
			case "’":
				if k+1 < len(s.toks) && !s.toks[k+1].gap && s.toks[k+1].kind == txWord {
					continue
				}
				depth--
			case "\"", "'":
				// Straight marks: opening if a word follows without space.
				if k+1 < len(s.toks) && !s.toks[k+1].gap && (k == 0 || s.toks[k].gap) {
					depth++
				} else {
					depth--
				}
			}
		}
		if t.newline {
			break
		}
	}
	return depth > 0
}

// anchorDay is the last day named before token i in its sentence or the
// sentence before; zero if none.
func (s *txState) anchorDay(i int) (time.Time, bool) {
	for k := len(s.hits) - 1; k >= 0 && k >= len(s.hits)-txHitReach; k-- {
		h := s.hits[k]
		if s.sent[h.first] < s.sent[i]-1 {
			break
		}
		if !h.day.IsZero() && h.typ != "DURATION" && h.event == "" {
			return h.day, true
		}
	}
	return time.Time{}, false
}

// sentenceDay is the last day named in token i's sentence before it.
func (s *txState) sentenceDay(i int) (time.Time, bool) {
	for k := len(s.hits) - 1; k >= 0 && k >= len(s.hits)-txHitReach; k-- {
		h := s.hits[k]
		if s.sent[h.first] != s.sent[i] {
			break
		}
		if !h.day.IsZero() && h.typ != "DURATION" && h.event == "" {
			return h.day, true
		}
	}
	return time.Time{}, false
}

// Event nouns that news dates: "Friday's summit", "the call on Wednesday".
// Meetings, talks and summits are one class; calls and conferences held
// by video another, so "the virtual meeting" finds "the call on Wednesday".
var txEventNouns = map[string]string{
	"summit": "meeting", "meeting": "meeting", "talks": "meeting",
	"call": "call", "videoconference": "call", "conference": "conference",
	"election": "election", "vote": "election", "referendum": "election",
	"visit": "visit", "trip": "visit", "speech": "speech", "address": "speech",
	"hearing": "hearing", "trial": "trial", "debate": "debate",
	"match": "match", "game": "match", "race": "match", "final": "match",
}

// txEventClass returns the event class of the noun at k ("" if none). A
// noun after "video" or "virtual" is a call.
func txEventClass(toks []txTok, k int) string {
	c, ok := txEventNouns[txStem(toks[k].low)]
	if !ok {
		return ""
	}
	for p := k - 1; p >= 0 && p >= k-2; p-- {
		switch toks[p].low {
		case "video", "virtual", "phone", "telephone", "online":
			return "call"
		}
	}
	if c == "conference" {
		if k > 0 && (toks[k-1].low == "press" || toks[k-1].low == "news") {
			return "press"
		}
		return "call"
	}
	return c
}

// txAbbrevBefore reports whether the full stop at k closes an abbreviation
// ("Aug.", "Mr.", "U.S.") rather than a sentence.
func txAbbrevBefore(toks []txTok, k int) bool {
	if k == 0 || toks[k].text != "." || toks[k-1].kind != txWord || toks[k].gap {
		return false
	}
	w := toks[k-1]
	if _, ok := txMonths[w.low]; ok {
		return true
	}
	switch w.low {
	case "mr", "mrs", "ms", "dr", "st", "no", "gen", "sen", "rep", "gov", "lt", "col", "capt", "prof", "vs":
		return true
	}
	return len(w.text) == 1 && txCapital(w.text)
}
