package cli

import (
	"fmt"
	"io"
	"strings"
	"sync"
	"time"
)

// progress shows how long work is going: a bar redrawn in place on a
// terminal, a plain line every few seconds otherwise. It writes to stderr
// only, so results on stdout stay clean. The zero total means unknown.
type progress struct {
	mu       sync.Mutex
	w        io.Writer
	tty      bool
	label    string
	unit     string
	total    int
	done     int
	failed   int
	start    time.Time
	last     time.Time
	every    time.Duration // plain mode: at most one line this often
	drawn    bool
	disabled bool
}

func newProgress(e *env, label, unit string, total int) *progress {
	now := time.Now()
	return &progress{w: e.stderr, tty: e.tty, label: label, unit: unit, total: total,
		start: now, last: now, every: 5 * time.Second}
}

// quiet turns the display off; counts are still kept.
func (p *progress) quiet() { p.disabled = true }

// add counts n more units done, of which failed failed, and redraws.
func (p *progress) add(n, failed int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.done += n
	p.failed += failed
	if p.disabled {
		return
	}
	now := time.Now()
	switch {
	case p.tty && now.Sub(p.last) >= 100*time.Millisecond:
		p.draw(now)
	case !p.tty && now.Sub(p.last) >= p.every:
		fmt.Fprintln(p.w, p.line(now))
		p.last = now
	}
}

// clearLine removes the bar so that a log line can be written cleanly.
func (p *progress) clearLine() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.tty && p.drawn {
		fmt.Fprint(p.w, "\r\033[K")
		p.drawn = false
	}
}

// finish draws the final state and ends the line.
func (p *progress) finish() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.disabled {
		return
	}
	now := time.Now()
	if p.tty {
		if p.drawn || now.Sub(p.start) > 500*time.Millisecond {
			p.draw(now)
			fmt.Fprintln(p.w)
		}
		return
	}
	if now.Sub(p.start) >= p.every {
		fmt.Fprintln(p.w, p.line(now))
	}
}

func (p *progress) draw(now time.Time) {
	bar := ""
	if p.total > 0 {
		const width = 24
		filled := min(width, p.done*width/p.total)
		bar = "[" + strings.Repeat("=", filled) + strings.Repeat(" ", width-filled) + "] "
	}
	fmt.Fprintf(p.w, "\r\033[K%s%s", bar, p.line(now))
	p.drawn = true
	p.last = now
}

func (p *progress) line(now time.Time) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %d", p.label, p.done)
	if p.total > 0 {
		fmt.Fprintf(&b, "/%d", p.total)
	}
	fmt.Fprintf(&b, " %s", p.unit)
	if p.failed > 0 {
		fmt.Fprintf(&b, ", %d failed", p.failed)
	}
	if secs := now.Sub(p.start).Seconds(); secs > 0.5 {
		fmt.Fprintf(&b, ", %.1f/s", float64(p.done)/secs)
	}
	return b.String()
}
