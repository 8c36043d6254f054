package eval

import (
	"encoding/json"
	"fmt"
	"math"
	"os"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/storydesk/storydesk/internal/model"
)

// Scoring of time expressions and quantities against the `temporal` and
// `numbers` sections of a gold file such as ../shared/gold/seeds.json.
// A gold item is located in the article by its context string and its text
// inside it; a system item matches it when their spans overlap. A time is
// right when type and value are equal; a quantity when value (nil for
// vague amounts) and unit are equal after normalising the unit.

// TimexGold is the part of a gold file these scores use.
type TimexGold struct {
	Documents []TimexDocument `json:"documents"`
	Temporal  []GoldTime      `json:"temporal"`
	Numbers   []GoldNumber    `json:"numbers"`
}

// TimexDocument says which lines of a file are in scope.
type TimexDocument struct {
	File             string   `json:"file"`
	MainTextLines    []int    `json:"main_text_lines"` // first and last, 1-based
	BoilerplateLines []string `json:"boilerplate_lines"`
}

// GoldTime is one gold time expression.
type GoldTime struct {
	ID      string `json:"id"`
	File    string `json:"file"`
	Text    string `json:"text"`
	Context string `json:"context"`
	Type    string `json:"type"`
	Value   string `json:"value"`
	Mod     string `json:"mod"`
}

// GoldNumber is one gold quantity. Value is nil for vague amounts.
type GoldNumber struct {
	ID        string   `json:"id"`
	File      string   `json:"file"`
	Text      string   `json:"text"`
	Value     *float64 `json:"value"`
	Unit      string   `json:"unit"`
	Precision string   `json:"precision"`
	Scope     string   `json:"scope"`
}

// LoadTimexGold reads the temporal and numbers sections of a gold file.
func LoadTimexGold(path string) (TimexGold, error) {
	var g TimexGold
	b, err := os.ReadFile(path)
	if err != nil {
		return g, fmt.Errorf("load gold %s: %w", path, err)
	}
	if err := json.Unmarshal(b, &g); err != nil {
		return g, fmt.Errorf("load gold %s: %w", path, err)
	}
	return g, nil
}

// TimexScore counts matches; Errors lists each miss and false alarm.
type TimexScore struct {
	TP, FP, FN            int
	Precision, Recall, F1 float64
	Unlocated             int // gold items whose text was not found
	Errors                []string
}

// Add sums two scores and recomputes the ratios.
func (s TimexScore) Add(o TimexScore) TimexScore {
	s.TP += o.TP
	s.FP += o.FP
	s.FN += o.FN
	s.Unlocated += o.Unlocated
	s.Errors = append(s.Errors, o.Errors...)
	return s.ratios()
}

func (s TimexScore) ratios() TimexScore {
	s.Precision, s.Recall, s.F1 = 0, 0, 0
	if s.TP+s.FP > 0 {
		s.Precision = float64(s.TP) / float64(s.TP+s.FP)
	}
	if s.TP+s.FN > 0 {
		s.Recall = float64(s.TP) / float64(s.TP+s.FN)
	}
	if s.Precision+s.Recall > 0 {
		s.F1 = 2 * s.Precision * s.Recall / (s.Precision + s.Recall)
	}
	return s
}

// Scope returns whether a rune span of text lies in the document's main
// text and outside its boilerplate lines.
func (d TimexDocument) Scope(text string) func(start, end int) bool {
	type lineSpan struct{ start, end int }
	var keep []lineSpan
	line, r, lineStart := 1, 0, 0
	boiler := map[string]bool{}
	for _, b := range d.BoilerplateLines {
		boiler[strings.TrimSpace(b)] = true
	}
	flush := func(content string) {
		in := len(d.MainTextLines) < 2 || (line >= d.MainTextLines[0] && line <= d.MainTextLines[1])
		if in && !boiler[strings.TrimSpace(content)] {
			keep = append(keep, lineSpan{lineStart, r})
		}
	}
	from := 0
	for i, c := range text {
		if c == '\n' {
			flush(text[from:i])
			line++
			lineStart = r + 1
			from = i + 1
		}
		r++
	}
	flush(text[from:])
	return func(start, end int) bool {
		for _, l := range keep {
			if start >= l.start && end <= l.end {
				return true
			}
		}
		return false
	}
}

