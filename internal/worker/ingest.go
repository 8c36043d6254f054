package worker

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/storydesk/storydesk/internal/model"
	"github.com/storydesk/storydesk/internal/pipeline"
	"github.com/storydesk/storydesk/internal/store"
)

// reader is a runner's ingest state: a pipeline that knows every stored
// article, for the options it was made with.
type reader struct {
	key string
	p   *pipeline.Pipeline
	// floor is the highest job id up to which every ingest job has ended
	// and its articles are known: refresh looks only above it.
	floor int64
}

// pipelineOptions applies an ingest job's options to the worker's.
func pipelineOptions(base pipeline.Options, in Input) (pipeline.Options, error) {
	opts := base
	opts.Source.Fetch.AllowPrivate = in.AllowPrivate
	opts.Source.FollowLinks = !in.NoFollow
	if in.NearDup > 0 {
		opts.Dedup.Threshold = in.NearDup
	}
	if in.Date != "" {
		d, err := time.Parse(time.DateOnly, in.Date)
		if err != nil {
			return opts, fmt.Errorf("date %q is not YYYY-MM-DD", in.Date)
		}
		opts.Reference = d
	}
	return opts, nil
}

// readerFor returns the runner's reader for in's options, made afresh
// (knowing every stored article) when the options changed, and brought up
// to date with what other jobs have read since.
func (r *runner) readerFor(ctx context.Context, in Input) (*reader, error) {
	opts, err := pipelineOptions(r.opts.Pipeline, in)
	if err != nil {
		return nil, err
	}
	key := fmt.Sprintf("%s|%v|%v|%v", in.Date, in.NearDup, in.AllowPrivate, in.NoFollow)
	if r.in == nil || r.in.key != key {
		rd := &reader{key: key, p: pipeline.New(opts)}
		// Jobs that ended before the articles are listed need no look.
		if err := rd.advance(ctx, r.st); err != nil {
			return nil, err
		}
		if err := pipeline.Load(ctx, rd.p, r.st); err != nil {
			return nil, err
		}
		rd.p.KeepSignatures()
		r.in = rd
	}
	return r.in, r.refresh(ctx)
}

// advance moves the floor over the leading run of ended ingest jobs.
func (rd *reader) advance(ctx context.Context, q store.Jobs) error {
	jobs, err := q.ListJobs(ctx, store.JobListOptions{Kind: KindIngest, AfterID: rd.floor})
	if err != nil {
		return fmt.Errorf("load stored articles: %w", err)
	}
	for _, j := range jobs {
		if j.State != store.JobDone && j.State != store.JobFailed {
			break
		}
		rd.floor = j.ID
	}
	return nil
}

func (rd *reader) know(a model.Article) { rd.p.Known(a) }

// refresh tells the pipeline about the articles other ingest jobs read
// since it last looked, as their results list them.
func (r *runner) refresh(ctx context.Context) error {
	jobs, err := r.st.ListJobs(ctx, store.JobListOptions{Kind: KindIngest, AfterID: r.in.floor})
	if err != nil {
		return fmt.Errorf("refresh stored articles: %w", err)
	}
	ended := true
	for _, j := range jobs {
		if ended = ended && (j.State == store.JobDone || j.State == store.JobFailed); ended {
			r.in.floor = j.ID
		}
		var res IngestResult
		if len(j.Result) == 0 || json.Unmarshal(j.Result, &res) != nil {
			continue
		}
		for _, id := range res.Articles {
			if r.in.p.Seen(id) {
				continue
			}
			a, err := r.st.Article(ctx, id)
			if errors.Is(err, store.ErrNotFound) {
				continue // refused by the store when its job stored the rest
			}
			if err != nil {
				return fmt.Errorf("refresh stored articles: %w", err)
			}
			r.in.know(a)
		}
	}
	return nil
}

// ingest reads the job's input, stores its articles and their
// annotations, and asks for a recluster once the job is finished (so that
// the recluster finds the job's result). A part of the input that fails
// fails the job with its one-line error; what was read is kept and said
// in the result, which a retry extends.
func (r *runner) ingest(ctx context.Context, job store.Job) ([]byte, error) {
	var in Input
	if err := json.Unmarshal(job.Payload, &in); err != nil || in.Input == "" {
		return nil, permanentError{fmt.Errorf("job %d: payload is not an ingest input", job.ID)}
	}
	rd, err := r.readerFor(ctx, in)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", in.Input, err)
	}
	var res IngestResult
	if len(job.Result) > 0 {
		json.Unmarshal(job.Result, &res) // an earlier attempt's articles come first
	}
	sink := pipeline.NewSink(r.st)
	sink.Signature = rd.p.TakeSignature
	var failed []error
	refused := make(map[string]bool)
	sink.Failed = func(a model.Article, err error) {
		refused[a.ID] = true
		failed = append(failed, fmt.Errorf("%s: not stored: %w", a.Source, err))
	}
	var arts []model.Article
	for a, err := range rd.p.Read(ctx, []string{in.Input}) {
		if err != nil {
			failed = append(failed, err)
			continue
		}
		arts = append(arts, a)
		if a.DuplicateOf != "" {
			res.Duplicates++
		}
		if err := sink.Put(ctx, a); err != nil {
			return nil, fmt.Errorf("%s: %w", in.Input, err)
		}
	}
	if err := sink.Flush(ctx); err != nil {
		return nil, fmt.Errorf("%s: %w", in.Input, err)
	}
	res.Stored += sink.Created
	r.stats.Stored += sink.Created
	var kept []model.Article
	listed := make(map[string]bool, len(res.Articles))
	for _, id := range res.Articles {
		listed[id] = true
	}
	for _, a := range arts {
		if !refused[a.ID] && !listed[a.ID] {
			res.Articles = append(res.Articles, a.ID)
			kept = append(kept, a)
		}
	}
	if !in.NoStories && len(kept) > 0 {
		if err := r.annotate(ctx, kept, in); err != nil {
			return nil, err
		}
		r.then = &ReclusterOptions{Date: in.Date, NearDup: in.NearDup}
	}
	result, err := json.Marshal(res)
	if err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return result, err
	}
	if len(failed) == 0 {
		return result, nil
	}
	err = failed[0]
	if len(failed) > 1 {
		err = fmt.Errorf("%w (and %d more)", failed[0], len(failed)-1)
	}
	// A retry reads again only when some part may read the next time.
	for _, f := range failed {
		if !permanent(f) {
			return result, err
		}
	}
	return result, permanentError{err}
}

// annotate stores the annotations of arts. An undated article is left
// to the recluster job unless the job gives a reference date: its
// relative dates resolve against the latest date of all stored articles,
// which only the recluster knows.
func (r *runner) annotate(ctx context.Context, arts []model.Article, in Input) error {
	opts := r.opts.Brief
	if in.Date != "" {
		d, _ := time.Parse(time.DateOnly, in.Date)
		opts.Reference = d
	}
	var todo []model.Article
	for _, a := range arts {
		if !opts.Reference.IsZero() || !a.Published.IsZero() {
			todo = append(todo, a)
		}
	}
	if len(todo) == 0 {
		return nil
	}
	anns, _ := pipeline.Annotate(todo, opts)
	for _, an := range anns {
		if err := r.st.PutAnnotations(ctx, an); err != nil && !errors.Is(err, store.ErrNotFound) {
			return fmt.Errorf("store annotations of %s: %w", an.ArticleID, err)
		}
	}
	return nil
}
