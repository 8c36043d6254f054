package dedup

import (
	"errors"
	"strings"
	"testing"
)

// The articles below were written for these tests: two outlets' independent
// reports of one invented event, and edited copies of the first.
const (
	reportA = `The harbour authority of Port Elling voted on Tuesday to close the old ferry terminal by the end of March, ending more than a century of crossings to the island of Marrow. The decision followed a survey that found corrosion in the steel piles under the main ramp, which engineers said could no longer carry loaded lorries.

"We did not take this lightly," said the authority's chair, Ruth Okafor, after the vote. "Safety has to come first, and the repairs would have cost more than a new terminal."

Islanders have campaigned for two years to keep the service running. About 1,400 people live on Marrow, and many of them rely on the ferry to reach the hospital and the secondary school on the mainland. A temporary passenger boat will run from the fishing quay while a new terminal is built on the north shore, a project the authority expects to finish in 2028.

Local councillors said they would ask the regional government to fund a freight barge in the meantime, since the passenger boat cannot carry vehicles.`

	reportB = `Ferry passengers to Marrow face years of disruption after Port Elling's harbour authority decided to shut the ageing terminal in March. Board members were told that rusting piles beneath the ramp made it unsafe for heavy vehicles.

Chair Ruth Okafor defended the move. "Safety has to come first," she told reporters outside the meeting, adding that fixing the structure would have been dearer than replacing it.

The island's 1,400 residents depend on the crossing for medical appointments and schooling. Campaigners, who have fought the closure since 2023, called the vote a betrayal and said a passenger-only boat from the fishing quay was no substitute for a car ferry. A replacement terminal on the north shore is due to open in 2028.`

	boilerplate = `

Subscribe to our morning newsletter for the day's top stories. Copyright 2026 Elling Gazette. All rights reserved. Reporting by staff writers; editing by the news desk.`
)

// editWords replaces the first occurrence of each old word with its new one.
func editWords(s string, pairs ...string) string {
	for i := 0; i+1 < len(pairs); i += 2 {
		s = strings.Replace(s, pairs[i], pairs[i+1], 1)
	}
	return s
}

func TestAdd(t *testing.T) {
	type add struct {
		id, text string
		want     Match // Original "" for no match
	}
	curly := strings.NewReplacer(`"`, "\u201c", "'", "\u2019").Replace(reportA)
	spaced := strings.Join(strings.Fields(reportA), "   \n ")
	edited := editWords(reportA, "Tuesday", "Wednesday", "lorries", "trucks", "two years", "three years")
	tests := []struct {
		name string
		adds []add
		// nearMin is the least similarity wanted for a near match; exact
		// matches want 1.
		nearMin float64
	}{
		{"exact with other quotes", []add{
			{"a", reportA, Match{}},
			{"a-curly", curly, Match{"a", 1, true}},
		}, 0},
		{"exact with other whitespace and case", []add{
			{"a", reportA, Match{}},
			{"a-spaced", strings.ToUpper(spaced), Match{"a", 1, true}},
		}, 0},
		{"exact with accents and ligatures", []add{
			{"x", "Café ﬁnal: the naïve plan was approved.", Match{}},
			{"y", "CAFE final -- the naive plan was approved", Match{"x", 1, true}},
		}, 0},
		{"near: words edited", []add{
			{"a", reportA, Match{}},
			{"a-edited", edited, Match{"a", 0, false}},
		}, 0.8},
		{"near: boilerplate appended", []add{
			{"a", reportA, Match{}},
			{"a-footer", reportA + boilerplate, Match{"a", 0, false}},
		}, 0.8},
		{"near: paragraph removed", []add{
			{"a", reportA, Match{}},
			{"a-short", strings.Replace(reportA, "\n\nLocal councillors said they would ask the regional government to fund a freight barge in the meantime, since the passenger boat cannot carry vehicles.", "", 1), Match{"a", 0, false}},
		}, 0.8},
		{"same event, other outlet: not a duplicate", []add{
			{"a", reportA, Match{}},
			{"b", reportB, Match{}},
		}, 0},
		{"chain collapses to the first original", []add{
			{"a", reportA, Match{}},
			{"b", reportB, Match{}},
			{"a-edited", edited, Match{"a", 0, false}},
			{"a-edited-footer", edited + boilerplate, Match{"a", 0, false}},
			{"a-edited-curly", strings.ReplaceAll(edited, `"`, "\u201d"), Match{"a", 1, true}},
		}, 0.8},
		{"short texts match exactly only", []add{
			{"s1", "Ferry to close.", Match{}},
			{"s2", "ferry, to close!", Match{"s1", 1, true}},
			{"s3", "Ferry to stay.", Match{}},
		}, 0},
		{"empty and wordless texts are never duplicates", []add{
			{"e1", "", Match{}},
			{"e2", "", Match{}},
			{"e3", " -- ... “” ", Match{}},
		}, 0},
		{"same id again reports the first result", []add{
			{"a", reportA, Match{}},
			{"a2", reportA, Match{"a", 1, true}},
			{"a2", reportB, Match{"a", 1, true}},
		}, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			x := New(DefaultOptions())
			for _, a := range tc.adds {
				got, ok := x.Add(a.id, a.text)
				if ok != (a.want.Original != "") || got.Original != a.want.Original || got.Exact != a.want.Exact {
					t.Fatalf("Add(%q) = %+v, %v; want original %q exact %v", a.id, got, ok, a.want.Original, a.want.Exact)
				}
				switch {
				case !ok:
				case a.want.Exact && got.Similarity != 1:
					t.Errorf("Add(%q) similarity %v, want 1", a.id, got.Similarity)
				case !a.want.Exact && (got.Similarity < tc.nearMin || got.Similarity >= 1):
					t.Errorf("Add(%q) similarity %v, want in [%v, 1)", a.id, got.Similarity, tc.nearMin)
				}
			}
		})
	}
}

