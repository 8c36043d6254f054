package extract

import (
	"bytes"
	"fmt"

	"golang.org/x/net/html"

	"github.com/storydesk/storydesk/internal/model"
)

// HTML extracts the main article of a web page. pageURL, when known, helps
// resolve relative links and dates in the address.
//
// It returns ErrNoText when the page has no body text long enough.
func HTML(page []byte, pageURL string, opts Options) (model.Article, error) {
	doc, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		return model.Article{}, fmt.Errorf("parse html: %w", err)
	}
	a := metadata(doc, pageURL, opts)
	a.Text = mainText(doc, opts)
	if a.Text == "" || len([]rune(a.Text)) < opts.MinTextChars {
		return a, ErrNoText
	}
	return a, nil
}
