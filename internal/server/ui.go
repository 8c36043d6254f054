package server

import (
	"embed"
	"html/template"
	"net/http"
	"strconv"
	"strings"

	"github.com/storydesk/storydesk/internal/brief"
	"github.com/storydesk/storydesk/internal/model"
)

//go:embed ui/*.html.tmpl
var uiFiles embed.FS

var ui = template.Must(template.New("").Funcs(template.FuncMap{
	"date": func(t interface {
		IsZero() bool
		Format(string) string
	}) string {
		if t.IsZero() {
			return "undated"
		}
		return t.Format("2 Jan 2006")
	},
	"join": strings.Join,
	// marked turns a snippet's [brackets] into <mark>, escaping the rest.
	"marked": func(s string) template.HTML {
		var b strings.Builder
		for {
			i := strings.IndexByte(s, '[')
			j := strings.IndexByte(s[max(i, 0):], ']')
			if i < 0 || j < 0 {
				b.WriteString(template.HTMLEscapeString(s))
				return template.HTML(b.String())
			}
			j += i
			b.WriteString(template.HTMLEscapeString(s[:i]))
			b.WriteString("<mark>" + template.HTMLEscapeString(s[i+1:j]) + "</mark>")
			s = s[j+1:]
		}
	},
}).ParseFS(uiFiles, "ui/*.html.tmpl"))

// uiPage is what every page template gets.
type uiPage struct {
	Title   string
	Query   string
	Stories []StoryEntry
	Hits    []Hit
	Article *model.Article
	Story   string // the story holding Article, if any
	Error   string
	Next    string // link to the next page of a listing
	// Labels names the stories listed, for links between stories of one
	// thread.
	Labels map[string]string
}

func (s *Server) render(w http.ResponseWriter, r *http.Request, code int, name string, p uiPage) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(code)
	if err := ui.ExecuteTemplate(w, name, p); err != nil {
		s.logf(r, "render %s: %v", name, err)
	}
}

func (s *Server) uiStories(w http.ResponseWriter, r *http.Request) {
	stories, err := s.stories(r)
	if err != nil {
		s.uiError(w, r, err)
		return
	}
	p := uiPage{Title: "Stories", Stories: stories, Labels: make(map[string]string, len(stories))}
	for _, st := range stories {
		p.Labels[st.ID] = st.Label
	}
	if limit, offset, _ := s.page(r, 50); len(stories) == limit {
		p.Next = "/?limit=" + strconv.Itoa(limit) + "&offset=" + strconv.Itoa(offset+limit)
	}
	s.render(w, r, http.StatusOK, "stories.html.tmpl", p)
}

func (s *Server) uiStory(w http.ResponseWriter, r *http.Request) {
	b, err := s.briefOf(r.Context(), r.PathValue("id"))
	if err != nil {
		s.uiError(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	if err := brief.HTMLWith(w, b, brief.HTMLOptions{Home: "/"}); err != nil {
		s.logf(r, "render story: %v", err)
	}
}

func (s *Server) uiSearch(w http.ResponseWriter, r *http.Request) {
	q, hits, err := s.search(r)
	if err != nil {
		s.uiError(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "search.html.tmpl", uiPage{Title: "Search: " + q, Query: q, Hits: hits})
}

func (s *Server) uiArticle(w http.ResponseWriter, r *http.Request) {
	a, err := s.st.Article(r.Context(), r.PathValue("id"))
	if err != nil {
		s.uiError(w, r, err)
		return
	}
	p := uiPage{Title: a.Title, Article: &a}
	if p.Title == "" {
		p.Title = a.Source
	}
	if rec, err := s.st.StoryOf(r.Context(), a.ID); err == nil {
		p.Story = rec.ID
	}
	s.render(w, r, http.StatusOK, "article.html.tmpl", p)
}

func (s *Server) uiError(w http.ResponseWriter, r *http.Request, err error) {
	code := status(err)
	if code >= 500 {
		s.logf(r, "%v", err)
	}
	s.render(w, r, code, "error.html.tmpl", uiPage{Title: http.StatusText(code), Error: err.Error()})
}