func TestThreshold(t *testing.T) {
	edited := reportA + boilerplate + boilerplate
	sim := Similarity(Signature(reportA, Options{}), Signature(edited, Options{}))
	tests := []struct {
		threshold float64
		want      bool
	}{
		{sim - 0.05, true},
		{sim, true},
		{sim + 0.05, false},
	}
	for _, tc := range tests {
		t.Run("", func(t *testing.T) {
			x := New(Options{Threshold: tc.threshold})
			x.Add("a", reportA)
			if _, ok := x.Add("b", edited); ok != tc.want {
				t.Errorf("similarity %.3f, threshold %.3f: duplicate %v, want %v", sim, tc.threshold, ok, tc.want)
			}
		})
	}
}

func TestAddBatchMatchesAdd(t *testing.T) {
	docs := []Doc{
		{"a", reportA}, {"b", reportB}, {"c", reportA + boilerplate},
		{"d", strings.ToLower(reportB)}, {"e", ""}, {"f", "Short one."}, {"g", "short ONE"},
		{"c", reportB},
	}
	one := New(Options{})
	var want []Match
	for _, d := range docs {
		m, _ := one.Add(d.ID, d.Text)
		want = append(want, m)
	}
	for _, workers := range []int{1, 2, 3, 8} {
		got := New(Options{Workers: workers}).AddBatch(docs)
		for i := range docs {
			if got[i] != want[i] {
				t.Errorf("workers %d: doc %q: AddBatch %+v, Add %+v", workers, docs[i].ID, got[i], want[i])
			}
		}
	}
}

func TestAddSignature(t *testing.T) {
	x := New(Options{})
	if _, _, err := x.AddSignature("a", Signature(reportA, Options{})); err != nil {
		t.Fatal(err)
	}
	m, ok, err := x.AddSignature("c", Signature(reportA+boilerplate, Options{}))
	if err != nil || !ok || m.Original != "a" {
		t.Errorf("AddSignature near copy = %+v, %v, %v; want original a", m, ok, err)
	}
	if m, ok := x.Add("d", reportA); !ok || !m.Exact || m.Original != "a" {
		t.Errorf("Add after AddSignature = %+v, %v; want exact of a", m, ok)
	}
	for _, o := range []Options{{Shingle: 3}, {Hashes: 64}} {
		_, _, err := x.AddSignature("z", Signature(reportB, o))
		if !errors.Is(err, ErrIncompatible) {
			t.Errorf("AddSignature with %+v: err %v, want ErrIncompatible", o, err)
		}
	}
}

// TestCandidateCap adds many edited copies of one article: with only the
// newest few candidates verified, each must still reach the first original
// through the copies.
func TestCandidateCap(t *testing.T) {
	x := New(Options{Candidates: 3})
	x.Add("root", reportA)
	words := strings.Fields(reportB)
	for i := range 200 {
		// Each copy appends one more word of reportB: always a near copy of
		// the previous ones, and of the root for the first few dozen.
		text := reportA + " " + strings.Join(words[:i%len(words)+1], " ")
		id := "copy" + strings.Repeat("'", i)
		m, ok := x.Add(id, text)
		if !ok || m.Original != "root" {
			t.Fatalf("copy %d: %+v, %v; want a duplicate of root", i, m, ok)
		}
	}
	if x.Len() != 201 {
		t.Errorf("Len() = %d, want 201", x.Len())
	}
}

func TestAddBatchEmpty(t *testing.T) {
	x := New(Options{})
	if got := x.AddBatch(nil); len(got) != 0 {
		t.Errorf("AddBatch(nil) = %v, want nothing", got)
	}
	if x.Len() != 0 {
		t.Errorf("Len() = %d after an empty batch", x.Len())
	}
}
