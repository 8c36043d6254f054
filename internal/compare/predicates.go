package compare

import (
	"slices"
	"strings"
)

// predicateClasses group the words news English uses for one kind of
// event or act, so that two outlets that tell the same thing with other
// verbs ("rejected", "refused", "will not surrender") still share a term.
// The lists are general English written for this package, keyed by the
// crude stem of each word (see stem); a class is a term of its own, weighed
// like any other by how many of the story's claims hold it.
var predicateClasses = map[string][]string{
	// Two or more parties meeting or talking.
	"meet": {"meet", "meeting", "met", "talks", "summit", "sit", "conversation", "discussion", "discuss", "negotiation", "negotiate", "conference", "encounter"},
	// Turning something down.
	"refuse": {"refuse", "reject", "deny", "dismiss", "rebuff", "decline", "oppose", "veto", "spurn"},
	// Giving something up, as territory or a claim.
	"cede": {"cede", "surrender", "concession", "concede", "relinquish", "give", "yield", "withdraw", "swap", "swapping"},
	// Putting an idea forward.
	"propose": {"propose", "proposal", "suggest", "suggestion", "float", "floated", "push", "urge", "dangle", "offer", "hint"},
	// Warning of harm to come.
	"warn": {"warn", "warning", "threaten", "threat", "caution"},
	// Coming to terms.
	"agree": {"agree", "agreement", "deal", "accord", "pact", "settle", "settlement", "treaty"},
	// Taking ground or people by force.
	"capture": {"capture", "seize", "occupy", "overrun", "conquer"},
	// A pause in fighting.
	"truce": {"ceasefire", "truce", "armistice", "halt"},
	// Being left out of something.
	"exclude": {"exclude", "exclusion", "excluded", "absent", "absence", "sidelined", "sideline"},
	// One more of something, after a first.
	"follow": {"second", "subsequent", "follow-up"},
}

// negatedClasses say which class a negated word moves to: "will not give
// up" refuses, "will not join" or "was not invited" leaves out.
var negatedClasses = map[string]string{
	"cede":    "refuse",
	"agree":   "refuse",
	"accept":  "refuse",
	"join":    "exclude",
	"attend":  "exclude",
	"invite":  "exclude",
	"include": "exclude",
	"part":    "exclude",
}

// classTerms holds the term of each class ("p:refuse"), so that
// indexing does not build it again for every claim; read only.
var classTerms = func() map[string]string {
	m := map[string]string{}
	for class := range predicateClasses {
		m[class] = "p:" + class
	}
	return m
}()

// predicateOf maps a word's stem to its class and negatedOf a class or
// stem to its negated class; built once from the tables above, read only.
var predicateOf, negatedOf = func() (map[string]string, map[string]string) {
	m := map[string]string{}
	for class, ws := range predicateClasses {
		for _, w := range ws {
			m[stem(w)] = class
		}
	}
	n := map[string]string{}
	for k, v := range negatedClasses {
		if _, isClass := predicateClasses[k]; isClass {
			n[k] = v
		} else {
			n[stem(k)] = v
		}
	}
	return m, n
}()

// negators turn the meaning of the words that follow them.
var negators = setOf(`not never no cannot`)

// predicates returns the predicate classes of a clause's words, each
// once. A class word within three words after a negator ("will not
// surrender", "was not invited to join") counts as its negated class when
// it has one. cache, when not nil, keeps the stems of words already seen.
func predicates(ws []word, cache map[string]string) []string {
	return distinct(wordClasses(nil, ws, cache))
}

// distinct returns the classes of wordClasses, each once, in order.
func distinct(classes []string) []string {
	var out []string
	for _, c := range classes {
		if c != "" && !slices.Contains(out, c) {
			out = append(out, c)
		}
	}
	return out
}

// wordClasses returns the class each word states, "" for none, as
// predicates reads them, in dst's array when it is long enough; a part
// of the words keeps the classes its whole gives it.
func wordClasses(dst []string, ws []word, cache map[string]string) []string {
	out := dst[:0]
	if cap(out) < len(ws) {
		out = make([]string, len(ws))
	}
	out = out[:len(ws)]
	clear(out)
	lastNeg := -10
	for i, w := range ws {
		t := w.text
		if negators[t] || strings.HasSuffix(t, "n't") {
			lastNeg = i
			continue
		}
		s, ok := cache[t]
		if !ok {
			s = stem(t)
			if cache != nil {
				cache[t] = s
			}
		}
		class, ok := predicateOf[s]
		if i-lastNeg <= 3 {
			key := class
			if !ok {
				key = s
			}
			if neg, ok := negatedOf[key]; ok {
				out[i] = neg
				continue
			}
		}
		if ok {
			out[i] = class
		}
	}
	return out
}
