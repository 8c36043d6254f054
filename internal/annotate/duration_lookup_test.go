package annotate

import (
	"strings"
	"testing"
)

func TestTxDuration(t *testing.T) {
	cases := []struct {
		n    float64
		unit string
		want string
	}{
		{3.5, "years", "P3Y6M"},
		{24, "hours", "PT24H"},
		{1.5, "hours", "PT1H30M"},
		{0.5, "days", "PT12H"},
		{1.5, "weeks", "P1.5W"}, // 10.5 days is no whole number of days
		{2.5, "months", "P2.5M"},
		{1.3, "years", "P1.3Y"},
		{2, "decades", "P20Y"},
		{45, "minutes", "PT45M"},
	}
	for _, c := range cases {
		if got := txDuration(c.n, c.unit); got != c.want {
			t.Errorf("txDuration(%g, %q) = %q, want %q", c.n, c.unit, got, c.want)
		}
	}
}

func TestLowerLookup(t *testing.T) {
	m := map[string]int{"summit": 1, "élysée": 2, "k": 3}
	long := strings.Repeat("A", 40)
	m[strings.ToLower(long)] = 4
	for _, w := range []string{"summit", "Summit", "SUMMIT", "Élysée", "ÉLYSÉE", "\u212a", long, "summits", "", "Talks"} {
		want, wantOK := m[strings.ToLower(w)]
		got, ok := lowerLookup(m, w)
		if got != want || ok != wantOK {
			t.Errorf("lowerLookup(%q) = %d, %v; want %d, %v", w, got, ok, want, wantOK)
		}
	}
	if !lowerIn(map[string]bool{"spokesman": true}, "Spokesman") || lowerIn(map[string]bool{"spokesman": true}, "Spokesmen") {
		t.Error("lowerIn")
	}
}

func TestUpperForm(t *testing.T) {
	for _, s := range []string{"NATO", "Nato", "EU", "G7", "", "ÉLYSÉE", "Élysée", "ß", "UN-backed", "U.S.", "ǅ", "A\xffB", "\uFFFD"} {
		if got, want := upperForm(s), strings.ToUpper(s) == s; got != want {
			t.Errorf("upperForm(%q) = %v, want %v", s, got, want)
		}
	}
}
