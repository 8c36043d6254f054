package brief

import (
	_ "embed"
	"fmt"
	"html/template"
	"io"
	"sort"
	"strconv"
	"strings"

	"github.com/storydesk/storydesk/internal/model"
)

// page is the HTML template: one self-contained document with inline CSS
// and SVG, making no external requests.
//
//go:embed brief.html.tmpl
var page string

var pageTemplate = template.Must(template.New("brief").Funcs(template.FuncMap{
	"cite":   func(v htmlStory, ids []string) template.HTML { return v.cite(ids) },
	"list":   func(s ...string) []string { return s },
	"diff":   diffHTML,
	"outlet": func(v htmlStory, id string) string { return v.outlet(id) },
}).Parse(page))

// HTMLOptions tunes the HTML page.
type HTMLOptions struct {
	// Home is the address of the listing the page belongs to ("/" for a
	// web UI's story list), linked at the top of the page; empty (the
	// default) draws no link, as for a page saved on its own.
	Home string
	// HomeLabel is the text of that link; empty means "All stories".
	HomeLabel string
}

// HTML writes b as a self-contained HTML page: the sections of Text with
// citations linked to the source list, an inline SVG timeline and an
// outlet × fact coverage matrix. It is HTMLWith with no options.
func HTML(w io.Writer, b model.Brief) error {
	return HTMLWith(w, b, HTMLOptions{})
}

// HTMLWith writes b as HTML does, tuned by opts.
func HTMLWith(w io.Writer, b model.Brief, opts HTMLOptions) error {
	views := make([]htmlStory, 0, len(b.Stories))
	for _, s := range b.Stories {
		views = append(views, newHTMLStory(s))
	}
	title := "storydesk briefing"
	if len(b.Stories) > 0 && b.Stories[0].Title != "" {
		title = b.Stories[0].Title
	}
	if opts.Home != "" && opts.HomeLabel == "" {
		opts.HomeLabel = "All stories"
	}
	return pageTemplate.Execute(w, struct {
		Title     string
		Home      string
		HomeLabel string
		Stories   []htmlStory
	}{title, opts.Home, opts.HomeLabel, views})
}

// htmlStory is a story with what the template needs precomputed.
type htmlStory struct {
	model.StoryBrief
	Meta        string
	Sources     []htmlSource
	TimelineSVG template.HTML
	Days        []timelineDay
	Matrix      template.HTML
	// Shown counts the facts the coverage matrix draws.
	Shown int
	index map[string]int
}

type htmlSource struct {
	N    int
	Line string
	URL  string
}

func newHTMLStory(s model.StoryBrief) htmlStory {
	v := htmlStory{StoryBrief: s, index: make(map[string]int)}
	for i, a := range s.Articles {
		v.index[a.ID] = i + 1
		v.Sources = append(v.Sources, htmlSource{N: i + 1, Line: describe(a, s.Articles), URL: a.URL})
	}
	v.Meta = fmt.Sprintf("%s from %s · %s", count(len(s.Articles), "article"), count(outlets(s.Articles), "outlet"), span(s))
	published := publishedDays(s.Articles)
	v.Days = timelineDays(s.Timeline, published)
	v.TimelineSVG = timelineSVG(v.Days, published)
	v.Matrix, v.Shown = v.matrixSVG()
	return v
}

// cite links each id to its source entry: [1] [3].
func (v htmlStory) cite(ids []string) template.HTML {
	var b strings.Builder
	for _, n := range citeNumbers(v.index, ids) {
		fmt.Fprintf(&b, `<a class="cite" href="#src-%s-%d">%d</a>`, template.HTMLEscapeString(v.ID), n, n)
	}
	return template.HTML(b.String())
}

// matrixCap is the most facts the coverage matrix draws; past it a
// column is too narrow to read on a phone and the rest carry one source.
const matrixCap = 30

