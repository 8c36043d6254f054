package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/storydesk/storydesk/internal/model"
	"github.com/storydesk/storydesk/internal/pipeline"
)

// extractRecord is the JSON line extract prints (DESIGN.md).
type extractRecord struct {
	ID          string     `json:"id"`
	Source      string     `json:"source"`
	Title       string     `json:"title"`
	Text        string     `json:"text"`
	Published   model.Time `json:"published"`
	Byline      string     `json:"byline"`
	Authors     []string   `json:"authors"`
	Outlet      string     `json:"outlet"`
	URL         string     `json:"url"`
	Language    string     `json:"language"`
	EmbeddedIn  string     `json:"embedded_in"`
	DuplicateOf string     `json:"duplicate_of,omitempty"`
	Captions    []string   `json:"captions,omitempty"`
}

func runExtract(ctx context.Context, e *env, args []string) error {
	c := newInputCommand(e, "extract", "storydesk extract --format json testdata/seeds", "text", "json")
	if err := c.parse(args); err != nil {
		return err
	}
	enc := json.NewEncoder(e.stdout)
	enc.SetEscapeHTML(false)
	n := 0
	return c.read(ctx, e, pipeline.New(c.opts), func(a model.Article) error {
		n++
		if *c.format == "json" {
			authors := a.Authors
			if authors == nil {
				authors = []string{}
			}
			return enc.Encode(extractRecord{ID: a.ID, Source: a.Source, Title: a.Title, Text: a.Text,
				Published: a.Published, Byline: a.Byline, Authors: authors, Outlet: a.Outlet, URL: a.URL,
				Language: a.Language, EmbeddedIn: a.EmbeddedIn, DuplicateOf: a.DuplicateOf, Captions: a.Captions})
		}
		return printArticle(e, n, a)
	})
}

// printArticle writes an article for a reader.
func printArticle(e *env, n int, a model.Article) error {
	var b strings.Builder
	if n > 1 {
		b.WriteString("\n")
	}
	title := a.Title
	if title == "" {
		title = "(untitled)"
	}
	fmt.Fprintf(&b, "== %s\n", title)
	field := func(k, v string) {
		if v != "" {
			fmt.Fprintf(&b, "%-10s %s\n", k+":", v)
		}
	}
	field("id", a.ID)
	field("source", a.Source)
	field("outlet", a.Outlet)
	field("published", a.Published.String())
	field("byline", a.Byline)
	field("url", a.URL)
	field("language", a.Language)
	field("inside", a.EmbeddedIn)
	field("duplicate", a.DuplicateOf)
	for _, c := range a.Captions {
		field("caption", c)
	}
	b.WriteString("\n")
	b.WriteString(a.Text)
	b.WriteString("\n")
	_, err := fmt.Fprint(e.stdout, b.String())
	return err
}
