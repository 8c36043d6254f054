package annotate

import (
	"slices"
	"testing"
	"unicode/utf8"

	"github.com/storydesk/storydesk/internal/model"
)

// A story written for this test (not from the seeds): the headline names
// a visitor the body calls only by role, the caption gives a variant
// spelling and a photographer.
var titleCaptionArticle = model.Article{
	Title: "Scholz hosts Spain's Sánchez in Berlin",
	Text: "The Spanish prime minister arrived on Monday. Olaf Scholz said the talks went well. " +
		"Mr Scholz will travel to Madrid next month.",
	Captions: []string{"Chancellor Olaf Scholz greets Pedro Sánchez at the chancellery. Photo / Anna Weber"},
}

func aliasesOfEntity(a model.Annotations, alias string) (model.Entity, bool) {
	for _, e := range a.Entities {
		for _, al := range e.Aliases {
			if al.Text == alias {
				return e, true
			}
		}
	}
	return model.Entity{}, false
}

func TestTitleAndCaptions(t *testing.T) {
	a := Run(Default(DefaultOptions()), titleCaptionArticle, ref)
	n := utf8.RuneCountInString(titleCaptionArticle.Text)
	for _, s := range a.Sentences {
		if s.End > n {
			t.Errorf("sentence %v beyond the body (%d runes)", s, n)
		}
	}
	for _, e := range a.Entities {
		for _, m := range e.Mentions {
			if m.End > n {
				t.Errorf("mention %q at %v beyond the body", m.Text, m.Span)
			}
		}
	}
	scholz, ok := aliasesOfEntity(a, "Olaf Scholz")
	if !ok {
		t.Fatalf("no entity with alias Olaf Scholz: %+v", a.Entities)
	}
	var names []string
	for _, al := range scholz.Aliases {
		names = append(names, al.Text)
	}
	for _, want := range []string{"Scholz", "Mr Scholz", "Chancellor Olaf Scholz"} {
		if !slices.Contains(names, want) {
			t.Errorf("Scholz aliases %q lack %q (headline and caption variants)", names, want)
		}
	}
	sanchez, ok := aliasesOfEntity(a, "Pedro Sánchez")
	if !ok {
		t.Fatalf("no entity for the caption's Pedro Sánchez: %+v", a.Entities)
	}
	// named only in the headline and caption, he is the body's role noun
	if len(sanchez.Mentions) != 1 || sanchez.Mentions[0].Text != "The Spanish prime minister" {
		t.Errorf("Sánchez mentions %+v, want the body's role noun alone", sanchez.Mentions)
	}
	if _, ok := aliasesOfEntity(a, "Anna Weber"); !ok {
		t.Errorf("caption credit Anna Weber not read")
	}

	opts := DefaultOptions()
	opts.TitleAndCaptions = false
	b := Run(Default(opts), titleCaptionArticle, ref)
	if _, ok := aliasesOfEntity(b, "Pedro Sánchez"); ok {
		t.Errorf("TitleAndCaptions false still read the caption")
	}
}

func TestTitleCaseHeadlineSkipped(t *testing.T) {
	art := model.Article{Title: "Scholz Hosts Spanish Leader Pedro Sánchez In Berlin", Text: "Olaf Scholz met his guest."}
	a := Run(Default(DefaultOptions()), art, ref)
	if _, ok := aliasesOfEntity(a, "Pedro Sánchez"); ok {
		t.Errorf("a title-case headline was read: %+v", a.Entities)
	}
	for _, c := range []struct {
		in   string
		want bool
	}{
		{"Scholz Hosts Spanish Leader In Berlin", true},
		{"Scholz hosts Spain's Sánchez in Berlin", false},
		{"Ten Dead", false},
		{"", false},
	} {
		if got := titleCase(c.in); got != c.want {
			t.Errorf("titleCase(%q) = %v, want %v", c.in, got, c.want)
		}
	}
}

// FuzzTitleAndCaptions checks that whatever the title and captions hold,
// every span still lies in the body.
func FuzzTitleAndCaptions(f *testing.F) {
	f.Add("He said \u201cwait", "Scholz meets \u201cSánchez", "Photo / \u201d")
	f.Add("", "Olaf Scholz", "")
	f.Add("a\xffb", "\xff", "Mr. Biden, 10 Downing St. on Friday")
	chain := Default(DefaultOptions())
	f.Fuzz(func(t *testing.T, text, title, caption string) {
		a := Run(chain, model.Article{Text: text, Title: title, Captions: []string{caption}}, ref)
		checkSpans(t, text, a)
	})
}
