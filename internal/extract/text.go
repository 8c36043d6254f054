package extract

import "github.com/storydesk/storydesk/internal/model"

// Text extracts the articles of a plain-text dump. The first article is the
// document's own; any others were carried inside it and have EmbeddedIn set
// by the caller to the first one's ID.
func Text(text string, opts Options) ([]model.Article, error) {
	return []model.Article{{Text: text}}, nil
}
