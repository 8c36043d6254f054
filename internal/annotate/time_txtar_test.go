package annotate

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/tools/txtar"
)

// TestTimeCases runs the txtar cases in testdata/time. Each has a ref
// date, an input, the times and quantities wanted (one per line, fields
// joined by "|"), and known failures ("known-times", "known-quantities":
// a wanted line, " # ", the reason). A known failure that starts passing
// fails the test, so the list stays true. Output for the input's text of
// a known failure is tolerated.
func TestTimeCases(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "time", "*.txtar"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no cases: %v", err)
	}
	for _, file := range files {
		ar, err := txtar.ParseFile(file)
		if err != nil {
			t.Fatal(err)
		}
		parts := map[string]string{}
		for _, f := range ar.Files {
			parts[f.Name] = string(f.Data)
		}
		ref, err := time.Parse("2006-01-02", strings.TrimSpace(parts["ref"]))
		if err != nil {
			t.Fatalf("%s: ref: %v", file, err)
		}
		in := parts["input"]
		t.Run(filepath.Base(file)+"/times", func(t *testing.T) {
			var got []string
			for _, x := range FindTimes(in, ref, DefaultTimeOptions()) {
				got = append(got, fmt.Sprintf("%s|%s|%s|%s", x.Text, x.Type, x.Value, x.Mod))
			}
			compareCaseLines(t, got, parts["times"], parts["known-times"])
		})
		t.Run(filepath.Base(file)+"/quantities", func(t *testing.T) {
			var got []string
			for _, x := range FindQuantities(in, DefaultQuantityOptions()) {
				v := "nil"
				if x.Value != nil {
					v = fmt.Sprintf("%.4g", *x.Value)
				}
				got = append(got, fmt.Sprintf("%s|%s|%s|%s|%s", x.Text, v, x.Unit, x.Of, x.Precision))
			}
			compareCaseLines(t, got, parts["quantities"], parts["known-quantities"])
		})
	}
}

func compareCaseLines(t *testing.T, got []string, want, known string) {
	t.Helper()
	have := map[string]bool{}
	for _, g := range got {
		have[g] = true
	}
	tolerated := map[string]bool{}
	for _, line := range strings.Split(known, "\n") {
		line, reason, _ := strings.Cut(line, " # ")
		if line = strings.TrimSpace(line); line == "" {
			continue
		}
		text, _, _ := strings.Cut(line, "|")
		tolerated[text] = true
		if have[line] {
			t.Errorf("known failure now passes, move it to the wanted lines: %s (%s)", line, reason)
		}
	}
	wanted := map[string]bool{}
	for _, line := range strings.Split(want, "\n") {
		if line = strings.TrimSpace(line); line == "" {
			continue
		}
		wanted[line] = true
		if !have[line] {
			t.Errorf("missing %s", line)
		}
	}
	for _, g := range got {
		text, _, _ := strings.Cut(g, "|")
		if !wanted[g] && !tolerated[text] {
			t.Errorf("unexpected %s", g)
		}
	}
}
