package rewrite

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/storydesk/storydesk/internal/model"
)

// story is a three-outlet story written from a port strike item.
func story() model.StoryBrief {
	return model.StoryBrief{
		ID: "s1",
		Articles: []model.ArticleRef{
			{ID: "a", Outlet: "Coast Herald"}, {ID: "b", Outlet: "Dock Wire"}, {ID: "c", Outlet: "Freight Daily"},
		},
		Summary: []model.Point{
			{Text: "Dock workers at the port began a 48-hour strike on Monday.", Sources: []string{"a", "b"}},
			{Text: "The union wants a 9% pay rise.", Sources: []string{"c"}},
		},
	}
}

// recorder keeps the last request an endpoint received.
type recorder struct {
	mu   sync.Mutex
	req  chatRequest
	auth string
}

func (r *recorder) get() (chatRequest, string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.req, r.auth
}

// endpoint answers every chat completion with reply, after delay, and
// records the last request in rec.
func endpoint(t *testing.T, status int, reply string, delay time.Duration, rec *recorder) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodPost || r.URL.Path != "/v1/chat/completions" {
			http.Error(w, "wrong route "+r.Method+" "+r.URL.Path, http.StatusNotFound)
			return
		}
		var req chatRequest
		_ = json.NewDecoder(r.Body).Decode(&req)
		rec.mu.Lock()
		rec.req, rec.auth = req, r.Header.Get("Authorization")
		rec.mu.Unlock()
		select {
		case <-time.After(delay):
		case <-r.Context().Done():
			return
		}
		if status != http.StatusOK {
			http.Error(w, "no", status)
			return
		}
		_, _ = w.Write([]byte(reply))
	}))
	t.Cleanup(srv.Close)
	return srv
}

func completion(content string) string {
	b, _ := json.Marshal(map[string]any{"choices": []any{map[string]any{"message": map[string]string{"role": "assistant", "content": content}}}})
	return string(b)
}

func TestBrief(t *testing.T) {
	cases := []struct {
		name    string
		status  int
		reply   string
		delay   time.Duration
		wantErr error
		want    []string // "text|sources" of each prose sentence
	}{
		{"good rewrite", 200, completion("Dock workers began a 48-hour strike at the port on Monday [1][2]. Their union is asking for a 9% rise [3]."), 0, nil,
			[]string{"Dock workers began a 48-hour strike at the port on Monday.|a b", "Their union is asking for a 9% rise.|c"}},
		{"markers after the stop and merged", 200, completion("Dock workers began a strike on Monday, and the union wants a 9% rise. [1, 2, 3]"), 0, nil,
			[]string{"Dock workers began a strike on Monday, and the union wants a 9% rise.|a b c"}},
		{"abbreviation is no sentence end", 200, completion("Dock workers struck on Monday, Mr. Lee said [1][2]. The union wants 9% more [3]."), 0, nil,
			[]string{"Dock workers struck on Monday, Mr. Lee said.|a b", "The union wants 9% more.|c"}},
		{"sentence without citation", 200, completion("Dock workers struck on Monday [1][2]. It is the first strike in decades. The union wants 9% more [3]."), 0, ErrUncited, nil},
		{"invented citation", 200, completion("Dock workers struck on Monday [1][2]. The union wants 9% more [4]."), 0, ErrUnknownCitation, nil},
		{"extra citation of a cited source", 200, completion("Dock workers struck on Monday [1][2][3]. The union wants 9% more [3][2]."), 0, nil,
			[]string{"Dock workers struck on Monday.|a b c", "The union wants 9% more.|b c"}},
		{"key point's citation dropped", 200, completion("Dock workers struck on Monday [1]. The union wants 9% more [3]."), 0, ErrLostCitation, nil},
		{"malformed JSON", 200, `{"choices": [`, 0, ErrMalformed, nil},
		{"no choices", 200, `{"choices": []}`, 0, ErrMalformed, nil},
		{"HTTP error", 500, "", 0, &StatusError{}, nil},
		{"timeout", 200, completion("too late [1][2][3]."), 2 * time.Second, context.DeadlineExceeded, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var rec recorder
			srv := endpoint(t, c.status, c.reply, c.delay, &rec)
			opts := DefaultOptions()
			opts.URL, opts.Model, opts.Key, opts.Timeout = srv.URL+"/v1/", "tiny", "sekret", 300*time.Millisecond
			in := model.Brief{Stories: []model.StoryBrief{story()}}
			got, errs := Brief(context.Background(), in, opts)
			req, auth := rec.get()
			if req.Model != "tiny" || auth != "Bearer sekret" || len(req.Messages) == 0 ||
				!strings.Contains(req.Messages[len(req.Messages)-1].Content, "1. Dock workers at the port began a 48-hour strike on Monday. [1][2]") {
				t.Errorf("request model %q, auth %q, messages %+v", req.Model, auth, req.Messages)
			}
			if len(got.Stories) != 1 || len(got.Stories[0].Summary) != 2 {
				t.Fatalf("key points lost: %+v", got)
			}
			prose := got.Stories[0].Prose
			if c.wantErr != nil {
				var se *StatusError
				switch {
				case len(errs) != 1:
					t.Fatalf("errors %v, want one wrapping %v", errs, c.wantErr)
				case errors.As(c.wantErr, &se):
					if !errors.As(errs[0], &se) || se.Code != c.status {
						t.Errorf("error %v, want HTTP status %d", errs[0], c.status)
					}
				case !errors.Is(errs[0], c.wantErr):
					t.Errorf("error %v, want %v", errs[0], c.wantErr)
				}
				if prose != nil {
					t.Errorf("prose %+v kept after a failure", prose)
				}
				return
			}
			if len(errs) != 0 {
				t.Fatalf("errors %v", errs)
			}
			var lines []string
			for _, p := range prose {
				lines = append(lines, p.Text+"|"+strings.Join(p.Sources, " "))
			}
			if strings.Join(lines, "\n") != strings.Join(c.want, "\n") {
				t.Errorf("reply %s\ngot  %q\nwant %q", c.reply, lines, c.want)
			}
		})
	}
}

