package dedup

import (
	"math"
	"math/rand/v2"
	"strconv"
	"strings"
)

// Synthetic corpora for measuring duplicate detection: news-like articles
// over a Zipf-distributed vocabulary, grouped by topic (shared names and
// quoted sentences, so same-topic articles overlap a little, as rival
// outlets' reports do), with known exact and near copies. Everything is
// drawn from a seeded generator, so a seed always yields the same corpus.

// SynthOptions shapes a synthetic corpus; zero fields take the defaults of
// DefaultSynthOptions (the three fractions together, when all are zero).
type SynthOptions struct {
	// Articles is the corpus size, copies included.
	Articles int
	// Seed selects the corpus.
	Seed uint64
	// Vocabulary is the number of distinct common words.
	Vocabulary int
	// MinWords and MaxWords bound the length of an original article.
	MinWords, MaxWords int
	// ExactCopies and NearCopies are the fractions of articles that copy an
	// earlier one verbatim (up to quote style, case and spacing) or with
	// edits.
	ExactCopies, NearCopies float64
	// Rewrites is the fraction of articles that rewrite an earlier one,
	// replacing a fifth to a half of its sentences: a shingle Jaccard
	// similarity of about 0.3 to 0.67, which is not a duplicate. They are
	// the hard negatives that make precision mean something.
	Rewrites float64
	// Topics is the number of stories the originals are spread over.
	Topics int
}

// DefaultSynthOptions returns the corpus the benchmarks use: 100,000
// articles of 300–600 words, 10% exact and 15% near copies, 5% rewrites.
func DefaultSynthOptions() SynthOptions {
	return SynthOptions{
		Articles:    100_000,
		Seed:        1,
		Vocabulary:  40_000,
		MinWords:    300,
		MaxWords:    600,
		ExactCopies: 0.10,
		NearCopies:  0.15,
		Rewrites:    0.05,
		Topics:      2_000,
	}
}

// SynthArticle is one generated article.
type SynthArticle struct {
	ID   string
	Text string
	// Original is the id of the original this article copies, directly or
	// through other copies; "" for an original.
	Original string
	// From is the id of the article this one was copied from (Original or
	// another copy of it); "" for an original.
	From string
	// Edits names what was changed from the copied article, "+"-joined:
	// "exact", "quotes", "spacing", "words", "sentence-added",
	// "sentence-removed", "boilerplate"; "rewrite" for a rewrite.
	Edits string
	// RewriteOf is the id of the article a rewrite was made from; a
	// rewrite is an original, not a copy.
	RewriteOf string
}

// Synthesize generates a corpus. Copies follow the article they copy, which
// may itself be a copy.
func Synthesize(opts SynthOptions) []SynthArticle {
	opts = opts.withDefaults()
	g := newSynth(opts)
	arts := make([]SynthArticle, 0, opts.Articles)
	for i := range opts.Articles {
		a := SynthArticle{ID: "a" + strconv.Itoa(i)}
		p := g.rng.Float64()
		switch {
		case i == 0 || p >= opts.ExactCopies+opts.NearCopies+opts.Rewrites:
			a.Text = g.article(g.rng.IntN(opts.Topics))
		case p >= opts.ExactCopies+opts.NearCopies:
			src := arts[g.rng.IntN(len(arts))]
			a.Text, a.Edits, a.RewriteOf = g.rewrite(src.Text), "rewrite", src.ID
		default:
			src := arts[g.rng.IntN(len(arts))]
			a.From, a.Original = src.ID, src.Original
			if a.Original == "" {
				a.Original = src.ID
			}
			if p < opts.ExactCopies {
				a.Text, a.Edits = g.exactCopy(src.Text)
			} else {
				a.Text, a.Edits = g.nearCopy(src.Text)
			}
		}
		arts = append(arts, a)
	}
	return arts
}

