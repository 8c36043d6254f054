package model

// Span is a range of an article's text in Unicode characters (runes), not
// bytes: Start is inclusive, End exclusive.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Sentence is one sentence of an article's text.
type Sentence struct {
	Span
}

// Entity types.
const (
	Person       = "PERSON"
	Organization = "ORG"
	GPE          = "GPE" // countries, cities, states: places with a government
	Location     = "LOC" // other places: regions, rivers, bases
	Facility     = "FACILITY"
	Event        = "EVENT"
)

// Mention is one place where an entity is named or referred to.
type Mention struct {
	Span
	Text string `json:"text"`
	// Form is how the mention names the entity: "name", "partial",
	// "title+name", "nominal", "abbreviation", "pronoun".
	Form string `json:"form,omitempty"`
}

// Alias is one surface form of an entity with how often it occurs.
type Alias struct {
	Text  string `json:"text"`
	Count int    `json:"count"`
}

// Entity is a person, organisation, place, facility or event with every
// spelling and form under which the text refers to it.
type Entity struct {
	// ID is stable within one annotation run; across articles the same ID
	// means the same real-world entity.
	ID       string    `json:"id,omitempty"`
	Name     string    `json:"name"`
	Type     string    `json:"type"`
	Aliases  []Alias   `json:"aliases"`
	Mentions []Mention `json:"mentions,omitempty"`
}

// Quote is a direct quotation with its speaker.
type Quote struct {
	Span
	// Text is the quoted words without the quotation marks.
	Text string `json:"text"`
	// Speaker is the speaker as the article allows resolving it: an
	// entity's name, else the pronoun or role as written; empty if unknown.
	Speaker string `json:"speaker"`
	// SpeakerSpan locates the words naming the speaker; zero if none.
	SpeakerStart int    `json:"speaker_start"`
	SpeakerEnd   int    `json:"speaker_end"`
	SpeakerID    string `json:"speaker_id,omitempty"`
	// Cue is the attribution verb or phrase ("said", "told reporters",
	// "according to").
	Cue string `json:"cue"`
}

// TimeExpr is a time expression normalised in TIMEX3 style.
type TimeExpr struct {
	Span
	Text string `json:"text"`
	// Type is DATE, TIME, DURATION or SET.
	Type string `json:"type"`
	// Value is the TIMEX3 value: "2025-08-15", "2025-W33", "P3Y6M",
	// "2025-08-15T11:30-08:00", "PAST_REF".
	Value string `json:"value"`
	// Mod is an optional TIMEX3 modifier: BEFORE, AFTER, APPROX,
	// MORE_THAN, LESS_THAN, START, MID, END.
	Mod string `json:"mod,omitempty"`
}

// Quantity is a number in the text with its unit and what it counts.
type Quantity struct {
	Span
	Text string `json:"text"`
	// Value is the number; nil for vague amounts ("dozens").
	Value *float64 `json:"value"`
	// Unit is "percent", "km", "USD", "person", "ordinal", ... or empty.
	Unit string `json:"unit,omitempty"`
	// Of is the thing counted ("prisoners", "countries"), empty if unclear.
	Of string `json:"of,omitempty"`
	// Precision is how the text bounds the value: "" (exact), "approximate",
	// "upper bound", "lower bound", "ordinal", "implied" or "vague".
	Precision string `json:"precision,omitempty"`
}

// Annotations is everything the annotators find in one article.
type Annotations struct {
	ArticleID  string     `json:"id"`
	Source     string     `json:"source"`
	Sentences  []Sentence `json:"sentences"`
	Entities   []Entity   `json:"entities"`
	Quotes     []Quote    `json:"quotes"`
	Times      []TimeExpr `json:"times"`
	Quantities []Quantity `json:"quantities"`
}
