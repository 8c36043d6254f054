// Package server serves storydesk over HTTP on one port: a JSON API under
// /api/ and a web UI of server-rendered pages that make no requests beyond
// this server, both reading the same store as the command line.
//
//	GET /api/stories?limit=&offset=&since=     stored stories, newest first
//	GET /api/stories/{id}                      the briefing of one story (the brief JSON schema)
//	GET /api/articles?limit=&offset=&outlet=   stored articles, without their text
//	GET /api/articles/{id}                     one article with its text
//	GET /api/search?q=&limit=                  ranked hits with snippets
//	GET /api/health                            {"status":"ok"} when the store answers
//	POST /api/jobs {"inputs":[URL...],...}     queue URLs for storydesk worker (202, the jobs)
//	GET /api/jobs?state=&kind=&limit=&offset=  jobs, oldest first, and counts per state
//
//	GET /                                      stories, newest first, and a search box
//	GET /stories/{id}                          a story's briefing as a page
//	GET /search?q=                             search results
//	GET /articles/{id}                         one article, with a link to its story
//
// Errors come back as {"error": "..."} (HTML pages for the UI) with 400 for
// a bad parameter, 404 for an unknown id and 500 for a store failure.
package server

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"strconv"
	"time"

	"github.com/storydesk/storydesk/internal/brief"
	"github.com/storydesk/storydesk/internal/model"
	"github.com/storydesk/storydesk/internal/pipeline"
	"github.com/storydesk/storydesk/internal/store"
)

// Options tunes the server.
type Options struct {
	// Brief is how stored stories are briefed.
	Brief pipeline.BriefOptions
	// Log receives one line per failed request; nil logs nothing.
	Log *slog.Logger
	// MaxLimit caps the limit parameter of listings and search.
	MaxLimit int
}

// DefaultOptions returns the options storydesk serves with.
func DefaultOptions() Options {
	return Options{Brief: pipeline.DefaultBriefOptions(), MaxLimit: 500}
}

// Server answers the API and the UI from one store.
type Server struct {
	st   store.Store
	opts Options
	mux  *http.ServeMux
}

// New returns a server reading st.
func New(st store.Store, opts Options) *Server {
	if opts.MaxLimit <= 0 {
		opts.MaxLimit = DefaultOptions().MaxLimit
	}
	s := &Server{st: st, opts: opts, mux: http.NewServeMux()}
	s.mux.HandleFunc("GET /api/health", s.health)
	s.mux.HandleFunc("GET /api/stories", s.apiStories)
	s.mux.HandleFunc("GET /api/stories/{id}", s.apiStory)
	s.mux.HandleFunc("GET /api/articles", s.apiArticles)
	s.mux.HandleFunc("GET /api/articles/{id}", s.apiArticle)
	s.mux.HandleFunc("GET /api/search", s.apiSearch)
	s.mux.HandleFunc("POST /api/jobs", s.apiEnqueue)
	s.mux.HandleFunc("GET /api/jobs", s.apiJobs)
	s.mux.HandleFunc("/api/", func(w http.ResponseWriter, r *http.Request) {
		s.apiError(w, r, fmt.Errorf("no such endpoint: %s %s: %w", r.Method, r.URL.Path, store.ErrNotFound))
	})
	s.mux.HandleFunc("GET /{$}", s.uiStories)
	s.mux.HandleFunc("GET /stories/{id}", s.uiStory)
	s.mux.HandleFunc("GET /search", s.uiSearch)
	s.mux.HandleFunc("GET /articles/{id}", s.uiArticle)
	s.mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		s.uiError(w, r, fmt.Errorf("no page at %s: %w", r.URL.Path, store.ErrNotFound))
	})
	return s
}

// ServeHTTP answers one request. Every response forbids loading anything
// from elsewhere.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "no-referrer")
	s.mux.ServeHTTP(w, r)
}

// errBadParam marks a request parameter that cannot be read.
var errBadParam = errors.New("bad parameter")

// page reads limit and offset, with def as the limit when none is given.
func (s *Server) page(r *http.Request, def int) (limit, offset int, err error) {
	limit, offset = def, 0
	if v := r.URL.Query().Get("limit"); v != "" {
		if limit, err = strconv.Atoi(v); err != nil || limit < 1 {
			return 0, 0, fmt.Errorf("limit %q: want a whole number from 1: %w", v, errBadParam)
		}
	}
	limit = min(limit, s.opts.MaxLimit)
	if v := r.URL.Query().Get("offset"); v != "" {
		if offset, err = strconv.Atoi(v); err != nil || offset < 0 {
			return 0, 0, fmt.Errorf("offset %q: want a whole number from 0: %w", v, errBadParam)
		}
	}
	return limit, offset, nil
}

