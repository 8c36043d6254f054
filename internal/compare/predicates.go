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
	"meet": {"meet", "meeting", "met", "talks", "summit", "sit", "sit-down", "conversation", "discussion", "discuss", "negotiation", "negotiate", "conference", "encounter",
		"one-on-one", "bilateral", "tête-à-tête", "tete-a-tete", "face-to-face", "huddle", "parley"},
	// Talking at a distance: by telephone or video (see also callNoun
	// and the remote phrases).
	"remote": {"phoned", "telephoned", "videoconference", "video-conference", "teleconference", "videocall", "video-call", "phone-call", "livestream"},
	// Turning something down.
	"refuse": {"refuse", "reject", "deny", "dismiss", "rebuff", "decline", "oppose", "veto", "spurn"},
	// Giving something up, as territory or a claim.
	"cede": {"cede", "surrender", "concession", "concede", "relinquish", "give", "yield", "withdraw", "swap", "swapping", "handover", "hand-over"},
	// Putting an idea forward.
	"propose": {"propose", "proposal", "suggest", "suggestion", "float", "floated", "push", "urge", "dangle", "offer", "hint"},
	// Warning of harm to come.
	"warn": {"warn", "warning", "threaten", "threat", "caution"},
	// Coming to terms.
	"agree": {"agree", "agreed", "agreement", "deal", "accord", "pact", "settle", "settlement", "treaty"},
	// Taking ground or people by force.
	"capture": {"capture", "seize", "occupy", "overrun", "conquer"},
	// A pause in fighting.
	"truce": {"ceasefire", "truce", "armistice", "halt"},
	// Being left out of something.
	"exclude": {"exclude", "exclusion", "excluded", "absent", "absence", "sidelined", "sideline"},
	// One more of something, after a first.
	"follow": {"second", "subsequent", "follow-up", "follow-on"},
}

// secondClasses give a word a class beside its own: a narrower kind of
// the same act, which far fewer claims state, so that two outlets that
// both name it share a rare term where the common one ("meet") tells
// little. Keyed like predicateClasses; a word here keeps its own class.
var secondClasses = map[string][]string{
	// How a meeting is held: the parties alone, in person.
	"format": {"one-on-one", "tête-à-tête", "tete-a-tete", "face-to-face", "head-to-head", "closed-door"},
}

// phrases give a class to words that state it only together: a
// modifier and the head it comes before (at most within words on), as
// "video" before "link" or "hand" before "over". The modifier takes the
// class; the head keeps its own, so that a "virtual meeting" is a
// meeting and a remote one.
type phrase struct {
	class      string
	modifiers  map[string]bool // stems
	heads      map[string]bool // stems
	within     int
	eitherWay  bool // the head may also come first ("land swap", "swap of land")
	headClass  bool // the head takes the class too
	headIsMeet bool // any word of the meet class is a head
}

var phrases = []phrase{
	// A meeting or call held at a distance.
	{class: "remote", modifiers: stems(`video phone telephone virtual online zoom`),
		heads: stems(`call link chat`), within: 2, headIsMeet: true, headClass: true},
	// "Spoke by phone", "joined over video link".
	{class: "remote", modifiers: stems(`by over via`), heads: stems(`phone telephone video videolink`),
		within: 1, headClass: true},
	// One more meeting after a first: "a second round of talks", "a
	// subsequent, three-way meeting", "another summit".
	{class: "follow", modifiers: stems(`next another further third new fresh repeat`),
		within: 3, headIsMeet: true},
	// Giving up ground: "give up", "hand over", "trade land".
	{class: "cede", modifiers: stems(`hand`), heads: stems(`over back`), within: 1, headClass: true},
	{class: "cede", modifiers: stems(`swap trade exchange`), heads: stems(`land territory territorial ground`),
		within: 3, eitherWay: true, headClass: true},
}

// callNoun is the class of "call" as a noun, a telephone or video
// talk: after a determiner or a possessive ("a call", "their call") or
// before "with" or "between". "Called for" and "calls on" ask; they are
// no call, so "for" or "to" after it undoes the reading, and without a
// determiner so does "on".
const callNoun = "remote"

var (
	callLead  = setOf(`a the his her their its our my your this that phone video telephone conference`)
	callWith  = setOf(`with between`)
	callNotAs = setOf(`for to`)
)

// sequenceWords put one event after another.
var sequenceWords = setOf(`after following`)

// meetsAround reports whether a word of the meet class comes within
// ten words before word i and within five after it.
func meetsAround(classes []string, i int) bool {
	before, after := false, false
	for j := max(0, i-10); j < i; j++ {
		before = before || classes[j] == "meet"
	}
	for j := i + 1; j < min(len(classes), i+6); j++ {
		after = after || classes[j] == "meet"
	}
	return before && after
}

// timeUnits end a phrase: what follows tells when, not what.
var timeUnits = stems(`day week month year weekend morning afternoon evening night`)

