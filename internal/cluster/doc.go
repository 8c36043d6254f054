// Package cluster groups articles into stories and stories into threads,
// online, one article at a time.
//
// An article (Item) is tokenised (lower-cased, stopwords dropped, lightly
// stemmed) into a TF-IDF vector whose IDF is learnt from the stream so far,
// and its names, places, dates and counts are found in the text or taken
// from the caller's annotations. Candidate stories come from an inverted
// index from names and rare terms to recent stories, capped per entry, so
// the cost per article does not grow with the number of stories. The
// article joins the best candidate scoring at least Options.Threshold:
//
//	score = (TermWeight·cos(terms) + NameWeight·cos(names)) · (1−LeadConflictWeight)^lead
//	      + DetailWeight·agreements, then × (1−ConflictWeight) per conflict
//	      and × 2^(−gap/HalfLife)
//
// where lead is 1 when each side's leading name is nearly absent from the
// other (another person, same team), and a conflict is a place, date or count of the same noun that the
// article gives and that differs from one most of the story's articles give
// (two earthquakes of different magnitudes, two shootings in different
// cities). Dates compare year with year and day with day, so that the same
// year on another day conflicts; a count conflicts only when none of the
// article's counts agrees with the story. Otherwise it starts a new story. A story keeps only its
// CentroidTerms and CentroidNames strongest features.
//
// Features are interned by a 64-bit hash of their kind and text; the
// strings are not kept. Document frequencies live in a table of at most
// about VocabLimit features: when it is full, the rarest features not held
// by a story in play (one fed since the last sweep, or last seen within
// MaxAge) are forgotten, so memory and the cost of a lookup do not grow
// with the length of the stream.
//
// Corrections: every MergeEvery articles, stories changed since the last
// pass are compared with their candidates, story to story, and merged into
// the older one at MergeThreshold; the younger ID redirects (Resolve).
// Split cuts stories that took in two events, Reassign moves articles to
// the story they fit best, and Absorb merges a story into one at least
// AbsorbRatio times larger when each of its articles would join that one;
// all three are batch passes over the articles.
//
// Threads: a new story joins the thread of the earlier candidate that scores
// best (without time decay) at or above ThreadThreshold (below the join
// threshold), was last seen at most ThreadWindow before it, and shares at
// least one name with it. A story that found none when it started looks
// again at each correction pass, with the articles it has gathered since.
// A merge joins the threads of both stories; a part cut off by Split, or a
// story emptied by Reassign, stays in (or joins) the thread of the story it
// came from or went to. A thread's ID is the ID of its earliest story; when
// two threads become one, the later ID redirects (ResolveThread). Same
// input in the same order gives the same stories and threads.
package cluster
