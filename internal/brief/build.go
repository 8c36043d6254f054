package brief

import (
	"sort"

	"github.com/storydesk/storydesk/internal/model"
)

// Story is the input of one story's briefing: its articles and what the
// annotating and comparing stages found in them. Only ID and Articles are
// required; empty sections are rendered as such.
type Story struct {
	ID       string
	Thread   string
	Label    string
	Articles []model.Article
	Entities []model.Entity

	Facts     []model.Fact
	Conflicts []model.Conflict
	Quotes    []model.QuoteGroup
	Timeline  []model.TimelineRow
	Unique    []model.Unique
	Summary   []model.Point
}

// Build assembles the briefing of the stories. Articles are listed in
// publication order (undated ones last, then by id), each with the ids of
// the articles that duplicate it.
func Build(stories []Story) model.Brief {
	b := model.Brief{Stories: make([]model.StoryBrief, 0, len(stories))}
	for _, s := range stories {
		b.Stories = append(b.Stories, buildStory(s))
	}
	return b
}

func buildStory(s Story) model.StoryBrief {
	arts := append([]model.Article(nil), s.Articles...)
	sort.SliceStable(arts, func(i, j int) bool { return before(arts[i], arts[j]) })

	dups := make(map[string][]string)
	for _, a := range arts {
		if a.DuplicateOf != "" {
			dups[a.DuplicateOf] = append(dups[a.DuplicateOf], a.ID)
		}
	}
	sb := model.StoryBrief{
		ID:        s.ID,
		Thread:    s.Thread,
		Articles:  make([]model.ArticleRef, 0, len(arts)),
		Entities:  orEmpty(s.Entities),
		Facts:     orEmpty(s.Facts),
		Conflicts: orEmpty(s.Conflicts),
		Quotes:    orEmpty(s.Quotes),
		Timeline:  orEmpty(s.Timeline),
		Unique:    orEmpty(s.Unique),
		Summary:   orEmpty(s.Summary),
	}
	for _, a := range arts {
		sb.Articles = append(sb.Articles, model.ArticleRef{
			ID: a.ID, Outlet: a.Outlet, Title: a.Title, Published: a.Published,
			URL: a.URL, Source: a.Source, Byline: a.Byline, Authors: a.Authors,
			Chars: len([]rune(a.Text)), EmbeddedIn: a.EmbeddedIn,
			DuplicateOf: a.DuplicateOf, Duplicates: dups[a.ID],
		})
		if p := a.Published; !p.IsZero() {
			if sb.FirstSeen.IsZero() || p.Before(sb.FirstSeen.Time) {
				sb.FirstSeen = p
			}
			if sb.LastSeen.IsZero() || p.After(sb.LastSeen.Time) {
				sb.LastSeen = p
			}
		}
	}
	sb.Timeline = statuses(sb.Timeline, s.Facts, arts, sb.LastSeen)
	sb.Title = s.Label
	if sb.Title == "" {
		sb.Title = headline(arts)
	}
	return sb
}

// statuses returns rows with their Status set, each judged against the
// publication time of the article whose sentence the row gives (a fact's
// supporting passage), else the latest dated article the row cites, else
// the story's last date.
func statuses(rows []model.TimelineRow, facts []model.Fact, arts []model.Article, last model.Time) []model.TimelineRow {
	if len(rows) == 0 {
		return rows
	}
	published := make(map[string]model.Time, len(arts))
	for _, a := range arts {
		published[a.ID] = a.Published
	}
	author := make(map[string]string)
	for _, f := range facts {
		for _, sp := range f.Support {
			if _, ok := author[sp.Text]; !ok {
				author[sp.Text] = sp.Article
			}
		}
	}
	out := make([]model.TimelineRow, len(rows))
	for i, r := range rows {
		out[i] = r
		if r.Status != "" {
			continue
		}
		ref := published[author[r.Text]]
		if ref.IsZero() {
			for _, id := range r.Articles {
				if p := published[id]; !p.IsZero() && (ref.IsZero() || p.After(ref.Time)) {
					ref = p
				}
			}
		}
		if ref.IsZero() {
			ref = last
		}
		out[i].Status = rowStatus(r, ref)
	}
	return out
}

func orEmpty[T any](xs []T) []T {
	if xs == nil {
		return []T{}
	}
	return xs
}

// headline picks the story's title: the title of the earliest top-level
// original article that has one, else of any article that has one.
func headline(arts []model.Article) string {
	for _, a := range arts {
		if a.Title != "" && a.EmbeddedIn == "" && a.DuplicateOf == "" {
			return a.Title
		}
	}
	for _, a := range arts {
		if a.Title != "" {
			return a.Title
		}
	}
	return ""
}

// before orders articles by publication time, undated last, then by id.
func before(a, b model.Article) bool {
	za, zb := a.Published.IsZero(), b.Published.IsZero()
	switch {
	case za != zb:
		return zb
	case !za && !a.Published.Equal(b.Published.Time):
		return a.Published.Before(b.Published.Time)
	}
	return a.ID < b.ID
}
