package annotate

import (
	"strings"
	"time"

	"github.com/storydesk/storydesk/internal/model"
)

// TimeOptions tunes FindTimes and the Times annotator.
type TimeOptions struct {
	// GeneralRefs marks "now", "currently", "recently", "in the future" as
	// PRESENT_REF, PAST_REF and FUTURE_REF (TimeBank does; the seed gold
	// does not). false leaves them out. Cost: none.
	GeneralRefs bool
	// QuoteAnchor resolves "today", "tomorrow" and "yesterday" inside a
	// quotation against a past day named in the same or previous sentence
	// (the day the words were spoken) instead of the reference date.
	// false always uses the reference date. Cost: none.
	QuoteAnchor bool
	// Now gives the reference date when the caller has none (a zero ref).
	// nil leaves such a text without one: values that depend on the date
	// ("tomorrow", "on Friday", "last year") come out underspecified
	// ("XXXX-XX-XX", "XXXX"), as TIMEX3 writes a date it cannot fix, and
	// values that do not ("15 August 2025", "three days") are kept.
	Now func() time.Time
}

// DefaultTimeOptions returns the options the CLI uses.
func DefaultTimeOptions() TimeOptions {
	return TimeOptions{QuoteAnchor: true}
}

// Times is the annotator for time expressions; it fills Doc.Times.
type Times struct {
	Options TimeOptions
}

// Annotate finds the time expressions of d.Text against d.Ref.
func (t Times) Annotate(d *Doc) {
	hits := findTimes(d.scanned(), d.Ref, t.Options)
	for _, h := range hits {
		d.Times = append(d.Times, model.TimeExpr{
			Span: d.Span(h.start, h.end), Text: d.Text[h.start:h.end],
			Type: h.typ, Value: h.value, Mod: h.mod,
		})
	}
}

// FindTimes returns the time expressions in text, normalised in TIMEX3
// style against the reference date ref (the article's publication date),
// with spans in runes. For example, in an article of Thursday 14 August
// 2025, "Putin on Friday" yields {Text: "on Friday", Type: "DATE",
// Value: "2025-08-15"}, "at 11:30am local time" in a sentence naming
// Anchorage yields Value "2025-08-15T11:30-08:00", and "the past 24
// hours" yields {Type: "DURATION", Value: "PT24H"}.
//
// Recognised forms, each with optional leading "on", "in", "since":
//
//	weekday      Friday, Friday's, Tuesday night, earlier Monday
//	deictic      today, tomorrow('s), yesterday, tonight, last night
//	calendar     Aug. 14, 2025 · 14 August · September 2022 · in January ·
//	             mid-September · 2018 · the 1990s · 2025-08-14
//	relative     last week/month/year · this fall · next month ·
//	             earlier this month · at the weekend · the past 24 hours ·
//	             in recent months · for months · two weeks ago ·
//	             a day earlier · two days before the summit · the eve of …
//	durations    three years · 24-hour period · 3 1/2-year-old ·
//	             within 24 hours · in over a year · in its fourth year
//	clock        11:30am · 8.30 pm UK time · 11:30 local time · 15:00 GMT
//	sets         every week · weekly · daily · each year
func FindTimes(text string, ref time.Time, opts TimeOptions) []model.TimeExpr {
	hits := findTimes(txScanText(text), ref, opts)
	pos := make([]int, 0, 2*len(hits))
	for _, h := range hits {
		pos = append(pos, h.start, h.end)
	}
	txRunes(text, pos)
	out := make([]model.TimeExpr, len(hits))
	for k, h := range hits {
		out[k] = model.TimeExpr{
			Span: model.Span{Start: pos[2*k], End: pos[2*k+1]},
			Text: text[h.start:h.end], Type: h.typ, Value: h.value, Mod: h.mod,
		}
	}
	return out
}

// txHit is one time expression in byte offsets. day is the calendar day
// it names (zero if none), used as an anchor by later expressions.
type txHit struct {
	start, end int
	first      int // index of its first token
	typ, value string
	mod        string
	day        time.Time
	// event, when set, means the value is relative to an event named by
	// this noun class ("summit") and is resolved after the scan: the day
	// of the event plus shift days.
	event string
	shift int
	// clock, loc and zone make a TIME value once the day is known:
	// "T11:30" in America/Anchorage, or a fixed zone suffix such as "Z".
	clock string
	loc   *time.Location
	zone  string
}

// txState is the scan of one text.
type txState struct {
	text   string
	toks   []txTok
	sent   []int32 // sentence number of each token
	ref    time.Time
	opts   TimeOptions
	hits   []txHit
	events map[string]time.Time // event class → its day, from "Friday's summit"
	cur    int                  // the token tense() reads around
}

