package annotate

import (
	"reflect"
	"strings"
	"testing"

	"github.com/storydesk/storydesk/internal/model"
)

// Run lends buffers from one article to the next; what it returns must be
// what a fresh Doc gives, whatever came before: long after short, accented
// after plain, with and without a title.
func TestRunReusesBuffersWithoutLeaks(t *testing.T) {
	long := strings.Repeat("Dock workers in Rotterdam walked out on Tuesday, the union FNV said. ", 40)
	arts := []model.Article{
		{ID: "a", Title: "Port strike spreads", Text: long},
		{ID: "b", Text: "Zoë Kaplan, the mayor of Tromsø, said on Monday that 3,000 homes lost power. “It will take days,” she said."},
		{ID: "c", Text: "Short."},
		{ID: "d", Title: "Ferry talks resume", Captions: []string{"Ferries at Calais on 12 March"}, Text: "Talks between P&O and the RMT resumed in London on Wednesday, two weeks after the walkout."},
		{ID: "e", Text: ""},
		{ID: "f", Text: "Bad \xff bytes in Łódź; the council met for 2 1/2 hours yesterday."},
	}
	chain := Default(DefaultOptions())
	fresh := func(a model.Article) model.Annotations {
		d := NewDoc(a, ref)
		for _, an := range chain {
			an.Annotate(d)
		}
		return d.Annotations()
	}
	first := map[string]model.Annotations{}
	for round := 0; round < 3; round++ {
		for k := range arts {
			a := arts[k]
			if round == 1 {
				a = arts[len(arts)-1-k] // the pools now hold what the others left
			}
			got, want := Run(chain, a, ref), fresh(a)
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("round %d, article %s: Run = %+v, want %+v", round, a.ID, got, want)
			}
			if prev, ok := first[a.ID]; ok && !reflect.DeepEqual(got, prev) {
				t.Fatalf("round %d, article %s: Run = %+v, first run gave %+v", round, a.ID, got, prev)
			}
			first[a.ID] = got
		}
	}
}
