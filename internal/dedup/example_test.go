package dedup_test

import (
	"fmt"

	"github.com/storydesk/storydesk/internal/dedup"
)

func ExampleIndex_Add() {
	story := `The harbour authority voted on Tuesday to close the old ferry terminal by the end of March, ending a century of crossings to the island. "We did not take this lightly," said the chair after the vote. A temporary passenger boat will run from the fishing quay while a new terminal is built on the north shore.`
	x := dedup.New(dedup.DefaultOptions())
	for _, doc := range []struct{ id, text string }{
		{"gazette", story},
		{"wire", "THE HARBOUR AUTHORITY voted on Tuesday to close the old ferry terminal by the end of March, ending a century of crossings to the island. \u201cWe did not take this lightly,\u201d said the chair after the vote. A temporary passenger boat will run from the fishing quay while a new terminal is built on the north shore."},
		{"syndicated", story + " Subscribe to our newsletter."},
		{"rival", "Islanders lost their car ferry on Tuesday when the harbour authority chose to shut the ageing terminal in March."},
	} {
		m, ok := x.Add(doc.id, doc.text)
		fmt.Printf("%s: duplicate %v of %q, exact %v, similarity %.2f\n", doc.id, ok, m.Original, m.Exact, m.Similarity)
	}
	// Output:
	// gazette: duplicate false of "", exact false, similarity 0.00
	// wire: duplicate true of "gazette", exact true, similarity 1.00
	// syndicated: duplicate true of "gazette", exact false, similarity 0.92
	// rival: duplicate false of "", exact false, similarity 0.00
}
