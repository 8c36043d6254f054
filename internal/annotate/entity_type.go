package annotate

import (
	"strings"

	"github.com/storydesk/storydesk/internal/model"
)

// Suffix words that type an unknown capitalised name by its last word.
var (
	orgHeads = wordSet(`ministry party council commission agency institute university news press
	post times group bank fund corporation company inc ltd union organization organisation alliance
	committee court parliament congress senate forces army navy office department administration
	service services association foundation coalition federation network guard police authority
	board bureau centre center league club media images social telegraph guardian journal
	systems technologies labs laboratories industries holdings partners ventures airlines airways
	motors communications networks electronics pharmaceuticals unit units division`)
	facilityHeads = wordSet(`street st road avenue base airport palace square bridge building tower
	hall stadium hospital station prison plant cathedral church embassy camp field port`)
	locationHeads = wordSet(`region sea river ocean mountains peninsula valley island islands gulf
	coast strait lake desert oblast province`)
	eventHeads = wordSet(`summit war olympics games cup election conference festival`)
	connectors = wordSet(`of for the von der de van da bin al la du`)
	// personRoles are roles a nominal mention ("the prime minister", "the
	// senator") can stand for; leader covers president, prime minister and
	// chancellor.
	personRoles = wordSet(`president|prime minister|chancellor|leader|vice president|foreign minister|secretary of state|defence minister|finance minister|minister|senator|representative|governor|mayor|secretary|general|king|queen|prince|pope|envoy|ambassador`)
)

func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	sep := " \n\t"
	if strings.Contains(s, "|") {
		sep = "|"
	}
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return strings.ContainsRune(sep, r) }) {
		m[strings.TrimSpace(w)] = true
	}
	return m
}

// typeOf types a name that is not in the gazetteer.
func (r *entityReader) typeOf(c *candidate) string {
	var lb [64]byte
	last := appendLower(lb[:0], r.word(c.words[len(c.words)-1]))
	first := r.word(c.words[0])
	switch {
	case c.titled:
		return model.Person
	case orgHeads[string(last)] || lowerIn(orgHeads, first):
		return model.Organization
	case facilityHeads[string(last)] || strings.HasPrefix(first, "RAF"):
		return model.Facility
	case locationHeads[string(last)]:
		return model.Location
	case eventHeads[string(last)]:
		return model.Event
	case r.g.firstNames[first] && len(c.words) >= 2:
		return model.Person
	}
	for _, w := range c.words {
		if c := r.word(w)[0]; c >= '0' && c <= '9' {
			return model.Facility // an address: "No 10", "10 Downing Street"
		}
	}
	if len(c.words) == 1 {
		w := r.word(c.words[0])
		if len(w) >= 2 && upperForm(w) {
			c.form = "abbreviation"
			return model.Organization
		}
		return "" // decided in group: a known person's name, or a place
	}
	for _, w := range c.words {
		if connectors[r.word(w)] {
			return model.Organization
		}
	}
	// A name in capitals throughout ("ANDERSON COOPER:" in a
	// transcript) is shouted, not an acronym.
	if !upperForm(r.word(c.head)) {
		for _, w := range c.words {
			if thingWord(r.word(w)) {
				return model.Organization
			}
		}
	}
	if len(c.words) <= 3 {
		return model.Person
	}
	return model.Organization
}

// thingWord reports whether w is a word that people's names do not hold
// but the names of firms, products and bodies do: an acronym of three or
// more capitals or its plural ("AMD Opteron", "Intel CPUs"), or a word
// with a capital inside after three or more letters or after a run of
// capitals ("SeaMicro", "InfiniBand", "QLogic"). Names such as
// "McDonald", "DeSantis" and "MacArthur" keep their inner capital.
func thingWord(w string) bool {
	caps, lowers := 0, 0
	for i := 0; i < len(w); i++ {
		switch b := w[i]; {
		case b >= 'A' && b <= 'Z':
			if lowers > 0 && i >= 3 && w[:i] != "Mac" {
				return true // "SeaMicro"
			}
			if lowers > 0 {
				return false // "McDonald", "DeSantis"
			}
			caps++
		case b >= 'a' && b <= 'z':
			if caps >= 2 && lowers == 0 && i < len(w)-1 {
				return true // "QLogic", "JPMorgan"
			}
			lowers++
		default:
			return false
		}
	}
	return caps >= 3 && (lowers == 0 || lowers == 1 && w[len(w)-1] == 's')
}

func (r *entityReader) isCommon(s Segment) bool {
	var buf [64]byte
	return r.g.common[string(appendLower(buf[:0], r.word(s)))]
}

func (r *entityReader) isTimeWord(s Segment) bool {
	var buf [64]byte
	return isTimeWord(string(appendLower(buf[:0], r.word(s))))
}

func isTimeWord(w string) bool {
	switch w {
	case "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
		"january", "february", "march", "april", "june", "july", "august",
		"september", "october", "november", "december":
		return true
	}
	return false
}

// compass words make a region of a place: "eastern Ukraine".
var compass = wordSet(`eastern western northern southern central north south east west northeastern northwestern southeastern southwestern`)

// placeExtent widens a place name to a region: "eastern Ukraine" (a part
// of a country, its own entity) and "Donbas region".
func (r *entityReader) placeExtent(c *candidate) {
	toks := r.d.Tokens
	k := tokenAt(toks, c.span.Start)
	e := tokenAt(toks, c.span.End)
	regionNext := e < len(toks) && toks[e].Kind == Word && placeRegions[r.word(toks[e].seg())]
	if k > 0 && toks[k-1].Kind == Word && compass[r.word(toks[k-1].seg())] && !regionNext {
		c.span.Start = toks[k-1].Start
		c.head = c.span
		c.canonical = r.word(c.span)
		c.typ = model.Location
		return
	}
	if regionNext {
		c.span.End = toks[e].End
		c.head = c.span
		c.canonical = c.canonical + " " + r.word(toks[e].seg())
		c.typ = model.Location
	}
}

// placeRegions after a place name make it a region: "Donbas region".
var placeRegions = wordSet(`region province oblast county`)