func findTimes(tt *txText, ref time.Time, opts TimeOptions) []txHit {
	if ref.IsZero() {
		if opts.Now == nil {
			return unanchored(tt, opts)
		}
		ref = opts.Now()
	}
	ref = time.Date(ref.Year(), ref.Month(), ref.Day(), 0, 0, 0, 0, time.UTC)
	s := &txState{text: tt.text, toks: tt.toks, sent: tt.sent, ref: ref, opts: opts}
	for i := 0; i < len(s.toks); {
		h, next, ok := s.match(i)
		if !ok || next <= i {
			i++
			continue
		}
		h.first = i
		h.start = s.toks[i].start
		h.end = s.toks[next-1].end
		s.extendPreposition(&h)
		s.hits = append(s.hits, h)
		s.learnEvent(h, next)
		i = next
	}
	s.resolveEvents()
	return s.hits
}

// match tries every rule at token i and returns the first match and the
// index after it.
func (s *txState) match(i int) (txHit, int, bool) {
	t := s.toks[i]
	if t.kind == txNum {
		if h, n, ok := s.matchClock(i); ok {
			return h, n, true
		}
		if h, n, ok := s.matchDayMonth(i); ok {
			return h, n, true
		}
		if h, n, ok := s.matchISODate(i); ok {
			return h, n, true
		}
		if h, n, ok := s.matchSet(i); ok {
			return h, n, true
		}
		if h, n, ok := s.matchCount(i); ok {
			return h, n, true
		}
		return s.matchYear(i)
	}
	if t.kind != txWord {
		return txHit{}, i, false
	}
	kind := txWordKinds[t.low]
	if kind == 0 && txPossessive(t.low) {
		kind = txWordKinds[txStem(t.low)]
	}
	switch kind {
	case 0:
		return txHit{}, i, false
	case txKindWeekday:
		return s.matchWeekday(i)
	case txKindMonth:
		if txCapital(t.text) {
			return s.matchMonth(i)
		}
	}
	if h, n, ok := s.matchDeictic(i); ok {
		return h, n, true
	}
	if h, n, ok := s.matchRelative(i); ok {
		return h, n, true
	}
	if h, n, ok := s.matchCount(i); ok {
		return h, n, true
	}
	if h, n, ok := s.matchEventRelative(i); ok {
		return h, n, true
	}
	if h, n, ok := s.matchSet(i); ok {
		return h, n, true
	}
	return s.matchRefs(i)
}

// Word kinds for the first lookup of each token.
const (
	txKindTrigger = iota + 1
	txKindWeekday
	txKindMonth
)

// txWordKinds holds weekdays, months and the words that can start another
// rule; every other word is skipped at the cost of one lookup.
var txWordKinds = func() map[string]uint8 {
	m := map[string]uint8{}
	for w := range txTriggers {
		m[w] = txKindTrigger
	}
	for w := range txWeekdays {
		m[w] = txKindWeekday
	}
	for w := range txMonths {
		if m[w] == 0 {
			m[w] = txKindMonth
		}
	}
	return m
}()

// txTriggers are the words that can start a rule other than a weekday,
// month or number.
var txTriggers = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`today tomorrow yesterday tonight the last this
		next past previous coming earlier later at over since during in now for
		mid early late just shortly soon right immediately before after every
		each currently presently nowadays recently previously formerly a an
		dozen half several few many couple first second third fourth noon
		midnight current once twice thrice`) {
		m[w] = true
	}
	for _, tab := range []map[string]float64{numberWordValues} {
		for w := range tab {
			m[w] = true
		}
	}
	for w := range txBounds {
		m[w] = true
	}
	for w := range txSetWords {
		m[w] = true
	}
	for _, w := range []string{"today's", "tomorrow's", "yesterday's", "tonight's", "today’s", "tomorrow’s", "yesterday’s", "tonight’s"} {
		m[w] = true
	}
	return m
}()

// extendPreposition takes a preposition in front of a date into its span
// ("on Friday", "in February", "since the weekend").
func (s *txState) extendPreposition(h *txHit) {
	p := h.first - 1
	if p < 0 || s.toks[p].kind != txWord || s.sent[p] != s.sent[h.first] {
		return
	}
	if len(s.hits) > 0 && s.hits[len(s.hits)-1].end > s.toks[p].start {
		return
	}
	switch s.toks[p].low {
	case "earlier", "later", "early", "late":
		// "earlier Monday"; "late last year", "early this month"
		if _, ok := txWeekdays[txStem(s.toks[h.first].low)]; ok {
			h.first = p
			h.start = s.toks[p].start
		} else if (s.toks[p].low == "early" || s.toks[p].low == "late") && h.typ == "DATE" && h.mod == "" && len(h.value) <= 7 && h.day.IsZero() {
			h.mod = map[string]string{"early": "START", "late": "END"}[s.toks[p].low]
			h.first = p
			h.start = s.toks[p].start
		}
	case "on", "in", "since", "until", "till", "by":
		if h.typ != "DATE" && h.typ != "TIME" {
			return
		}
		if s.toks[p].low == "since" && h.mod == "" {
			h.mod = "SINCE"
		}
		h.first = p
		h.start = s.toks[p].start
	}
}

