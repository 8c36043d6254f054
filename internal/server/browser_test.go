package server

import (
	"context"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// chromium returns the headless browser to test with: $CHROMIUM, else
// chromium on PATH. The test skips without one unless $CHROMIUM names it
// (scripts/test installs Debian's chromium and sets it).
func chromium(t *testing.T) string {
	t.Helper()
	if p := os.Getenv("CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	t.Skip("no chromium on PATH and $CHROMIUM unset (scripts/test installs it)")
	return ""
}

// dumpDOM loads url in headless Chromium and returns the DOM as rendered.
// The browser sends everything not on loopback through proxy, which
// records it.
func dumpDOM(t *testing.T, bin, url, proxy string) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, "--headless", "--no-sandbox", "--disable-gpu",
		"--disable-dev-shm-usage", "--no-first-run", "--disable-background-networking",
		"--disable-component-update", "--disable-sync", "--disable-features=NetworkTimeServiceQuerying",
		"--user-data-dir="+t.TempDir(), "--proxy-server="+proxy, "--window-size=390,900",
		"--virtual-time-budget=2000", "--dump-dom", url)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("chromium %s: %v\n%s", url, err, stderr.String())
	}
	return string(out)
}

// outside records the hosts a browser asks for through it as a proxy and
// answers none of them. Hosts the browser calls on its own behalf (updates,
// time) are not the page's doing and are left out.
type outside struct {
	mu    sync.Mutex
	hosts []string
}

func (o *outside) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	host := r.Host
	if h, _, err := net.SplitHostPort(host); err == nil {
		host = h
	}
	if !strings.HasSuffix(host, ".googleapis.com") && !strings.HasSuffix(host, ".google.com") && !strings.HasSuffix(host, ".gvt1.com") {
		o.mu.Lock()
		o.hosts = append(o.hosts, r.Method+" "+r.Host)
		o.mu.Unlock()
	}
	http.Error(w, "no requests leave the test", http.StatusBadGateway)
}

// TestBrowser opens the stories page, a story's briefing and a search in a
// real headless Chromium and checks what a reader would see, and that no
// page asks for anything from another host.
func TestBrowser(t *testing.T) {
	bin := chromium(t)
	srv := seeded(t, filepath.Join(t.TempDir(), "s.db"))
	out := &outside{}
	proxy := httptest.NewServer(out)
	defer proxy.Close()

	var stories struct{ Stories []StoryEntry }
	get(t, srv, "/api/stories", &stories)
	var main StoryEntry
	for _, s := range stories.Stories {
		if s.Articles == 5 {
			main = s
		}
	}

	dom := dumpDOM(t, bin, srv.URL+"/", proxy.URL)
	if !strings.Contains(dom, `href="/stories/`+main.ID+`"`) || !strings.Contains(dom, "5 articles") {
		t.Errorf("stories page as rendered lacks the seed story (%s, 5 articles):\n%.2000s", main.ID, dom)
	}
	dom = dumpDOM(t, bin, srv.URL+"/stories/"+main.ID, proxy.URL)
	for _, want := range []string{"<svg", "Timeline", main.ID} {
		if !strings.Contains(dom, want) {
			t.Errorf("story page as rendered lacks %q", want)
		}
	}
	dom = dumpDOM(t, bin, srv.URL+"/search?q=Ushakov", proxy.URL)
	if !strings.Contains(dom, "<mark>Ushakov</mark>") {
		t.Errorf("search page as rendered lacks the marked hit:\n%.2000s", dom)
	}
	out.mu.Lock()
	defer out.mu.Unlock()
	if len(out.hosts) > 0 {
		t.Errorf("pages asked other hosts: %v", out.hosts)
	}
}