// matrixSVG draws which source carries which fact: a row per source, a
// column per fact, the facts most sources carry first, a filled cell
// where the source reports the fact and each row's count at its end. It
// returns the drawing and how many facts it shows.
func (v htmlStory) matrixSVG() (template.HTML, int) {
	if len(v.Facts) == 0 || len(v.Articles) == 0 {
		return "", 0
	}
	order := make([]int, len(v.Facts))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(i, j int) bool {
		return len(v.Facts[order[i]].Sources) > len(v.Facts[order[j]].Sources)
	})
	if len(order) > matrixCap {
		order = order[:matrixCap]
	}
	const cell, gap, top = 14, 2, 22
	left := 0
	labels := make([]string, len(v.Articles))
	for i, a := range v.Articles {
		name := a.Outlet
		if name == "" {
			name = "unknown outlet"
		}
		if r := []rune(name); len(r) > 22 {
			name = string(r[:21]) + "…"
		}
		labels[i] = "[" + strconv.Itoa(i+1) + "] " + name
		left = max(left, 7*len([]rune(labels[i]))+12)
	}
	w := left + (cell+gap)*len(order) + 40
	h := top + (cell+gap)*len(v.Articles) + 4
	var b strings.Builder
	fmt.Fprintf(&b, `<svg class="matrix" viewBox="0 0 %d %d" width="%d" height="%d" role="img" aria-label="coverage matrix: %d sources by %d facts">`, w, h, w, h, len(v.Articles), len(order))
	for j := range order {
		if j == 0 || (j+1)%5 == 0 {
			fmt.Fprintf(&b, `<text x="%d" y="%d" text-anchor="middle" font-size="10" fill="#666">%d</text>`, left+j*(cell+gap)+cell/2, top-8, j+1)
		}
	}
	for i, a := range v.Articles {
		y := top + i*(cell+gap)
		fmt.Fprintf(&b, `<text x="%d" y="%d" text-anchor="end" font-size="12">%s</text>`, left-8, y+cell-4, template.HTMLEscapeString(labels[i]))
		count := 0
		for j, fi := range order {
			f := v.Facts[fi]
			class, fill := "no", "#e9e9e6"
			for _, id := range f.Sources {
				if id == a.ID {
					class, fill = "yes", "#1f5fa8"
					count++
					break
				}
			}
			fmt.Fprintf(&b, `<rect class="%s" x="%d" y="%d" width="%d" height="%d" rx="2" fill="%s"><title>%d. %s</title></rect>`,
				class, left+j*(cell+gap), y, cell, cell, fill, j+1, template.HTMLEscapeString(f.Text))
		}
		fmt.Fprintf(&b, `<text x="%d" y="%d" font-size="11" fill="#666">%d</text>`, left+len(order)*(cell+gap)+6, y+cell-4, count)
	}
	b.WriteString(`</svg>`)
	return template.HTML(b.String()), len(order)
}

// outlet names the outlet of article id, or "unknown outlet".
func (v htmlStory) outlet(id string) string {
	for _, a := range v.Articles {
		if a.ID == id && a.Outlet != "" {
			return a.Outlet
		}
	}
	return "unknown outlet"
}

// diffHTML renders a word diff written as "goes [-okay] [+OK]" with <del>
// and <ins>; everything else is escaped.
func diffHTML(d string) template.HTML {
	var b strings.Builder
	for len(d) > 0 {
		i := strings.Index(d, "[")
		j := strings.Index(d[max(i, 0):], "]")
		if i < 0 || j < 0 {
			b.WriteString(template.HTMLEscapeString(d))
			break
		}
		j += i
		b.WriteString(template.HTMLEscapeString(d[:i]))
		mode := "span"
		for k, part := range strings.Fields(d[i+1 : j]) {
			if k > 0 {
				b.WriteString(" ")
			}
			switch part[0] {
			case '-':
				mode, part = "del", part[1:]
			case '+':
				mode, part = "ins", part[1:]
			}
			b.WriteString("<" + mode + ">" + template.HTMLEscapeString(part) + "</" + mode + ">")
		}
		d = d[j+1:]
	}
	return template.HTML(strings.TrimSpace(b.String()))
}
