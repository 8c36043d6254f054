package eval

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/storydesk/storydesk/internal/model"
)

// SeedsGold is the part of ../shared/gold/seeds.json the annotation
// scores read.
type SeedsGold struct {
	ReferenceDate string            `json:"reference_date"`
	Documents     []GoldDocument    `json:"documents"`
	Entities      []GoldEntity      `json:"entities"`
	Quotes        []GoldQuote       `json:"quotes"`
	Temporal      []json.RawMessage `json:"temporal"`
	Numbers       []json.RawMessage `json:"numbers"`
}

// GoldDocument says where a seed file's article body is.
type GoldDocument struct {
	File string `json:"file"`
	// MainTextLines is the first and last line (1-based) of the body.
	MainTextLines    []int    `json:"main_text_lines"`
	BoilerplateLines []string `json:"boilerplate_lines"`
}

// GoldEntity is one real-world entity with its surface variants.
type GoldEntity struct {
	Name         string        `json:"name"`
	Type         string        `json:"type"`
	EmbeddedOnly bool          `json:"embedded_only"`
	Variants     []GoldVariant `json:"variants"`
}

// GoldVariant is one surface string of an entity and the files holding it.
type GoldVariant struct {
	Text  string   `json:"text"`
	Form  string   `json:"form"`
	Files []string `json:"files"`
	Scope string   `json:"scope"`
}

// GoldQuote is one direct quotation.
type GoldQuote struct {
	File    string `json:"file"`
	Text    string `json:"text"`
	Speaker string `json:"speaker"`
	Cue     string `json:"cue"`
}

// LoadSeedsGold reads a seeds gold file.
func LoadSeedsGold(path string) (*SeedsGold, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("load gold %s: %w", path, err)
	}
	var g SeedsGold
	if err := json.Unmarshal(b, &g); err != nil {
		return nil, fmt.Errorf("load gold %s: %w", path, err)
	}
	return &g, nil
}

// PRF is precision, recall and F1 with the counts behind them.
type PRF struct {
	P, R, F1   float64
	TP, FP, FN int
}

func prf(tp, fp, fn int) PRF {
	s := PRF{TP: tp, FP: fp, FN: fn}
	if tp+fp > 0 {
		s.P = float64(tp) / float64(tp+fp)
	}
	if tp+fn > 0 {
		s.R = float64(tp) / float64(tp+fn)
	}
	if s.P+s.R > 0 {
		s.F1 = 2 * s.P * s.R / (s.P + s.R)
	}
	return s
}

// AnnotationReport scores annotations against the seeds gold.
type AnnotationReport struct {
	// Entities is B-cubed over gold variant occurrences (variant × file):
	// P says no two gold entities are merged, R that each gold entity's
	// variants land in one predicted entity (a variant not found counts 0).
	Entities PRF
	// GroupsComplete counts gold entities whose variants all landed in one
	// predicted entity; Groups counts the gold entities scored.
	GroupsComplete, Groups int
	// Merged lists predicted entities holding variants of several gold
	// entities, as "id: gold name, gold name".
	Merged []string
	// Incomplete names the gold entities not complete, each with its
	// variants as "text@file→entity" (entity "-" when the text holds the
	// variant but no mention covers it, "absent" when neither the scored
	// text nor an entity's aliases hold it: extraction dropped the line it
	// is on, or the annotator did not read it). A variant outside the text
	// (a headline or caption) is found through the aliases of the file's
	// entities.
	Incomplete []string
	// Absent counts gold variant occurrences missing from the scored texts
	// and from every alias; they count as not found in Entities.
	Absent int
	// Quotes is quote detection; Speakers is attribution over all quotes
	// (P over detected quotes with a speaker, R over gold quotes).
	Quotes, Speakers PRF
	// Misses lists gold quotes not found and wrong speakers, one line each.
	Misses []string
	// Times and Quantities are filled by the time and quantity scorers.
	Times, Quantities PRF
}

// Annotation scores anns (by file name, entities carrying the corpus IDs
// that annotate.Resolve sets) against gold; texts holds each file's text,
// which the annotations' offsets index.
func Annotation(gold *SeedsGold, texts map[string]string, anns map[string]model.Annotations) AnnotationReport {
	var rep AnnotationReport
	rep.scoreEntities(gold, texts, anns)
	rep.scoreQuotes(gold, anns)
	return rep
}

type entityItem struct {
	gold          int
	cluster       string
	variant, file string
	absent        bool
}

