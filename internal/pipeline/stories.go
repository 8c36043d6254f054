package pipeline

import (
	"context"
	"errors"
	"fmt"

	"github.com/storydesk/storydesk/internal/brief"
	"github.com/storydesk/storydesk/internal/compare"
	"github.com/storydesk/storydesk/internal/model"
	"github.com/storydesk/storydesk/internal/store"
)

// StoryStore is what keeping annotations and stories needs of a store.
type StoryStore interface {
	ArticleStore
	Article(ctx context.Context, id string) (model.Article, error)
	Annotations(ctx context.Context, articleID string) (model.Annotations, error)
	PutAnnotations(ctx context.Context, a model.Annotations) error
	Story(ctx context.Context, id string) (store.StoryRecord, error)
	ListStories(ctx context.Context, opts store.StoryListOptions) ([]store.StoryRecord, error)
	PutStories(ctx context.Context, stories []store.StoryRecord, redirects map[string]string) error
}

// Progress is told how far a long step has come; total 0 means unknown.
type Progress func(done, total int)

// Recluster rebuilds every stored story from the stored articles, in
// publication order, annotating (and storing the annotations of) articles
// that have none yet. Story ids stay stable for the same first article; a
// story whose articles now sit in another story redirects to it. It returns
// the number of stories.
func Recluster(ctx context.Context, st StoryStore, opts BriefOptions, progress Progress) (int, error) {
	arts, err := st.ListArticles(ctx, store.ListOptions{})
	if err != nil {
		return 0, fmt.Errorf("recluster: %w", err)
	}
	if opts.Reference.IsZero() {
		opts.Reference = latest(arts)
	}
	anns, err := storedAnnotations(ctx, st, arts, opts, progress)
	if err != nil {
		return 0, err
	}
	groups := group(arts, anns, opts.Cluster)
	records := make([]store.StoryRecord, 0, len(groups))
	storyOf := make(map[string]string, len(arts))
	for _, g := range groups {
		r := store.StoryRecord{ID: g.id, Thread: g.thread, Label: g.label}
		seen := make(map[string]bool)
		for _, i := range g.members {
			a := arts[i]
			r.Articles = append(r.Articles, a.ID)
			storyOf[a.ID] = g.id
			if a.Outlet != "" && !seen[a.Outlet] {
				seen[a.Outlet] = true
				r.Outlets = append(r.Outlets, a.Outlet)
			}
			if p := a.Published.Time; !a.Published.IsZero() {
				if r.FirstSeen.IsZero() || p.Before(r.FirstSeen) {
					r.FirstSeen = p
				}
				if p.After(r.LastSeen) {
					r.LastSeen = p
				}
			}
		}
		if r.Label == "" {
			r.Label = headlineOf(arts, g.members)
		}
		records = append(records, r)
	}
	redirects, err := redirectsFor(ctx, st, records, storyOf)
	if err != nil {
		return 0, err
	}
	if err := st.PutStories(ctx, records, redirects); err != nil {
		return 0, fmt.Errorf("recluster: %w", err)
	}
	return len(records), nil
}

// storedAnnotations returns the stored annotations of arts, annotating and
// storing those that have none.
func storedAnnotations(ctx context.Context, st StoryStore, arts []model.Article, opts BriefOptions, progress Progress) ([]model.Annotations, error) {
	anns := make([]model.Annotations, len(arts))
	var missing []int
	for i, a := range arts {
		an, err := st.Annotations(ctx, a.ID)
		switch {
		case err == nil:
			anns[i] = an
		case errors.Is(err, store.ErrNotFound):
			missing = append(missing, i)
		default:
			return nil, fmt.Errorf("annotations of %s: %w", a.ID, err)
		}
	}
	const batch = 256
	for start := 0; start < len(missing); start += batch {
		idx := missing[start:min(start+batch, len(missing))]
		todo := make([]model.Article, len(idx))
		for k, i := range idx {
			todo[k] = arts[i]
		}
		done, _ := Annotate(todo, opts)
		for k, i := range idx {
			anns[i] = done[k]
			if err := st.PutAnnotations(ctx, done[k]); err != nil {
				return nil, fmt.Errorf("store annotations of %s: %w", arts[i].ID, err)
			}
		}
		if progress != nil {
			progress(start+len(idx), len(missing))
		}
	}
	// Entity ids are only comparable within one Resolve: merge across the
	// whole collection again.
	Resolve(anns)
	return anns, nil
}

// redirectsFor maps each stored story that is not kept to the new story
// holding most of its articles.
func redirectsFor(ctx context.Context, st StoryStore, records []store.StoryRecord, storyOf map[string]string) (map[string]string, error) {
	keep := make(map[string]bool, len(records))
	for _, r := range records {
		keep[r.ID] = true
	}
	old, err := st.ListStories(ctx, store.StoryListOptions{})
	if err != nil {
		return nil, fmt.Errorf("recluster: %w", err)
	}
	redirects := make(map[string]string)
	for _, o := range old {
		if keep[o.ID] {
			continue
		}
		votes := make(map[string]int)
		best := ""
		for _, id := range o.Articles {
			if s, ok := storyOf[id]; ok {
				votes[s]++
				if best == "" || votes[s] > votes[best] || votes[s] == votes[best] && s < best {
					best = s
				}
			}
		}
		if best != "" {
			redirects[o.ID] = best
		}
	}
	return redirects, nil
}

// headlineOf is the first title among a story's articles, a page's own
// before those it carries (a story of carried articles only takes theirs).
func headlineOf(arts []model.Article, members []int) string {
	var carried string
	for _, i := range members {
		switch {
		case arts[i].Title == "":
		case arts[i].EmbeddedIn == "":
			return arts[i].Title
		case carried == "":
			carried = arts[i].Title
		}
	}
	return carried
}

// StoredStory builds the briefing input of a stored story: its articles,
// their stored annotations and the comparison of its outlets.
func StoredStory(ctx context.Context, st StoryStore, id string, opts BriefOptions) (brief.Story, error) {
	rec, err := st.Story(ctx, id)
	if err != nil {
		return brief.Story{}, fmt.Errorf("story %s: %w", id, err)
	}
	var arts []model.Article
	for _, aid := range rec.Articles {
		a, err := st.Article(ctx, aid)
		if err != nil {
			return brief.Story{}, fmt.Errorf("story %s: %w", id, err)
		}
		arts = append(arts, a)
	}
	if opts.Reference.IsZero() {
		opts.Reference = latest(arts)
	}
	anns, err := storedAnnotations(ctx, st, arts, opts, nil)
	if err != nil {
		return brief.Story{}, err
	}
	var ca []model.Article
	var cn []model.Annotations
	for i, a := range arts {
		if a.DuplicateOf == "" {
			ca, cn = append(ca, a), append(cn, anns[i])
		}
	}
	r := compare.Compare(ca, cn, opts.Compare)
	return brief.Story{
		ID: rec.ID, Thread: rec.Thread, Label: titled(rec.Label, arts), Articles: arts, Entities: storyEntities(anns),
		Facts: r.Facts, Conflicts: r.Conflicts, Quotes: r.Quotes,
		Timeline: r.Timeline, Unique: r.Unique, Summary: r.Points,
	}, nil
}
