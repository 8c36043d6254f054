package server

import (
	"encoding/json"
	"fmt"
	"mime"
	"net/http"
	"net/url"

	"github.com/storydesk/storydesk/internal/store"
	"github.com/storydesk/storydesk/internal/worker"
)

// maxJobRequest caps the body of POST /api/jobs; maxJobInputs the inputs
// one request may queue.
const (
	maxJobRequest = 1 << 20
	maxJobInputs  = 1000
)

// JobRequest is the body of POST /api/jobs: inputs to queue for the
// workers, one ingest job each, read with the options given.
type JobRequest struct {
	// Inputs are http(s) URLs of pages or feeds. Paths are refused: they
	// would let a client have the workers read their machines' files.
	Inputs    []string `json:"inputs"`
	Date      string   `json:"date,omitempty"`
	NearDup   float64  `json:"near_dup,omitempty"`
	NoFollow  bool     `json:"no_follow,omitempty"`
	NoStories bool     `json:"no_stories,omitempty"`
}

// apiEnqueue queues the inputs of a JobRequest and answers 202 with the
// jobs. It takes only application/json, which a page elsewhere cannot send
// here without a CORS preflight this server never grants.
func (s *Server) apiEnqueue(w http.ResponseWriter, r *http.Request) {
	if mt, _, err := mime.ParseMediaType(r.Header.Get("Content-Type")); err != nil || mt != "application/json" {
		writeJSON(w, http.StatusUnsupportedMediaType, map[string]string{"error": "POST /api/jobs takes application/json"})
		return
	}
	var req JobRequest
	dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, maxJobRequest))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&req); err != nil {
		s.apiError(w, r, fmt.Errorf("%w: body: %v", errBadParam, err))
		return
	}
	if len(req.Inputs) == 0 || len(req.Inputs) > maxJobInputs {
		s.apiError(w, r, fmt.Errorf("%w: inputs: give 1 to %d", errBadParam, maxJobInputs))
		return
	}
	for _, in := range req.Inputs {
		u, err := url.Parse(in)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			s.apiError(w, r, fmt.Errorf("%w: input %q is not an http(s) URL", errBadParam, in))
			return
		}
	}
	jobs := make([]store.Job, 0, len(req.Inputs))
	for _, in := range req.Inputs {
		j, err := worker.EnqueueInput(r.Context(), s.st, worker.Input{Input: in, Date: req.Date,
			NearDup: req.NearDup, NoFollow: req.NoFollow, NoStories: req.NoStories})
		if err != nil {
			s.apiError(w, r, err)
			return
		}
		jobs = append(jobs, j)
	}
	writeJSON(w, http.StatusAccepted, map[string]any{"jobs": jobs})
}

// apiJobs lists jobs, oldest first, with the counts per state.
func (s *Server) apiJobs(w http.ResponseWriter, r *http.Request) {
	limit, offset, err := s.page(r, 100)
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	q := r.URL.Query()
	state := store.JobState(q.Get("state"))
	if state != "" && state != store.JobQueued && state != store.JobRunning && state != store.JobDone && state != store.JobFailed {
		s.apiError(w, r, fmt.Errorf("%w: state %q", errBadParam, state))
		return
	}
	jobs, err := s.st.ListJobs(r.Context(), store.JobListOptions{State: state, Kind: q.Get("kind"), Limit: limit, Offset: offset})
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	counts, err := s.st.CountJobs(r.Context())
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	if jobs == nil {
		jobs = []store.Job{}
	}
	writeJSON(w, http.StatusOK, map[string]any{"counts": counts, "jobs": jobs})
}
