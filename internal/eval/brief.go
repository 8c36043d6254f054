package eval

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"unicode"

	"github.com/storydesk/storydesk/internal/compare"
	"github.com/storydesk/storydesk/internal/model"
)

// BriefGold is the part of a seeds gold file (../shared/gold/seeds.json)
// the briefing scores read: facts, conflicts, quote groups and unique
// contributions, each cited by file name with verbatim passages.
type BriefGold struct {
	Facts     []GoldFact     `json:"facts"`
	Conflicts []GoldConflict `json:"conflicts"`
	Quotes    []struct {
		ID   string `json:"id"`
		File string `json:"file"`
		Text string `json:"text"`
	} `json:"quotes"`
	QuoteGroups []struct {
		ID       string   `json:"id"`
		Relation string   `json:"relation"`
		Members  []string `json:"members"`
		Files    []string `json:"files"`
	} `json:"quote_groups"`
	Unique []struct {
		File  string `json:"file"`
		Facts []struct {
			ID string `json:"id"`
		} `json:"facts"`
	} `json:"unique_contributions"`
}

// GoldFact is one claim with its files and verbatim support passages.
type GoldFact struct {
	ID      string        `json:"id"`
	Text    string        `json:"text"`
	Files   []string      `json:"files"`
	Support []GoldPassage `json:"support"`
}

// GoldPassage is a verbatim passage of one file.
type GoldPassage struct {
	File string `json:"file"`
	Text string `json:"text"`
}

// GoldConflict is one real disagreement with its sides.
type GoldConflict struct {
	ID    string `json:"id"`
	Kind  string `json:"kind"`
	Sides []struct {
		Claim   string        `json:"claim"`
		Support []GoldPassage `json:"support"`
	} `json:"sides"`
}

// LoadBriefGold reads the briefing sections of a seeds gold file.
func LoadBriefGold(path string) (*BriefGold, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("load brief gold %s: %w", path, err)
	}
	var g BriefGold
	if err := json.Unmarshal(b, &g); err != nil {
		return nil, fmt.Errorf("load brief gold %s: %w", path, err)
	}
	return &g, nil
}

// BriefReport is how a comparison's output scores against the gold.
type BriefReport struct {
	GoldFacts int
	// FactsExact counts gold facts matched by a system fact with exactly
	// the gold files; FactsAny by a system fact with any of them.
	FactsExact, FactsAny int
	// MultiJudged are reported facts with two or more sources that touch a
	// gold passage; MultiCorrect those whose sources all back one gold fact.
	MultiSource, MultiJudged, MultiCorrect int
	// Of the judged facts that are not correct, MultiTooBig back one gold
	// fact with two or more passages but cite a file it does not have;
	// MultiMixed touch no gold fact with two passages: they join claims of
	// different facts.
	MultiTooBig, MultiMixed                                        int
	GoldConflicts, ConflictsFound, FalseConflicts, SystemConflicts int
	GoldUnique, UniqueFound                                        int
	GoldQuoteVariants, QuoteVariantsFound                          int
	// Missed lists the ids of gold items not found, for reading.
	Missed []string
	// Wrong lists the texts of the judged multi-source facts that are not
	// correct, for reading.
	Wrong []string
}

