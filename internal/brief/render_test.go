package brief

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/storydesk/storydesk/internal/model"
)

// sample is a two-outlet story written from a council news item.
func sample() model.Brief {
	arts := []model.Article{
		{ID: "a1", Outlet: "Harbour Gazette", Title: "Council approves bridge repairs", Source: "a1.html",
			Published: model.Date(2024, time.March, 4), Text: "The council approved the repairs on Monday."},
		{ID: "a2", Outlet: "City Wire", Source: "a2.txt", Published: model.At(time.Date(2024, 3, 5, 9, 30, 0, 0, time.UTC)),
			Text: "Repairs to the bridge were approved, the mayor said."},
		{ID: "a3", Outlet: "City Wire", Source: "a3.txt", DuplicateOf: "a2", Text: "Repairs to the bridge were approved, the mayor said."},
	}
	return Build([]Story{{
		ID: "s1", Articles: arts,
		Facts:   []model.Fact{{Text: "The council approved the repairs.", Sources: []string{"a1", "a2"}}},
		Summary: []model.Point{{Text: "The council approved the bridge repairs.", Sources: []string{"a1", "a2"}}},
		Quotes:  []model.QuoteGroup{{Speaker: "Mayor Ana Ruiz", Text: "a safer crossing", Articles: []string{"a1"}, Variants: []model.QuoteVariant{{Text: "a much safer crossing", Articles: []string{"a2"}, Diff: "a [+much] safer crossing"}}}},
		Timeline: []model.TimelineRow{{When: "2024-03-04", Text: "The council voted.", Articles: []string{"a1"}},
			{When: "2024-03-11", Text: "Work is due to start on Monday.", Articles: []string{"a2"}}},
		Conflicts: []model.Conflict{{Kind: "contradiction", Topic: "the vote", Sides: []model.Side{{Text: "7 to 2", Articles: []string{"a1"}}, {Text: "6 to 3", Articles: []string{"a2"}}}}},
		Unique:    []model.Unique{{Article: "a2", Facts: []string{"The mayor spoke."}}},
	}})
}

func TestBuildOrdersAndLinks(t *testing.T) {
	b := sample()
	s := b.Stories[0]
	var ids []string
	for _, a := range s.Articles {
		ids = append(ids, a.ID)
	}
	if got, want := strings.Join(ids, " "), "a1 a2 a3"; got != want {
		t.Errorf("article order %q, want %q (dated first, by date)", got, want)
	}
	if got := s.Articles[1].Duplicates; len(got) != 1 || got[0] != "a3" {
		t.Errorf("duplicates of a2 = %v, want [a3]", got)
	}
	if s.Title != "Council approves bridge repairs" {
		t.Errorf("title %q", s.Title)
	}
	if s.FirstSeen.Day() != "2024-03-04" || s.LastSeen.Day() != "2024-03-05" {
		t.Errorf("span %s to %s", s.FirstSeen, s.LastSeen)
	}
}

func TestRenderers(t *testing.T) {
	b := sample()
	cases := []struct {
		name   string
		render func(*bytes.Buffer) error
		want   []string
		never  []string
	}{
		{"text", func(w *bytes.Buffer) error { return Text(w, b, TextOptions{}) },
			[]string{"Key points", "The council approved the bridge repairs. [1, 2]", "Mayor Ana Ruiz: “a safer crossing” [1]", "contradiction: the vote", "7 to 2 [1]", "[3] City Wire", "duplicate of [2]",
				"  Mon 4 Mar 2024 · day of publication\n    • (past) The council voted. [1]\n", "  Mon 11 Mar 2024\n    • (scheduled) Work is due to start on Monday. [2]\n"},
			[]string{"\033[", "2024-03-11"}},
		{"markdown", func(w *bytes.Buffer) error { return Markdown(w, b) },
			[]string{"# Council approves bridge repairs", "## Who said what", `\[1, 2\]`, "**contradiction**",
				"## Timeline\n\n### Mon 4 Mar 2024 · day of publication\n\n- _(past)_ The council voted. \\[1\\]\n", "### Mon 11 Mar 2024\n\n- _(scheduled)_ Work is due"},
			[]string{"2024-03-11"}},
		{"html", func(w *bytes.Buffer) error { return HTML(w, b) },
			[]string{"<title>Council approves bridge repairs</title>", `href="#src-s1-1"`, "<ins>much</ins>", "<svg class=\"timeline\"", "<svg class=\"matrix\"", "Harbour Gazette",
				`<span class="status scheduled">scheduled</span>`, `<span class="status past">past</span>`},
			[]string{"<script", " src=", "<link", "@import", "url("}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var w bytes.Buffer
			if err := c.render(&w); err != nil {
				t.Fatal(err)
			}
			out := w.String()
			for _, s := range c.want {
				if !strings.Contains(out, s) {
					t.Errorf("output lacks %q:\n%s", s, out)
				}
			}
			for _, s := range c.never {
				if strings.Contains(out, s) {
					t.Errorf("output has %q", s)
				}
			}
		})
	}
}

