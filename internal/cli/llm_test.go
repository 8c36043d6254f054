package cli

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"
)

// TestBriefRewrite runs brief with an OpenAI-compatible endpoint: one that
// answers with the key points as cited prose is used, with the key sent
// from the named variable; one that fails leaves the plain key points and a
// one-line warning.
func TestBriefRewrite(t *testing.T) {
	point := regexp.MustCompile(`(?m)^\d+\. (.*?)\.? ((?:\[\d+\])+)$`)
	var gotKey string
	good := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		gotKey = r.Header.Get("Authorization")
		var req struct {
			Messages []struct{ Content string }
		}
		if err := json.NewDecoder(r.Body).Decode(&req); err != nil || len(req.Messages) == 0 {
			http.Error(w, "bad request", 400)
			return
		}
		var prose []string
		for _, m := range point.FindAllStringSubmatch(req.Messages[len(req.Messages)-1].Content, -1) {
			prose = append(prose, "In short, "+m[1]+" "+m[2]+".")
		}
		json.NewEncoder(w).Encode(map[string]any{"choices": []any{map[string]any{"message": map[string]string{"role": "assistant", "content": strings.Join(prose, " ")}}}})
	}))
	defer good.Close()
	bad := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "overloaded", http.StatusServiceUnavailable)
	}))
	defer bad.Close()

	t.Setenv("TEST_LLM_KEY", "k-123")
	out, stderr, code := run(t, "brief", "--format", "markdown", "--llm-url", good.URL, "--llm-model", "m", "--llm-key-env", "TEST_LLM_KEY", seedsDir)
	if code != 0 || !strings.Contains(out, "In short, ") || stderr != "" {
		t.Errorf("brief with a working endpoint: code %d, stderr %q; want the prose in the output:\n%.1500s", code, stderr, out)
	}
	if gotKey != "Bearer k-123" {
		t.Errorf("Authorization = %q; want the key from the named variable", gotKey)
	}

	out, stderr, code = run(t, "brief", "--format", "markdown", "--llm-url", bad.URL, "--llm-model", "m", seedsDir)
	if code != 0 || strings.Contains(out, "In short, ") || !strings.Contains(out, "Key points") {
		t.Errorf("brief with a failing endpoint: code %d; want the plain key points:\n%.800s", code, out)
	}
	if lines := strings.Split(strings.TrimSpace(stderr), "\n"); !strings.Contains(stderr, "warning") || !strings.Contains(stderr, "503") || len(lines) != 2 {
		t.Errorf("stderr = %q; want one warning line per story naming the failure", stderr)
	}
}