// locate finds the rune span of text inside the first occurrence of
// context in article; ok is false when either is missing.
func locate(article, context, text string) (int, int, bool) {
	c := strings.Index(article, context)
	if c < 0 {
		return 0, 0, false
	}
	t := strings.Index(article[c:], text)
	if t < 0 || t+len(text) > len(context) {
		return 0, 0, false
	}
	b := c + t
	start := utf8.RuneCountInString(article[:b])
	return start, start + utf8.RuneCountInString(text), true
}

// ScoreTimes scores one article's time expressions against its gold
// items. inScope filters system items (nil keeps all).
func ScoreTimes(text string, gold []GoldTime, got []model.TimeExpr, inScope func(start, end int) bool) TimexScore {
	return scoreItems(text, gold, got, scoring[GoldTime, model.TimeExpr]{
		locate: func(g GoldTime) (string, string, string) { return g.ID, g.Context, g.Text },
		want:   func(g GoldTime) string { return g.Type + " " + g.Value },
		span:   func(x model.TimeExpr) (int, int, string) { return x.Start, x.End, x.Text },
		got:    func(x model.TimeExpr) string { return x.Type + " " + x.Value },
		right:  func(g GoldTime, x model.TimeExpr) bool { return x.Type == g.Type && x.Value == g.Value },
	}, inScope)
}

// ScoreQuantities scores one article's quantities against its gold
// numbers. inScope filters system items (nil keeps all).
func ScoreQuantities(text string, gold []GoldNumber, got []model.Quantity, inScope func(start, end int) bool) TimexScore {
	return scoreItems(text, gold, got, scoring[GoldNumber, model.Quantity]{
		locate: func(g GoldNumber) (string, string, string) { return g.ID, g.Text, g.Text },
		want:   func(g GoldNumber) string { return fmtValue(g.Value) + " " + g.Unit },
		span:   func(x model.Quantity) (int, int, string) { return x.Start, x.End, x.Text },
		got:    func(x model.Quantity) string { return fmtValue(x.Value) + " " + x.Unit + "/" + x.Of },
		right:  quantityRight,
	}, inScope)
}

// scoring tells scoreItems how to read one kind of gold item G and system
// item X.
type scoring[G, X any] struct {
	locate func(G) (id, context, text string) // where the gold item stands
	want   func(G) string                     // the gold value, for messages
	span   func(X) (start, end int, text string)
	got    func(X) string // the system value, for messages
	right  func(G, X) bool
}

// scoreItems pairs each located gold item with a system item overlapping
// it, a right one first: a right pair is a true positive, a wrong one both
// a miss and a false alarm. System items left over count as false alarms
// where inScope (nil: everywhere) says so.
func scoreItems[G, X any](text string, gold []G, got []X, f scoring[G, X], inScope func(start, end int) bool) TimexScore {
	var sc TimexScore
	used := make([]bool, len(got))
	for _, g := range gold {
		id, context, gtext := f.locate(g)
		gs, ge, ok := locate(text, context, gtext)
		if !ok {
			sc.Unlocated++
			continue
		}
		best := -1
		for k, x := range got {
			start, end, _ := f.span(x)
			if used[k] || end <= gs || start >= ge {
				continue
			}
			if best < 0 || f.right(g, x) {
				best = k
			}
		}
		switch {
		case best < 0:
			sc.FN++
			sc.Errors = append(sc.Errors, fmt.Sprintf("missed %s %q (%s)", id, gtext, f.want(g)))
		case f.right(g, got[best]):
			used[best] = true
			sc.TP++
		default:
			used[best] = true
			sc.FN++
			sc.FP++
			sc.Errors = append(sc.Errors, fmt.Sprintf("wrong %s %q: got %s, want %s", id, gtext, f.got(got[best]), f.want(g)))
		}
	}
	for k, x := range got {
		start, end, xtext := f.span(x)
		if !used[k] && (inScope == nil || inScope(start, end)) {
			sc.FP++
			sc.Errors = append(sc.Errors, fmt.Sprintf("extra %q (%s) at %d", xtext, f.got(x), start))
		}
	}
	return sc.ratios()
}

func fmtValue(v *float64) string {
	if v == nil {
		return "nil"
	}
	return fmt.Sprint(*v)
}

