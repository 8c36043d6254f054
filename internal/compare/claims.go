package compare

import (
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/storydesk/storydesk/internal/model"
)

// claim is one clause of one article: the unit that alignment matches.
type claim struct {
	art        int    // index into the articles
	text       string // the clause as written
	sentence   string // the whole sentence holding it
	start, end int    // rune span in the article text
	words      []word
	entities   []string // resolved entity ids mentioned in the clause
	numbers    []model.Quantity
	times      []model.TimeExpr
	frames     []frame   // determiner frames, for modifier clashes
	terms      []int32   // term ids, sorted, unique
	weights    []float32 // idf weight of each term
	norm       float32   // sum of weights
}

// clauseCuts are the joints at which a sentence splits into clauses when
// both sides are long enough to state something on their own.
var clauseCuts = []string{"; ", ", and ", ", but ", ", while ", ", whereas ", " – ", " — "}

// claims splits every article's sentences into clauses, skipping lines
// that read as headings, captions or credits.
func claims(arts []model.Article, anns []model.Annotations, opts Options) []claim {
	var out []claim
	for ai := range arts {
		if ai >= len(anns) {
			break
		}
		runes := []rune(arts[ai].Text)
		ann := &anns[ai]
		for _, s := range ann.Sentences {
			if s.Start < 0 || s.End > len(runes) || s.Start >= s.End {
				continue
			}
			text := string(runes[s.Start:s.End])
			if !statement(text, opts.MinClauseWords) {
				continue
			}
			for _, cl := range splitClauses(text, opts.MinClauseWords) {
				c := claim{art: ai, sentence: strings.TrimSpace(text)}
				c.text = strings.TrimSpace(text[cl[0]:cl[1]])
				c.start = s.Start + utf8.RuneCountInString(text[:cl[0]])
				c.end = s.Start + utf8.RuneCountInString(text[:cl[1]])
				c.words = words(c.text)
				attach(&c, ann)
				c.frames = frames(c.words)
				out = append(out, c)
			}
		}
	}
	return out
}

// statement reports whether a sentence states something: it has enough
// words and, unless long, ends like a sentence (headings and captions
// often do not).
func statement(s string, minWords int) bool {
	ws := words(s)
	if len(ws) < minWords {
		return false
	}
	t := strings.TrimRight(strings.TrimSpace(s), `"'”’)]`)
	if t == "" {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(t)
	ends := last == '.' || last == '!' || last == '?' || last == '…'
	return ends || len(ws) >= 12
}

// splitClauses returns byte ranges of s, cut at clauseCuts outside
// quotation marks when each part keeps at least minWords words.
func splitClauses(s string, minWords int) [][2]int {
	var cuts []int
	depth := 0
	for i, r := range s {
		switch r {
		case '“':
			depth++
		case '”':
			if depth > 0 {
				depth--
			}
		case '"':
			depth = 1 - depth
		}
		if depth > 0 {
			continue
		}
		for _, c := range clauseCuts {
			if strings.HasPrefix(s[i:], c) {
				cuts = append(cuts, i)
				break
			}
		}
	}
	var out [][2]int
	from := 0
	for _, c := range cuts {
		if len(words(s[from:c])) >= minWords && len(words(s[c:])) >= minWords {
			out = append(out, [2]int{from, c})
			from = c + 1
		}
	}
	return append(out, [2]int{from, len(s)})
}

// attach gives a claim the entities, numbers and times inside its span.
func attach(c *claim, ann *model.Annotations) {
	in := func(sp model.Span) bool { return sp.Start >= c.start && sp.Start < c.end }
	seen := map[string]bool{}
	for _, e := range ann.Entities {
		key := e.ID
		if key == "" {
			key = strings.ToLower(e.Name)
		}
		for _, m := range e.Mentions {
			if in(m.Span) && !seen[key] {
				seen[key] = true
				c.entities = append(c.entities, key)
			}
		}
	}
	sort.Strings(c.entities)
	for _, q := range ann.Quantities {
		if in(q.Span) {
			c.numbers = append(c.numbers, q)
		}
	}
	for _, t := range ann.Times {
		if in(t.Span) {
			c.times = append(c.times, t)
		}
	}
}
