package cluster

import "time"

// Options tune the clusterer. The score of an article against a story is
//
//	(TermWeight·cos(terms) + NameWeight·cos(names)) · (1−LeadConflictWeight)^lead
//	  + DetailWeight·agreements, times (1−ConflictWeight) per conflicting
//	  kind of detail, times the time decay 2^(−gap/HalfLife).
type Options struct {
	// Threshold is the least score for an article to join a story; below
	// it the article starts a new story. Higher splits more. 0 puts every
	// article with any shared term into one story.
	Threshold float64
	// TermWeight and NameWeight weigh the TF-IDF cosine of stemmed terms
	// and of proper names. When either side has no names, the term cosine
	// takes the whole weight.
	TermWeight, NameWeight float64
	// NameGate, when above 0, scales the term cosine by
	// 1 − NameGate + NameGate·√cos(names) instead of adding the weighted
	// name cosine: shared vocabulary counts less when the names differ.
	NameGate float64
	// DetailWeight is the bonus for each kind of distinctive detail (place,
	// date, count with its noun) the article shares with the story.
	DetailWeight float64
	// ConflictWeight is the share of the score taken away for each kind
	// of detail where the article gives its own and the story's
	// well-supported one differs: another place, another date, another
	// number of the same noun. 0 ignores conflicts; 1 forbids joining.
	ConflictWeight float64
	// LeadConflictWeight is the share of the similarity taken away when
	// the article's leading name
	// (highest count × IDF) is nearly absent from the story and the
	// story's is nearly absent from the article: another person, same team.
	LeadConflictWeight float64
	// ConflictSupport is the share of a story's articles that must carry
	// a detail before an article disagreeing with it counts as a conflict.
	ConflictSupport float64
	// HalfLife halves a story's pull on an article for each HalfLife
	// between the article's time and the story's time span, and halves the
	// weight of older articles in a story's representation. Used only when
	// both times are known; 0 turns time decay off.
	HalfLife time.Duration
	// MaxAge drops stories last seen more than MaxAge before an article
	// from its candidates. 0 means no limit.
	MaxAge time.Duration
	// Candidates is how many stories, found through the inverted index,
	// are scored for each article. Cost per article grows linearly with it.
	Candidates int
	// QueryTerms is how many of an article's highest TF-IDF terms (beside
	// all its names) are looked up in the index.
	QueryTerms int
	// PostingLimit caps each index entry to its most recent stories, which
	// bounds the cost of a lookup; older stories fall out of the index.
	PostingLimit int
	// CentroidTerms and CentroidNames cap a story's representation to its
	// highest-weighted terms and names; memory per story grows with them.
	CentroidTerms, CentroidNames int
	// MergeEvery runs the correction pass after every MergeEvery articles;
	// 0 never runs it (Correct may still be called).
	MergeEvery int
	// MergeThreshold is the least story-to-story score at which two
	// stories changed since the last pass are merged.
	MergeThreshold float64
	// SplitThreshold is the story-to-story score below which Split cuts a
	// story in two parts; 0 turns splitting off. SplitMin is the least
	// number of articles in each part.
	SplitThreshold float64
	SplitMin       int
	// AbsorbRatio is how many times larger than a story another must be
	// for Absorb to merge the first into it (when each of the first's
	// articles would join it on its own); 0 turns Absorb off. Below 1 a
	// story may be taken in by a smaller one.
	AbsorbRatio float64
	// ThreadThreshold is the least score for a new story to join the
	// thread of an earlier story it did not join; ThreadWindow is how far
	// back (from the new story's first article) that story may have been
	// last seen. Both must share a name when both have names.
	ThreadThreshold float64
	ThreadWindow    time.Duration
	// VocabLimit caps the number of distinct features (terms, names,
	// details) whose document frequencies are kept; when it is reached, a
	// quarter of it is forgotten, the rarest and least recently seen
	// first, never a feature of a story fed since the last sweep or last
	// seen within MaxAge (the limit grows when those need more room). A
	// forgotten feature seen again counts as new and rare. It bounds
	// memory and keeps the cost of a lookup flat on endless streams; 0
	// keeps every feature.
	VocabLimit int
}

// DefaultOptions are tuned for news streams: stories of a few days, several
// outlets each, and same-kind events that must stay apart.
func DefaultOptions() Options {
	return Options{
		Threshold:          0.18,
		TermWeight:         0.8,
		NameWeight:         0.2,
		DetailWeight:       0.05,
		ConflictWeight:     0.35,
		ConflictSupport:    0.5,
		LeadConflictWeight: 0.20,
		HalfLife:           3 * 24 * time.Hour,
		MaxAge:             30 * 24 * time.Hour,
		Candidates:         8,
		QueryTerms:         8,
		PostingLimit:       32,
		CentroidTerms:      80,
		CentroidNames:      40,
		MergeEvery:         500,
		MergeThreshold:     0.45,
		SplitThreshold:     0.6,
		SplitMin:           3,
		AbsorbRatio:        2,
		ThreadThreshold:    0.12,
		ThreadWindow:       7 * 24 * time.Hour,
		VocabLimit:         1 << 20,
	}
}
