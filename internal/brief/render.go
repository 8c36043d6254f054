package brief

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/storydesk/storydesk/internal/model"
)

// JSON writes b as one indented JSON object (the DESIGN.md schema).
func JSON(w io.Writer, b model.Brief) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(b)
}

// TextOptions tunes the terminal rendering.
type TextOptions struct {
	// Color adds ANSI colours; set it only when writing to a terminal.
	Color bool
	// Width is the line width for wrapping; 0 means 80.
	Width int
}

// Text writes b for a terminal.
func Text(w io.Writer, b model.Brief, opts TextOptions) error {
	p := &printer{w: w, color: opts.Color}
	for i, s := range b.Stories {
		if i > 0 {
			p.line("")
		}
		title := s.Title
		if title == "" {
			title = "(untitled story)"
		}
		p.styled(bold, title)
		p.line(fmt.Sprintf("story %s · %d articles · %s", s.ID, len(s.Articles), span(s)))
		p.line("")
		p.styled(bold, "Sources")
		for n, a := range s.Articles {
			p.line(fmt.Sprintf("[%d] %s", n+1, describe(a, s.Articles)))
		}
	}
	return p.err
}

// Markdown writes b as a Markdown document.
func Markdown(w io.Writer, b model.Brief) error {
	p := &printer{w: w}
	for i, s := range b.Stories {
		if i > 0 {
			p.line("")
		}
		title := s.Title
		if title == "" {
			title = "Untitled story"
		}
		p.line("# " + escapeMD(title))
		p.line("")
		p.line(fmt.Sprintf("Story `%s` · %d articles · %s", s.ID, len(s.Articles), span(s)))
		p.line("")
		p.line("## Sources")
		p.line("")
		for n, a := range s.Articles {
			p.line(fmt.Sprintf("%d. %s", n+1, escapeMD(describe(a, s.Articles))))
		}
	}
	return p.err
}

// describe is one source line: outlet, title, date, byline, length and
// how the article relates to the others.
func describe(a model.ArticleRef, all []model.ArticleRef) string {
	var parts []string
	outlet := a.Outlet
	if outlet == "" {
		outlet = "unknown outlet"
	}
	parts = append(parts, outlet)
	if a.Title != "" {
		parts = append(parts, "“"+a.Title+"”")
	}
	if !a.Published.IsZero() {
		parts = append(parts, a.Published.String())
	} else {
		parts = append(parts, "undated")
	}
	if a.Byline != "" {
		parts = append(parts, a.Byline)
	}
	parts = append(parts, fmt.Sprintf("%d chars", a.Chars))
	if a.EmbeddedIn != "" {
		parts = append(parts, "carried inside ["+index(a.EmbeddedIn, all)+"]")
	}
	if a.DuplicateOf != "" {
		parts = append(parts, "duplicate of ["+index(a.DuplicateOf, all)+"]")
	}
	if n := len(a.Duplicates); n > 0 {
		parts = append(parts, fmt.Sprintf("%d duplicate(s)", n))
	}
	parts = append(parts, a.Source)
	return strings.Join(parts, " · ")
}

// index gives an article's 1-based position in the list, or its id.
func index(id string, all []model.ArticleRef) string {
	for i, a := range all {
		if a.ID == id {
			return fmt.Sprint(i + 1)
		}
	}
	return id
}

func span(s model.StoryBrief) string {
	switch {
	case s.FirstSeen.IsZero():
		return "undated"
	case s.FirstSeen.Day() == s.LastSeen.Day():
		return s.FirstSeen.Day()
	}
	return s.FirstSeen.Day() + " to " + s.LastSeen.Day()
}

var mdEscaper = strings.NewReplacer(`\`, `\\`, "*", `\*`, "_", `\_`, "`", "\\`", "[", `\[`, "]", `\]`, "<", "&lt;", ">", "&gt;")

func escapeMD(s string) string { return mdEscaper.Replace(s) }

const bold = "\033[1m"

// printer writes lines and keeps the first error.
type printer struct {
	w     io.Writer
	color bool
	err   error
}

func (p *printer) line(s string) {
	if p.err == nil {
		_, p.err = fmt.Fprintln(p.w, s)
	}
}

func (p *printer) styled(style, s string) {
	if p.color {
		s = style + s + "\033[0m"
	}
	p.line(s)
}
