package compare

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"github.com/storydesk/storydesk/internal/model"
)

// Conflict kinds.
const (
	Contradiction = "contradiction"
	Variant       = "variant"
)

// contradictions looks at related claims of different articles (pairs at
// or above the conflict similarity) for values that cannot both hold:
// the same frame with a different last modifier ("over a working
// breakfast" / "over a working lunch") or the same count of the same
// thing with another exact value. Rounder or hedged numbers pass.
func contradictions(arts []model.Article, cs []claim, pairs []pair) []model.Conflict {
	var out []model.Conflict
	seen := map[string]bool{}
	add := func(c model.Conflict) {
		k := c.Topic + "|" + c.Sides[0].Text + "|" + c.Sides[1].Text
		if !seen[k] {
			seen[k] = true
			out = append(out, c)
		}
	}
	for _, p := range pairs {
		a, b := &cs[p.a], &cs[p.b]
		if a.text == b.text {
			continue
		}
		ida, idb := arts[a.art].ID, arts[b.art].ID
		if c, ok := numberClash(a, b); ok {
			c.Sides[0].Articles, c.Sides[1].Articles = []string{ida}, []string{idb}
			add(c)
		}
		if c, ok := modifierClash(a, b); ok {
			c.Sides[0].Articles, c.Sides[1].Articles = []string{ida}, []string{idb}
			add(c)
		}
	}
	return out
}

// numberClash finds the same exact count of the same thing with another
// value.
func numberClash(a, b *claim) (model.Conflict, bool) {
	for _, x := range a.numbers {
		for _, y := range b.numbers {
			if x.Value == nil || y.Value == nil || x.Of == "" || x.Of != y.Of || x.Unit != y.Unit {
				continue
			}
			if x.Precision != "" || y.Precision != "" || *x.Value == *y.Value {
				continue
			}
			return model.Conflict{Kind: Contradiction, Topic: "number of " + x.Of,
				Sides: []model.Side{{Text: num(*x.Value) + " " + x.Of}, {Text: num(*y.Value) + " " + y.Of}}}, true
		}
	}
	return model.Conflict{}, false
}

func num(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

// modifierClash finds one frame with a different closing word: the three
// words before it agree (a word such as a preposition, a determiner and a
// lower-case content word, the head's modifier), the differing words are lower-case content words the other
// claim never uses, and each ends its phrase.
func modifierClash(a, b *claim) (model.Conflict, bool) {
	aw, bw := a.words, b.words
	for _, fa := range a.frames {
		for _, fb := range b.frames {
			if fa.key != fb.key {
				continue
			}
			i, j := fa.at, fb.at
			x, y := aw[i+1], bw[j+1]
			if x.text == y.text || !content(x.text) || !content(y.text) || !lower(x.raw) || !lower(y.raw) {
				continue
			}
			if stem(x.text) == stem(y.text) || hasStem(bw, x.text) || hasStem(aw, y.text) || spelling(x.text, y.text) {
				continue
			}
			if !phraseEnd(aw, i+1, a.text) || !phraseEnd(bw, j+1, b.text) {
				continue
			}
			// The topic quotes the shared frame and names the two endings:
			// "“over a working …”: breakfast or lunch".
			frame := aw[i].raw
			for k := i - 1; k >= max(0, i-2); k-- {
				frame = aw[k].raw + " " + frame
			}
			topic := fmt.Sprintf("“%s …”: %s or %s", frame, x.raw, y.raw)
			return model.Conflict{Kind: Contradiction, Topic: topic,
				Sides: []model.Side{{Text: aw[i].raw + " " + x.raw}, {Text: bw[j].raw + " " + y.raw}}}, true
		}
	}
	return model.Conflict{}, false
}

// frame is three words ending in a lower-case content word after a
// determiner ("over a working"), with the index of that last word; the
// word after it is what may clash.
type frame struct {
	key string
	at  int
}

func frames(ws []word) []frame {
	var out []frame
	for i := 2; i+1 < len(ws); i++ {
		if determiners[ws[i-1].text] && content(ws[i].text) && lower(ws[i].raw) {
			out = append(out, frame{ws[i-2].text + " " + ws[i-1].text + " " + ws[i].text, i})
		}
	}
	return out
}

func lower(s string) bool {
	for _, r := range s {
		return unicode.IsLower(r)
	}
	return false
}

func hasStem(ws []word, w string) bool {
	s := stem(w)
	for _, x := range ws {
		if stem(x.text) == s {
			return true
		}
	}
	return false
}

// determiners open the noun phrases whose head or modifier may clash.
var determiners = setOf("a an the this that his her their its our")

// phraseEnd reports whether ws[k] closes a noun phrase: the clause ends,
// punctuation follows, or a function word other than "of" (which would
// make ws[k] a modifier of what follows).
func phraseEnd(ws []word, k int, text string) bool {
	if k+1 >= len(ws) {
		return true
	}
	gap := text[ws[k].end:ws[k+1].start]
	next := ws[k+1].text
	return strings.TrimSpace(gap) != "" || !content(next) && next != "of"
}

// spelling reports whether two words are spellings of one ("adviser",
// "advisor"): same first three letters and at most two edits apart.
func spelling(a, b string) bool {
	if len(a) < 4 || len(b) < 4 || a[:3] != b[:3] {
		return false
	}
	return editDistance(a, b) <= 2
}

func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			c := prev[j-1]
			if a[i-1] != b[j-1] {
				c++
			}
			cur[j] = min(c, prev[j]+1, cur[j-1]+1)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// quoteConflict flags a quote group whose wording differs between
// articles or whose words are credited to different named speakers (by
// maps each speaker to the articles crediting them).
func quoteConflict(g model.QuoteGroup, by map[string][]string) (model.Conflict, bool) {
	if len(by) > 1 {
		c := model.Conflict{Kind: Variant, Topic: "who said “" + g.Text + "”"}
		names := make([]string, 0, len(by))
		for n := range by {
			names = append(names, n)
		}
		sort.Strings(names)
		for _, n := range names {
			c.Sides = append(c.Sides, model.Side{Text: n + ": “" + textBy(g, by[n]) + "”", Articles: by[n]})
		}
		return c, true
	}
	if len(g.Variants) == 0 {
		return model.Conflict{}, false
	}
	c := model.Conflict{Kind: Variant, Topic: "wording of a quote: “" + g.Text + "”"}
	c.Sides = append(c.Sides, model.Side{Text: g.Text, Articles: mainArticles(g)})
	for _, v := range g.Variants {
		c.Sides = append(c.Sides, model.Side{Text: v.Text, Articles: v.Articles})
	}
	return c, true
}

// textBy is the wording g gives in the first of ids.
func textBy(g model.QuoteGroup, ids []string) string {
	for _, v := range g.Variants {
		for _, x := range v.Articles {
			if len(ids) > 0 && x == ids[0] {
				return v.Text
			}
		}
	}
	return g.Text
}

// mainArticles are the articles of g that give its main wording.
func mainArticles(g model.QuoteGroup) []string {
	var out []string
	for _, id := range g.Articles {
		inVariant := false
		for _, v := range g.Variants {
			for _, x := range v.Articles {
				if x == id {
					inVariant = true
				}
			}
		}
		if !inVariant {
			out = append(out, id)
		}
	}
	return out
}