// learnEvent records the day of an event noun next to a day expression:
// "Friday's summit", "the call on Wednesday", "the summit set for Friday".
func (s *txState) learnEvent(h txHit, next int) {
	if h.day.IsZero() || h.typ == "DURATION" || h.event != "" {
		return
	}
	if s.events == nil {
		s.events = map[string]time.Time{}
	}
	set := func(class string) {
		if _, ok := s.events[class]; !ok && class != "" {
			s.events[class] = h.day
		}
	}
	// Forward: "Friday's (US-Russia) summit", "Wednesday's video conference".
	last := s.toks[next-1].low
	if txPossessive(last) {
		set(s.eventClassAt(next, 4))
		return
	}
	// Forward: "on Wednesday for talks with EU leaders".
	if s.low(next) == "for" {
		if c := s.eventClassAt(next+1, 3); c != "" {
			set(c)
			return
		}
	}
	// Backward: "the call on Wednesday", "the summit in Alaska set for Friday".
	for k := h.first - 1; k >= 0 && k >= h.first-6 && s.sent[k] == s.sent[h.first]; k-- {
		if s.toks[k].kind == txPunct && s.toks[k].text != "-" {
			break
		}
		if c := txEventClass(s.toks, k); c != "" {
			set(c)
			return
		}
	}
}

// eventClassAt finds an event noun within n tokens from i.
func (s *txState) eventClassAt(i, n int) string {
	for k := i; k < len(s.toks) && k < i+n; k++ {
		if s.toks[k].kind == txPunct && s.toks[k].text != "-" {
			return ""
		}
		if c := txEventClass(s.toks, k); c != "" {
			return c
		}
	}
	return ""
}

// resolveEvents fills in hits relative to events now that every
// "Friday's summit" of the text is known; unresolved ones are dropped.
func (s *txState) resolveEvents() {
	out := s.hits[:0]
	for _, h := range s.hits {
		if h.event != "" {
			day, ok := s.events[h.event]
			if !ok && h.clock == "" {
				continue
			}
			if !ok {
				out = append(out, h) // keeps its fallback day
				continue
			}
			if h.mod == "AFTER" && day.After(s.ref) {
				continue // "after the summit" still to come: no day to give
			}
			h.day = day.AddDate(0, 0, h.shift)
			h.value = txDay(h.day)
			if h.clock != "" {
				h.value = txClockValue(h.day, h.clock, h.loc, h.zone)
			}
		}
		out = append(out, h)
	}
	s.hits = out
}

func txDay(t time.Time) string { return t.Format("2006-01-02") }

func txCapital(s string) bool { return s != "" && s[0] >= 'A' && s[0] <= 'Z' }

// Two reference dates that differ in year, month, week, weekday and day:
// a value that comes out the same against both does not depend on the
// reference.
var (
	probeA = time.Date(2001, 3, 14, 0, 0, 0, 0, time.UTC)  // a Wednesday
	probeB = time.Date(2010, 10, 28, 0, 0, 0, 0, time.UTC) // a Thursday
)

// unanchored finds the times of a text with no reference date: each value
// that depends on the reference is underspecified.
func unanchored(tt *txText, opts TimeOptions) []txHit {
	a := findTimes(tt, probeA, opts)
	b := findTimes(tt, probeB, opts)
	other := make(map[[2]int]string, len(b))
	for _, h := range b {
		other[[2]int{h.start, h.end}] = h.value
	}
	for i := range a {
		if v, ok := other[[2]int{a[i].start, a[i].end}]; !ok || v != a[i].value {
			a[i].value = underspecified(a[i].value)
			a[i].day = time.Time{}
		}
	}
	return a
}

// underspecified writes X for every digit of the calendar part of a
// TIMEX3 value, keeping its shape and any clock time: "2001-03-16" →
// "XXXX-XX-XX", "2001-W11" → "XXXX-WXX", "2001-03-16T11:30-08:00" →
// "XXXX-XX-XXT11:30-08:00", a span part by part.
func underspecified(v string) string {
	parts := strings.Split(v, "/")
	for i, p := range parts {
		date, clock, hasClock := strings.Cut(p, "T")
		b := []byte(date)
		for j, c := range b {
			if c >= '0' && c <= '9' {
				b[j] = 'X'
			}
		}
		parts[i] = string(b)
		if hasClock {
			parts[i] += "T" + clock
		}
	}
	return strings.Join(parts, "/")
}
