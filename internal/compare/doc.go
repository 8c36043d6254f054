// Package compare reads one story's articles side by side: it splits
// sentences into claims, aligns claims that state the same fact across
// articles, and reports corroborated facts, single-source facts,
// contradictions, quote variants, a coverage matrix and a timeline.
// Claims align on weighted terms (word stems, resolved entities, numbers,
// dates and clock times, predicate classes and event frames: a class with
// its subject); claims with different subjects or days never join. Once
// the facts are settled, a clause of a sentence in another fact may be
// added to a fact as one more support when it states most of the fact's
// members specifically (a rare class or figure and a rare word).
// Input is articles with their annotations; output is a Result of model
// briefing types, every item cited to article ids.
package compare