func stems(s string) map[string]bool {
	m := map[string]bool{}
	for w := range setOf(s) {
		m[stem(w)] = true
	}
	return m
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
	for class := range secondClasses {
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

// secondOf maps a word's stem to its second class; built once, read only.
var secondOf = func() map[string]string {
	m := map[string]string{}
	for class, ws := range secondClasses {
		for _, w := range ws {
			m[stem(w)] = class
		}
	}
	return m
}()

// negators turn the meaning of the words that follow them.
var negators = setOf(`not never no cannot`)

// predicates returns the predicate classes of a clause's words, each
// once. A class word within three words after a negator ("will not
// surrender", "was not invited to join") counts as its negated class when
// it has one. cache, when not nil, keeps what is known of words already
// seen.
func predicates(ws []word, cache map[string]wordInfo) []string {
	return withSecond(distinct(wordClasses(nil, ws, cache)), ws, cache)
}

// withSecond appends to classes (the distinct classes of ws) the second
// classes of ws's words (see secondClasses) that it does not hold.
func withSecond(classes []string, ws []word, cache map[string]wordInfo) []string {
	for _, w := range ws {
		if c := infoOf(w.text, cache).second; c != "" && !slices.Contains(classes, c) {
			classes = append(classes, c)
		}
	}
	return classes
}

// wordInfo is what wordClasses needs to know of a word, found once per
// word of a story.
type wordInfo struct {
	class    string // the word's own class, "" for none
	second   string // its second class (see secondClasses), "" for none
	neg      string // its class after a negator, "" for none
	negator  bool
	call     bool // "call" or "calls": a noun or a verb
	sequence bool // see sequenceWords
	timeUnit bool
	mods     uint16 // bit k: a modifier of phrases[k] (at most 16 phrases)
	heads    uint16 // bit k: a head of phrases[k]
}

// infoOf returns the wordInfo of the lower-cased word t, from cache
// when it is there (and kept in it when cache is not nil).
func infoOf(t string, cache map[string]wordInfo) wordInfo {
	if in, ok := cache[t]; ok {
		return in
	}
	in := wordInfo{negator: negators[t] || strings.HasSuffix(t, "n't"), sequence: sequenceWords[t]}
	s := stem(t)
	if _, ok := predicateOf[s]; !ok {
		// A plural of a word in -ing ("meetings", "warnings") stems to
		// the word, whose own stem is the class's.
		if s2 := stem(s); s2 != s {
			if _, ok := predicateOf[s2]; ok {
				s = s2
			}
		}
	}
	class, ok := predicateOf[s]
	in.class = class
	in.second = secondOf[s]
	key := class
	if !ok {
		key = s
	}
	in.neg = negatedOf[key]
	in.call = s == "call"
	in.timeUnit = timeUnits[s]
	for k, p := range phrases {
		if p.modifiers[s] {
			in.mods |= 1 << k
		}
		if p.heads[s] {
			in.heads |= 1 << k
		}
	}
	if cache != nil {
		cache[t] = in
	}
	return in
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
func wordClasses(dst []string, ws []word, cache map[string]wordInfo) []string {
	out := dst[:0]
	if cap(out) < len(ws) {
		out = make([]string, len(ws))
	}
	out = out[:len(ws)]
	clear(out)
	var local [64]wordInfo
	infos := local[:0]
	if len(ws) > len(local) {
		infos = make([]wordInfo, 0, len(ws))
	}
	lastNeg := -10
	for i, w := range ws {
		in := infoOf(w.text, cache)
		infos = append(infos, in)
		if in.negator {
			lastNeg = i
			continue
		}
		if i-lastNeg <= 3 && in.neg != "" {
			out[i] = in.neg
			continue
		}
		out[i] = in.class
	}
	phraseClasses(out, ws, infos)
	return out
}

// phraseClasses adds to classes (wordClasses's answer for ws, whose
// wordInfos are infos) the classes of phrases and of "call" as a noun,
// on words that have none.
func phraseClasses(classes []string, ws []word, infos []wordInfo) {
	for i := range ws {
		in := &infos[i]
		if classes[i] != "" || !in.sequence && !in.call && in.mods == 0 {
			continue
		}
		if in.sequence && meetsAround(classes, i) {
			// "a meeting … after the summit": a meeting that follows one.
			classes[i] = "follow"
			continue
		}
		if in.call {
			lead := i > 0 && callLead[ws[i-1].text]
			next := ""
			if i+1 < len(ws) {
				next = ws[i+1].text
			}
			if lead && !callNotAs[next] || callWith[next] {
				classes[i] = callNoun
			}
			continue
		}
		for k, p := range phrases {
			if in.mods&(1<<k) == 0 {
				continue
			}
			from, to := i+1, min(len(ws), i+1+p.within)
			if p.eitherWay {
				from = max(0, i-p.within)
			}
			for j := from; j < to; j++ {
				if j == i {
					continue
				}
				if infos[j].timeUnit {
					break // "next week's summit" is no second summit
				}
				meet := p.headIsMeet && classes[j] == "meet"
				if meet || infos[j].heads&(1<<k) != 0 {
					classes[i] = p.class
					if p.headClass && !meet && classes[j] == "" {
						classes[j] = p.class
					}
					break
				}
			}
			if classes[i] != "" {
				break
			}
		}
	}
}
