package source

import (
	"context"
	"github.com/storydesk/storydesk/internal/seedtest"
	"os"
	"path/filepath"
	"testing"
)

// TestReadExtractionSet reads the development pages (gzip-compressed
// HTML): every page must come out as one HTML document.
func TestReadExtractionSet(t *testing.T) {
	dir := filepath.Join(seedtest.Shared(t, "eval/extraction"), "html")
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	r := offlineReader()
	html, other := 0, 0
	for d, err := range r.Read(context.Background(), dir) {
		switch {
		case err != nil:
			t.Errorf("%v", err)
		case d.Kind == KindHTML:
			html++
		default:
			other++
			t.Errorf("%s: kind %v, want html", d.Source, d.Kind)
		}
	}
	if html != len(entries) {
		t.Errorf("%d of %d pages read as HTML (%d other)", html, len(entries), other)
	}
}

// TestReadSeeds reads the seed dumps as plain text.
func TestReadSeeds(t *testing.T) {
	dir := filepath.Join("..", "..", "testdata", "seeds")
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("no seeds: %v", err)
	}
	n := 0
	for d, err := range offlineReader().Read(context.Background(), dir) {
		if err != nil || d.Kind != KindText || len(d.Body) == 0 {
			t.Errorf("%s: kind %v, err %v; want non-empty text", d.Source, d.Kind, err)
		}
		n++
	}
	if n != 5 {
		t.Errorf("read %d seed documents, want 5", n)
	}
}
