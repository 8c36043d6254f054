package extract

import (
	"golang.org/x/net/html"

	"github.com/storydesk/storydesk/internal/model"
)

// metadata reads title, byline, date, outlet, canonical URL and language.
func metadata(doc *html.Node, pageURL string, opts Options) model.Article {
	return model.Article{URL: pageURL}
}
