package store

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/storydesk/storydesk/internal/model"
)

// Sentinel errors. Backends wrap them with the operation and the article id
// or URL concerned; callers branch with errors.Is.
var (
	// ErrNotFound: the article, validator, signature, annotations or story
	// asked for is not stored. A lookup never returns a zero value with a nil error.
	ErrNotFound = errors.New("not found")
	// ErrInvalid: an article cannot be stored as given (empty ID, a link to
	// itself, EmbeddedIn/DuplicateOf naming an article that is neither
	// stored nor in the same batch, or a NaN Similarity); likewise for
	// annotations and story assignments (see PutAnnotations, PutStories).
	ErrInvalid = errors.New("invalid article")
	// ErrSchemaTooNew: the database was written by a newer storydesk whose
	// migrations this binary does not know; it is left untouched.
	ErrSchemaTooNew = errors.New("database schema is newer than this storydesk")
	// ErrUnsupported: the DSN names a backend this binary does not have.
	ErrUnsupported = errors.New("unsupported store")
	// ErrNoJob: Claim found no job it may take now.
	ErrNoJob = errors.New("no job to claim")
	// ErrLeaseLost: the job is no longer running under this worker's
	// lease (it expired and another worker claimed the job, or it ended).
	ErrLeaseLost = errors.New("job lease lost")
)

// Store is everything storydesk persists. Close releases the backend; the
// Store must not be used afterwards. All methods are safe for concurrent use.
type Store interface {
	Articles
	Searcher
	Duplicates
	Validators
	Signatures
	Annotations
	Stories
	Jobs
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
	// NoText leaves Text empty in what ListArticles returns, for callers
	// that need the rest (ids, links, dates) of many articles.
	NoText bool
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
	// PutSignatures stores many signatures in one transaction, as
	// PutSignature would each; if any article is not stored, none is
	// written and the error (ErrNotFound) names it.
	PutSignatures(ctx context.Context, sigs map[string][]byte) error
	// Signature returns the signature of article id, or ErrNotFound.
	Signature(ctx context.Context, id string) ([]byte, error)
	// EachSignature calls fn for every stored signature in article-id
	// order and stops at the first error fn returns, returning it. fn must
	// not call the store.
	EachSignature(ctx context.Context, fn func(id string, sig []byte) error) error
}

// Annotations keeps what the annotators found in each article, one record
// per article.
type Annotations interface {
	// PutAnnotations stores a keyed by a.ArticleID, replacing any
	// annotations stored earlier for that article. An empty ArticleID, or
	// annotations that do not encode as JSON (a NaN quantity), is
	// ErrInvalid; an article that is not stored is ErrNotFound.
	PutAnnotations(ctx context.Context, a model.Annotations) error
	// Annotations returns the annotations of article articleID as they
	// were put, or an error wrapping ErrNotFound.
	Annotations(ctx context.Context, articleID string) (model.Annotations, error)
}

// StoryRecord is a story as the store keeps it: which articles tell it and
// what the clusterer said about them.
type StoryRecord struct {
	// ID names the story; it stays stable across reclustering, and a
	// merged story's ID redirects to the story that absorbed it.
	ID string
	// Thread names the thread the story belongs to; empty if none.
	Thread string
	// Label is the story's title as the clusterer chose it.
	Label string
	// FirstSeen and LastSeen bound the publication times of its articles;
	// zero when unknown.
	FirstSeen, LastSeen time.Time
	// Outlets are the outlets that carry the story, in the order given.
	Outlets []string
	// Articles are the ids of the story's articles, in the order given.
	Articles []string
}

// StoryListOptions pages ListStories. The zero value lists every story.
type StoryListOptions struct {
	// Limit is the most stories returned; 0 means no limit.
	Limit int
	// Offset skips that many stories of the ordered result; 0 skips none.
	Offset int
	// Since keeps stories last seen at or after it; zero keeps all.
	// Stories without a LastSeen fail any non-zero Since.
	Since time.Time
}

