package dedup

import (
	"os"
	"path/filepath"
	"testing"
)

// TestSeedsNotDuplicates reads the bundled seed pages, five outlets'
// reports of one meeting, and checks that none is taken for a duplicate
// of another: same story, different articles.
func TestSeedsNotDuplicates(t *testing.T) {
	paths, err := filepath.Glob(filepath.Join("..", "..", "testdata", "seeds", "*.txt"))
	if err != nil || len(paths) < 2 {
		t.Skipf("no seed pages under testdata/seeds (%v)", err)
	}
	x := New(DefaultOptions())
	sigs := make([]Sig, len(paths))
	for i, p := range paths {
		text, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		sigs[i] = Signature(string(text), DefaultOptions())
		if m, ok := x.Add(filepath.Base(p), string(text)); ok {
			t.Errorf("%s taken for a duplicate of %s (similarity %.2f)", filepath.Base(p), m.Original, m.Similarity)
		}
	}
	for i := range sigs {
		for j := i + 1; j < len(sigs); j++ {
			if s := Similarity(sigs[i], sigs[j]); s > 0.3 {
				t.Errorf("%s and %s: similarity %.2f, want at most 0.3", filepath.Base(paths[i]), filepath.Base(paths[j]), s)
			}
		}
	}
}
