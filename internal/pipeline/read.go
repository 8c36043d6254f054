package pipeline

import (
	"context"
	"errors"
	"iter"
	"runtime"
	"strconv"
	"time"

	"github.com/storydesk/storydesk/internal/dedup"
	"github.com/storydesk/storydesk/internal/extract"
	"github.com/storydesk/storydesk/internal/model"
	"github.com/storydesk/storydesk/internal/source"
)

// Options tunes a pipeline run.
type Options struct {
	Source  source.Options
	Extract extract.Options
	Dedup   dedup.Options
	// Reference is the date used for inputs that carry none (the CLI's
	// --date); zero means unknown.
	Reference time.Time
	// Workers is how many documents are extracted at once; 0 means one per
	// CPU. Output order never depends on it.
	Workers int
}

// DefaultOptions returns the options storydesk runs with.
func DefaultOptions() Options {
	return Options{
		Source:  source.DefaultOptions(),
		Extract: extract.DefaultOptions(),
		Dedup:   dedup.DefaultOptions(),
	}
}

// Pipeline reads inputs into articles. It keeps the duplicate index between
// calls, so that later inputs are checked against earlier ones. It is not
// safe for concurrent use.
type Pipeline struct {
	opts   Options
	reader *source.Reader
	dups   *dedup.Index
	seen   map[string]bool
	// signed holds the signature of each article Read yielded until
	// TakeSignature takes it; nil unless KeepSignatures was called.
	signed map[string]dedup.Sig
	// yielded, when set (YieldKnown), holds what Read yielded: articles
	// known from a store are yielded once more, others only once.
	yielded map[string]bool
}

// YieldKnown makes Read yield the articles of its inputs that the
// pipeline knows from a store (once each), with the duplicate links they
// were given, so that a caller can work on all its inputs (a briefing of
// what it read) and not only on what was new.
func (p *Pipeline) YieldKnown() {
	if p.yielded == nil {
		p.yielded = make(map[string]bool)
	}
}

// New returns a pipeline with opts.
func New(opts Options) *Pipeline {
	return &Pipeline{
		opts:   opts,
		reader: source.New(opts.Source),
		dups:   dedup.New(opts.Dedup),
		seen:   make(map[string]bool),
	}
}

// Known tells the pipeline about an article stored earlier: reading it
// again yields nothing new, and new articles are checked against it.
func (p *Pipeline) Known(a model.Article) {
	if p.seen[a.ID] {
		return
	}
	p.seen[a.ID] = true
	p.dups.Add(a.ID, a.Text)
}

// Seen reports whether the pipeline knows article id: stored earlier
// (Known, KnownSigned, Load) or read already.
func (p *Pipeline) Seen(id string) bool { return p.seen[id] }

// KnownSigned is Known for an article whose dedup signature was stored:
// the text need not be read again. It fails for a signature made with
// other dedup options, telling the caller to use Known.
func (p *Pipeline) KnownSigned(id string, sig dedup.Sig) error {
	if p.seen[id] {
		return nil
	}
	if _, _, err := p.dups.AddSignature(id, sig); err != nil {
		return err
	}
	p.seen[id] = true
	return nil
}

// KeepSignatures makes Read keep the dedup signature of every article it
// yields until TakeSignature takes it, so that a store can keep them.
func (p *Pipeline) KeepSignatures() {
	if p.signed == nil {
		p.signed = make(map[string]dedup.Sig)
	}
}

// TakeSignature returns (and forgets) the signature of an article Read
// yielded, when KeepSignatures is on.
func (p *Pipeline) TakeSignature(id string) (dedup.Sig, bool) {
	sig, ok := p.signed[id]
	if ok {
		delete(p.signed, id)
	}
	return sig, ok
}

// InputError is one input (or one part of it) that could not be read or
// yielded no article.
type InputError struct {
	Input string
	Err   error
}

func (e *InputError) Error() string { return e.Input + ": " + e.Err.Error() }
func (e *InputError) Unwrap() error { return e.Err }

// Read reads every input in order and yields its articles, with duplicates
// linked to their originals, or an *InputError for an input that failed;
// the run goes on after an error. Articles already seen (same id) are not
// yielded again: neither those read before nor, unless YieldKnown was
// called, those the pipeline was told of (Known, Load).
func (p *Pipeline) Read(ctx context.Context, inputs []string) iter.Seq2[model.Article, error] {
	return func(yield func(model.Article, error) bool) {
		ctx, cancel := context.WithCancel(ctx)
		defer cancel()
		for r := range p.extracted(ctx, inputs) {
			if r.err != nil {
				if !yield(model.Article{Source: r.doc.Source}, r.err) {
					return
				}
				continue
			}
			for i, a := range r.articles {
				if p.seen[a.ID] && (p.yielded == nil || p.yielded[a.ID]) {
					continue
				}
				p.seen[a.ID] = true
				if p.yielded != nil {
					p.yielded[a.ID] = true
				}
				// For an article known before, the index reports the link
				// it gave then.
				m, dup, err := p.dups.AddSignature(a.ID, r.sigs[i])
				if err != nil { // cannot happen: signed with the index's options
					m, dup = p.dups.Add(a.ID, a.Text)
				}
				if dup {
					a.DuplicateOf, a.Similarity = m.Original, m.Similarity
				}
				if p.signed != nil {
					p.signed[a.ID] = r.sigs[i]
				}
				if !yield(a, nil) {
					return
				}
			}
		}
	}
}