// SynthScore compares what an index reported for each article (matches[i]
// for arts[i], a zero Match for none) with the known copies: precision is
// the share of reported duplicates linked to their true original, recall
// the share of copies found and linked to their true original.
func SynthScore(arts []SynthArticle, matches []Match) (precision, recall float64) {
	var reported, copies, right int
	for i, a := range arts {
		got := matches[i].Original
		if got != "" {
			reported++
		}
		if a.Original != "" {
			copies++
			if got == a.Original {
				right++
			}
		}
	}
	precision, recall = 1, 1
	if reported > 0 {
		precision = float64(right) / float64(reported)
	}
	if copies > 0 {
		recall = float64(right) / float64(copies)
	}
	return precision, recall
}

func (o SynthOptions) withDefaults() SynthOptions {
	d := DefaultSynthOptions()
	if o.Articles <= 0 {
		o.Articles = d.Articles
	}
	if o.Vocabulary <= 0 {
		o.Vocabulary = d.Vocabulary
	}
	if o.MinWords <= 0 {
		o.MinWords = d.MinWords
	}
	if o.MaxWords < o.MinWords {
		o.MaxWords = max(o.MinWords, d.MaxWords)
	}
	if o.ExactCopies <= 0 && o.NearCopies <= 0 && o.Rewrites <= 0 {
		o.ExactCopies, o.NearCopies, o.Rewrites = d.ExactCopies, d.NearCopies, d.Rewrites
	}
	if o.Topics <= 0 {
		o.Topics = d.Topics
	}
	return o
}

// commonWords are the most frequent English words, in rank order; the
// rest of the vocabulary is made of syllables.
var commonWords = strings.Fields(`the of and to a in that is was he for it
with as his on be at by i had not are but from or have an they which one
you were her all she there would their we him been has when who will more
no if out so said what up its about into than them can only other new some
could time these two may then do first any my now such like our over man
me even most made after also did many before must through back years where
much your way well down should because each just those people how too
little state good very make world still own see men work long get here
between both life being under never day same another know while last might
us great old year off come since against go came right used take three
government minister president police officials week city country told
according report percent million support security people's public`)

var syllableOnsets = strings.Fields("b c d f g h j k l m n p r s t v w z br cr dr fr gr pr tr bl cl fl gl pl sl st sp sk sh ch th")
var syllableNuclei = strings.Fields("a e i o u a e i o ai ea ou ie")
var syllableCodas = []string{"", "", "", "n", "r", "s", "t", "l", "m", "nd", "st", "ng", "ck"}

// boilerplates are outlet footers appended to syndicated copies.
var boilerplates = []string{
	"Subscribe to our morning newsletter for the day's top stories, delivered to your inbox before breakfast. Copyright 2026. All rights reserved.",
	"This article was amended to correct a date. Additional reporting by wire services; editing by the international desk. Follow us on social media for live updates.",
	"Download our free app to read every story offline and get breaking news alerts. Comments are closed on this article for legal reasons.",
	"Reporting by our correspondents in the region; writing by the world news team. Our standards: the Trust Principles apply to every story we publish.",
}

// synth holds the generator's state.
type synth struct {
	opts   SynthOptions
	rng    *rand.Rand
	zipf   *rand.Zipf
	vocab  []string
	topics []topic
	sb     strings.Builder
}

// topic is what articles about one story share.
type topic struct {
	names  []string // people and places, capitalised
	words  []string // words the story uses more than usual
	quotes []string // sentences some outlets quote verbatim
}