func quantityRight(g GoldNumber, x model.Quantity) bool {
	if (g.Value == nil) != (x.Value == nil) {
		return false
	}
	if g.Value != nil && math.Abs(*g.Value-*x.Value) > 1e-9 {
		return false
	}
	unit := x.Unit
	if unit == "" || unit == "ordinal" {
		unit = x.Of
	} else if x.Of != "" && NormalizeUnit(x.Of+" "+x.Unit) == NormalizeUnit(g.Unit) {
		return true // gold "rating points" for unit "points" of "rating"
	}
	return NormalizeUnit(unit) == NormalizeUnit(g.Unit)
}

// unitSynonyms maps normalised spellings to one name.
var unitSynonyms = map[string]string{
	"kilometre": "km", "kilometer": "km", "per cent": "percent", "%": "percent",
	"people": "person", "hr": "hour", "yr": "year", "pow": "prisoner of war",
	"mi": "mile", "metre": "m", "meter": "m", "party": "party",
}

// NormalizeUnit lower-cases a unit, drops a parenthetical ("years (age)"),
// makes its last word singular and maps synonyms: "Kilometres" → "km",
// "POWs" → "prisoner of war".
func NormalizeUnit(u string) string {
	u = strings.ToLower(strings.TrimSpace(u))
	if i := strings.IndexByte(u, '('); i >= 0 {
		u = strings.TrimSpace(u[:i])
	}
	words := strings.Fields(u)
	if len(words) == 0 {
		return ""
	}
	w := words[len(words)-1]
	if len(words) >= 3 && words[len(words)-2] == "of" {
		// "prisoners of war": the head is the first word.
		words[0] = singular(words[0])
	} else {
		words[len(words)-1] = singular(w)
	}
	u = strings.Join(words, " ")
	if s, ok := unitSynonyms[u]; ok {
		return s
	}
	return u
}

func singular(w string) string {
	switch {
	case w == "people" || w == "series" || w == "news":
		return w
	case strings.HasSuffix(w, "ies") && len(w) > 4:
		return w[:len(w)-3] + "y"
	case strings.HasSuffix(w, "sses"), strings.HasSuffix(w, "xes"):
		return w[:len(w)-2]
	case strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && len(w) > 2:
		return w[:len(w)-1]
	}
	return w
}

// FilesOf returns the sorted file names that gold items name.
func (g TimexGold) FilesOf() []string {
	seen := map[string]bool{}
	for _, t := range g.Temporal {
		seen[t.File] = true
	}
	for _, n := range g.Numbers {
		seen[n.File] = true
	}
	out := make([]string, 0, len(seen))
	for f := range seen {
		out = append(out, f)
	}
	sort.Strings(out)
	return out
}

// TimexFinders are the annotators under test, as plain functions so eval
// does not depend on the annotate package.
type TimexFinders struct {
	Times      func(text string) []model.TimeExpr
	Quantities func(text string) []model.Quantity
}

// ScoreTimex scores every document of the gold file: text returns an
// article's text by file name. Gold numbers in embedded articles are left
// out, and system items outside each document's main text are not
// counted. A nil finder leaves its score zero.
func ScoreTimex(g TimexGold, text func(file string) (string, error), f TimexFinders) (times, quantities TimexScore, err error) {
	for _, doc := range g.Documents {
		t, err := text(doc.File)
		if err != nil {
			return times, quantities, fmt.Errorf("score times %s: %w", doc.File, err)
		}
		scope := doc.Scope(t)
		if f.Times != nil {
			var gt []GoldTime
			for _, x := range g.Temporal {
				if x.File == doc.File {
					gt = append(gt, x)
				}
			}
			times = times.Add(prefixErrors(doc.File, ScoreTimes(t, gt, f.Times(t), scope)))
		}
		if f.Quantities != nil {
			var gn []GoldNumber
			for _, x := range g.Numbers {
				if x.File == doc.File && x.Scope != "embedded" {
					gn = append(gn, x)
				}
			}
			quantities = quantities.Add(prefixErrors(doc.File, ScoreQuantities(t, gn, f.Quantities(t), scope)))
		}
	}
	return times, quantities, nil
}

func prefixErrors(file string, s TimexScore) TimexScore {
	for k, e := range s.Errors {
		s.Errors[k] = file + ": " + e
	}
	return s
}