// Stories keeps the assignment of articles to stories and threads.
type Stories interface {
	// PutStories replaces every stored story with stories, in one
	// transaction: a story not in stories is gone afterwards, and if the
	// call fails nothing changes. redirects maps the id of a story merged
	// away to the id that absorbed it; it may chain (a→b, b→c) but each
	// id must end at a story in stories. Redirects stored earlier are kept
	// and follow the new ones, so an id once handed out keeps resolving;
	// one whose target is neither stored nor redirected resolves to
	// nothing. An id in stories revives: an earlier redirect from it is
	// dropped.
	//
	// It returns an error wrapping ErrInvalid for an empty or repeated
	// story id, an empty article id, an article in two stories (or twice
	// in one), LastSeen before FirstSeen, or a redirect that is empty,
	// cyclic, from a story in stories or to no story in stories; and
	// ErrNotFound for an article that is not stored. Empty Outlets and
	// Articles come back nil.
	PutStories(ctx context.Context, stories []StoryRecord, redirects map[string]string) error
	// Story returns the story with id, following redirects, so the
	// returned ID is the surviving story's; or an error wrapping
	// ErrNotFound.
	Story(ctx context.Context, id string) (StoryRecord, error)
	// ListStories returns the stories passing opts, the latest LastSeen
	// first (stories without one last), then by ID. No match is an empty
	// result, not an error.
	ListStories(ctx context.Context, opts StoryListOptions) ([]StoryRecord, error)
	// StoryOf returns the story that holds article articleID, or an error
	// wrapping ErrNotFound when no story does.
	StoryOf(ctx context.Context, articleID string) (StoryRecord, error)
}

// JobState is where a job is in its life.
type JobState string

// The states of a job. A job is queued, then running under one worker's
// lease, then done or failed; a failed attempt with attempts left, or a
// running job whose lease expired, is taken again.
const (
	JobQueued  JobState = "queued"
	JobRunning JobState = "running"
	JobDone    JobState = "done"
	JobFailed  JobState = "failed"
)

// JobStates lists the states in their order of life.
var JobStates = []JobState{JobQueued, JobRunning, JobDone, JobFailed}

// NewJob is a job to enqueue.
type NewJob struct {
	// Kind says what the job does ("ingest", "recluster"); Claim takes
	// jobs by kind.
	Kind string
	// Payload is the job's input as JSON; empty means null.
	Payload json.RawMessage
	// Key, when not empty, makes the job one of a kind: while a job with
	// the same key is queued, enqueueing another returns that job instead;
	// and while one with the key is running under a live lease, Claim
	// takes no other job with it. Empty keys never coalesce.
	Key string
	// MaxAttempts is how many times the job is tried before it fails for
	// good; 0 means 3.
	MaxAttempts int
}

// Job is a unit of work in the queue. It encodes as the JSON that
// storydesk jobs and GET /api/jobs show.
type Job struct {
	ID          int64           `json:"id"`
	Kind        string          `json:"kind"`
	Key         string          `json:"key,omitempty"`
	Payload     json.RawMessage `json:"payload"`
	State       JobState        `json:"state"`
	Attempts    int             `json:"attempts"`
	MaxAttempts int             `json:"max_attempts"`
	// Error is the one-line error of the last failed attempt.
	Error string `json:"error,omitempty"`
	// Result is what the job's latest attempt that reported one said, as
	// JSON; nil if none did.
	Result json.RawMessage `json:"result,omitempty"`
	// Worker names the worker holding or that last held the job.
	Worker string `json:"worker,omitempty"`
	// LeaseUntil is when a running job's lease ends, or when a queued job
	// waiting to be retried may be claimed again; zero otherwise.
	LeaseUntil time.Time `json:"lease_until,omitzero"`
	Created    time.Time `json:"created"`
	// Started is when the latest attempt began; Finished when the job
	// ended (done, or failed for good). Zero when not yet.
	Started  time.Time `json:"started,omitzero"`
	Finished time.Time `json:"finished,omitzero"`
}

// Outcome is how an attempt at a job ended.
type Outcome struct {
	// Result is what the attempt reports, as JSON; nil keeps the job's
	// earlier result.
	Result json.RawMessage
	// Error is the attempt's error on one line; empty means success.
	Error string
	// RetryIn is how long a failed job that is queued again waits before
	// a worker may claim it; 0 means at once.
	RetryIn time.Duration
	// Permanent says that the error will not go away on a retry (a
	// malformed or missing input): the job fails for good now, whatever
	// attempts it has left.
	Permanent bool
}

