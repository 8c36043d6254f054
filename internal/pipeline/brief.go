package pipeline

import (
	"runtime"
	"strconv"
	"sync"
	"time"

	"github.com/storydesk/storydesk/internal/annotate"
	"github.com/storydesk/storydesk/internal/brief"
	"github.com/storydesk/storydesk/internal/cluster"
	"github.com/storydesk/storydesk/internal/compare"
	"github.com/storydesk/storydesk/internal/model"
)

// BriefOptions tunes the stages after reading.
type BriefOptions struct {
	Annotate annotate.Options
	Compare  compare.Options
	Cluster  cluster.Options
	// Reference is the date relative expressions are resolved against in
	// articles that carry no date; zero means unknown.
	Reference time.Time
}

// DefaultBriefOptions returns the options storydesk briefs with.
func DefaultBriefOptions() BriefOptions {
	return BriefOptions{Annotate: annotate.DefaultOptions(), Compare: compare.DefaultOptions(), Cluster: cluster.DefaultOptions()}
}

// Annotate runs the annotator chain over every article on all CPUs, then
// merges entities across the articles so that one real-world entity has one
// id and name everywhere. anns[i] annotates arts[i]; the corpus entities
// come back with their aliases counted over all articles.
//
// Relative dates in an undated article are resolved against
// opts.Reference when given, else against the latest publication date
// among the other top-level articles read with it: articles read together
// were, as a rule, written within days of each other, and a date a day off
// is more use to a reader than none.
func Annotate(arts []model.Article, opts BriefOptions) (anns []model.Annotations, entities []model.Entity) {
	if opts.Reference.IsZero() {
		opts.Reference = latest(arts)
	}
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

	return anns, Resolve(anns)
}

// Resolve merges entities across the annotated articles, giving each
// article's entities the corpus id and canonical name and type, and
// returns the corpus entities.
func Resolve(anns []model.Annotations) []model.Entity {
	entities := annotate.Resolve(anns)
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
	return entities
}

// reference is the date relative expressions in a are resolved against:
// its publication date, else the fallback. An undated article carried
// inside another page gets none: such articles are links to other days'
// news, older or newer than the page, and "on Sunday" resolved against the
// page's date could be a week off. Unresolved, such a date is written as
// TIMEX3 writes an unknown one ("XXXX-XX-XX") and stays off the timeline.
func reference(a model.Article, fallback time.Time) time.Time {
	switch {
	case !a.Published.IsZero():
		return a.Published.Time
	case a.EmbeddedIn != "":
		return time.Time{}
	}
	return fallback
}

// Stories groups annotated articles into stories and compares the outlets
// within each, giving what brief.Build needs. Undated articles are dated
// as Annotate says.
func Stories(arts []model.Article, opts BriefOptions) []brief.Story {
	anns, _ := Annotate(arts, opts)
	groups := group(arts, anns, opts.Cluster)
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
			ID: g.id, Thread: g.thread, Label: titled(g.label, sa), Articles: sa, Entities: storyEntities(sn),
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
	id, thread, label string
	members           []int
}

