package worker

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"time"

	"github.com/storydesk/storydesk/internal/dedup"
	"github.com/storydesk/storydesk/internal/model"
	"github.com/storydesk/storydesk/internal/pipeline"
	"github.com/storydesk/storydesk/internal/store"
)

// recluster relinks duplicates and rebuilds the stories. The queue key
// keeps a second recluster from starting while this one runs.
func (r *runner) recluster(ctx context.Context, job store.Job) ([]byte, error) {
	var opts ReclusterOptions
	if len(job.Payload) > 0 {
		if err := json.Unmarshal(job.Payload, &opts); err != nil {
			return nil, permanentError{fmt.Errorf("job %d: payload is not recluster options", job.ID)}
		}
	}
	dopts := r.opts.Pipeline.Dedup
	if opts.NearDup > 0 {
		dopts.Threshold = opts.NearDup
	}
	relinked, err := Relink(ctx, r.st, dopts)
	if err != nil {
		return nil, err
	}
	bopts := r.opts.Brief
	if opts.Date != "" {
		if d, err := time.Parse(time.DateOnly, opts.Date); err == nil {
			bopts.Reference = d
		}
	}
	n, err := pipeline.Recluster(ctx, r.st, bopts, nil)
	if err != nil {
		return nil, err
	}
	return json.Marshal(ReclusterResult{Relinked: relinked, Stories: n})
}

// RelinkStore is what Relink needs of a store.
type RelinkStore interface {
	ListArticles(ctx context.Context, opts store.ListOptions) ([]model.Article, error)
	ListJobs(ctx context.Context, opts store.JobListOptions) ([]store.Job, error)
	LinkDuplicate(ctx context.Context, id, of string, similarity float64) error
}

// Relink sets the duplicate links of the articles that ingest jobs read as
// one process reading the jobs' inputs in queue order would have set them:
// workers running side by side each link only against what was stored
// when they looked, so two near copies may both be stored as originals, or
// the later input's copy as the original. Articles no job read (stored by
// storydesk ingest) come first, in listing order, and keep their links.
// It returns how many links changed.
func Relink(ctx context.Context, st RelinkStore, opts dedup.Options) (int, error) {
	sigs, signed, err := storedSignatures(ctx, st)
	if err != nil {
		return 0, fmt.Errorf("relink: %w", err)
	}
	arts, err := st.ListArticles(ctx, store.ListOptions{NoText: signed})
	if err != nil {
		return 0, fmt.Errorf("relink: %w", err)
	}
	jobs, err := st.ListJobs(ctx, store.JobListOptions{Kind: KindIngest})
	if err != nil {
		return 0, fmt.Errorf("relink: %w", err)
	}
	byID := make(map[string]int, len(arts))
	for i, a := range arts {
		byID[a.ID] = i
	}
	var order []int // arts read by jobs, in queue and reading order
	placed := make([]bool, len(arts))
	for _, j := range jobs {
		var res IngestResult
		if len(j.Result) == 0 || json.Unmarshal(j.Result, &res) != nil {
			continue
		}
		for _, id := range res.Articles {
			if i, ok := byID[id]; ok && !placed[i] {
				placed[i] = true
				order = append(order, i)
			}
		}
	}
	idx := dedup.New(opts)
	// add puts a in the index by its stored signature, or by its text
	// (read now if the listing left it out).
	add := func(a model.Article) (dedup.Match, error) {
		if sig, ok := sigs[a.ID]; ok {
			if m, _, err := idx.AddSignature(a.ID, sig); err == nil {
				return m, nil
			}
		}
		if signed {
			full, err := st.(signatureReader).Article(ctx, a.ID)
			if err != nil {
				return dedup.Match{}, err
			}
			a.Text = full.Text
		}
		m, _ := idx.Add(a.ID, a.Text)
		return m, nil
	}
	for i, a := range arts {
		if !placed[i] {
			if _, err := add(a); err != nil {
				return 0, fmt.Errorf("relink: %w", err)
			}
		}
	}
	changed := 0
	for _, i := range order {
		a := arts[i]
		m, err := add(a)
		if err != nil {
			return changed, fmt.Errorf("relink: %w", err)
		}
		if m.Original == a.DuplicateOf && (m.Original == "" || math.Abs(m.Similarity-a.Similarity) < 1e-9) {
			continue
		}
		if err := st.LinkDuplicate(ctx, a.ID, m.Original, m.Similarity); err != nil {
			return changed, fmt.Errorf("relink: %w", err)
		}
		changed++
	}
	return changed, nil
}

// signatureReader is a store that keeps dedup signatures.
type signatureReader interface {
	EachSignature(ctx context.Context, fn func(id string, sig []byte) error) error
	Article(ctx context.Context, id string) (model.Article, error)
}

// storedSignatures reads every stored signature, when st keeps them.
func storedSignatures(ctx context.Context, st RelinkStore) (map[string]dedup.Sig, bool, error) {
	ss, ok := st.(signatureReader)
	if !ok {
		return nil, false, nil
	}
	sigs := make(map[string]dedup.Sig)
	err := ss.EachSignature(ctx, func(id string, b []byte) error {
		var sig dedup.Sig
		if sig.UnmarshalBinary(b) == nil {
			sigs[id] = sig
		}
		return nil
	})
	return sigs, true, err
}
