package model

// Article is one news article as extraction finds it.
//
// Text is the clean body: paragraphs separated by one blank line ("\n\n"),
// with no page furniture. For JSONL inputs Text is kept exactly as given, so
// that annotation offsets index it.
type Article struct {
	// ID is stable for the same content: a JSONL record's own id, or one
	// derived from the source and the text (see ArticleID).
	ID string `json:"id"`
	// Source is the input path or URL the article was read from.
	Source string `json:"source"`
	// URL is the article's own (canonical) address, when known.
	URL string `json:"url,omitempty"`
	// Outlet is the publisher's name ("Agence France-Presse", "Metro").
	Outlet    string   `json:"outlet,omitempty"`
	Title     string   `json:"title,omitempty"`
	Byline    string   `json:"byline,omitempty"`
	Authors   []string `json:"authors,omitempty"`
	Published Time     `json:"published,omitzero"`
	// Language is an ISO 639-1 code ("en", "de"), empty when unknown.
	Language string `json:"language,omitempty"`
	Text     string `json:"text"`
	// Captions are photo and video captions found beside the body; they are
	// kept apart from Text.
	Captions []string `json:"captions,omitempty"`
	// EmbeddedIn is the ID of the page article that carried this one (a
	// "Related Articles" block), empty for a top-level article.
	EmbeddedIn string `json:"embedded_in,omitempty"`
	// DuplicateOf is the ID of the article this one repeats, empty when it is
	// an original. Duplicates are stored and linked, never dropped.
	DuplicateOf string `json:"duplicate_of,omitempty"`
	// Similarity is the estimated Jaccard similarity to DuplicateOf (1 for an
	// exact duplicate).
	Similarity float64 `json:"similarity,omitempty"`
}
