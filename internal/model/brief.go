package model

// Brief is the briefing of one or more stories; its JSON form is the
// contract in DESIGN.md ({"stories":[...]}).
type Brief struct {
	Stories []StoryBrief `json:"stories"`
}

// StoryBrief is everything the briefing says about one story. Lists are
// never null in JSON: an empty list means nothing was found.
type StoryBrief struct {
	ID        string        `json:"id"`
	Title     string        `json:"title"`
	FirstSeen Time          `json:"first_seen"`
	LastSeen  Time          `json:"last_seen"`
	Thread    string        `json:"thread,omitempty"`
	Articles  []ArticleRef  `json:"articles"`
	Entities  []Entity      `json:"entities"`
	Facts     []Fact        `json:"facts"`
	Conflicts []Conflict    `json:"conflicts"`
	Quotes    []QuoteGroup  `json:"quotes"`
	Timeline  []TimelineRow `json:"timeline"`
	Unique    []Unique      `json:"unique"`
	Summary   []Point       `json:"summary"`
	// Prose is the key points rewritten as sentences, each keeping the
	// citations of the points it draws on; empty unless a rewriter ran
	// and its output passed the citation checks.
	Prose []Point `json:"prose,omitempty"`
}

// ArticleRef is an article as a briefing cites it.
type ArticleRef struct {
	ID          string   `json:"id"`
	Outlet      string   `json:"outlet"`
	Title       string   `json:"title"`
	Published   Time     `json:"published"`
	URL         string   `json:"url"`
	Source      string   `json:"source"`
	Byline      string   `json:"byline,omitempty"`
	Authors     []string `json:"authors,omitempty"`
	Chars       int      `json:"chars"`
	EmbeddedIn  string   `json:"embedded_in,omitempty"`
	DuplicateOf string   `json:"duplicate_of,omitempty"`
	// Duplicates lists the ids of articles that repeat this one.
	Duplicates []string `json:"duplicates,omitempty"`
}

// Support is one article's passage backing a fact.
type Support struct {
	Article string `json:"article"`
	Text    string `json:"text"`
}

// Fact is one claim with the articles that state it.
type Fact struct {
	Text    string    `json:"text"`
	Sources []string  `json:"sources"`
	Support []Support `json:"support"`
}

// Conflict is a disagreement between articles: a contradiction (both
// cannot be true) or a variant (the same item worded or attributed
// differently).
type Conflict struct {
	Kind  string `json:"kind"`
	Topic string `json:"topic"`
	Sides []Side `json:"sides"`
}

// Side is one version of a conflicting item.
type Side struct {
	Text     string   `json:"text"`
	Articles []string `json:"articles"`
}

// QuoteGroup is one quotation as several articles give it.
type QuoteGroup struct {
	Speaker  string         `json:"speaker"`
	Text     string         `json:"text"`
	Articles []string       `json:"articles"`
	Variants []QuoteVariant `json:"variants"`
}

// QuoteVariant is another wording of a grouped quote.
type QuoteVariant struct {
	Text     string   `json:"text"`
	Articles []string `json:"articles"`
	Diff     string   `json:"diff,omitempty"`
}

// TimelineRow is one dated event.
type TimelineRow struct {
	When     string   `json:"when"`
	Text     string   `json:"text"`
	Articles []string `json:"articles"`
	// Status is "past" when the event had happened as of the reporting
	// article's publication and "scheduled" when it was planned or
	// expected; empty when not worked out.
	Status string `json:"status,omitempty"`
}

// Unique is what one article alone reports.
type Unique struct {
	Article string   `json:"article"`
	Facts   []string `json:"facts"`
}

// Point is a line of the summary with its sources.
type Point struct {
	Text    string   `json:"text"`
	Sources []string `json:"sources"`
}
