package annotate

import (
	"slices"
	"strings"
	"testing"

	"github.com/storydesk/storydesk/internal/model"
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

// Each entity's mentions are its own: appending to one entity's list
// leaves the next entity's mentions as they were.
func TestEntityMentionsDoNotShareCapacity(t *testing.T) {
	text := "The mayor of Lyon, Grégory Doucet, met Bruno Bernard on Monday. Doucet said Lyon would widen its cycle lanes. Bernard agreed."
	out := Run(Default(DefaultOptions()), model.Article{Text: text}, ref)
	if len(out.Entities) < 2 {
		t.Fatalf("entities = %+v, want at least two", out.Entities)
	}
	next := append([]model.Mention(nil), out.Entities[1].Mentions...)
	_ = append(out.Entities[0].Mentions, model.Mention{Text: "overwritten"})
	if !slices.Equal(out.Entities[1].Mentions, next) {
		t.Errorf("appending to the first entity's mentions changed the second's: %+v", out.Entities[1].Mentions)
	}
	for _, e := range out.Entities {
		if len(e.Aliases) == 0 || len(e.Mentions) == 0 {
			t.Errorf("entity %q: %d mentions, %d aliases", e.Name, len(e.Mentions), len(e.Aliases))
		}
	}
}

// The name keys agree with their plain definitions on names of every
// shape: addresses, a leading "the", accents, odd spaces, many words.
func TestNameKeysMatchPlainDefinitions(t *testing.T) {
	names := []string{
		"", "the", "The Hague", "10 Downing St", "1600 Pennsylvania Ave.", "Trafalgar Sq", "Abbey Rd.",
		"the 3 Musketeers", "Société Générale", "İstanbul Airport", "World\u00a0Health  Organization",
		"\tEuropean\nCentral Bank ", "Rue du Faubourg St. Honoré", "ÉCOLE normale",
		strings.Repeat("North Atlantic Treaty ", 9), "a\xffb Street", "Ärzte ohne Grenzen", "the the",
	}
	for _, n := range names {
		if got, want := thingKey(n), thingKeySlow(n); got != want {
			t.Errorf("thingKey(%q) = %q, want %q", n, got, want)
		}
		var plain strings.Builder
		if f := strings.Fields(n); len(f) >= 2 {
			for _, w := range f {
				if isCap(w) {
					plain.WriteString(w[:1])
				}
			}
		}
		if got := acronym(n); got != plain.String() {
			t.Errorf("acronym(%q) = %q, want %q", n, got, plain.String())
		}
		fold := strings.ToLower(strings.NewReplacer("’", "'", "‘", "'", "—", "-", "–", "-").Replace(n + " ‘We’ll — see’ – ÉTÉ"))
		if got := foldQuote(n + " ‘We’ll — see’ – ÉTÉ"); got != fold {
			t.Errorf("foldQuote(%q) = %q, want %q", n, got, fold)
		}
	}
}
