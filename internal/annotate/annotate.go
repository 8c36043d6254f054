package annotate

import (
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/storydesk/storydesk/internal/model"
)

// Segment is a byte range of Doc.Text: Start inclusive, End exclusive.
// Annotators work in bytes; Doc.Span converts to the rune spans the model
// stores.
type Segment struct {
	Start, End int
}

// Doc is one article being annotated: the text, its byte→rune table, the
// reference date and what earlier annotators found. Byte offsets are used
// inside the chain; everything in model types is in runes (use Doc.Span).
type Doc struct {
	Article model.Article
	// Text is Article.Text, the string every offset indexes, followed by
	// the title and captions when TitleAndCaptions has run.
	Text string
	// Appended is the length in bytes of the title and captions that
	// TitleAndCaptions put after the body; 0 when none. Annotations
	// reports nothing that lies in them.
	Appended int
	// Ref is the reference date for relative time expressions.
	Ref time.Time

	// Paragraphs and Sentences are byte ranges, in order, set by Sentences.
	Paragraphs []Segment
	Sentences  []Segment
	// Tokens are the words and marks of the text, in order, set by Sentences.
	Tokens []Token
	// SentenceOf[i] is the index of the sentence holding Tokens[i].
	SentenceOf []int32

	// Mentions are entity mentions in text order (byte offsets), set by
	// Entities; Mention.Entity indexes Entities.
	Mentions []Mention
	// Entities are the document-level entities with rune-span mentions.
	Entities []model.Entity

	Quotes     []model.Quote
	Times      []model.TimeExpr
	Quantities []model.Quantity

	// runeAt[b] is the rune index of byte b; nil when Text is ASCII.
	runeAt []int32
	// tx is the light scan of Body that Times and Quantities share.
	tx *txText
	// scratch, when set, lends buffers for runeAt and the scans and gets
	// them back in release (see Run).
	scratch *docScratch
}

// docScratch holds the buffers of a Doc that no annotation refers to
// once Annotations has been taken, for the next Doc to reuse.
type docScratch struct {
	runeAt     []int32
	tokens     []Token
	sentenceOf []int32
	paragraphs []Segment
	mentions   []Mention
	tx         []txTok
	txSent     []int32
}

var scratchPool = sync.Pool{New: func() any { return new(docScratch) }}

// release returns the Doc's scratch buffers to the pool; the Doc must not
// be used afterwards.
func (d *Doc) release() {
	s := d.scratch
	if s == nil {
		return
	}
	d.scratch = nil
	if d.runeAt != nil {
		s.runeAt = d.runeAt[:0]
	}
	s.tokens, s.sentenceOf, s.paragraphs, s.mentions = d.Tokens[:0], d.SentenceOf[:0], d.Paragraphs[:0], d.Mentions[:0]
	if d.tx != nil {
		s.tx, s.txSent = d.tx.toks[:0], d.tx.sent[:0]
	}
	*d = Doc{}
	scratchPool.Put(s)
}

// scanned returns the light scan of Body, made on first use.
func (d *Doc) scanned() *txText {
	if body := d.Body(); d.tx == nil || d.tx.text != body {
		var toks []txTok
		var sent []int32
		if s := d.scratch; s != nil {
			toks, sent = s.tx, s.txSent
			s.tx, s.txSent = nil, nil
		}
		toks = txScan(body, toks)
		d.tx = &txText{text: body, toks: toks, sent: txSentencesInto(toks, sent)}
	}
	return d.tx
}

// Annotator adds one layer to a Doc. Contract: Annotate must not panic on
// any text (empty, invalid UTF-8, megabytes without punctuation), must run
// in time roughly linear in len(d.Text), and only appends to or refines the
// fields it owns.
type Annotator interface {
	Annotate(d *Doc)
}

// Options tunes the chain.
type Options struct {
	// MaxQuoteBytes is the longest stretch, in bytes, a quotation may span
	// before an unclosed mark is treated as stray. 0 means 4000.
	MaxQuoteBytes int
	// ResolveRoles links role mentions ("the prime minister") to the person
	// holding the role in the article. false leaves them out.
	ResolveRoles bool
	// TitleAndCaptions reads the title and captions for entities too
	// (see TitleAndCaptions). false reads the body alone. Cost: the length
	// of the title and captions, a few hundred bytes an article.
	TitleAndCaptions bool
	// Times and Quantities configure those two steps.
	Times      TimeOptions
	Quantities QuantityOptions
}

// DefaultOptions returns the options the CLI uses.
func DefaultOptions() Options {
	return Options{MaxQuoteBytes: 4000, ResolveRoles: true, TitleAndCaptions: true,
		Times: DefaultTimeOptions(), Quantities: DefaultQuantityOptions()}
}

// Default returns the full chain in order: title and captions (when
// opts.TitleAndCaptions), sentences and tokens, entities, quotes and
// speakers, times, quantities.
func Default(opts Options) []Annotator {
	if opts.MaxQuoteBytes == 0 {
		opts.MaxQuoteBytes = 4000
	}
	var chain []Annotator
	if opts.TitleAndCaptions {
		chain = append(chain, TitleAndCaptions{})
	}
	return append(chain,
		Sentences{},
		Entities{ResolveRoles: opts.ResolveRoles},
		Quotes{MaxBytes: opts.MaxQuoteBytes},
		Times{Options: opts.Times},
		Quantities{Options: opts.Quantities},
	)
}

