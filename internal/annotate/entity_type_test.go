package annotate

import "testing"

// TestThingWord checks the words that tell a firm's or a product's name
// from a person's.
func TestThingWord(t *testing.T) {
	for w, want := range map[string]bool{
		"AMD": true, "ASIC": true, "CPUs": true, "NICs": true, "SeaMicro": true, "InfiniBand": true,
		"QLogic": true, "JPMorgan": true, "YouTube": true,
		"JD": false, "McDonald": false, "DeSantis": false, "MacArthur": false, "LeBron": false,
		"Vance": false, "Smith": false, "O'Neill": false, "Jean-Luc": false, "Su": false, "Is": false,
	} {
		if got := thingWord(w); got != want {
			t.Errorf("thingWord(%q) = %v, want %v", w, got, want)
		}
	}
}

// TestTypeThings checks that names of firms and products built like a
// person's name ("Intel CPUs", "Cisco Systems") are not typed as people,
// while a person's name in capitals still is.
func TestTypeThings(t *testing.T) {
	text := "The chip maker said the SeaMicro ASIC would ship with Xeon CPUs later this year. " +
		"Engineers at Cisco Systems declined to comment. " +
		"ANDERSON COOPER: \"Will you vote for it?\""
	want := map[string]string{"SeaMicro ASIC": "ORG", "Xeon CPUs": "ORG", "Cisco Systems": "ORG", "ANDERSON COOPER": "PERSON"}
	got := map[string]string{}
	for _, e := range annotate(text).Entities {
		for _, m := range e.Mentions {
			got[m.Text] = e.Type
		}
	}
	for name, typ := range want {
		if got[name] != typ {
			t.Errorf("%q typed %q, want %q (all: %v)", name, got[name], typ, got)
		}
	}
}
