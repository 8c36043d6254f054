package server

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"

	"github.com/storydesk/storydesk/internal/store/backend"
	"github.com/storydesk/storydesk/internal/store/pgtest"
)

// TestJobsAPI queues URLs through POST /api/jobs and lists them, on both
// stores, and checks what the endpoint refuses.
func TestJobsAPI(t *testing.T) {
	for name, dsn := range map[string]func(t *testing.T) string{
		"sqlite":   func(t *testing.T) string { return filepath.Join(t.TempDir(), "jobs.db") },
		"postgres": func(t *testing.T) string { return pgtest.Database(t) },
	} {
		t.Run(name, func(t *testing.T) {
			st, err := backend.Open(context.Background(), dsn(t))
			if err != nil {
				t.Fatal(err)
			}
			defer st.Close()
			srv := httptest.NewServer(New(st, DefaultOptions()))
			defer srv.Close()
			post := func(contentType, body string) (int, map[string]any) {
				t.Helper()
				resp, err := http.Post(srv.URL+"/api/jobs", contentType, strings.NewReader(body))
				if err != nil {
					t.Fatal(err)
				}
				defer resp.Body.Close()
				var v map[string]any
				json.NewDecoder(resp.Body).Decode(&v)
				return resp.StatusCode, v
			}
			refused := []struct {
				name, contentType, body string
				want                    int
			}{
				{"form post", "application/x-www-form-urlencoded", `inputs=https://example.org/`, http.StatusUnsupportedMediaType},
				{"local path", "application/json", `{"inputs":["/etc/passwd"]}`, http.StatusBadRequest},
				{"file URL", "application/json", `{"inputs":["file:///etc/passwd"]}`, http.StatusBadRequest},
				{"no inputs", "application/json", `{"inputs":[]}`, http.StatusBadRequest},
				{"unknown field", "application/json", `{"inputs":["https://example.org/"],"allow_private":true}`, http.StatusBadRequest},
				{"bad date", "application/json", `{"inputs":["https://example.org/"],"date":"14/08/2025"}`, http.StatusBadRequest},
			}
			for _, tt := range refused {
				if code, body := post(tt.contentType, tt.body); code != tt.want {
					t.Errorf("%s: status %d (%v); want %d", tt.name, code, body, tt.want)
				}
			}
			code, body := post("application/json; charset=utf-8",
				`{"inputs":["https://news.example.org/harbour-ferry","https://news.example.org/feed.xml"],"date":"2025-11-04"}`)
			jobs, _ := body["jobs"].([]any)
			if code != http.StatusAccepted || len(jobs) != 2 {
				t.Fatalf("POST /api/jobs: status %d, %v; want 202 and 2 jobs", code, body)
			}

			var list struct {
				Counts map[string]int `json:"counts"`
				Jobs   []struct {
					ID      int64  `json:"id"`
					Kind    string `json:"kind"`
					State   string `json:"state"`
					Payload struct {
						Input string `json:"input"`
						Date  string `json:"date"`
					} `json:"payload"`
				} `json:"jobs"`
			}
			if code, raw := get(t, srv, "/api/jobs?state=queued", &list); code != http.StatusOK || len(list.Jobs) != 2 ||
				list.Counts["queued"] != 2 || list.Jobs[0].Payload.Input != "https://news.example.org/harbour-ferry" ||
				list.Jobs[1].Payload.Date != "2025-11-04" || list.Jobs[0].Kind != "ingest" {
				t.Errorf("GET /api/jobs?state=queued: %d %s", code, raw)
			}
			if code, raw := get(t, srv, "/api/jobs?state=done", &list); code != http.StatusOK || !strings.Contains(raw, `"jobs":[]`) {
				t.Errorf("GET /api/jobs?state=done: %d %s; want an empty list", code, raw)
			}
			if code, _ := get(t, srv, "/api/jobs?state=sleeping", nil); code != http.StatusBadRequest {
				t.Errorf("GET /api/jobs?state=sleeping: %d; want 400", code)
			}
		})
	}
}
