package pipeline

import (
	"context"
	"testing"

	"github.com/storydesk/storydesk/internal/model"
)

// TestSeedStories checks the documented story and thread rule on the
// bundled seeds: the five seed articles form one story, and the three
// articles carried inside seed 000 sit in other stories of the same thread.
func TestSeedStories(t *testing.T) {
	var arts []model.Article
	for a, err := range New(DefaultOptions()).Read(context.Background(), []string{"../../testdata/seeds"}) {
		if err != nil {
			t.Fatal(err)
		}
		arts = append(arts, a)
	}
	stories := Stories(arts, DefaultBriefOptions())
	seedStory, thread := "", ""
	for _, s := range stories {
		for _, a := range s.Articles {
			if a.EmbeddedIn != "" {
				continue
			}
			if seedStory == "" {
				seedStory, thread = s.ID, s.Thread
			}
			if s.ID != seedStory {
				t.Errorf("seed %s is in story %s, want %s", a.Source, s.ID, seedStory)
			}
		}
	}
	carried := 0
	for _, s := range stories {
		for _, a := range s.Articles {
			if a.EmbeddedIn == "" {
				continue
			}
			carried++
			if s.ID == seedStory {
				t.Errorf("carried article %q is in its page's story", a.Title)
			}
			if s.Thread != thread {
				t.Errorf("carried article %q is in thread %s, want %s", a.Title, s.Thread, thread)
			}
		}
	}
	if carried != 3 {
		t.Errorf("%d carried articles, want 3", carried)
	}
}

func TestSplitCarried(t *testing.T) {
	arts := []model.Article{{ID: "p"}, {ID: "c1", EmbeddedIn: "p"}, {ID: "x"}, {ID: "c2", EmbeddedIn: "p"}}
	groups := []storyGroup{
		{id: "s1", thread: "s1", members: []int{0, 1}},
		{id: "s2", thread: "s2", members: []int{2, 3}},
	}
	got := splitCarried(arts, groups)
	if len(got) != 3 {
		t.Fatalf("got %d stories, want 3: %+v", len(got), got)
	}
	if len(got[0].members) != 1 || got[2].thread != "s1" || got[2].members[0] != 1 {
		t.Errorf("carried article c1 not split into the page's thread: %+v", got)
	}
	if len(got[1].members) != 2 {
		t.Errorf("c2, clustered away from its page, should stay: %+v", got[1])
	}
}

// TestAnnotateUndated checks that an undated article's relative dates are
// resolved against the latest date of the articles read with it, not
// against the day the command runs.
func TestAnnotateUndated(t *testing.T) {
	arts := []model.Article{
		{ID: "dated", Published: model.Date(2024, 3, 5), Text: "The ferry resumed service on Tuesday."},
		{ID: "undated", Text: "The harbour master said the ferry would sail again tomorrow."},
	}
	anns, _ := Annotate(arts, DefaultBriefOptions())
	var got []string
	for _, tx := range anns[1].Times {
		got = append(got, tx.Text+"="+tx.Value)
	}
	if len(got) != 1 || got[0] != "tomorrow=2024-03-06" {
		t.Errorf("undated article's times = %v; want tomorrow=2024-03-06 (the day after the other article's date)", got)
	}
}

// TestAnnotateCarriedUndated checks that an undated article carried inside
// a page does not take the page's date: its weekdays stay unresolved.
func TestAnnotateCarriedUndated(t *testing.T) {
	arts := []model.Article{
		{ID: "page", Published: model.Date(2024, 3, 5), Text: "The ferry resumed service on Tuesday."},
		{ID: "carried", EmbeddedIn: "page", Text: "Ministers met on Sunday to discuss the strike."},
	}
	anns, _ := Annotate(arts, DefaultBriefOptions())
	if len(anns[1].Times) != 1 || anns[1].Times[0].Value != "XXXX-XX-XX" {
		t.Errorf("carried article's times = %+v; want one unresolved day (XXXX-XX-XX)", anns[1].Times)
	}
	if len(anns[0].Times) != 1 || anns[0].Times[0].Value != "2024-03-05" {
		t.Errorf("page's times = %+v; want 2024-03-05", anns[0].Times)
	}
}