func newSynth(opts SynthOptions) *synth {
	rng := rand.New(rand.NewPCG(opts.Seed, 0x73796e7468))
	g := &synth{opts: opts, rng: rng, zipf: rand.NewZipf(rng, 1.07, 2, uint64(opts.Vocabulary-1))}
	seen := make(map[string]bool, opts.Vocabulary)
	for _, w := range commonWords {
		if !seen[w] {
			seen[w] = true
			g.vocab = append(g.vocab, w)
		}
	}
	for len(g.vocab) < opts.Vocabulary {
		// Rarer words are longer, as in natural languages.
		w := g.pseudoWord(1 + min(3, len(g.vocab)/3000) + rng.IntN(2))
		if !seen[w] {
			seen[w] = true
			g.vocab = append(g.vocab, w)
		}
	}
	g.topics = make([]topic, opts.Topics)
	for i := range g.topics {
		t := &g.topics[i]
		for range 6 {
			n := g.pseudoWord(2 + rng.IntN(2))
			t.names = append(t.names, strings.ToUpper(n[:1])+n[1:])
		}
		for range 30 {
			t.words = append(t.words, g.vocab[300+rng.IntN(len(g.vocab)-300)])
		}
		for range 3 {
			t.quotes = append(t.quotes, g.sentence(t, 10+rng.IntN(15), false))
		}
	}
	return g
}

func (g *synth) pseudoWord(syllables int) string {
	var b strings.Builder
	for range syllables {
		b.WriteString(syllableOnsets[g.rng.IntN(len(syllableOnsets))])
		b.WriteString(syllableNuclei[g.rng.IntN(len(syllableNuclei))])
		b.WriteString(syllableCodas[g.rng.IntN(len(syllableCodas))])
	}
	return b.String()
}

// word draws one word: mostly from the Zipf vocabulary, sometimes the
// topic's own words and names.
func (g *synth) word(t *topic) string {
	switch p := g.rng.IntN(100); {
	case p < 4:
		return t.names[g.rng.IntN(len(t.names))]
	case p < 12:
		return t.words[g.rng.IntN(len(t.words))]
	default:
		return g.vocab[g.zipf.Uint64()]
	}
}

// sentence returns n words as a sentence: capitalised, with the odd comma,
// and a final period unless quoted.
func (g *synth) sentence(t *topic, n int, period bool) string {
	b := &g.sb
	b.Reset()
	for i := range n {
		w := g.word(t)
		if i == 0 {
			w = strings.ToUpper(w[:1]) + w[1:]
		} else {
			b.WriteByte(' ')
		}
		b.WriteString(w)
		if i > 2 && i < n-2 && g.rng.IntN(12) == 0 {
			b.WriteByte(',')
		}
	}
	if period {
		b.WriteByte('.')
	}
	return b.String()
}

// article writes one original article on topic ti: paragraphs of sentences,
// some quoting a speaker, some the topic's shared quotes.
func (g *synth) article(ti int) string {
	t := &g.topics[ti]
	target := g.opts.MinWords + g.rng.IntN(g.opts.MaxWords-g.opts.MinWords+1)
	var out strings.Builder
	words, inPara := 0, 0
	for words < target {
		n := 8 + g.rng.IntN(21)
		var s string
		switch p := g.rng.IntN(100); {
		case p < 6:
			q := t.quotes[g.rng.IntN(len(t.quotes))]
			s = `"` + q + `," said ` + t.names[g.rng.IntN(len(t.names))] + "."
			n = strings.Count(q, " ") + 3
		case p < 14:
			s = `"` + g.sentence(t, n, false) + `," ` + g.word(t) + " " + t.names[g.rng.IntN(len(t.names))] + " said."
			n += 3
		default:
			s = g.sentence(t, n, true)
		}
		if words > 0 {
			if inPara >= 2 && g.rng.IntN(3) == 0 {
				out.WriteString("\n\n")
				inPara = 0
			} else {
				out.WriteByte(' ')
			}
		}
		out.WriteString(s)
		words += n
		inPara++
	}
	return out.String()
}

// exactCopy returns text as another outlet might repeat it unchanged: same
// words, perhaps in other quotes or spacing.
func (g *synth) exactCopy(text string) (string, string) {
	switch g.rng.IntN(3) {
	case 0:
		return text, "exact"
	case 1:
		return curlQuotes(text), "quotes"
	default:
		return strings.ReplaceAll(strings.ReplaceAll(text, "\n\n", "\n"), ". ", ".  "), "spacing"
	}
}