// Brief scores res, the comparison of arts, against gold. Articles are
// tied to gold files by the base name of their Source; a system passage
// matches a gold passage of the same file when most of the gold
// passage's words are in it or most of its words are in the gold passage.
func Brief(gold *BriefGold, arts []model.Article, res compare.Result) BriefReport {
	fileOf := map[string]string{}
	for _, a := range arts {
		fileOf[a.ID] = filepath.Base(a.Source)
	}
	r := BriefReport{GoldFacts: len(gold.Facts)}
	factByID := map[string]GoldFact{}
	for _, gf := range gold.Facts {
		factByID[gf.ID] = gf
		exact, any := false, false
		for _, sf := range res.Facts {
			if !factMatches(sf, gf, fileOf) {
				continue
			}
			any = true
			if sameSet(files(sf.Sources, fileOf), gf.Files) {
				exact = true
			}
		}
		if any {
			r.FactsAny++
		}
		if exact {
			r.FactsExact++
		} else {
			r.Missed = append(r.Missed, gf.ID)
		}
	}
	for _, sf := range res.Facts {
		if len(sf.Sources) < 2 {
			continue
		}
		r.MultiSource++
		judged, correct, backed := false, false, false
		for _, gf := range gold.Facts {
			n := 0
			for _, s := range sf.Support {
				if passageIn(s, gf.Support, fileOf) {
					judged = true
					n++
				}
			}
			backed = backed || n >= 2
			if n >= 2 && subset(files(sf.Sources, fileOf), gf.Files) {
				correct = true
			}
		}
		if judged {
			r.MultiJudged++
		}
		switch {
		case correct:
			r.MultiCorrect++
		case judged && backed:
			r.MultiTooBig++
			r.Wrong = append(r.Wrong, sf.Text)
		case judged:
			r.MultiMixed++
			r.Wrong = append(r.Wrong, sf.Text)
		}
	}
	r.GoldConflicts, r.SystemConflicts = len(gold.Conflicts), len(res.Conflicts)
	used := make([]bool, len(res.Conflicts))
	for _, gc := range gold.Conflicts {
		found := false
		for i, sc := range res.Conflicts {
			if conflictMatches(sc, gc, fileOf) {
				used[i], found = true, true
			}
		}
		if found {
			r.ConflictsFound++
		} else {
			r.Missed = append(r.Missed, gc.ID)
		}
	}
	for _, u := range used {
		if !u {
			r.FalseConflicts++
		}
	}
	for _, gu := range gold.Unique {
		for _, f := range gu.Facts {
			r.GoldUnique++
			if uniqueFound(res.Unique, gu.File, factByID[f.ID], fileOf) {
				r.UniqueFound++
			} else {
				r.Missed = append(r.Missed, "unique:"+f.ID)
			}
		}
	}
	quoteText := map[string]GoldPassage{}
	for _, q := range gold.Quotes {
		quoteText[q.ID] = GoldPassage{File: q.File, Text: q.Text}
	}
	for _, gq := range gold.QuoteGroups {
		if gq.Relation != "variant" {
			continue
		}
		r.GoldQuoteVariants++
		var members []GoldPassage
		for _, m := range gq.Members {
			members = append(members, quoteText[m])
		}
		if quoteVariantFound(res.Quotes, members, fileOf) {
			r.QuoteVariantsFound++
		} else {
			r.Missed = append(r.Missed, gq.ID)
		}
	}
	return r
}

// Print writes the report as the eval command shows it.
func (r BriefReport) Print(w io.Writer) {
	ratio := func(a, b int) float64 {
		if b == 0 {
			return 0
		}
		return float64(a) / float64(b)
	}
	fmt.Fprintf(w, "facts: recall exact sources %.2f (%d/%d), any correct source %.2f (%d/%d)\n",
		ratio(r.FactsExact, r.GoldFacts), r.FactsExact, r.GoldFacts, ratio(r.FactsAny, r.GoldFacts), r.FactsAny, r.GoldFacts)
	fmt.Fprintf(w, "multi-source facts: %d reported, %d touch gold, precision %.2f (%d/%d); wrong: %d too big, %d mixing facts\n",
		r.MultiSource, r.MultiJudged, ratio(r.MultiCorrect, r.MultiJudged), r.MultiCorrect, r.MultiJudged, r.MultiTooBig, r.MultiMixed)
	fmt.Fprintf(w, "conflicts: found %d/%d, false %d (of %d reported)\n", r.ConflictsFound, r.GoldConflicts, r.FalseConflicts, r.SystemConflicts)
	fmt.Fprintf(w, "unique contributions: recall %.2f (%d/%d)\n", ratio(r.UniqueFound, r.GoldUnique), r.UniqueFound, r.GoldUnique)
	fmt.Fprintf(w, "quote variant groups: found %d/%d\n", r.QuoteVariantsFound, r.GoldQuoteVariants)
	if len(r.Missed) > 0 {
		fmt.Fprintf(w, "missed: %s\n", strings.Join(r.Missed, " "))
	}
}

