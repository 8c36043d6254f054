package eval

import (
	"testing"

	"github.com/storydesk/storydesk/internal/model"
)

func TestNormalizeUnit(t *testing.T) {
	cases := []struct{ in, want string }{
		{"Kilometres", "km"},
		{"km", "km"},
		{"years (age)", "year"},
		{"year (ordinal)", "year"},
		{"countries", "country"},
		{"prisoners of war", "prisoner of war"},
		{"POWs", "prisoner of war"},
		{"per cent", "percent"},
		{"people", "person"},
		{"", ""},
	}
	for _, c := range cases {
		t.Run(c.in, func(t *testing.T) {
			if got := NormalizeUnit(c.in); got != c.want {
				t.Errorf("NormalizeUnit(%q) = %q, want %q", c.in, got, c.want)
			}
		})
	}
}

func TestScoreTimes(t *testing.T) {
	text := "He met her on Friday. On Friday, too, at 11:30am."
	gold := []GoldTime{
		{ID: "a", Text: "on Friday", Context: "met her on Friday", Type: "DATE", Value: "2025-08-15"},
		{ID: "b", Text: "On Friday", Context: "On Friday, too", Type: "DATE", Value: "2025-08-15"},
		{ID: "c", Text: "11:30am", Context: "at 11:30am", Type: "TIME", Value: "2025-08-15T11:30"},
		{ID: "d", Text: "absent", Context: "not in the text", Type: "DATE", Value: "2025"},
	}
	span := func(s, e int) model.Span { return model.Span{Start: s, End: e} }
	got := []model.TimeExpr{
		{Span: span(14, 20), Text: "Friday", Type: "DATE", Value: "2025-08-15"},    // overlaps a: right
		{Span: span(22, 31), Text: "On Friday", Type: "DATE", Value: "2025-08-08"}, // b: wrong value
		{Span: span(0, 2), Text: "He", Type: "DATE", Value: "PAST_REF"},            // extra
	}
	sc := ScoreTimes(text, gold, got, nil)
	if sc.TP != 1 || sc.FP != 2 || sc.FN != 2 || sc.Unlocated != 1 {
		t.Errorf("got tp %d fp %d fn %d unlocated %d, want 1 2 2 1; errors %q", sc.TP, sc.FP, sc.FN, sc.Unlocated, sc.Errors)
	}
	if want := 1.0 / 3; sc.Precision < want-1e-9 || sc.Precision > want+1e-9 {
		t.Errorf("precision %v, want %v", sc.Precision, want)
	}
	// Out-of-scope extras are not counted.
	sc = ScoreTimes(text, gold[:1], got[:1], func(s, e int) bool { return false })
	if sc.TP != 1 || sc.FP != 0 || sc.F1 != 1 {
		t.Errorf("scoped: %+v", sc)
	}
}

func TestScoreQuantities(t *testing.T) {
	text := "Russia freed 84 prisoners and fired dozens of drones."
	v84 := 84.0
	gold := []GoldNumber{
		{ID: "n1", Text: "84 prisoners", Value: &v84, Unit: "prisoners"},
		{ID: "n2", Text: "dozens of drones", Value: nil, Unit: "drones"},
	}
	got := []model.Quantity{
		{Span: model.Span{Start: 13, End: 25}, Text: "84 prisoners", Value: &v84, Of: "prisoners"},
		{Span: model.Span{Start: 36, End: 52}, Text: "dozens of drones", Value: &v84, Of: "drones"},
	}
	sc := ScoreQuantities(text, gold, got, nil)
	if sc.TP != 1 || sc.FP != 1 || sc.FN != 1 {
		t.Errorf("got tp %d fp %d fn %d, want 1 1 1; %q", sc.TP, sc.FP, sc.FN, sc.Errors)
	}
}

func TestScoreQuantitiesUnitWithNoun(t *testing.T) {
	text := "He would rate it a 10."
	v := 10.0
	gold := []GoldNumber{{ID: "n1", Text: "a 10", Value: &v, Unit: "rating points"}}
	for _, c := range []struct {
		unit, of string
		tp       int
	}{{"points", "rating", 1}, {"points", "", 0}, {"points", "score", 0}} {
		got := []model.Quantity{{Span: model.Span{Start: 19, End: 21}, Text: "10", Value: &v, Unit: c.unit, Of: c.of}}
		if sc := ScoreQuantities(text, gold, got, nil); sc.TP != c.tp {
			t.Errorf("unit %q of %q: tp %d, want %d; %q", c.unit, c.of, sc.TP, c.tp, sc.Errors)
		}
	}
}

func TestDocumentScope(t *testing.T) {
	text := "title\nbody one\n15:21\nbody two\nfooter"
	d := TimexDocument{MainTextLines: []int{2, 4}, BoilerplateLines: []string{"15:21"}}
	in := d.Scope(text)
	cases := []struct {
		name       string
		start, end int
		want       bool
	}{
		{"title", 0, 5, false},
		{"body one", 6, 14, true},
		{"boilerplate", 15, 20, false},
		{"body two", 21, 29, true},
		{"footer", 30, 36, false},
		{"across lines", 6, 20, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := in(c.start, c.end); got != c.want {
				t.Errorf("scope(%d,%d) = %v, want %v", c.start, c.end, got, c.want)
			}
		})
	}
}