// nearCopy returns text with one or two edits of the kinds syndicated and
// updated articles show.
func (g *synth) nearCopy(text string) (string, string) {
	var edits []string
	n := 1
	if g.rng.IntN(4) == 0 {
		n = 2
	}
	for range n {
		switch g.rng.IntN(4) {
		case 0:
			text = g.editWords(text, 1+g.rng.IntN(5))
			edits = append(edits, "words")
		case 1:
			text = g.editSentence(text, false)
			edits = append(edits, "sentence-removed")
		case 2:
			text = g.editSentence(text, true)
			edits = append(edits, "sentence-added")
		default:
			text += "\n\n" + boilerplates[g.rng.IntN(len(boilerplates))]
			edits = append(edits, "boilerplate")
		}
	}
	if g.rng.IntN(3) == 0 {
		text = curlQuotes(text)
		edits = append(edits, "quotes")
	}
	return text, strings.Join(edits, "+")
}

// rewrite replaces a share of text's sentences, drawn from [0.2, 0.5]
// and rounded up, with new ones.
func (g *synth) rewrite(text string) string {
	var ends []int // offsets just past each sentence's final period
	for i := 0; i < len(text); i++ {
		if text[i] == '.' && (i+1 == len(text) || text[i+1] == ' ' || text[i+1] == '\n') {
			ends = append(ends, i+1)
		}
	}
	share := 0.2 + 0.3*g.rng.Float64()
	replace := make(map[int]bool)
	for _, k := range g.rng.Perm(len(ends))[:int(math.Ceil(share*float64(len(ends))))] {
		replace[k] = true
	}
	t := &g.topics[g.rng.IntN(len(g.topics))]
	var b strings.Builder
	start := 0
	for k, end := range ends {
		if replace[k] {
			lead := start
			for lead < end && (text[lead] == ' ' || text[lead] == '\n') {
				lead++
			}
			b.WriteString(text[start:lead])
			b.WriteString(g.sentence(t, 8+g.rng.IntN(21), true))
		} else {
			b.WriteString(text[start:end])
		}
		start = end
	}
	b.WriteString(text[start:])
	return b.String()
}

// editWords replaces n words at random places with other vocabulary words.
func (g *synth) editWords(text string, n int) string {
	b := []byte(text)
	var out strings.Builder
	for range n {
		i := g.rng.IntN(len(b))
		for i < len(b) && isSynthLetter(b[i]) {
			i++
		}
		for i < len(b) && !isSynthLetter(b[i]) {
			i++
		}
		j := i
		for j < len(b) && isSynthLetter(b[j]) {
			j++
		}
		if i == j {
			continue
		}
		out.Reset()
		out.Write(b[:i])
		out.WriteString(g.vocab[g.rng.IntN(len(g.vocab))])
		out.Write(b[j:])
		b = []byte(out.String())
	}
	return string(b)
}

func isSynthLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// editSentence removes a random sentence, or adds a new one after it.
func (g *synth) editSentence(text string, add bool) string {
	var ends []int // offsets just past each sentence's final period
	for i := 0; i < len(text); i++ {
		if text[i] == '.' && (i+1 == len(text) || text[i+1] == ' ' || text[i+1] == '\n') {
			ends = append(ends, i+1)
		}
	}
	if len(ends) < 2 {
		return text
	}
	k := g.rng.IntN(len(ends) - 1)
	start := 0
	if k > 0 {
		start = ends[k-1]
	}
	if add {
		t := &g.topics[g.rng.IntN(len(g.topics))]
		return text[:ends[k]] + " " + g.sentence(t, 8+g.rng.IntN(21), true) + text[ends[k]:]
	}
	return text[:start] + text[ends[k]:]
}

// curlQuotes turns straight double quotes into typographic ones.
func curlQuotes(text string) string {
	var b strings.Builder
	open := true
	for _, r := range text {
		if r == '"' {
			if open {
				b.WriteString("\u201c")
			} else {
				b.WriteString("\u201d")
			}
			open = !open
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}
