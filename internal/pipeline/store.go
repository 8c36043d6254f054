package pipeline

import (
	"context"
	"errors"
	"fmt"

	"github.com/storydesk/storydesk/internal/dedup"
	"github.com/storydesk/storydesk/internal/model"
	"github.com/storydesk/storydesk/internal/store"
)

// ArticleStore is what ingesting needs of a store.
type ArticleStore interface {
	// PutArticles stores a batch in one transaction and returns how many
	// articles were new; on error nothing of the batch is stored.
	PutArticles(ctx context.Context, as []model.Article) (int, error)
	// ListArticles lists what is stored.
	ListArticles(ctx context.Context, opts store.ListOptions) ([]model.Article, error)
}

// Sink writes articles to a store in batches. A batch that fails is
// retried one article at a time, so one bad article costs only itself.
type Sink struct {
	st      ArticleStore
	batch   []model.Article
	size    int
	Created int
	// Failed receives each article that could not be stored.
	Failed func(a model.Article, err error)
	// Signature, when set and the store keeps signatures, gives the dedup
	// signature of an article to store with it (Pipeline.TakeSignature),
	// so that a later run loads the duplicate index without the texts.
	Signature func(id string) (dedup.Sig, bool)
}

// signatureStore is a store that keeps dedup signatures.
type signatureStore interface {
	PutSignatures(ctx context.Context, sigs map[string][]byte) error
	EachSignature(ctx context.Context, fn func(id string, sig []byte) error) error
	Article(ctx context.Context, id string) (model.Article, error)
}

// NewSink returns a sink writing to st in batches of 256.
func NewSink(st ArticleStore) *Sink { return &Sink{st: st, size: 256} }

// Load tells p about every article already in the store, so that reading
// them again stores nothing twice and new articles are checked against
// them for duplicates.
//
// A store that keeps signatures is read without the texts: each article
// with a stored signature joins the duplicate index by it, and only the
// others are read whole (and their signatures stored, so the next run need
// not). Articles join in the store's order, as they would have been read.
func Load(ctx context.Context, p *Pipeline, st ArticleStore) error {
	ss, signed := st.(signatureStore)
	var sigs map[string]dedup.Sig
	if signed {
		sigs = make(map[string]dedup.Sig)
		err := ss.EachSignature(ctx, func(id string, b []byte) error {
			var sig dedup.Sig
			if sig.UnmarshalBinary(b) == nil {
				sigs[id] = sig
			}
			return nil
		})
		if err != nil {
			return fmt.Errorf("load stored articles: %w", err)
		}
	}
	const page = 1000
	backfill := make(map[string][]byte)
	for off := 0; ; off += page {
		as, err := st.ListArticles(ctx, store.ListOptions{Limit: page, Offset: off, NoText: signed})
		if err != nil {
			return fmt.Errorf("load stored articles: %w", err)
		}
		for _, a := range as {
			if sig, ok := sigs[a.ID]; ok && p.KnownSigned(a.ID, sig) == nil {
				continue
			}
			if signed {
				if a, err = ss.Article(ctx, a.ID); err != nil {
					return fmt.Errorf("load stored articles: %w", err)
				}
				sig := dedup.Signature(a.Text, p.opts.Dedup)
				if b, err := sig.MarshalBinary(); err == nil {
					backfill[a.ID] = b
				}
			}
			p.Known(a)
		}
		if len(as) < page {
			break
		}
	}
	if len(backfill) > 0 {
		if err := ss.PutSignatures(ctx, backfill); err != nil {
			return fmt.Errorf("store signatures: %w", err)
		}
	}
	return nil
}

// Put queues a for storing, writing a batch when it is full.
func (s *Sink) Put(ctx context.Context, a model.Article) error {
	s.batch = append(s.batch, a)
	if len(s.batch) >= s.size {
		return s.Flush(ctx)
	}
	return nil
}

// Flush writes what is queued. It returns an error only when the store
// itself fails; articles the store refuses go to Failed.
func (s *Sink) Flush(ctx context.Context) error {
	if len(s.batch) == 0 {
		return nil
	}
	batch := s.batch
	s.batch = s.batch[:0:0]
	n, err := s.st.PutArticles(ctx, batch)
	if err == nil {
		s.Created += n
		return s.putSignatures(ctx, batch)
	}
	if !errors.Is(err, store.ErrInvalid) {
		return err
	}
	for _, a := range batch {
		n, err := s.st.PutArticles(ctx, []model.Article{a})
		switch {
		case err == nil:
			s.Created += n
			if err := s.putSignatures(ctx, []model.Article{a}); err != nil {
				return err
			}
		case errors.Is(err, store.ErrInvalid):
			if s.Failed != nil {
				s.Failed(a, err)
			}
		default:
			return err
		}
	}
	return nil
}

// putSignatures stores the signatures of a stored batch, when the sink has
// them and the store keeps them.
func (s *Sink) putSignatures(ctx context.Context, batch []model.Article) error {
	ss, ok := s.st.(signatureStore)
	if !ok || s.Signature == nil {
		return nil
	}
	sigs := make(map[string][]byte, len(batch))
	for _, a := range batch {
		if sig, ok := s.Signature(a.ID); ok {
			if b, err := sig.MarshalBinary(); err == nil {
				sigs[a.ID] = b
			}
		}
	}
	if err := ss.PutSignatures(ctx, sigs); err != nil {
		return fmt.Errorf("store signatures: %w", err)
	}
	return nil
}
