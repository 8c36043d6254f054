package server

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/storydesk/storydesk/internal/pipeline"
	"github.com/storydesk/storydesk/internal/store/backend"
	"github.com/storydesk/storydesk/internal/store/pgtest"
)

func TestMain(m *testing.M) { os.Exit(pgtest.Main(m)) }

// seeded returns a server on a store holding the bundled seeds and their
// stories.
func seeded(t *testing.T, dsn string) *httptest.Server {
	t.Helper()
	ctx := context.Background()
	st, err := backend.Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	p := pipeline.New(pipeline.DefaultOptions())
	sink := pipeline.NewSink(st)
	for a, err := range p.Read(ctx, []string{"../../testdata/seeds"}) {
		if err != nil {
			t.Fatal(err)
		}
		if err := sink.Put(ctx, a); err != nil {
			t.Fatal(err)
		}
	}
	if err := sink.Flush(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := pipeline.Recluster(ctx, st, pipeline.DefaultBriefOptions(), nil); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(New(st, DefaultOptions()))
	t.Cleanup(srv.Close)
	return srv
}

// get fetches path and decodes a JSON body into v (when v is not nil),
// returning the status.
func get(t *testing.T, srv *httptest.Server, path string, v any) (int, string) {
	t.Helper()
	resp, err := http.Get(srv.URL + path)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	if csp := resp.Header.Get("Content-Security-Policy"); !strings.Contains(csp, "default-src 'none'") {
		t.Errorf("GET %s: Content-Security-Policy %q does not forbid loading from elsewhere", path, csp)
	}
	if v != nil && strings.HasPrefix(resp.Header.Get("Content-Type"), "application/json") {
		if err := json.Unmarshal(body, v); err != nil {
			t.Fatalf("GET %s: %v\n%s", path, err, body)
		}
	}
	return resp.StatusCode, string(body)
}

func TestAPI(t *testing.T) {
	for _, b := range []struct {
		name string
		dsn  func(t *testing.T) string
	}{
		{"sqlite", func(t *testing.T) string { return filepath.Join(t.TempDir(), "s.db") }},
		{"postgres", func(t *testing.T) string { return pgtest.Database(t) }},
	} {
		t.Run(b.name, func(t *testing.T) { testAPI(t, seeded(t, b.dsn(t))) })
	}
}

func testAPI(t *testing.T, srv *httptest.Server) {
	var stories struct{ Stories []StoryEntry }
	if code, body := get(t, srv, "/api/stories", &stories); code != 200 || len(stories.Stories) != 2 {
		t.Fatalf("/api/stories: %d, %d stories; want 200 and the 2 stories of the seeds\n%s", code, len(stories.Stories), body)
	}
	var main StoryEntry
	for _, s := range stories.Stories {
		if s.Articles == 5 {
			main = s
		}
	}
	if main.ID == "" || len(main.Outlets) != 4 {
		t.Fatalf("no story of the 5 seed articles from 4 named outlets in %+v", stories.Stories)
	}

	var b struct {
		Stories []struct {
			ID       string
			Articles []struct{ ID string }
			Facts    []struct {
				Text    string
				Sources []string
			}
			Conflicts []struct{ Kind string }
			Timeline  []struct{ When string }
		}
	}
	if code, body := get(t, srv, "/api/stories/"+main.ID, &b); code != 200 || len(b.Stories) != 1 {
		t.Fatalf("/api/stories/%s: %d\n%.300s", main.ID, code, body)
	}
	st := b.Stories[0]
	if st.ID != main.ID || len(st.Articles) != 5 || len(st.Facts) == 0 || len(st.Conflicts) == 0 || len(st.Timeline) == 0 {
		t.Errorf("story brief: id %s, %d articles, %d facts, %d conflicts, %d timeline rows; want the seed story with all sections",
			st.ID, len(st.Articles), len(st.Facts), len(st.Conflicts), len(st.Timeline))
	}
	multi := 0
	for _, f := range st.Facts {
		if len(f.Sources) > 1 {
			multi++
		}
	}
	if multi == 0 {
		t.Error("story brief has no fact carried by more than one article")
	}

	var arts struct {
		Total    int
		Articles []ArticleEntry
	}
	if code, _ := get(t, srv, "/api/articles?limit=3", &arts); code != 200 || arts.Total != 8 || len(arts.Articles) != 3 {
		t.Errorf("/api/articles?limit=3: %d, total %d, %d listed; want 200, 8, 3", code, arts.Total, len(arts.Articles))
	}
	var one struct{ ID, Text string }
	if code, _ := get(t, srv, "/api/articles/"+arts.Articles[0].ID, &one); code != 200 || one.ID != arts.Articles[0].ID || one.Text == "" {
		t.Errorf("/api/articles/{id}: %d, %q with %d chars of text", code, one.ID, len(one.Text))
	}

	var hits struct{ Hits []Hit }
	if code, _ := get(t, srv, "/api/search?q=%22working+lunch%22", &hits); code != 200 || len(hits.Hits) == 0 || !strings.Contains(hits.Hits[0].Snippet, "lunch]") {
		t.Errorf(`/api/search?q="working lunch": %d, %+v; want a hit with the phrase marked`, code, hits.Hits)
	}

	errs := []struct {
		path string
		code int
	}{
		{"/api/stories/snosuch", 404},
		{"/api/articles/nosuch", 404},
		{"/api/articles?limit=-1", 400},
		{"/api/stories?since=yesterday", 400},
		{"/api/nosuch", 404},
	}
	for _, e := range errs {
		var v struct{ Error string }
		if code, body := get(t, srv, e.path, &v); code != e.code || v.Error == "" {
			t.Errorf("GET %s: %d %q; want %d with a JSON error\n%s", e.path, code, v.Error, e.code, body)
		}
	}
	var health map[string]string
	if code, _ := get(t, srv, "/api/health", &health); code != 200 || health["status"] != "ok" {
		t.Errorf("/api/health: %d %v", code, health)
	}
}

func TestUIPages(t *testing.T) {
	srv := seeded(t, filepath.Join(t.TempDir(), "s.db"))
	var stories struct{ Stories []StoryEntry }
	get(t, srv, "/api/stories", &stories)
	pages := []struct {
		path string
		code int
		want []string
	}{
		{"/", 200, []string{`id="stories"`, "/stories/" + stories.Stories[0].ID, `name="q"`, `class="meta thread"`}},
		{"/stories/" + stories.Stories[0].ID, 200, []string{"<svg", `href="/"`}},
		{"/search?q=Ushakov", 200, []string{`id="hits"`, "<mark>Ushakov</mark>", "/articles/"}},
		{"/search?q=%3Cscript%3E", 200, []string{"&lt;script&gt;"}},
		{"/stories/snosuch", 404, []string{`id="error"`}},
		{"/nosuch", 404, []string{`id="error"`}},
	}
	for _, p := range pages {
		code, body := get(t, srv, p.path, nil)
		if code != p.code {
			t.Errorf("GET %s: %d; want %d", p.path, code, p.code)
		}
		for _, w := range p.want {
			if !strings.Contains(body, w) {
				t.Errorf("GET %s: page lacks %q", p.path, w)
			}
		}
		if strings.Contains(body, "<script>") {
			t.Errorf("GET %s: page holds a script element", p.path)
		}
	}
}