func (rep *AnnotationReport) scoreEntities(gold *SeedsGold, texts map[string]string, anns map[string]model.Annotations) {
	var items []entityItem
	for gi, ge := range gold.Entities {
		if ge.EmbeddedOnly {
			continue
		}
		n := 0
		for _, v := range ge.Variants {
			if v.Scope != "" {
				continue
			}
			for _, f := range v.Files {
				n++
				it := entityItem{gi, findCluster(v.Text, texts[f], anns[f]), v.Text, f, false}
				if it.cluster == "" && !containsWord(texts[f], v.Text) {
					// not in the body: a headline or caption the
					// annotator read for entities alone
					it.cluster = aliasCluster(v.Text, anns[f])
					if it.cluster == "" {
						it.absent = true
						rep.Absent++
					}
				}
				items = append(items, it)
			}
		}
		if n > 0 {
			rep.Groups++
		}
	}
	var p, r float64
	found := 0
	for _, it := range items {
		sameGold, sameCluster, both := 0, 0, 0
		for _, o := range items {
			if o.gold == it.gold {
				sameGold++
			}
			if it.cluster != "" && o.cluster == it.cluster {
				sameCluster++
				if o.gold == it.gold {
					both++
				}
			}
		}
		if it.cluster != "" {
			found++
			p += float64(both) / float64(sameCluster)
			r += float64(both) / float64(sameGold)
		}
	}
	if found > 0 {
		rep.Entities.P = p / float64(found)
	}
	if len(items) > 0 {
		rep.Entities.R = r / float64(len(items))
	}
	if rep.Entities.P+rep.Entities.R > 0 {
		rep.Entities.F1 = 2 * rep.Entities.P * rep.Entities.R / (rep.Entities.P + rep.Entities.R)
	}
	rep.Entities.TP, rep.Entities.FN = found, len(items)-found
	golds := map[string]map[int]bool{}
	var ids []string
	for _, it := range items {
		if it.cluster == "" {
			continue
		}
		if golds[it.cluster] == nil {
			golds[it.cluster] = map[int]bool{}
			ids = append(ids, it.cluster)
		}
		golds[it.cluster][it.gold] = true
	}
	for _, id := range ids {
		if len(golds[id]) < 2 {
			continue
		}
		var names []string
		for gi := range gold.Entities {
			if golds[id][gi] {
				names = append(names, gold.Entities[gi].Name)
			}
		}
		rep.Merged = append(rep.Merged, id+": "+strings.Join(names, ", "))
	}
	for gi, ge := range gold.Entities {
		clusters := map[string]bool{}
		n := 0
		for _, it := range items {
			if it.gold == gi {
				n++
				clusters[it.cluster] = true
			}
		}
		if n == 0 {
			continue
		}
		if len(clusters) == 1 && !clusters[""] {
			rep.GroupsComplete++
		} else {
			var parts []string
			for _, it := range items {
				if it.gold == gi {
					c := it.cluster
					if it.absent {
						c = "absent"
					} else if c == "" {
						c = "-"
					}
					parts = append(parts, fmt.Sprintf("%s@%.3s→%s", it.variant, it.file, c))
				}
			}
			rep.Incomplete = append(rep.Incomplete, ge.Name+": "+strings.Join(parts, "; "))
		}
	}
}

// findCluster returns the ID of the predicted entity whose mention best
// covers an occurrence of variant in text (rune Jaccard ≥ 0.5), or "".
func findCluster(variant, text string, ann model.Annotations) string {
	best, bestJ := "", 0.25
	for off := 0; ; {
		k := strings.Index(text[off:], variant)
		if k < 0 {
			break
		}
		start := off + k
		end := start + len(variant)
		off = start + 1
		if !wordBoundary(text, start, end) {
			continue
		}
		rs := utf8.RuneCountInString(text[:start])
		re := rs + utf8.RuneCountInString(variant)
		for _, e := range ann.Entities {
			for _, m := range e.Mentions {
				inter := min(re, m.End) - max(rs, m.Start)
				if inter <= 0 {
					continue
				}
				union := max(re, m.End) - min(rs, m.Start)
				j := float64(inter) / float64(union)
				if j < 0.5 {
					if inter != re-rs {
						continue
					}
					// the variant sits inside a longer mention ("Volodymyr
					// Zelensky" in "Ukrainian President Volodymyr Zelensky"):
					// accepted below any real match, the tightest first
					j = 0.25 + 0.25*j
				}
				if j > bestJ {
					id := e.ID
					if id == "" {
						id = e.Name
					}
					best, bestJ = id, j
				}
			}
		}
	}
	return best
}

