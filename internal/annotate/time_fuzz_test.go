package annotate

import (
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/storydesk/storydesk/internal/model"
)

var fuzzSeeds = []string{
	"Putin on Friday said the talks will start at 11:30am local time in Anchorage (8.30 pm UK time).",
	"Two days before the summit, on the eve of Friday's talks, 84 prisoners were freed.",
	"the past 24 hours · 3 1/2-year-old war · $1.5 billion · £20m · up to 10 kilometres",
	"“We met today,” he said on Tuesday night. In January, mid-September, the 1990s.",
	"every week 2025-08-14 Aug. 14, 2025 14 August dozens of drones an equal number of",
	"\xff\xfe today 11: 99:99pm -5 ½ ¾ 1/0 ,,, ''' “‘’” tomorrow's",
	"",
}

func FuzzTimes(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	ref := time.Date(2025, 8, 14, 0, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, text string) {
		got := FindTimes(text, ref, DefaultTimeOptions())
		spans := make([]model.Span, len(got))
		for k, x := range got {
			spans[k] = x.Span
			if x.Value == "" || x.Type == "" {
				t.Errorf("empty value or type: %+v", x)
			}
		}
		checkFuzzSpans(t, text, spans, func(k int) string { return got[k].Text })
	})
}

func FuzzQuantities(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		got := FindQuantities(text, DefaultQuantityOptions())
		spans := make([]model.Span, len(got))
		for k, x := range got {
			spans[k] = x.Span
		}
		checkFuzzSpans(t, text, spans, func(k int) string { return got[k].Text })
	})
}

// checkFuzzSpans: spans in order, not overlapping, inside the text, and
// (for valid UTF-8) holding the item's text.
func checkFuzzSpans(t *testing.T, text string, spans []model.Span, textOf func(int) string) {
	t.Helper()
	n := utf8.RuneCountInString(text)
	prev := 0
	var r []rune
	if utf8.ValidString(text) {
		r = []rune(text)
	}
	for k, s := range spans {
		if s.Start < prev || s.End <= s.Start || s.End > n {
			t.Fatalf("span %d %+v invalid (prev end %d, %d runes)", k, s, prev, n)
		}
		prev = s.End
		if r != nil && string(r[s.Start:s.End]) != textOf(k) {
			t.Fatalf("span %d %+v holds %q, text %q", k, s, string(r[s.Start:s.End]), textOf(k))
		}
	}
}

// Bad input runs in linear time: a megabyte with no full stop, repeated
// time words, thousands of nested quotation marks.
func TestTimesAndQuantitiesBadInput(t *testing.T) {
	ref := time.Date(2025, 8, 14, 0, 0, 0, 0, time.UTC)
	inputs := map[string]string{
		"1MB no stop":   strings.Repeat("word today 5 hours at 11:30 local time in Kyiv ", 1<<20/48),
		"nested quotes": strings.Repeat("“‘\"", 10000) + " today " + strings.Repeat("”’\"", 10000),
		"invalid utf8":  strings.Repeat("\xff\xfe on Friday 5\xffkm ", 5000),
		"digits":        strings.Repeat("1,2,3.4/5:6 ", 20000),
		"empty":         "",
	}
	for name, in := range inputs {
		t.Run(name, func(t *testing.T) {
			start := time.Now()
			FindTimes(in, ref, DefaultTimeOptions())
			FindQuantities(in, DefaultQuantityOptions())
			if d := time.Since(start); d > 60*time.Second { // generous for -race on a loaded machine; quadratic work takes far longer
				t.Errorf("took %v on %d bytes", d, len(in))
			}
		})
	}
}