func TestBriefOff(t *testing.T) {
	in := model.Brief{Stories: []model.StoryBrief{story()}}
	got, errs := Brief(context.Background(), in, DefaultOptions())
	if errs != nil || got.Stories[0].Prose != nil {
		t.Errorf("off rewriter changed the brief: %+v, %v", got, errs)
	}
}

func TestFromEnv(t *testing.T) {
	env := map[string]string{EnvURL: " http://127.0.0.1:9/v1 ", EnvModel: "m", EnvKey: "k", EnvTimeout: "5s"}
	o := FromEnv(func(k string) string { return env[k] })
	if !o.Enabled() || o.URL != "http://127.0.0.1:9/v1" || o.Model != "m" || o.Key != "k" || o.Timeout != 5*time.Second {
		t.Errorf("FromEnv = %+v", o)
	}
	if FromEnv(func(string) string { return "" }).Enabled() {
		t.Error("empty environment enables the rewriter")
	}
}

func TestSplit(t *testing.T) {
	for in, want := range map[string]string{
		"A fell [1]. B rose [2].":              "A fell.|1 / B rose.|2",
		"A fell. [1][2] B rose. [2]":           "A fell.|1 2 / B rose.|2",
		"The U.S. Navy said so [1].":           "The U.S. Navy said so.|1",
		"“We will stay,” she said [3]. Ok [1]": "“We will stay,” she said.|3 / Ok|1",
		"No marker. Then one [2].":             "No marker.| / Then one.|2",
		"It rose 3.5 percent [1, 2].":          "It rose 3.5 percent.|1 2",
	} {
		var parts []string
		for _, s := range split(in) {
			var nums []string
			for _, n := range s.nums {
				nums = append(nums, string(rune('0'+n)))
			}
			parts = append(parts, s.text+"|"+strings.Join(nums, " "))
		}
		if got := strings.Join(parts, " / "); got != want {
			t.Errorf("split(%q) = %q, want %q", in, got, want)
		}
	}
}

// FuzzCheck feeds arbitrary rewrites to the citation check: it must not
// panic, and what it accepts must cite, in every sentence, only sources
// the key points cite, with every point's sources together in one sentence.
func FuzzCheck(f *testing.F) {
	for _, s := range []string{
		"Dock workers struck [1][2]. The union wants 9% more [3].",
		"A fell. [1, 2] B rose. [3]",
		"The U.S. Navy said so [1][2][3].",
		"No marker. [",
		"[1]",
		"“Quote.” [1][2] Then. [3] [",
	} {
		f.Add(s)
	}
	points := [][]int{{1, 2}, {3}}
	ids := map[int]string{1: "a", 2: "b", 3: "c"}
	f.Fuzz(func(t *testing.T, text string) {
		out, err := check(text, points, ids)
		if err != nil {
			return
		}
		for _, p := range points {
			ok := false
			for _, s := range out {
				all := true
				for _, n := range p {
					all = all && strings.Contains(" "+strings.Join(s.Sources, " ")+" ", " "+ids[n]+" ")
				}
				ok = ok || all
			}
			if !ok {
				t.Errorf("accepted %q, which drops point %v: %+v", text, p, out)
			}
		}
		for _, s := range out {
			if len(s.Sources) == 0 {
				t.Errorf("accepted %q with an uncited sentence %q", text, s.Text)
			}
			for _, id := range s.Sources {
				if id != "a" && id != "b" && id != "c" {
					t.Errorf("accepted %q citing %q", text, id)
				}
			}
		}
	})
}

func ExampleBrief() {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = w.Write([]byte(completion("Dock workers began a two-day strike on Monday [1][2], seeking a 9% rise [3].")))
	}))
	defer srv.Close()

	opts := DefaultOptions()
	opts.URL, opts.Model = srv.URL+"/v1", "any-model"
	b, errs := Brief(context.Background(), model.Brief{Stories: []model.StoryBrief{story()}}, opts)
	for _, err := range errs {
		fmt.Println("warning:", err)
	}
	for _, p := range b.Stories[0].Prose {
		fmt.Println(p.Text, p.Sources)
	}
	// Output:
	// Dock workers began a two-day strike on Monday, seeking a 9% rise. [a b c]
}