// since reads a since parameter: an RFC 3339 time or a date.
func since(r *http.Request) (time.Time, error) {
	v := r.URL.Query().Get("since")
	if v == "" {
		return time.Time{}, nil
	}
	for _, layout := range []string{time.RFC3339, time.DateOnly} {
		if t, err := time.Parse(layout, v); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("since %q: want a date (2025-08-14) or an RFC 3339 time: %w", v, errBadParam)
}

func (s *Server) health(w http.ResponseWriter, r *http.Request) {
	if _, err := s.st.CountArticles(r.Context(), store.ListOptions{Limit: 1}); err != nil {
		s.apiError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
}

// StoryEntry is a story as listings show it.
type StoryEntry struct {
	ID        string    `json:"id"`
	Thread    string    `json:"thread"`
	Label     string    `json:"label"`
	FirstSeen time.Time `json:"first_seen,omitzero"`
	LastSeen  time.Time `json:"last_seen,omitzero"`
	Outlets   []string  `json:"outlets"`
	Articles  int       `json:"articles"`
}

func (s *Server) stories(r *http.Request) ([]StoryEntry, error) {
	limit, offset, err := s.page(r, 50)
	if err != nil {
		return nil, err
	}
	from, err := since(r)
	if err != nil {
		return nil, err
	}
	recs, err := s.st.ListStories(r.Context(), store.StoryListOptions{Limit: limit, Offset: offset, Since: from})
	if err != nil {
		return nil, err
	}
	out := make([]StoryEntry, len(recs))
	for i, rec := range recs {
		out[i] = Entry(rec)
	}
	return out, nil
}

// Entry is rec as listings show it.
func Entry(rec store.StoryRecord) StoryEntry {
	outlets := rec.Outlets
	if outlets == nil {
		outlets = []string{}
	}
	return StoryEntry{rec.ID, rec.Thread, rec.Label, rec.FirstSeen, rec.LastSeen, outlets, len(rec.Articles)}
}

func (s *Server) apiStories(w http.ResponseWriter, r *http.Request) {
	out, err := s.stories(r)
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"stories": out})
}

// briefOf builds the briefing of stored story id.
func (s *Server) briefOf(ctx context.Context, id string) (model.Brief, error) {
	st, err := pipeline.StoredStory(ctx, s.st, id, s.opts.Brief)
	if err != nil {
		return model.Brief{}, err
	}
	return brief.Build([]brief.Story{st}), nil
}

func (s *Server) apiStory(w http.ResponseWriter, r *http.Request) {
	b, err := s.briefOf(r.Context(), r.PathValue("id"))
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	if err := brief.JSON(w, b); err != nil {
		s.logf(r, "write story: %v", err)
	}
}

// ArticleEntry is an article as listings show it: without its text.
type ArticleEntry struct {
	ID          string     `json:"id"`
	Source      string     `json:"source"`
	URL         string     `json:"url,omitempty"`
	Outlet      string     `json:"outlet,omitempty"`
	Title       string     `json:"title,omitempty"`
	Published   model.Time `json:"published,omitzero"`
	EmbeddedIn  string     `json:"embedded_in,omitempty"`
	DuplicateOf string     `json:"duplicate_of,omitempty"`
	Chars       int        `json:"chars"`
}

func entry(a store.Summary) ArticleEntry {
	return ArticleEntry{a.ID, a.Source, a.URL, a.Outlet, a.Title, a.Published, a.EmbeddedIn, a.DuplicateOf, a.Chars}
}

func (s *Server) apiArticles(w http.ResponseWriter, r *http.Request) {
	limit, offset, err := s.page(r, 100)
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	opts := store.ListOptions{Limit: limit, Offset: offset, Outlet: r.URL.Query().Get("outlet")}
	as, err := s.st.ListArticles(r.Context(), opts)
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	total, err := s.st.CountArticles(r.Context(), opts)
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	out := make([]ArticleEntry, len(as))
	for i, a := range as {
		out[i] = entry(summary(a))
	}
	writeJSON(w, http.StatusOK, map[string]any{"total": total, "articles": out})
}

func summary(a model.Article) store.Summary {
	return store.Summary{ID: a.ID, Source: a.Source, URL: a.URL, Outlet: a.Outlet, Title: a.Title,
		Published: a.Published, EmbeddedIn: a.EmbeddedIn, DuplicateOf: a.DuplicateOf, Chars: len([]rune(a.Text))}
}

func (s *Server) apiArticle(w http.ResponseWriter, r *http.Request) {
	a, err := s.st.Article(r.Context(), r.PathValue("id"))
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, a)
}

// Hit is one search result.
type Hit struct {
	ArticleEntry
	Score   float64 `json:"score"`
	Snippet string  `json:"snippet"`
}

func (s *Server) search(r *http.Request) (string, []Hit, error) {
	q := r.URL.Query().Get("q")
	limit, _, err := s.page(r, 20)
	if err != nil {
		return q, nil, err
	}
	hits, err := s.st.Search(r.Context(), q, limit)
	if err != nil {
		return q, nil, err
	}
	out := make([]Hit, len(hits))
	for i, h := range hits {
		out[i] = Hit{entry(h.Article), h.Score, h.Snippet}
	}
	return q, out, nil
}

func (s *Server) apiSearch(w http.ResponseWriter, r *http.Request) {
	q, hits, err := s.search(r)
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"query": q, "hits": hits})
}

// status maps an error to its HTTP status.
func status(err error) int {
	switch {
	case errors.Is(err, store.ErrNotFound):
		return http.StatusNotFound
	case errors.Is(err, errBadParam), errors.Is(err, store.ErrInvalid):
		return http.StatusBadRequest
	case errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded):
		return http.StatusServiceUnavailable
	}
	return http.StatusInternalServerError
}

func (s *Server) apiError(w http.ResponseWriter, r *http.Request, err error) {
	code := status(err)
	if code >= 500 {
		s.logf(r, "%v", err)
	}
	writeJSON(w, code, map[string]string{"error": err.Error()})
}

func (s *Server) logf(r *http.Request, format string, args ...any) {
	if s.opts.Log != nil {
		s.opts.Log.Error(fmt.Sprintf(format, args...), "method", r.Method, "path", r.URL.Path)
	}
}

func writeJSON(w http.ResponseWriter, code int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(code)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.Encode(v) // the status line is gone: a failed write has no one to tell
}