func TestJSONSchema(t *testing.T) {
	var w bytes.Buffer
	if err := JSON(&w, Build([]Story{{ID: "s", Articles: []model.Article{{ID: "x", Text: "t"}}}})); err != nil {
		t.Fatal(err)
	}
	var v struct {
		Stories []map[string]json.RawMessage `json:"stories"`
	}
	if err := json.Unmarshal(w.Bytes(), &v); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"id", "title", "first_seen", "last_seen", "articles", "entities", "facts", "conflicts", "quotes", "timeline", "unique", "summary"} {
		raw, ok := v.Stories[0][k]
		if !ok {
			t.Errorf("story lacks %q", k)
			continue
		}
		if k != "id" && k != "title" && k != "first_seen" && k != "last_seen" && string(raw) == "null" {
			t.Errorf("%q is null, want a list", k)
		}
	}
}

func TestJSONStatus(t *testing.T) {
	var w bytes.Buffer
	if err := JSON(&w, sample()); err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{`"status": "past"`, `"status": "scheduled"`, `"when": "2024-03-11"`} {
		if !strings.Contains(w.String(), s) {
			t.Errorf("JSON lacks %s:\n%s", s, w.String())
		}
	}
}

func TestDiffHTML(t *testing.T) {
	for in, want := range map[string]string{
		"a [+much] safer crossing":    "a <ins>much</ins> safer crossing",
		"goes [-okay +ok]":            "goes <del>okay</del> <ins>ok</ins>",
		"[+cannot be and] must not":   "<ins>cannot</ins> <ins>be</ins> <ins>and</ins> must not",
		"<b> [x":                      "&lt;b&gt; [x",
		"efforts to [-end] [+stop] x": "efforts to <del>end</del> <ins>stop</ins> x",
	} {
		if got := string(diffHTML(in)); got != want {
			t.Errorf("diffHTML(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestProse(t *testing.T) {
	b := sample()
	b.Stories[0].Prose = []model.Point{
		{Text: "The council approved the repairs.", Sources: []string{"a1"}},
		{Text: "The mayor welcomed it.", Sources: []string{"a2"}},
	}
	cases := []struct {
		name   string
		render func(*bytes.Buffer) error
		want   string
	}{
		{"text", func(w *bytes.Buffer) error { return Text(w, b, TextOptions{}) }, "The council approved the repairs. [1] The mayor welcomed it. [2]\n"},
		{"markdown", func(w *bytes.Buffer) error { return Markdown(w, b) }, `The council approved the repairs. \[1\] The mayor welcomed it. \[2\]`},
		{"html", func(w *bytes.Buffer) error { return HTML(w, b) }, `<p class="prose">The council approved the repairs.<a class="cite" href="#src-s1-1">1</a> The mayor welcomed it.`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var w bytes.Buffer
			if err := c.render(&w); err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(w.String(), c.want) {
				t.Errorf("output lacks %q:\n%s", c.want, w.String())
			}
			if strings.Contains(w.String(), "The council approved the bridge repairs.") {
				t.Errorf("plain key points shown beside the prose:\n%s", w.String())
			}
		})
	}
}

// TestHTMLHome checks the link back to a listing: drawn only when asked
// for, with a default label, and never with an unsafe address.
func TestHTMLHome(t *testing.T) {
	b := sample()
	cases := []struct {
		name  string
		opts  HTMLOptions
		want  []string
		never []string
	}{
		{"off by default", HTMLOptions{}, []string{"<main>\n\n<article"}, []string{`class="home"`}},
		{"home", HTMLOptions{Home: "/"}, []string{`<nav class="home"><a href="/">← All stories</a></nav>`}, nil},
		{"label", HTMLOptions{Home: "/stories?page=2", HomeLabel: "Stories & threads"},
			[]string{`<a href="/stories?page=2">← Stories &amp; threads</a>`}, nil},
		{"unsafe address", HTMLOptions{Home: "javascript:alert(1)"}, []string{`class="home"`}, []string{"javascript:"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var w bytes.Buffer
			if err := HTMLWith(&w, b, c.opts); err != nil {
				t.Fatal(err)
			}
			for _, s := range c.want {
				if !strings.Contains(w.String(), s) {
					t.Errorf("page lacks %q:\n%.1200s", s, w.String())
				}
			}
			for _, s := range c.never {
				if strings.Contains(w.String(), s) {
					t.Errorf("page has %q", s)
				}
			}
		})
	}
	var plain, zero bytes.Buffer
	if err := HTML(&plain, b); err != nil {
		t.Fatal(err)
	}
	if err := HTMLWith(&zero, b, HTMLOptions{}); err != nil {
		t.Fatal(err)
	}
	if plain.String() != zero.String() {
		t.Error("HTML and HTMLWith with no options differ")
	}
}

// TestUniqueUnknownOutlet checks that an outlet-less article's unique facts
// are headed by a name a reader can read, not a bare number.
func TestUniqueUnknownOutlet(t *testing.T) {
	b := Build([]Story{{
		ID:       "s1",
		Articles: []model.Article{{ID: "a1", Source: "a1.txt", Text: "The ferry sails at noon."}},
		Unique:   []model.Unique{{Article: "a1", Facts: []string{"The ferry sails at noon."}}},
	}})
	var buf bytes.Buffer
	if err := Text(&buf, b, TextOptions{}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), "unknown outlet [1]") {
		t.Errorf("text brief lacks %q:\n%s", "unknown outlet [1]", buf.String())
	}
}

func TestCount(t *testing.T) {
	for _, tt := range []struct {
		n    int
		want string
	}{{0, "0 outlets"}, {1, "1 outlet"}, {2, "2 outlets"}} {
		if got := count(tt.n, "outlet"); got != tt.want {
			t.Errorf("count(%d) = %q; want %q", tt.n, got, tt.want)
		}
	}
}