// result is the articles of one document, or why it gave none.
type result struct {
	doc      source.Document
	articles []model.Article
	sigs     []dedup.Sig // sigs[i] signs articles[i].Text
	err      error
}

// extracted reads documents in order and extracts them on several workers,
// yielding results in input order.
func (p *Pipeline) extracted(ctx context.Context, inputs []string) iter.Seq[result] {
	return func(yield func(result) bool) {
		workers := p.opts.Workers
		if workers <= 0 {
			workers = runtime.GOMAXPROCS(0)
		}
		type job struct {
			doc  source.Document
			err  error
			done chan result
		}
		jobs := make(chan job, workers*4)
		order := make(chan chan result, workers*4)
		go func() {
			defer close(order)
			defer close(jobs)
			for _, in := range inputs {
				for doc, err := range p.reader.Read(ctx, in) {
					j := job{doc: doc, err: err, done: make(chan result, 1)}
					select {
					case order <- j.done:
					case <-ctx.Done():
						return
					}
					jobs <- j
				}
			}
		}()
		for range workers {
			go func() {
				for j := range jobs {
					if j.err != nil {
						j.done <- result{doc: j.doc, err: inputError(j.doc.Source, j.err)}
						continue
					}
					arts, err := p.articles(j.doc)
					// Signing here spreads it over the workers; the
					// index only compares.
					sigs := make([]dedup.Sig, len(arts))
					for i := range arts {
						sigs[i] = dedup.Signature(arts[i].Text, p.opts.Dedup)
					}
					j.done <- result{doc: j.doc, articles: arts, sigs: sigs, err: err}
				}
			}()
		}
		for done := range order {
			if !yield(<-done) {
				return
			}
		}
	}
}

func inputError(input string, err error) error {
	var ie *InputError
	var se *source.Error
	if errors.As(err, &ie) || errors.As(err, &se) {
		return err
	}
	return &InputError{Input: input, Err: err}
}

// articles turns one document into its articles and gives them ids.
func (p *Pipeline) articles(doc source.Document) ([]model.Article, error) {
	eo := p.opts.Extract
	if eo.Reference.IsZero() {
		eo.Reference = p.opts.Reference
	}
	var arts []model.Article
	switch doc.Kind {
	case source.KindArticle:
		a := doc.Hint
		a.Text = string(doc.Body)
		if a.Text == "" {
			a.Text = doc.Hint.Text
		}
		arts = []model.Article{a}
	case source.KindHTML:
		a, err := extract.HTML(doc.Body, doc.URL, eo)
		if err != nil {
			return nil, &InputError{Input: doc.Source, Err: err}
		}
		arts = []model.Article{merge(a, doc.Hint)}
	default:
		as, err := extract.Text(string(doc.Body), eo)
		if err != nil {
			return nil, &InputError{Input: doc.Source, Err: err}
		}
		if len(as) > 0 {
			as[0] = merge(as[0], doc.Hint)
		}
		arts = as
	}
	if len(arts) == 0 || arts[0].Text == "" {
		return nil, &InputError{Input: doc.Source, Err: extract.ErrNoText}
	}
	for i := range arts {
		a := &arts[i]
		a.Source = doc.Source
		if a.URL == "" && i == 0 {
			a.URL = doc.URL
		}
		if a.ID == "" {
			src := doc.Source
			if i > 0 {
				src += "#" + strconv.Itoa(i)
			}
			a.ID = model.ArticleID(src, a.Title, a.Text)
		}
		if i > 0 {
			a.EmbeddedIn = arts[0].ID
		}
	}
	return arts, nil
}

// merge fills what extraction left empty from what the source already
// knew (a feed entry's title and date, a JSONL record's fields). A source's
// id and title are taken as given.
func merge(a, hint model.Article) model.Article {
	if hint.ID != "" {
		a.ID = hint.ID
	}
	if hint.Title != "" {
		a.Title = hint.Title
	}
	if hint.URL != "" {
		a.URL = hint.URL
	}
	if a.Outlet == "" {
		a.Outlet = hint.Outlet
	}
	if a.Byline == "" {
		a.Byline = hint.Byline
	}
	if len(a.Authors) == 0 {
		a.Authors = hint.Authors
	}
	if !hint.Published.IsZero() && (a.Published.IsZero() || a.Published.DateOnly) {
		a.Published = hint.Published
	}
	if a.Language == "" {
		a.Language = hint.Language
	}
	return a
}
