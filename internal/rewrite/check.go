package rewrite

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"github.com/storydesk/storydesk/internal/model"
)

// abbreviations end in a full stop that does not end a sentence.
var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "st": true, "gen": true, "sen": true,
	"rep": true, "gov": true, "lt": true, "col": true, "sgt": true, "prof": true, "jr": true,
	"sr": true, "no": true, "inc": true, "corp": true, "ltd": true, "co": true, "vs": true,
	"u.s": true, "u.k": true, "u.n": true, "e.g": true, "i.e": true, "jan": true, "feb": true,
	"aug": true, "sept": true, "oct": true, "nov": true, "dec": true,
}

// sentence is one sentence of the rewrite: its text without markers and
// the source numbers its markers name.
type sentence struct {
	text string
	nums []int
}

// check splits text into sentences and keeps it only when every sentence
// cites, every citation is one the key points make, and each key point's
// citations all appear in one sentence. ids maps source numbers to
// article ids.
func check(text string, points [][]int, ids map[int]string) ([]model.Point, error) {
	cited := make(map[int]bool)
	for _, p := range points {
		for _, n := range p {
			cited[n] = true
		}
	}
	sents := split(text)
	if len(sents) == 0 {
		return nil, fmt.Errorf("%w: no sentences", ErrMalformed)
	}
	out := make([]model.Point, 0, len(sents))
	for _, s := range sents {
		if len(s.nums) == 0 {
			return nil, fmt.Errorf("%w: %q", ErrUncited, s.text)
		}
		p := model.Point{Text: s.text}
		for _, n := range s.nums {
			if !cited[n] {
				return nil, fmt.Errorf("%w: [%d] in %q", ErrUnknownCitation, n, s.text)
			}
			p.Sources = append(p.Sources, ids[n])
		}
		out = append(out, p)
	}
	for i, p := range points {
		if !coveredBy(p, sents) {
			return nil, fmt.Errorf("%w: key point %d %s", ErrLostCitation, i+1, markers(p))
		}
	}
	return out, nil
}

// coveredBy reports whether one sentence carries all of nums.
func coveredBy(nums []int, sents []sentence) bool {
	for _, s := range sents {
		all := true
		for _, n := range nums {
			if !contains(s.nums, n) {
				all = false
				break
			}
		}
		if all {
			return true
		}
	}
	return false
}

func contains(xs []int, x int) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// split cuts text into sentences at a full stop, question or exclamation
// mark (with any closing quotes and the markers after it) followed by
// space and a word that does not start in lower case; an abbreviation's
// stop ends a sentence only when markers follow it. Markers are "[2]",
// "[2][5]" or "[2, 5]"; they are taken out of the text.
func split(text string) []sentence {
	rs := []rune(strings.TrimSpace(text))
	var out []sentence
	var cur strings.Builder
	var nums []int
	flush := func() {
		t := tidy(cur.String())
		if t != "" || len(nums) > 0 {
			sort.Ints(nums)
			out = append(out, sentence{text: t, nums: nums})
		}
		cur.Reset()
		nums = nil
	}
	for i := 0; i < len(rs); i++ {
		if rs[i] == '[' {
			if got, end, ok := marker(rs, i); ok {
				for _, n := range got {
					if !contains(nums, n) {
						nums = append(nums, n)
					}
				}
				i = end - 1
				continue
			}
		}
		cur.WriteRune(rs[i])
		if !strings.ContainsRune(".!?", rs[i]) {
			continue
		}
		j := i + 1
		for j < len(rs) && strings.ContainsRune("\"'”’)", rs[j]) {
			cur.WriteRune(rs[j])
			j++
		}
		// Markers after the stop belong to this sentence.
		cited := false
		for {
			k := j
			for k < len(rs) && rs[k] == ' ' {
				k++
			}
			got, end, ok := marker(rs, k)
			if !ok {
				break
			}
			for _, n := range got {
				if !contains(nums, n) {
					nums = append(nums, n)
				}
			}
			cited, j = true, end
		}
		// A stop followed by a mark of its own ("[1].") is still this one.
		for j < len(rs) && strings.ContainsRune(".!?", rs[j]) {
			j++
		}
		i = j - 1
		if j >= len(rs) || (cited && unicode.IsSpace(rs[j])) || (unicode.IsSpace(rs[j]) && startsSentence(rs[j:]) && !(rs[i] == '.' && abbreviation(cur.String()))) {
			flush()
		}
	}
	flush()
	return out
}

// marker reads "[n]" or "[n, m, ...]" at rs[i], returning the numbers and
// the index after the closing bracket.
func marker(rs []rune, i int) (nums []int, end int, ok bool) {
	if i >= len(rs) || rs[i] != '[' {
		return nil, 0, false
	}
	j := i + 1
	for j < len(rs) && rs[j] != ']' {
		if !unicode.IsDigit(rs[j]) && rs[j] != ',' && rs[j] != ' ' {
			return nil, 0, false
		}
		j++
	}
	if j >= len(rs) {
		return nil, 0, false
	}
	for _, f := range strings.FieldsFunc(string(rs[i+1:j]), func(r rune) bool { return r == ',' || r == ' ' }) {
		n, err := strconv.Atoi(f)
		if err != nil {
			return nil, 0, false
		}
		nums = append(nums, n)
	}
	if len(nums) == 0 {
		return nil, 0, false
	}
	return nums, j + 1, true
}

// startsSentence reports whether the text after a stop opens a sentence:
// after the spaces, a character that is not a lower-case letter.
func startsSentence(rs []rune) bool {
	for _, r := range rs {
		if unicode.IsSpace(r) {
			continue
		}
		return !unicode.IsLower(r)
	}
	return true
}

// abbreviation reports whether s ends in an abbreviation and its stop:
// "Mr.", "U.S." or a lone initial.
func abbreviation(s string) bool {
	s = strings.TrimRightFunc(strings.TrimSuffix(s, "."), unicode.IsSpace)
	// Only the last word is looked at, so a run of stops stays linear.
	last := s[strings.LastIndexFunc(s, unicode.IsSpace)+1:]
	w := []rune(strings.TrimLeft(last, "(\"“‘'"))
	if len(w) == 0 {
		return false
	}
	if len(w) == 1 && unicode.IsUpper(w[0]) {
		return true
	}
	return abbreviations[strings.ToLower(string(w))]
}

// tidy collapses spaces and drops those left before punctuation where a
// marker was taken out.
func tidy(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	for _, p := range []string{" .", " ,", " ;", " :", " !", " ?"} {
		s = strings.ReplaceAll(s, p, p[1:])
	}
	return s
}
