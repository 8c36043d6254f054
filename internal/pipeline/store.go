package pipeline

import (
	"context"
	"errors"
	"fmt"

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
}

// NewSink returns a sink writing to st in batches of 256.
func NewSink(st ArticleStore) *Sink { return &Sink{st: st, size: 256} }

// Load tells p about every article already in the store, so that reading
// them again stores nothing twice and new articles are checked against
// them for duplicates.
func Load(ctx context.Context, p *Pipeline, st ArticleStore) error {
	const page = 1000
	for off := 0; ; off += page {
		as, err := st.ListArticles(ctx, store.ListOptions{Limit: page, Offset: off})
		if err != nil {
			return fmt.Errorf("load stored articles: %w", err)
		}
		for _, a := range as {
			p.Known(a)
		}
		if len(as) < page {
			return nil
		}
	}
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
		return nil
	}
	if !errors.Is(err, store.ErrInvalid) {
		return err
	}
	for _, a := range batch {
		n, err := s.st.PutArticles(ctx, []model.Article{a})
		switch {
		case err == nil:
			s.Created += n
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
