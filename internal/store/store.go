package store

import (
	"context"
	"errors"
	"time"

	"github.com/storydesk/storydesk/internal/model"
)

// Sentinel errors. Backends wrap them with the operation and the article id
// or URL concerned; callers branch with errors.Is.
var (
	// ErrNotFound: the article, validator or signature asked for is not
	// stored. A lookup never returns a zero value with a nil error.
	ErrNotFound = errors.New("not found")
	// ErrInvalid: an article cannot be stored as given (empty ID, a link to
	// itself, EmbeddedIn/DuplicateOf naming an article that is neither
	// stored nor in the same batch, or a NaN Similarity).
	ErrInvalid = errors.New("invalid article")
	// ErrSchemaTooNew: the database was written by a newer storydesk whose
	// migrations this binary does not know; it is left untouched.
	ErrSchemaTooNew = errors.New("database schema is newer than this storydesk")
	// ErrUnsupported: the DSN names a backend this binary does not have.
	ErrUnsupported = errors.New("unsupported store")
)

// Store is everything storydesk persists. Close releases the backend; the
// Store must not be used afterwards. All methods are safe for concurrent use.
type Store interface {
	Articles
	Searcher
	Duplicates
	Validators
	Signatures
	Close() error
}

// ArticleWriter stores articles.
type ArticleWriter interface {
	// PutArticle stores a, keyed by a.ID. It is idempotent: when an article
	// with that ID is already stored, nothing changes (the first write wins;
	// change links with LinkDuplicate) and created is false. It returns an
	// error wrapping ErrInvalid for an article that cannot be stored.
	PutArticle(ctx context.Context, a model.Article) (created bool, err error)
	// PutArticles stores many articles in one transaction, each as
	// PutArticle would, and returns how many were new. Links may point to
	// articles earlier or later in the same batch. If any article fails, none
	// of the batch is stored and nothing stored before changes; the error
	// names the failing article.
	PutArticles(ctx context.Context, as []model.Article) (created int, err error)
}

// ArticleReader reads stored articles.
type ArticleReader interface {
	// Article returns the article with id, or an error wrapping ErrNotFound.
	// Empty Authors and Captions come back nil.
	Article(ctx context.Context, id string) (model.Article, error)
	// ListArticles returns the articles that pass the filter in opts, in a
	// stable order: by publication time (articles without a date last), then
	// by ID. No match is an empty result, not an error.
	ListArticles(ctx context.Context, opts ListOptions) ([]model.Article, error)
	// CountArticles counts what ListArticles would return without Limit and
	// Offset.
	CountArticles(ctx context.Context, opts ListOptions) (int, error)
}

// Articles reads and writes articles.
type Articles interface {
	ArticleWriter
	ArticleReader
}

// ListOptions filters and pages ListArticles. The zero value lists every
// article.
type ListOptions struct {
	// Limit is the most articles returned; 0 means no limit.
	Limit int
	// Offset skips that many articles of the ordered result; 0 skips none.
	Offset int
	// Outlet keeps only articles of this outlet (exact, case-insensitive
	// for ASCII); empty keeps all.
	Outlet string
	// Since keeps articles published at or after it; Until keeps those
	// published before it. A zero bound is open; articles without a date
	// fail any non-zero bound.
	Since, Until time.Time
	// ExcludeEmbedded drops articles carried inside another page;
	// ExcludeDuplicates drops articles linked as duplicates. False keeps them.
	ExcludeEmbedded   bool
	ExcludeDuplicates bool
}

// Summary is an article as a listing or a search hit shows it.
type Summary struct {
	ID          string
	Source      string
	URL         string
	Outlet      string
	Title       string
	Published   model.Time
	EmbeddedIn  string
	DuplicateOf string
	// Chars is the length of the article text in Unicode characters.
	Chars int
}

// Hit is one search result.
type Hit struct {
	Article Summary
	// Score ranks hits: higher is better. Scores compare within one result
	// list only.
	Score float64
	// Snippet is a short excerpt with each matched term in brackets
	// ("… met [Starmer] in London …").
	Snippet string
}

// Searcher is full-text search over title, text and outlet.
type Searcher interface {
	// Search returns at most limit hits (limit <= 0 means a default of 20),
	// best first, for a query in the syntax ParseQuery reads. Any user input
	// is a valid query: one with no searchable words returns no hits and no
	// error.
	Search(ctx context.Context, query string, limit int) ([]Hit, error)
}

// Duplicates links articles that repeat one another.
type Duplicates interface {
	// LinkDuplicate records that article id repeats article of, with the
	// estimated similarity (1 for an exact copy); an empty of clears the
	// link. Either article missing is ErrNotFound; id == of is ErrInvalid.
	LinkDuplicate(ctx context.Context, id, of string, similarity float64) error
	// DuplicatesOf returns the ids of the articles linked as duplicates of
	// id, sorted; none is an empty result.
	DuplicatesOf(ctx context.Context, id string) ([]string, error)
}

// Validator is what a server said about a URL last time, for a
// conditional GET (If-None-Match, If-Modified-Since).
type Validator struct {
	URL          string
	ETag         string
	LastModified string
	// Fetched is when the response carrying these validators came.
	Fetched time.Time
}

// Validators keeps per-URL fetch validators.
type Validators interface {
	// Validator returns the validators stored for url, or ErrNotFound.
	Validator(ctx context.Context, url string) (Validator, error)
	// PutValidator stores v, replacing what was stored for v.URL.
	PutValidator(ctx context.Context, v Validator) error
}

// Signatures keeps one dedup signature per article, so a near-duplicate
// index can be rebuilt without re-reading the texts.
type Signatures interface {
	// PutSignature stores sig for the article id, replacing any earlier
	// one; ErrNotFound if the article is not stored.
	PutSignature(ctx context.Context, id string, sig []byte) error
	// Signature returns the signature of article id, or ErrNotFound.
	Signature(ctx context.Context, id string) ([]byte, error)
	// EachSignature calls fn for every stored signature in article-id
	// order and stops at the first error fn returns, returning it. fn must
	// not call the store.
	EachSignature(ctx context.Context, fn func(id string, sig []byte) error) error
}
