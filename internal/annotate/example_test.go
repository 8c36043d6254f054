package annotate_test

import (
	"fmt"
	"time"

	"github.com/storydesk/storydesk/internal/annotate"
	"github.com/storydesk/storydesk/internal/model"
)

func ExampleRun() {
	a := model.Article{ID: "a1", Text: "\u201cWe will not be rushed,\u201d Sir Keir Starmer said on Monday.\n" +
		"The prime minister later flew to Kyiv. \u201cUkraine must choose its future,\u201d he added."}
	ann := annotate.Run(annotate.Default(annotate.DefaultOptions()), a, time.Date(2025, 8, 14, 0, 0, 0, 0, time.UTC))
	for _, q := range ann.Quotes {
		fmt.Printf("%s: %q (%s)\n", q.Speaker, q.Text, q.Cue)
	}
	for _, e := range ann.Entities {
		fmt.Print(e.Type, " ", e.Name, ":")
		for _, al := range e.Aliases {
			fmt.Printf(" %q", al.Text)
		}
		fmt.Println()
	}
	// Output:
	// Keir Starmer: "We will not be rushed," (said)
	// Keir Starmer: "Ukraine must choose its future," (added)
	// PERSON Keir Starmer: "Sir Keir Starmer" "The prime minister"
	// GPE Kyiv: "Kyiv"
	// GPE Ukraine: "Ukraine"
}

func ExampleResolve() {
	chain := annotate.Default(annotate.DefaultOptions())
	docs := []model.Annotations{
		annotate.Run(chain, model.Article{ID: "a", Text: "Volodymyr Zelensky met Nato officials."}, time.Time{}),
		annotate.Run(chain, model.Article{ID: "b", Text: "Zelenskyy spoke to NATO."}, time.Time{}),
	}
	for _, e := range annotate.Resolve(docs) {
		fmt.Print(e.ID, " ", e.Name, ":")
		for _, al := range e.Aliases {
			fmt.Printf(" %s×%d", al.Text, al.Count)
		}
		fmt.Println()
	}
	// Output:
	// e1 Volodymyr Zelensky: Volodymyr Zelensky×1 Zelenskyy×1
	// e2 NATO: Nato×1 NATO×1
}