func files(ids []string, fileOf map[string]string) []string {
	var out []string
	for _, id := range ids {
		out = append(out, fileOf[id])
	}
	return out
}

func sameSet(a, b []string) bool { return subset(a, b) && subset(b, a) }

func subset(a, b []string) bool {
	for _, x := range a {
		ok := false
		for _, y := range b {
			ok = ok || x == y
		}
		if !ok {
			return false
		}
	}
	return true
}

func factMatches(sf model.Fact, gf GoldFact, fileOf map[string]string) bool {
	for _, s := range sf.Support {
		if passageIn(s, gf.Support, fileOf) {
			return true
		}
	}
	return false
}

// passageIn reports whether the system passage s overlaps one of the gold
// passages of its file.
func passageIn(s model.Support, gold []GoldPassage, fileOf map[string]string) bool {
	for _, g := range gold {
		if g.File == fileOf[s.Article] && overlaps(s.Text, g.Text) {
			return true
		}
	}
	return false
}

// overlaps reports whether most (60%) of the words of the shorter of two
// passages are in the longer.
func overlaps(a, b string) bool {
	wa, wb := briefWords(a), briefWords(b)
	if len(wa) > len(wb) {
		wa, wb = wb, wa
	}
	if len(wa) == 0 {
		return false
	}
	in := map[string]bool{}
	for _, w := range wb {
		in[w] = true
	}
	n := 0
	for _, w := range wa {
		if in[w] {
			n++
		}
	}
	return float64(n) >= 0.6*float64(len(wa)) && (n >= 3 || n == len(wa))
}

func briefWords(s string) []string {
	s = strings.NewReplacer("’", "'", "‘", "'").Replace(strings.ToLower(s))
	return strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\'' })
}

// conflictMatches: two gold sides are each matched by a different system
// side that cites one of its files and shares its words.
func conflictMatches(sc model.Conflict, gc GoldConflict, fileOf map[string]string) bool {
	matched := 0
	used := make([]bool, len(sc.Sides))
	for _, gs := range gc.Sides {
		for i, ss := range sc.Sides {
			if used[i] {
				continue
			}
			ok := false
			for _, id := range ss.Articles {
				for _, p := range gs.Support {
					if p.File == fileOf[id] && (overlaps(ss.Text, p.Text) || overlaps(ss.Text, gs.Claim)) {
						ok = true
					}
				}
			}
			if ok {
				used[i] = true
				matched++
				break
			}
		}
	}
	return matched >= 2
}

func uniqueFound(us []model.Unique, file string, gf GoldFact, fileOf map[string]string) bool {
	for _, u := range us {
		if fileOf[u.Article] != file {
			continue
		}
		for _, f := range u.Facts {
			if passageIn(model.Support{Article: u.Article, Text: f}, gf.Support, fileOf) {
				return true
			}
		}
	}
	return false
}

// quoteVariantFound: a system group with variants gives the quotes of at
// least two gold members from different files.
func quoteVariantFound(groups []model.QuoteGroup, members []GoldPassage, fileOf map[string]string) bool {
	for _, g := range groups {
		if len(g.Variants) == 0 {
			continue
		}
		texts := []model.Side{{Text: g.Text, Articles: g.Articles}}
		for _, v := range g.Variants {
			texts = append(texts, model.Side{Text: v.Text, Articles: v.Articles})
		}
		hit := map[string]bool{}
		for _, m := range members {
			for _, t := range texts {
				for _, id := range t.Articles {
					if fileOf[id] == m.File && (overlaps(t.Text, m.Text) || strings.Contains(strings.ToLower(t.Text), strings.ToLower(m.Text))) {
						hit[m.File] = true
					}
				}
			}
		}
		if len(hit) >= 2 {
			return true
		}
	}
	return false
}
