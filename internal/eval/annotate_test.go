package eval

import (
	"testing"

	"github.com/storydesk/storydesk/internal/model"
)

// A variant that sits only in a headline or caption is scored through the
// aliases of the file's entities; one in neither text nor aliases is
// absent.
func TestAnnotationAliasesOutsideText(t *testing.T) {
	gold := &SeedsGold{Entities: []GoldEntity{
		{Name: "Olaf Scholz", Type: "PERSON", Variants: []GoldVariant{
			{Text: "Olaf Scholz", Files: []string{"a.txt"}},
			{Text: "Chancellor Olaf Scholz", Files: []string{"a.txt"}}, // caption
			{Text: "Scholz", Files: []string{"b.txt"}},                 // headline
		}},
		{Name: "Anna Weber", Type: "PERSON", Variants: []GoldVariant{
			{Text: "Anna Weber", Files: []string{"a.txt"}}, // a credit not read
		}},
	}}
	texts := map[string]string{"a.txt": "Olaf Scholz said the talks went well.", "b.txt": "The chancellor left."}
	anns := map[string]model.Annotations{
		"a.txt": {Entities: []model.Entity{{ID: "e1", Name: "Olaf Scholz", Type: "PERSON",
			Aliases:  []model.Alias{{Text: "Olaf Scholz", Count: 1}, {Text: "Chancellor Olaf Scholz", Count: 1}},
			Mentions: []model.Mention{{Span: model.Span{Start: 0, End: 11}, Text: "Olaf Scholz"}}}}},
		"b.txt": {Entities: []model.Entity{{ID: "e1", Name: "Olaf Scholz", Type: "PERSON",
			Aliases: []model.Alias{{Text: "Scholz", Count: 1}}}}},
	}
	rep := Annotation(gold, texts, anns)
	if rep.GroupsComplete != 1 || rep.Groups != 2 || rep.Absent != 1 {
		t.Errorf("complete %d of %d, absent %d; want 1 of 2, absent 1; incomplete %q", rep.GroupsComplete, rep.Groups, rep.Absent, rep.Incomplete)
	}
	if len(rep.Merged) != 0 {
		t.Errorf("merged %q, want none", rep.Merged)
	}
}

func TestAliasCluster(t *testing.T) {
	ann := model.Annotations{Entities: []model.Entity{
		{ID: "e1", Aliases: []model.Alias{{Text: "Volodymyr Zelenskiy"}}},
		{ID: "e2", Aliases: []model.Alias{{Text: "UK"}, {Text: "Britain"}}},
		{ID: "e3", Aliases: []model.Alias{{Text: "Starmer"}}},
	}}
	for _, c := range []struct{ variant, want string }{
		{"Volodymyr Zelenskiy", "e1"},
		{"Zelenskiy", "e1"},    // inside a longer alias
		{"UK's Starmer", "e3"}, // an alias inside the variant, most of it
		{"Ukraine", ""},        // no word match
		{"the UK prime minister's office", ""},
	} {
		if got := aliasCluster(c.variant, ann); got != c.want {
			t.Errorf("aliasCluster(%q) = %q, want %q", c.variant, got, c.want)
		}
	}
}
