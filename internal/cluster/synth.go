package cluster

import (
	"math/rand/v2"
	"strconv"
	"strings"
	"time"
)

// SynthOptions shape a synthetic stream for tests and benchmarks.
type SynthOptions struct {
	// Articles is the stream's length; Stories how many stories it tells
	// (besides noise); Days the time it spans; Outlets how many outlets
	// publish.
	Articles, Stories, Days, Outlets int
	// Syndicated is the share of articles that copy another outlet's
	// article of the same story word for word.
	Syndicated float64
	// Noise is the share of articles that belong to no story (each is its
	// own gold cluster).
	Noise float64
	// Twins is the share of stories that repeat an earlier story's kind,
	// person, organisation and half its specific words, in another place,
	// with other numbers, on another day: similar but different events.
	Twins float64
	// Seed makes the stream reproducible.
	Seed uint64
	// Start is the first article's time; zero means 2026-01-01 UTC.
	Start time.Time
}

// DefaultSynthOptions is a stream of 10,000 articles, ten per story, over
// 30 days from 20 outlets.
func DefaultSynthOptions() SynthOptions {
	return SynthOptions{Articles: 10000, Stories: 1000, Days: 30, Outlets: 20,
		Syndicated: 0.1, Noise: 0.05, Twins: 0.3, Seed: 1}
}

// eventKinds are the kinds of event a synthetic story reports, each with
// the words its articles use and the noun its count goes with.
var eventKinds = []struct {
	words []string
	noun  string
}{
	{[]string{"earthquake", "magnitude", "tremor", "quake", "rescue", "rubble", "epicentre"}, "dead"},
	{[]string{"shooting", "gunman", "police", "victims", "suspect", "motive", "fired"}, "killed"},
	{[]string{"summit", "leaders", "talks", "agreement", "delegation", "sanctions", "trade"}, "countries"},
	{[]string{"election", "votes", "ballot", "candidate", "turnout", "campaign", "polls"}, "seats"},
	{[]string{"wildfire", "blaze", "firefighters", "evacuation", "acres", "containment", "smoke"}, "homes"},
	{[]string{"flood", "rainfall", "river", "dam", "evacuated", "rescue", "storm"}, "displaced"},
	{[]string{"strike", "union", "workers", "wages", "walkout", "negotiations", "pickets"}, "workers"},
	{[]string{"merger", "shares", "acquisition", "deal", "investors", "bid", "regulators"}, "million"},
}

// Stream generates a synthetic stream lazily, so that a million-article
// run holds only the clusterer in memory. Articles come in time order.
type Stream struct {
	opts    SynthOptions
	rng     *rand.Rand
	k       int
	stories []synthStory // recent stories, a sliding window
	started int
	noise   int
}

type synthStory struct {
	id                  int
	kind                int
	person, org, place  int
	count               int
	day                 int
	specific            [6]int
	lastText, lastTitle string
}

