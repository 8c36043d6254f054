package brief

import (
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strconv"
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
	// Color adds ANSI styles; set it only when writing to a terminal.
	Color bool
}

// Text writes b for a terminal: sections under bold headings, every line
// ending in the numbers of the sources it rests on ([1, 3]).
func Text(w io.Writer, b model.Brief, opts TextOptions) error {
	p := &printer{w: w, color: opts.Color, markdown: false}
	p.brief(b)
	return p.err
}

// Markdown writes b as a Markdown document, with the same sections and
// citations as Text.
func Markdown(w io.Writer, b model.Brief) error {
	p := &printer{w: w, markdown: true}
	p.brief(b)
	return p.err
}

// printer writes the sections of a briefing as text or Markdown and keeps
// the first write error.
type printer struct {
	w        io.Writer
	color    bool
	markdown bool
	err      error
	// cite maps article ids to their source numbers in the current story.
	cite map[string]int
}

func (p *printer) brief(b model.Brief) {
	for i, s := range b.Stories {
		if i > 0 {
			p.line("")
		}
		p.story(s)
	}
}

func (p *printer) story(s model.StoryBrief) {
	p.cite = make(map[string]int, len(s.Articles))
	for i, a := range s.Articles {
		p.cite[a.ID] = i + 1
	}
	title := s.Title
	if title == "" {
		title = "Untitled story"
	}
	p.heading(1, title)
	meta := fmt.Sprintf("story %s · %s from %s · %s", s.ID, count(len(s.Articles), "article"), count(outlets(s.Articles), "outlet"), span(s))
	if s.Thread != "" && s.Thread != s.ID {
		meta += " · thread " + s.Thread
	}
	p.line(p.esc(meta))

	switch {
	case len(s.Prose) > 0:
		p.heading(2, "Key points")
		var para []string
		for _, pt := range s.Prose {
			para = append(para, p.esc(pt.Text)+" "+p.refs(pt.Sources))
		}
		p.line(strings.Join(para, " "))
	case len(s.Summary) > 0:
		p.heading(2, "Key points")
		for _, pt := range s.Summary {
			p.item(p.esc(pt.Text) + " " + p.refs(pt.Sources))
		}
	}
	if len(s.Quotes) > 0 {
		p.heading(2, "Who said what")
		for _, q := range s.Quotes {
			speaker := q.Speaker
			if speaker == "" {
				speaker = "unattributed"
			}
			p.item(p.strong(p.esc(speaker)) + ": “" + p.esc(q.Text) + "” " + p.refs(q.Articles))
			for _, v := range q.Variants {
				text := v.Text
				if v.Diff != "" {
					text = v.Diff
				}
				p.sub("also: “" + p.esc(text) + "” " + p.refs(v.Articles))
			}
		}
	}
	if len(s.Timeline) > 0 {
		p.heading(2, "Timeline")
		p.timeline(timelineDays(s.Timeline, publishedDays(s.Articles)))
	}
	if len(s.Conflicts) > 0 {
		p.heading(2, "Where the outlets differ")
		for _, c := range s.Conflicts {
			p.item(p.strong(c.Kind) + ": " + p.esc(c.Topic))
			for _, side := range c.Sides {
				p.sub(p.esc(side.Text) + " " + p.refs(side.Articles))
			}
		}
	}
	if len(s.Unique) > 0 {
		p.heading(2, "Only one outlet reports")
		for _, u := range s.Unique {
			name := "unknown outlet [" + strconv.Itoa(p.cite[u.Article]) + "]"
			for _, a := range s.Articles {
				if a.ID == u.Article && a.Outlet != "" {
					name = a.Outlet + " [" + strconv.Itoa(p.cite[u.Article]) + "]"
				}
			}
			p.item(p.strong(p.esc(name)))
			for _, f := range u.Facts {
				p.sub(p.esc(f))
			}
		}
	}
	if len(s.Facts) > 0 && len(s.Summary) == 0 {
		p.heading(2, "Facts")
		for _, f := range s.Facts {
			p.item(p.esc(f.Text) + " " + p.refs(f.Sources))
		}
	}
	p.heading(2, "Sources")
	for i, a := range s.Articles {
		if p.markdown {
			p.line(fmt.Sprintf("%d. %s", i+1, p.esc(describe(a, s.Articles))))
		} else {
			p.line(fmt.Sprintf("[%d] %s", i+1, describe(a, s.Articles)))
		}
	}
}

