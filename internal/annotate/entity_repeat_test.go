package annotate

import (
	"testing"
	"time"

	"github.com/storydesk/storydesk/internal/model"
)

// A heading flattened into the next sentence repeats a name back to back
// ("… woos Trump Trump had vowed …"); the two are one person, not a person
// called "Trump Trump".
func TestRepeatedWordSplitsName(t *testing.T) {
	text := "Governor Maria Lopez spoke on Monday. Critics again target Lopez Lopez had promised to cut taxes before the vote, she said."
	an := Run(Default(DefaultOptions()), model.Article{ID: "x", Text: text}, time.Date(2024, 5, 2, 0, 0, 0, 0, time.UTC))
	for _, e := range an.Entities {
		for _, a := range e.Aliases {
			if a.Text == "Lopez Lopez" {
				t.Fatalf("entity %q has the alias %q", e.Name, a.Text)
			}
		}
		if e.Name == "Lopez Lopez" {
			t.Fatalf("entity named %q", e.Name)
		}
	}
	found := false
	for _, e := range an.Entities {
		if e.Name == "Maria Lopez" {
			found = true
			n := 0
			for _, a := range e.Aliases {
				if a.Text == "Lopez" {
					n = a.Count
				}
			}
			if n < 2 {
				t.Errorf("Maria Lopez: alias Lopez counted %d times, want both mentions: %+v", n, e.Aliases)
			}
		}
	}
	if !found {
		t.Errorf("no entity Maria Lopez in %+v", an.Entities)
	}
}
