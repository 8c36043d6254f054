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

// HTML writes b as a self-contained HTML page: the sections of Text with
// citations linked to the source list, an inline SVG timeline and an
// outlet × fact coverage matrix.
func HTML(w io.Writer, b model.Brief) error {
	views := make([]htmlStory, 0, len(b.Stories))
	for _, s := range b.Stories {
		views = append(views, newHTMLStory(s))
	}
	title := "storydesk briefing"
	if len(b.Stories) > 0 && b.Stories[0].Title != "" {
		title = b.Stories[0].Title
	}
	return pageTemplate.Execute(w, struct {
		Title   string
		Stories []htmlStory
	}{title, views})
}

// htmlStory is a story with what the template needs precomputed.
type htmlStory struct {
	model.StoryBrief
	Meta        string
	Sources     []htmlSource
	TimelineSVG template.HTML
	Matrix      template.HTML
	index       map[string]int
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
	v.Meta = fmt.Sprintf("%d articles from %d outlets · %s", len(s.Articles), outlets(s.Articles), span(s))
	v.TimelineSVG = timelineSVG(s.Timeline)
	v.Matrix = v.matrixSVG()
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

// timelineSVG draws dated rows as dots on a line, one per distinct day,
// labelled with the day and how many events fall on it.
func timelineSVG(rows []model.TimelineRow) template.HTML {
	counts := make(map[string]int)
	for _, r := range rows {
		day := r.When
		if len(day) >= 10 {
			day = day[:10]
		}
		counts[day]++
	}
	if len(counts) == 0 {
		return ""
	}
	days := make([]string, 0, len(counts))
	for d := range counts {
		days = append(days, d)
	}
	sort.Strings(days)
	const width, pad = 760, 40
	step := 0.0
	if len(days) > 1 {
		step = float64(width-2*pad) / float64(len(days)-1)
	}
	var b strings.Builder
	fmt.Fprintf(&b, `<svg class="timeline" viewBox="0 0 %d 90" role="img" aria-label="timeline">`, width)
	fmt.Fprintf(&b, `<line x1="%d" y1="40" x2="%d" y2="40" stroke="#888"/>`, pad, width-pad)
	for i, d := range days {
		x := float64(pad) + step*float64(i)
		if len(days) == 1 {
			x = width / 2
		}
		r := 4 + min(counts[d], 8)
		fmt.Fprintf(&b, `<circle cx="%.0f" cy="40" r="%d" fill="#1f5fa8"><title>%s: %d events</title></circle>`, x, r, d, counts[d])
		y := 70
		if i%2 == 1 {
			y = 18
		}
		fmt.Fprintf(&b, `<text x="%.0f" y="%d" text-anchor="middle" font-size="11">%s</text>`, x, y, template.HTMLEscapeString(d))
	}
	b.WriteString(`</svg>`)
	return template.HTML(b.String())
}

// matrixSVG draws which source carries which fact: a row per source, a
// column per fact, a filled cell where the source supports the fact.
func (v htmlStory) matrixSVG() template.HTML {
	facts := v.Facts
	if len(facts) > 60 {
		facts = facts[:60]
	}
	if len(facts) == 0 || len(v.Articles) == 0 {
		return ""
	}
	const cell, left, top = 12, 170, 10
	w := left + cell*len(facts) + 10
	h := top + cell*len(v.Articles) + 10
	var b strings.Builder
	fmt.Fprintf(&b, `<svg class="matrix" viewBox="0 0 %d %d" width="%d" role="img" aria-label="coverage matrix">`, w, h, w)
	for i, a := range v.Articles {
		y := top + i*cell
		label := "[" + strconv.Itoa(i+1) + "] " + a.Outlet
		if a.Outlet == "" {
			label = "[" + strconv.Itoa(i+1) + "] unknown outlet"
		}
		fmt.Fprintf(&b, `<text x="%d" y="%d" text-anchor="end" font-size="10">%s</text>`, left-6, y+cell-3, template.HTMLEscapeString(label))
		for j, f := range facts {
			fill := "#eee"
			for _, id := range f.Sources {
				if id == a.ID {
					fill = "#1f5fa8"
				}
			}
			fmt.Fprintf(&b, `<rect x="%d" y="%d" width="%d" height="%d" fill="%s"><title>%s</title></rect>`,
				left+j*cell, y, cell-2, cell-2, fill, template.HTMLEscapeString(f.Text))
		}
	}
	b.WriteString(`</svg>`)
	return template.HTML(b.String())
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
