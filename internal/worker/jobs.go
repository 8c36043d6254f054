package worker

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/storydesk/storydesk/internal/store"
)

// The kinds of job a worker runs.
const (
	KindIngest    = "ingest"
	KindRecluster = "recluster"
)

// reclusterKey keys every recluster job: one queued and one running at a
// time.
const reclusterKey = "recluster"

// Input is the payload of an ingest job: one input and the options it is
// read with (the flags of storydesk ingest).
type Input struct {
	// Input is a file path, directory, URL, feed or OPML list.
	Input string `json:"input"`
	// Date is the reference date (YYYY-MM-DD) for inputs that carry none.
	Date string `json:"date,omitempty"`
	// NearDup is the near-duplicate threshold; 0 means the default.
	NearDup float64 `json:"near_dup,omitempty"`
	// AllowPrivate allows fetching from private addresses.
	AllowPrivate bool `json:"allow_private,omitempty"`
	// NoFollow leaves the pages short feed entries link to unfetched.
	NoFollow bool `json:"no_follow,omitempty"`
	// NoStories stores the articles only: no annotations, no recluster.
	NoStories bool `json:"no_stories,omitempty"`
}

// IngestResult is what an ingest job reports.
type IngestResult struct {
	// Articles are the ids the input yielded, in reading order.
	Articles []string `json:"articles"`
	// Duplicates counts those linked as duplicates when read.
	Duplicates int `json:"duplicates"`
	// Stored counts the articles this job stored first.
	Stored int `json:"stored"`
}

// ReclusterOptions is the payload of a recluster job.
type ReclusterOptions struct {
	Date    string  `json:"date,omitempty"`
	NearDup float64 `json:"near_dup,omitempty"`
}

// ReclusterResult is what a recluster job reports.
type ReclusterResult struct {
	// Relinked counts the articles whose duplicate link changed.
	Relinked int `json:"relinked"`
	Stories  int `json:"stories"`
}

// EnqueueInput adds an ingest job for in.
func EnqueueInput(ctx context.Context, q store.Jobs, in Input) (store.Job, error) {
	if in.Input == "" {
		return store.Job{}, fmt.Errorf("enqueue: empty input: %w", store.ErrInvalid)
	}
	if in.Date != "" {
		if _, err := time.Parse(time.DateOnly, in.Date); err != nil {
			return store.Job{}, fmt.Errorf("enqueue %s: date %q is not YYYY-MM-DD: %w", in.Input, in.Date, store.ErrInvalid)
		}
	}
	if in.NearDup < 0 || in.NearDup > 1 {
		return store.Job{}, fmt.Errorf("enqueue %s: near-dup %v not in (0, 1]: %w", in.Input, in.NearDup, store.ErrInvalid)
	}
	payload, err := json.Marshal(in)
	if err != nil {
		return store.Job{}, fmt.Errorf("enqueue %s: %w", in.Input, err)
	}
	j, _, err := q.Enqueue(ctx, store.NewJob{Kind: KindIngest, Payload: payload})
	return j, err
}

// EnqueueRecluster adds a recluster job unless one is queued already.
func EnqueueRecluster(ctx context.Context, q store.Jobs, opts ReclusterOptions) (store.Job, error) {
	payload, err := json.Marshal(opts)
	if err != nil {
		return store.Job{}, err
	}
	j, _, err := q.Enqueue(ctx, store.NewJob{Kind: KindRecluster, Key: reclusterKey, Payload: payload})
	return j, err
}