// aliasCluster returns the ID of the predicted entity with an alias that
// covers variant best (one inside the other between word boundaries, rune
// Jaccard ≥ 0.5 or the variant inside a longer alias, as findCluster
// scores mentions), or "". It scores variants that sit in the title or a
// caption, which entities count among their aliases but mentions do not
// locate.
func aliasCluster(variant string, ann model.Annotations) string {
	best, bestJ := "", 0.25
	n := utf8.RuneCountInString(variant)
	for _, e := range ann.Entities {
		for _, a := range e.Aliases {
			short, long := a.Text, variant
			if len(short) > len(long) {
				short, long = long, short
			}
			if !containsWord(long, short) {
				continue
			}
			m := utf8.RuneCountInString(a.Text)
			j := float64(min(m, n)) / float64(max(m, n))
			if j < 0.5 {
				if m < n {
					continue
				}
				// the variant inside a longer alias, as findCluster takes
				// it inside a longer mention
				j = 0.25 + 0.25*j
			}
			if j > bestJ {
				best, bestJ = e.ID, j
				if best == "" {
					best = e.Name
				}
			}
		}
	}
	return best
}

// containsWord reports whether text holds variant between word boundaries.
func containsWord(text, variant string) bool {
	for off := 0; off < len(text); {
		k := strings.Index(text[off:], variant)
		if k < 0 {
			return false
		}
		if wordBoundary(text, off+k, off+k+len(variant)) {
			return true
		}
		off += k + 1
	}
	return false
}

func wordBoundary(text string, start, end int) bool {
	before, _ := utf8.DecodeLastRuneInString(text[:start])
	after, _ := utf8.DecodeRuneInString(text[end:])
	isWord := func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
	return (start == 0 || !isWord(before)) && (end == len(text) || !isWord(after))
}

func (rep *AnnotationReport) scoreQuotes(gold *SeedsGold, anns map[string]model.Annotations) {
	aliases := map[string]map[string]bool{}
	for _, ge := range gold.Entities {
		set := map[string]bool{normQuote(ge.Name): true}
		for _, v := range ge.Variants {
			set[normQuote(v.Text)] = true
		}
		aliases[ge.Name] = set
	}
	qtp, sTP, sPred := 0, 0, 0
	used := map[string][]bool{}
	predTotal := 0
	for f, a := range anns {
		used[f] = make([]bool, len(a.Quotes))
		predTotal += len(a.Quotes)
	}
	for _, gq := range gold.Quotes {
		a := anns[gq.File]
		g := normQuote(gq.Text)
		matched := false
		for i, q := range a.Quotes {
			if used[gq.File][i] || !sameQuote(g, normQuote(q.Text)) {
				continue
			}
			used[gq.File][i] = true
			matched = true
			qtp++
			ok := false
			if q.Speaker != "" {
				sPred++
				if aliases[gq.Speaker][normQuote(q.Speaker)] {
					sTP++
					ok = true
				}
			}
			if !ok {
				rep.Misses = append(rep.Misses, fmt.Sprintf("speaker %.3s %q: got %q want %q", gq.File, gq.Text, q.Speaker, gq.Speaker))
			}
			break
		}
		if !matched {
			rep.Misses = append(rep.Misses, fmt.Sprintf("quote missed %.3s %q", gq.File, gq.Text))
		}
	}
	for f, a := range anns {
		for i, q := range a.Quotes {
			if !used[f][i] {
				rep.Misses = append(rep.Misses, fmt.Sprintf("quote extra %.3s %q", f, q.Text))
			}
		}
	}
	rep.Quotes = prf(qtp, predTotal-qtp, len(gold.Quotes)-qtp)
	rep.Speakers = prf(sTP, sPred-sTP, len(gold.Quotes)-sTP)
}

// normQuote folds marks, case and outer punctuation.
func normQuote(s string) string {
	s = strings.NewReplacer("’", "'", "‘", "'", "“", "\"", "”", "\"").Replace(strings.ToLower(s))
	return strings.TrimFunc(s, func(r rune) bool { return unicode.IsPunct(r) || unicode.IsSpace(r) })
}

// sameQuote accepts equal quotes, or one holding the other at ≥ 80% length.
func sameQuote(g, p string) bool {
	if g == p {
		return true
	}
	if g == "" || p == "" {
		return false
	}
	short, long := g, p
	if len(short) > len(long) {
		short, long = long, short
	}
	return strings.Contains(long, short) && float64(len(short)) >= 0.8*float64(len(long))
}