// NewDoc prepares a Doc for article a with reference date ref.
func NewDoc(a model.Article, ref time.Time) *Doc {
	return newDoc(a, ref, nil)
}

// newDoc is NewDoc with buffers lent by s (nil: none).
func newDoc(a model.Article, ref time.Time, s *docScratch) *Doc {
	d := &Doc{Article: a, Text: a.Text, Ref: ref, scratch: s}
	if s != nil {
		d.Tokens, d.SentenceOf, d.Paragraphs, d.Mentions = s.tokens, s.sentenceOf, s.paragraphs, s.mentions
		s.tokens, s.sentenceOf, s.paragraphs, s.mentions = nil, nil, nil, nil
	}
	if !utf8.ValidString(d.Text) {
		// offsets must count runes of a valid text; bad bytes become U+FFFD
		d.Text = strings.ToValidUTF8(d.Text, "\uFFFD")
	}
	d.buildRuneIndex()
	return d
}

// Run annotates article a with chain against reference date ref. Working
// buffers (tokens, scans, the rune index) are pooled and reused by the
// next call; Run is safe for concurrent use.
func Run(chain []Annotator, a model.Article, ref time.Time) model.Annotations {
	d := newDoc(a, ref, scratchPool.Get().(*docScratch))
	for _, an := range chain {
		an.Annotate(d)
	}
	out := d.Annotations()
	d.release()
	return out
}

// Annotations returns the Doc's layers as model types, spans in runes.
// Only what lies in the body is reported (see TitleAndCaptions).
func (d *Doc) Annotations() model.Annotations {
	out := model.Annotations{
		ArticleID:  d.Article.ID,
		Source:     d.Article.Source,
		Sentences:  make([]model.Sentence, 0, len(d.Sentences)),
		Entities:   d.Entities,
		Quotes:     d.Quotes,
		Times:      d.Times,
		Quantities: d.Quantities,
	}
	body := d.BodyEnd()
	for _, s := range d.Sentences {
		if s.Start < body {
			out.Sentences = append(out.Sentences, model.Sentence{Span: d.Span(s.Start, min(s.End, body))})
		}
	}
	if body < len(d.Text) {
		end := d.Rune(body)
		out.Entities = make([]model.Entity, len(d.Entities))
		for i, e := range d.Entities {
			e.Mentions = inBody(e.Mentions, end, func(m model.Mention) model.Span { return m.Span })
			out.Entities[i] = e
		}
		out.Quotes = inBody(d.Quotes, end, func(q model.Quote) model.Span { return q.Span })
		out.Times = inBody(d.Times, end, func(t model.TimeExpr) model.Span { return t.Span })
		out.Quantities = inBody(d.Quantities, end, func(q model.Quantity) model.Span { return q.Span })
	}
	return out
}

// BodyEnd is the end of Article.Text in Text (see Appended).
func (d *Doc) BodyEnd() int {
	return min(max(len(d.Text)-d.Appended, 0), len(d.Text))
}

// Body is the article's own text: Text without the title and captions
// appended.
func (d *Doc) Body() string { return d.Text[:d.BodyEnd()] }

// inBody returns the items of xs that end by rune end: xs itself when
// all do, else a new slice.
func inBody[T any](xs []T, end int, span func(T) model.Span) []T {
	k := 0
	for k < len(xs) && span(xs[k]).End <= end {
		k++
	}
	if k == len(xs) {
		return xs
	}
	out := append(make([]T, 0, len(xs)), xs[:k]...)
	for _, x := range xs[k+1:] {
		if span(x).End <= end {
			out = append(out, x)
		}
	}
	return out
}

func (d *Doc) buildRuneIndex() {
	ascii := true
	for i := 0; i < len(d.Text); i++ {
		if d.Text[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		d.runeAt = nil
		return
	}
	buf := d.runeAt
	if buf == nil && d.scratch != nil {
		buf, d.scratch.runeAt = d.scratch.runeAt, nil
	}
	if n := len(d.Text) + 1; cap(buf) >= n {
		buf = buf[:n] // every entry is written below
	} else {
		buf = make([]int32, n)
	}
	d.runeAt = buf
	r := int32(0)
	for i := 0; i < len(d.Text); {
		_, n := utf8.DecodeRuneInString(d.Text[i:])
		for k := 0; k < n; k++ {
			d.runeAt[i+k] = r
		}
		i += n
		r++
	}
	d.runeAt[len(d.Text)] = r
}

// Rune returns the rune index of byte offset b (clamped to the text).
func (d *Doc) Rune(b int) int {
	if b < 0 {
		return 0
	}
	if b > len(d.Text) {
		b = len(d.Text)
	}
	if d.runeAt == nil {
		return b
	}
	return int(d.runeAt[b])
}

// Span converts the byte range [start, end) of Text to a rune span.
func (d *Doc) Span(start, end int) model.Span {
	s, e := d.Rune(start), d.Rune(end)
	if e < s {
		e = s
	}
	return model.Span{Start: s, End: e}
}
