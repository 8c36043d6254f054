package cluster

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestStem(t *testing.T) {
	tests := []struct{ in, want string }{
		{"earthquakes", "earthquake"},
		{"injuries", "injury"},
		{"stopped", "stop"},
		{"stopping", "stop"},
		{"killed", "kill"},
		{"news", "news"},
		{"bus", "bus"},
		{"crisis", "crisis"},
		{"matches", "match"},
		{"agreed", "agreed"},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			if got := Stem(tc.in); got != tc.want {
				t.Errorf("Stem(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestExtract(t *testing.T) {
	tests := []struct {
		name        string
		title, text string
		names       []string // must be among the names
		notNames    []string // must not be
		places      []string
		dates       []string
		numbers     []string
	}{
		{name: "person, surname folded, place, count",
			text:     "The Saints placed running back Reggie Bush on injured reserve in New Orleans. Coach Sean Payton said Bush missed 3 games.",
			names:    []string{"reggie bush", "saints", "sean payton"},
			notNames: []string{"bush"},
			places:   []string{"new orleans"},
			numbers:  []string{"3|game"}},
		{name: "run stops at a sentence start",
			text:     "The quake hit Padang. When rescuers arrived, Padang was dark.",
			names:    []string{"padang"},
			notNames: []string{"padang when"},
		},
		{name: "title-case headline adds only names the body has",
			title:    "Quake Kills Forty In Padang",
			text:     "The earthquake struck near Padang on September 30, 2009.",
			notNames: []string{"quake kills forty", "kills"},
			places:   []string{"padang"},
			dates:    []string{"09-30", "2009"}},
		{name: "tokenised text with possessive and descriptors",
			text:  "Chargers ' defensive tackle Jamal Williams ' s arrest came days after San Diego Chargers WR Vincent Jackson was held.",
			names: []string{"jamal williams", "vincent jackson"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f := Extract(tc.title, tc.text)
			for _, n := range tc.names {
				if f.Names[n] == 0 {
					t.Errorf("name %q missing; got %v", n, f.Names)
				}
			}
			for _, n := range tc.notNames {
				if f.Names[n] > 0 {
					t.Errorf("name %q found; got %v", n, f.Names)
				}
			}
			for _, want := range []struct {
				what      string
				got, want []string
			}{{"places", f.Places, tc.places}, {"dates", f.Dates, tc.dates}, {"numbers", f.Numbers, tc.numbers}} {
				for _, w := range want.want {
					if !slices.Contains(want.got, w) {
						t.Errorf("%s: %q missing; got %q", want.what, w, want.got)
					}
				}
			}
		})
	}
}

// FuzzExtract checks that any text featurises without panic, that every
// term and name is valid UTF-8 and lower-case, and that no term is a
// stopword.
func FuzzExtract(f *testing.F) {
	f.Add("Quake Kills 40", "A magnitude 7.2 earthquake struck near Padang on Sept. 30, 2009.")
	f.Add("", "Lohan ’ s attorney said 90 - day court - mandated rehab")
	f.Add("x", "\xff\xfe 1,000.5 's ’")
	f.Fuzz(func(t *testing.T, title, text string) {
		got := Extract(title, text)
		for k := range got.Terms {
			if !utf8.ValidString(k) && utf8.ValidString(title+text) {
				t.Errorf("term %q is not valid UTF-8", k)
			}
			if stopwords[k] {
				t.Errorf("stopword %q kept as a term", k)
			}
		}
		for k, n := range got.Names {
			if n <= 0 || k == "" || strings.ToLower(k) != k {
				t.Errorf("name %q count %d", k, n)
			}
		}
	})
}

// TestExtractLead checks that words of the lead (the first two sentences)
// count twice and words after it once.
func TestExtractLead(t *testing.T) {
	f := Extract("", "Firefighters battled a blaze in Oakland. Residents fled. Officials recalled a flood in Fresno years ago.")
	for term, want := range map[string]int{"firefighter": 2, "blaze": 2, "resident": 2, "flood": 1, "recall": 1} {
		if got := f.Terms[term]; got != want {
			t.Errorf("term %q counted %d times, want %d", term, got, want)
		}
	}
	if got, want := f.Names["oakland"], 2; got != want {
		t.Errorf("lead name counted %d times, want %d", got, want)
	}
	if got, want := f.Names["fresno"], 1; got != want {
		t.Errorf("later name counted %d times, want %d", got, want)
	}
}