// JobListOptions filters and pages ListJobs. The zero value lists every job.
type JobListOptions struct {
	// State keeps only jobs in this state; empty keeps all.
	State JobState
	// Kind keeps only jobs of this kind; empty keeps all.
	Kind string
	// AfterID keeps only jobs with a greater id; 0 keeps all.
	AfterID int64
	// Limit is the most jobs returned; 0 means no limit. Offset skips that
	// many of the ordered result.
	Limit, Offset int
}

// Jobs is the work queue that storydesk worker processes share.
type Jobs interface {
	// Enqueue adds a queued job and returns it with created true; for a
	// keyed job while one with the same key is queued, it returns that one
	// with created false. An empty Kind is ErrInvalid.
	Enqueue(ctx context.Context, j NewJob) (job Job, created bool, err error)
	// Claim takes, for worker, the oldest job of one of kinds (all kinds if
	// none given) that is queued (and not waiting to be retried) or running
	// under an expired lease, marks
	// it running with a lease of the given length, counts the attempt and
	// returns it. Two claimers never get the same job under live leases.
	// It returns ErrNoJob when there is none to take.
	Claim(ctx context.Context, kinds []string, worker string, lease time.Duration) (Job, error)
	// Heartbeat extends the lease of job id that worker runs to lease
	// from now; ErrLeaseLost if the worker no longer holds it.
	Heartbeat(ctx context.Context, id int64, worker string, lease time.Duration) error
	// Finish ends the attempt of job id that worker runs, as out says:
	// with no Error the job is done; otherwise it is queued again while it
	// has attempts left (not to be claimed for out.RetryIn), else failed
	// for good, with out.Error as its error. A non-empty out.Result (JSON,
	// else ErrInvalid) replaces the job's Result either way, so a partly
	// failed attempt can say what it did. ErrLeaseLost if the worker no
	// longer holds the job.
	Finish(ctx context.Context, id int64, worker string, out Outcome) (Job, error)
	// Job returns job id, or ErrNotFound.
	Job(ctx context.Context, id int64) (Job, error)
	// ListJobs returns the jobs passing opts, oldest first (by id).
	ListJobs(ctx context.Context, opts JobListOptions) ([]Job, error)
	// CountJobs counts the jobs in each state (states with none are
	// absent).
	CountJobs(ctx context.Context) (map[JobState]int, error)
}

// DefaultMaxAttempts is how often a job is tried when NewJob says 0.
const DefaultMaxAttempts = 3

// CheckNewJob returns j with its defaults filled (MaxAttempts, a null
// payload), or an error wrapping ErrInvalid for what Jobs.Enqueue refuses:
// an empty kind, a payload that is not JSON, a negative MaxAttempts or
// text no store can hold (NUL, invalid UTF-8).
func CheckNewJob(j NewJob) (NewJob, error) {
	if j.Kind == "" {
		return j, fmt.Errorf("job: empty kind: %w", ErrInvalid)
	}
	if len(j.Payload) == 0 {
		j.Payload = []byte("null")
	}
	if !json.Valid(j.Payload) {
		return j, fmt.Errorf("job %s: payload is not JSON: %w", j.Kind, ErrInvalid)
	}
	if j.MaxAttempts < 0 {
		return j, fmt.Errorf("job %s: max attempts %d: %w", j.Kind, j.MaxAttempts, ErrInvalid)
	}
	if j.MaxAttempts == 0 {
		j.MaxAttempts = DefaultMaxAttempts
	}
	for _, s := range []string{j.Kind, j.Key, string(j.Payload)} {
		if !utf8.ValidString(s) || strings.ContainsRune(s, 0) {
			return j, fmt.Errorf("job %s: NUL or invalid UTF-8: %w", j.Kind, ErrInvalid)
		}
	}
	return j, nil
}

// JobText makes s storable as a job's worker name or error: valid UTF-8,
// no NUL, on one line.
func JobText(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	return strings.Map(func(r rune) rune {
		switch r {
		case 0:
			return -1
		case '\n', '\r':
			return ' '
		}
		return r
	}, s)
}