// group clusters the articles into stories, in input order, with what
// annotation found in each as features, and returns the stories in order
// of their first article.
//
// A page and the articles it carries (a "Related Articles" block) are never
// one story: the page links to them because they are other articles, as a
// rule earlier or later developments. Carried articles the clusterer put in
// their page's story are taken out into a story of their own, in the page's
// thread; carried articles it put elsewhere stay where they are.
func group(arts []model.Article, anns []model.Annotations, opts cluster.Options) []storyGroup {
	c := cluster.New(opts)
	items := make([]cluster.Item, len(arts))
	for i, a := range arts {
		items[i] = Item(a, anns[i])
		c.Add(items[i])
	}
	c.Settle(items)
	info := make(map[string]cluster.Story)
	storyOf := make(map[string]string, len(arts))
	for _, st := range c.Stories() {
		info[st.ID] = st
		for _, id := range st.Articles {
			storyOf[id] = st.ID
		}
	}
	assigned := make([]string, len(arts))
	for i, a := range arts {
		assigned[i] = storyOf[a.ID]
	}
	// A story's id derives from its first article, so that it stays the
	// same when the story is rebuilt from the same articles.
	index := make(map[string]int)
	stable := make(map[string]string)
	var out []storyGroup
	for i := range arts {
		id := c.Resolve(assigned[i])
		k, ok := index[id]
		if !ok {
			k = len(out)
			index[id] = k
			stable[id] = "s" + model.ArticleID("story", "", arts[i].ID)[:12]
			out = append(out, storyGroup{id: stable[id], thread: c.ResolveThread(info[id].Thread), label: info[id].Label})
		}
		out[k].members = append(out[k].members, i)
	}
	for k := range out {
		if t, ok := stable[out[k].thread]; ok {
			out[k].thread = t
		} else {
			out[k].thread = out[k].id
		}
	}
	return splitCarried(arts, out)
}

// splitCarried moves carried articles out of their page's story.
func splitCarried(arts []model.Article, groups []storyGroup) []storyGroup {
	storyOf := make(map[string]int)
	for g, sg := range groups {
		for _, i := range sg.members {
			storyOf[arts[i].ID] = g
		}
	}
	n := len(groups)
	split := make(map[int]int) // page story -> story of its carried articles
	for g := 0; g < n; g++ {
		var keep []int
		for _, i := range groups[g].members {
			page, ok := storyOf[arts[i].EmbeddedIn]
			if arts[i].EmbeddedIn == "" || !ok || page != g {
				keep = append(keep, i)
				continue
			}
			k, ok := split[g]
			if !ok {
				k = len(groups)
				split[g] = k
				groups = append(groups, storyGroup{id: groups[g].id + "-" + strconv.Itoa(k-n+1), thread: groups[g].thread})
			}
			groups[k].members = append(groups[k].members, i)
		}
		groups[g].members = keep
	}
	out := groups[:0]
	for _, g := range groups {
		if len(g.members) > 0 {
			out = append(out, g)
		}
	}
	return out
}

// Item gives the clusterer an article with the features annotation found:
// people and organisations by their canonical names, places, dates and
// counted quantities.
func Item(a model.Article, an model.Annotations) cluster.Item {
	it := cluster.Item{ID: a.ID, Outlet: a.Outlet, Title: a.Title, Text: a.Text}
	if !a.Published.IsZero() {
		it.Published = a.Published.Time
	}
	for _, e := range an.Entities {
		switch e.Type {
		case model.GPE, model.Location, model.Facility:
			it.Places = append(it.Places, e.Name)
		default:
			it.Entities = append(it.Entities, e.Name)
		}
	}
	for _, t := range an.Times {
		if t.Type == "DATE" && len(t.Value) >= 4 && t.Value[0] >= '0' && t.Value[0] <= '9' {
			it.Times = append(it.Times, t.Value)
		}
	}
	for _, q := range an.Quantities {
		if q.Value != nil && q.Of != "" {
			it.Numbers = append(it.Numbers, strconv.FormatFloat(*q.Value, 'g', -1, 64)+"|"+q.Of)
		}
	}
	return it
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

// titled returns label when it is one of the articles' titles, so that a
// story is never headed by a sentence from an untitled article; else "".
func titled(label string, arts []model.Article) string {
	for _, a := range arts {
		if label != "" && a.Title == label {
			return label
		}
	}
	return ""
}

// Placement is the story and thread of one article.
type Placement struct {
	Story, Thread string
}

// Cluster annotates the articles and places each in a story and thread;
// place[i] is where arts[i] went.
func Cluster(arts []model.Article, opts BriefOptions) (place []Placement) {
	anns, _ := Annotate(arts, opts)
	place = make([]Placement, len(arts))
	for _, g := range group(arts, anns, opts.Cluster) {
		for _, i := range g.members {
			place[i] = Placement{Story: g.id, Thread: g.thread}
		}
	}
	return place
}
