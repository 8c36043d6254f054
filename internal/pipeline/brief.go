package pipeline

import (
	"runtime"
	"sync"
	"time"

	"github.com/storydesk/storydesk/internal/annotate"
	"github.com/storydesk/storydesk/internal/brief"
	"github.com/storydesk/storydesk/internal/compare"
	"github.com/storydesk/storydesk/internal/model"
)

// BriefOptions tunes the stages after reading.
type BriefOptions struct {
	Annotate annotate.Options
	Compare  compare.Options
	// Reference is the date relative expressions are resolved against in
	// articles that carry no date; zero means unknown.
	Reference time.Time
}

// DefaultBriefOptions returns the options storydesk briefs with.
func DefaultBriefOptions() BriefOptions {
	return BriefOptions{Annotate: annotate.DefaultOptions(), Compare: compare.DefaultOptions()}
}

// Annotate runs the annotator chain over every article on all CPUs, then
// merges entities across the articles so that one real-world entity has one
// id and name everywhere. anns[i] annotates arts[i]; the corpus entities
// come back with their aliases counted over all articles.
func Annotate(arts []model.Article, opts BriefOptions) (anns []model.Annotations, entities []model.Entity) {
	anns = make([]model.Annotations, len(arts))
	chain := annotate.Default(opts.Annotate)
	var wg sync.WaitGroup
	next := make(chan int)
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				anns[i] = annotate.Run(chain, arts[i], reference(arts[i], opts.Reference))
			}
		}()
	}
	for i := range arts {
		next <- i
	}
	close(next)
	wg.Wait()

	entities = annotate.Resolve(anns)
	byID := make(map[string]model.Entity, len(entities))
	for _, ent := range entities {
		byID[ent.ID] = ent
	}
	for i := range anns {
		for j := range anns[i].Entities {
			if c, ok := byID[anns[i].Entities[j].ID]; ok {
				anns[i].Entities[j].Name = c.Name
				anns[i].Entities[j].Type = c.Type
			}
		}
	}
	return anns, entities
}

// reference is the date relative expressions in a are resolved against:
// its publication date, else the fallback.
func reference(a model.Article, fallback time.Time) time.Time {
	if !a.Published.IsZero() {
		return a.Published.Time
	}
	return fallback
}

// Stories groups annotated articles into stories and compares the outlets
// within each, giving what brief.Build needs.
//
// Relative dates in an undated article are resolved against
// opts.Reference when given, else against the latest publication date
// among the other top-level articles read with it: articles gathered on one
// story were, as a rule, written within days of each other, and a date a
// day off is more use to a reader than none.
func Stories(arts []model.Article, opts BriefOptions) []brief.Story {
	if opts.Reference.IsZero() {
		opts.Reference = latest(arts)
	}
	anns, _ := Annotate(arts, opts)
	groups := group(arts)
	stories := make([]brief.Story, 0, len(groups))
	for _, g := range groups {
		var sa []model.Article
		var sn []model.Annotations
		for _, i := range g.members {
			sa = append(sa, arts[i])
			sn = append(sn, anns[i])
		}
		// Duplicates add no outlet's voice: compare only the originals.
		var ca []model.Article
		var cn []model.Annotations
		for i, a := range sa {
			if a.DuplicateOf == "" {
				ca, cn = append(ca, a), append(cn, sn[i])
			}
		}
		r := compare.Compare(ca, cn, opts.Compare)
		stories = append(stories, brief.Story{
			ID: g.id, Thread: g.thread, Articles: sa, Entities: storyEntities(sn),
			Facts: r.Facts, Conflicts: r.Conflicts, Quotes: r.Quotes,
			Timeline: r.Timeline, Unique: r.Unique, Summary: r.Points,
		})
	}
	return stories
}

// latest is the latest calendar day on which a top-level article was
// published, zero when none is dated.
func latest(arts []model.Article) time.Time {
	var t time.Time
	for _, a := range arts {
		if a.EmbeddedIn != "" || a.Published.IsZero() {
			continue
		}
		d := a.Published.Time
		day := time.Date(d.Year(), d.Month(), d.Day(), 0, 0, 0, 0, time.UTC)
		if day.After(t) {
			t = day
		}
	}
	return t
}

// storyGroup is one story's members (indexes into the articles).
type storyGroup struct {
	id, thread string
	members    []int
}

// group puts the articles into stories. Until online clustering is wired
// in, top-level articles form one story and articles carried inside pages
// another, in the same thread.
func group(arts []model.Article) []storyGroup {
	var top, carried []int
	var ids, cids string
	for i, a := range arts {
		if a.EmbeddedIn != "" {
			carried = append(carried, i)
			cids += a.ID
		} else {
			top = append(top, i)
			ids += a.ID
		}
	}
	var out []storyGroup
	thread := ""
	for _, g := range []struct {
		members []int
		ids     string
	}{{top, ids}, {carried, cids}} {
		if len(g.members) == 0 {
			continue
		}
		id := "s" + model.ArticleID("story", "", g.ids)[:10]
		if thread == "" {
			thread = id
		}
		out = append(out, storyGroup{id: id, thread: thread, members: g.members})
	}
	return out
}

// storyEntities merges the entities of a story's articles by corpus id,
// with aliases counted over the story. Mentions are left out: their spans
// index single articles, which the annotate command shows.
func storyEntities(anns []model.Annotations) []model.Entity {
	index := make(map[string]int)
	var out []model.Entity
	for _, an := range anns {
		for _, e := range an.Entities {
			key := e.ID
			if key == "" {
				key = e.Type + "\x00" + e.Name
			}
			i, ok := index[key]
			if !ok {
				i = len(out)
				index[key] = i
				out = append(out, model.Entity{ID: e.ID, Name: e.Name, Type: e.Type})
			}
			for _, al := range e.Aliases {
				out[i].Aliases = addAlias(out[i].Aliases, al)
			}
		}
	}
	return out
}

func addAlias(as []model.Alias, a model.Alias) []model.Alias {
	for i := range as {
		if as[i].Text == a.Text {
			as[i].Count += a.Count
			return as
		}
	}
	return append(as, a)
}