// timeline writes the rows under a heading per day: "Fri 15 Aug 2025",
// then "(scheduled) 11:30 (UTC−08:00) — The talks start. [2]".
func (p *printer) timeline(days []timelineDay) {
	for i, d := range days {
		label := d.Label
		if d.Published {
			label += " · day of publication"
		}
		switch {
		case p.markdown:
			if i > 0 {
				p.line("")
			}
			p.line("### " + escapeMD(label))
			p.line("")
		default:
			if i > 0 {
				p.line("")
			}
			p.line("  " + p.strong(label))
		}
		for _, r := range d.Rows {
			var head []string
			if r.Status != "" {
				head = append(head, p.status(r.Status))
			}
			if r.At != "" {
				head = append(head, p.strong(p.esc(r.At))+" —")
			}
			line := strings.Join(append(head, p.esc(r.Text)), " ")
			if refs := p.refs(r.Articles); refs != "" {
				line += " " + refs
			}
			if p.markdown {
				p.item(line)
			} else {
				p.line("    • " + line)
			}
		}
	}
}

// refs formats the source numbers of ids: "[1, 3]".
func (p *printer) refs(ids []string) string {
	if len(ids) == 0 {
		return ""
	}
	var nums []string
	for _, n := range citeNumbers(p.cite, ids) {
		nums = append(nums, strconv.Itoa(n))
	}
	s := "[" + strings.Join(nums, ", ") + "]"
	if p.markdown {
		return `\` + s[:len(s)-1] + `\]`
	}
	if p.color {
		return "\033[2m" + s + "\033[0m"
	}
	return s
}

// status labels a timeline row: "(past)", "(scheduled)".
func (p *printer) status(s string) string {
	switch {
	case p.markdown:
		return "_(" + escapeMD(s) + ")_"
	case p.color && s == StatusScheduled:
		return "\033[33m(" + s + ")\033[0m"
	}
	return "(" + s + ")"
}

func (p *printer) heading(level int, s string) {
	p.line("")
	switch {
	case p.markdown:
		p.line(strings.Repeat("#", level) + " " + escapeMD(s))
		p.line("")
	case p.color:
		p.line("\033[1m" + s + "\033[0m")
	default:
		p.line(s)
		if level == 1 {
			p.line(strings.Repeat("=", min(len([]rune(s)), 78)))
		}
	}
}

func (p *printer) item(s string) {
	if p.markdown {
		p.line("- " + s)
		return
	}
	p.line("  • " + s)
}

func (p *printer) sub(s string) {
	if p.markdown {
		p.line("  - " + s)
		return
	}
	p.line("      – " + s)
}

func (p *printer) strong(s string) string {
	switch {
	case p.markdown:
		return "**" + s + "**"
	case p.color:
		return "\033[1m" + s + "\033[0m"
	}
	return s
}

func (p *printer) esc(s string) string {
	if p.markdown {
		return escapeMD(s)
	}
	return s
}

func (p *printer) line(s string) {
	if p.err == nil {
		_, p.err = fmt.Fprintln(p.w, s)
	}
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
	if a.URL != "" {
		parts = append(parts, a.URL)
	} else {
		parts = append(parts, a.Source)
	}
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

// outlets counts the distinct named outlets among the articles.
func outlets(arts []model.ArticleRef) int {
	seen := make(map[string]bool)
	for _, a := range arts {
		name := a.Outlet
		if name == "" {
			name = "?" + a.ID
		}
		seen[name] = true
	}
	return len(seen)
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

// count writes n with its noun, plural unless n is 1: "1 outlet", "3
// articles".
func count(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return strconv.Itoa(n) + " " + noun + "s"
}

func escapeMD(s string) string { return mdEscaper.Replace(s) }

// citeNumbers maps article ids to their distinct source numbers, sorted.
func citeNumbers(index map[string]int, ids []string) []int {
	var nums []int
	seen := make(map[int]bool)
	for _, id := range ids {
		n, ok := index[id]
		if !ok || seen[n] {
			continue
		}
		seen[n] = true
		nums = append(nums, n)
	}
	sort.Ints(nums)
	return nums
}
