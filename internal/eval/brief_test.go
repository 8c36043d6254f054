package eval

import (
	"testing"

	"github.com/storydesk/storydesk/internal/compare"
	"github.com/storydesk/storydesk/internal/model"
)

// TestBriefMultiSource: a reported fact whose sources all back one gold
// fact is correct; one that backs a gold fact but cites an outlet the
// gold does not is too big; one that joins claims of two gold facts mixes
// them. Written from a port strike, not the seeds.
func TestBriefMultiSource(t *testing.T) {
	gold := &BriefGold{Facts: []GoldFact{
		{ID: "g1", Files: []string{"a.txt", "b.txt"}, Support: []GoldPassage{
			{File: "a.txt", Text: "dockers at Antwerp ended their strike on Friday"},
			{File: "b.txt", Text: "the Antwerp strike ended on Friday"},
		}},
		{ID: "g2", Files: []string{"b.txt", "c.txt"}, Support: []GoldPassage{
			{File: "b.txt", Text: "ferries to Zeebrugge were cancelled"},
			{File: "c.txt", Text: "ferry crossings to Zeebrugge were cancelled"},
		}},
	}}
	arts := []model.Article{{ID: "a", Source: "x/a.txt"}, {ID: "b", Source: "x/b.txt"}, {ID: "c", Source: "x/c.txt"}}
	res := compare.Result{Facts: []model.Fact{
		{Sources: []string{"a", "b"}, Support: []model.Support{
			{Article: "a", Text: "Dockers at Antwerp ended their strike on Friday."},
			{Article: "b", Text: "The Antwerp strike ended on Friday."},
		}},
		{Sources: []string{"a", "b", "c"}, Support: []model.Support{
			{Article: "a", Text: "Dockers at Antwerp ended their strike on Friday."},
			{Article: "b", Text: "The Antwerp strike ended on Friday."},
			{Article: "c", Text: "Union members at Antwerp voted on Friday."},
		}},
		{Sources: []string{"a", "c"}, Support: []model.Support{
			{Article: "a", Text: "Dockers at Antwerp ended their strike on Friday."},
			{Article: "c", Text: "Ferry crossings to Zeebrugge were cancelled."},
		}},
	}}
	r := Brief(gold, arts, res)
	if r.MultiJudged != 3 || r.MultiCorrect != 1 || r.MultiTooBig != 1 || r.MultiMixed != 1 {
		t.Errorf("judged %d, correct %d, too big %d, mixed %d; want 3, 1, 1, 1",
			r.MultiJudged, r.MultiCorrect, r.MultiTooBig, r.MultiMixed)
	}
}
