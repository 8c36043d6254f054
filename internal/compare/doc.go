// Package compare reads one story's articles side by side: it splits
// sentences into claims, aligns claims that state the same fact across
// articles, and reports corroborated facts, single-source facts,
// contradictions, quote variants, a coverage matrix and a timeline.
// Input is articles with their annotations; output is a Result of model
// briefing types, every item cited to article ids.
package compare
