package cli

import (
	"bytes"
	"strings"
	"testing"
	"time"
)

func TestProgressPlainLines(t *testing.T) {
	var w bytes.Buffer
	p := newProgress(&env{stderr: &w}, "read", "articles", 0)
	p.every = 0
	p.add(3, 0)
	p.add(1, 1)
	if got := strings.Count(w.String(), "\n"); got != 2 {
		t.Errorf("plain mode wrote %d lines, want one per update:\n%s", got, w.String())
	}
	if !strings.Contains(w.String(), "read: 4 articles, 1 failed") {
		t.Errorf("last line lacks the counts:\n%s", w.String())
	}
	if strings.Contains(w.String(), "\r") {
		t.Errorf("plain mode must not redraw in place")
	}
}

func TestProgressBar(t *testing.T) {
	var w bytes.Buffer
	p := newProgress(&env{stderr: &w, tty: true}, "read", "files", 10)
	p.last = time.Time{}
	p.add(5, 0)
	p.finish()
	out := w.String()
	if !strings.Contains(out, "\r") || !strings.Contains(out, "[============            ] read: 5/10 files") {
		t.Errorf("terminal mode should draw a bar in place, got %q", out)
	}
}

func TestProgressQuiet(t *testing.T) {
	var w bytes.Buffer
	p := newProgress(&env{stderr: &w, tty: true}, "read", "files", 0)
	p.quiet()
	p.last = time.Time{}
	p.add(5, 0)
	p.finish()
	if w.Len() != 0 {
		t.Errorf("quiet progress wrote %q", w.String())
	}
}