// NewStream starts a stream.
func NewStream(opts SynthOptions) *Stream {
	if opts.Start.IsZero() {
		opts.Start = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	opts.Articles = max(opts.Articles, 1)
	opts.Stories = max(opts.Stories, 1)
	opts.Days = max(opts.Days, 1)
	opts.Outlets = max(opts.Outlets, 1)
	return &Stream{opts: opts, rng: rand.New(rand.NewPCG(opts.Seed, opts.Seed^0x9e3779b97f4a7c15))}
}

// activeWindow is how many recent stories new articles are drawn from.
const activeWindow = 24

// Next returns the next article and its gold story label; ok is false at
// the end of the stream.
func (s *Stream) Next() (it Item, gold string, ok bool) {
	if s.k >= s.opts.Articles {
		return Item{}, "", false
	}
	k := s.k
	s.k++
	span := time.Duration(s.opts.Days) * 24 * time.Hour
	at := s.opts.Start.Add(time.Duration(float64(span) * float64(k) / float64(s.opts.Articles)))
	outlet := "outlet" + strconv.Itoa(s.rng.IntN(s.opts.Outlets)) + ".example"
	id := "a" + strconv.Itoa(k)
	if s.rng.Float64() < s.opts.Noise {
		s.noise++
		return s.noiseItem(id, outlet, at), "noise" + strconv.Itoa(s.noise), true
	}
	// Start stories at an even pace over the stream.
	for s.started < s.opts.Stories && s.started*s.opts.Articles <= k*s.opts.Stories {
		s.startStory(int(at.Sub(s.opts.Start) / (24 * time.Hour)))
	}
	// Recent stories get more articles than older ones.
	n := len(s.stories)
	st := &s.stories[n-1-min(n-1, int(s.rng.ExpFloat64()*4))]
	it = Item{ID: id, Outlet: outlet, Published: at}
	if st.lastText != "" && s.rng.Float64() < s.opts.Syndicated {
		it.Title, it.Text = st.lastTitle, st.lastText
	} else {
		it.Title, it.Text = s.write(st)
		st.lastTitle, st.lastText = it.Title, it.Text
	}
	it.Entities = []string{pseudoName(st.person, 2), pseudoName(st.org, 1)}
	it.Places = []string{pseudoName(st.place, 1)}
	it.Times = []string{s.opts.Start.AddDate(0, 0, st.day).Format("2006-01-02")}
	it.Numbers = []string{strconv.Itoa(st.count) + "|" + eventKinds[st.kind].noun}
	return it, "story" + strconv.Itoa(st.id), true
}

func (s *Stream) startStory(day int) {
	st := synthStory{id: s.started, kind: s.rng.IntN(len(eventKinds)),
		person: s.rng.IntN(1 << 20), org: s.rng.IntN(1 << 20), place: s.rng.IntN(1 << 20),
		count: 2 + s.rng.IntN(500), day: day}
	if len(s.stories) > 0 && s.rng.Float64() < s.opts.Twins {
		// A twin: same kind and organisation as a recent story, the rest new.
		prev := s.stories[s.rng.IntN(len(s.stories))]
		st.kind, st.org, st.person = prev.kind, prev.org, prev.person
		st.specific = prev.specific
	}
	// A twin keeps half its model's specific words.
	for i := range st.specific {
		if st.specific[i] == 0 || i%2 == 1 {
			st.specific[i] = 1 + s.rng.IntN(1<<18)
		}
	}
	s.started++
	s.stories = append(s.stories, st)
	if len(s.stories) > activeWindow {
		s.stories = append(s.stories[:0], s.stories[1:]...)
	}
}

// write composes a title and a 40-word body for a story.
func (s *Stream) write(st *synthStory) (title, text string) {
	kind := eventKinds[st.kind]
	person, org, place := pseudoName(st.person, 2), pseudoName(st.org, 1), pseudoName(st.place, 1)
	title = kind.words[s.rng.IntN(len(kind.words))] + " in " + place + ": " + strconv.Itoa(st.count) + " " + kind.noun
	var b strings.Builder
	b.WriteString(person + " of " + org + " said the " + kind.words[0] + " in " + place + " left " +
		strconv.Itoa(st.count) + " " + kind.noun + ".")
	for i := 0; i < 36; i++ {
		b.WriteByte(' ')
		switch r := s.rng.IntN(10); {
		case r < 3:
			b.WriteString(kind.words[s.rng.IntN(len(kind.words))])
		case r < 6:
			b.WriteString(pseudoWord(st.specific[s.rng.IntN(len(st.specific))]))
		default:
			b.WriteString(pseudoWord(1<<18 + s.rng.IntN(3000)))
		}
	}
	b.WriteString(". " + org + " officials visited " + place + ".")
	return title, b.String()
}

func (s *Stream) noiseItem(id, outlet string, at time.Time) Item {
	var b strings.Builder
	for i := 0; i < 40; i++ {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(pseudoWord(s.rng.IntN(1 << 19)))
	}
	return Item{ID: id, Outlet: outlet, Published: at, Title: pseudoWord(s.rng.IntN(1 << 19)), Text: b.String()}
}

var syllables = []string{"ka", "lo", "mi", "ter", "san", "do", "ri", "ven", "tu", "ba", "nel", "os", "pra", "gu", "zen", "fi"}

// pseudoWord spells n in syllables: a lower-case made-up word.
func pseudoWord(n int) string {
	var b strings.Builder
	for i := 0; i < 2 || n > 0; i++ {
		b.WriteString(syllables[n%len(syllables)])
		n /= len(syllables)
	}
	return b.String()
}

// pseudoName is a capitalised made-up name of the given number of words.
func pseudoName(n, words int) string {
	parts := make([]string, words)
	for i := range parts {
		w := pseudoWord(n*7919 + i*104729)
		parts[i] = strings.ToUpper(w[:1]) + w[1:]
	}
	return strings.Join(parts, " ")
}
