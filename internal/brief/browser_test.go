package brief_test

import (
	"bytes"
	"context"
	"encoding/json"
	"html"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/storydesk/storydesk/internal/brief"
	"github.com/storydesk/storydesk/internal/model"
	"github.com/storydesk/storydesk/internal/pipeline"
	"github.com/storydesk/storydesk/internal/seedtest"
)

// browserHosts are the exact hosts chromium calls on its own (updates,
// network time, sign-in) even with background networking off; the pages'
// requests are told from them by host.
var browserHosts = map[string]bool{
	"update.googleapis.com": true, "update.googleapis.com:443": true,
	"clients2.google.com": true, "clients2.google.com:443": true,
	"accounts.google.com": true, "accounts.google.com:443": true,
	"redirector.gvt1.com": true, "redirector.gvt1.com:443": true,
}

// chromium finds a headless browser: $CHROMIUM, else chromium on the PATH
// or in /usr/bin; it skips the test when there is none (scripts/test
// installs it).
func chromium(t *testing.T) string {
	t.Helper()
	for _, c := range []string{os.Getenv("CHROMIUM"), "chromium", "/usr/bin/chromium", "chromium-browser", "google-chrome"} {
		if c == "" {
			continue
		}
		if p, err := exec.LookPath(c); err == nil {
			return p
		}
	}
	t.Skip("no headless chromium: set $CHROMIUM or install Debian's chromium (scripts/test does)")
	return ""
}

// seedPage renders the briefing of testdata/seeds as HTML.
func seedPage(t *testing.T) string {
	t.Helper()
	var arts []model.Article
	for a, err := range pipeline.New(pipeline.DefaultOptions()).Read(context.Background(), []string{filepath.Join(seedtest.Root(t), "testdata", "seeds")}) {
		if err != nil {
			t.Fatal(err)
		}
		arts = append(arts, a)
	}
	var w bytes.Buffer
	if err := brief.HTML(&w, brief.Build(pipeline.Stories(arts, pipeline.DefaultBriefOptions()))); err != nil {
		t.Fatal(err)
	}
	return w.String()
}

// probe is what the test page's script reads from each framed page.
type probe struct {
	ScrollWidth int      `json:"scrollWidth"`
	ClientWidth int      `json:"clientWidth"`
	Headings    []string `json:"headings"`
	Charts      int      `json:"charts"`
	Scheduled   int      `json:"scheduled"`
	Past        int      `json:"past"`
	// Resources counts the frame's resource timing entries: every
	// subresource it fetched.
	Resources int `json:"resources"`
}

// wrapper frames each page at a phone's width (390 px) and writes what
// the frame's document measures into the DOM as JSON, where --dump-dom
// shows it. Only the test's copy has a script: the page itself has none.
const wrapper = `<!doctype html><html><head><meta charset="utf-8"></head><body>
<script>
var results = {};
function measure(name, f) {
  var d = f.contentDocument, e = d.documentElement;
  results[name] = {
    scrollWidth: e.scrollWidth, clientWidth: e.clientWidth,
    headings: Array.from(d.querySelectorAll("h2")).map(function (h) { return h.textContent.trim(); }),
    charts: d.querySelectorAll("svg.timeline, svg.matrix").length,
    scheduled: d.querySelectorAll("li.scheduled").length,
    past: d.querySelectorAll("li.past").length,
    resources: f.contentWindow.performance.getEntriesByType("resource").length
  };
  document.getElementById("out").textContent = JSON.stringify(results);
}
</script>
<pre id="out"></pre>
<iframe width="390" height="700" style="border:0" onload="measure('page', this)" srcdoc="PAGE"></iframe>
<iframe width="390" height="700" style="border:0" onload="measure('control', this)" srcdoc="CONTROL"></iframe>
</body></html>`

var outJSON = regexp.MustCompile(`(?s)<pre id="out">(.*?)</pre>`)

// TestSeedPageInBrowser opens the seed briefing in headless chromium at
// 390 px beside a control copy that loads an image from an outside host,
// has no Content-Security-Policy and holds a 900 px wide block. Every
// request goes through a loopback proxy that counts them by host. The
// page must make no request, fit the phone's width and show its sections
// and charts; the control must show that a request and an overflow would
// have been seen.
func TestSeedPageInBrowser(t *testing.T) {
	bin := chromium(t)
	page := seedPage(t)
	if !strings.Contains(page, `http-equiv="Content-Security-Policy"`) {
		t.Fatal("page has no Content-Security-Policy")
	}

	var mu sync.Mutex
	hosts := map[string]int{}
	proxy := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		hosts[r.Host]++
		mu.Unlock()
		http.Error(w, "no network in tests", http.StatusNotFound)
	}))
	defer proxy.Close()

	csp := regexp.MustCompile(`<meta http-equiv="Content-Security-Policy"[^>]*>`)
	control := csp.ReplaceAllString(page, "")
	control = strings.Replace(control, "<main>", `<main><img src="http://control.storydesk.test/pixel.png" alt=""><div style="width:900px">wide</div>`, 1)
	test := strings.Replace(wrapper, "PAGE", html.EscapeString(page), 1)
	test = strings.Replace(test, "CONTROL", html.EscapeString(control), 1)
	dir := t.TempDir()
	file := filepath.Join(dir, "test.html")
	if err := os.WriteFile(file, []byte(test), 0o644); err != nil {
		t.Fatal(err)
	}

	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	// The browser's own traffic (updates, safe browsing, sign-in) is
	// turned off so that what the proxy sees comes from the pages.
	cmd := exec.CommandContext(ctx, bin, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-default-apps",
		"--disable-domain-reliability", "--disable-client-side-phishing-detection", "--no-default-browser-check",
		"--user-data-dir="+filepath.Join(dir, "profile"), "--proxy-server="+proxy.URL, "--proxy-bypass-list=<-loopback>",
		"--window-size=1000,800", "--dump-dom", "file://"+file)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	dom, err := cmd.Output()
	if err != nil {
		t.Fatalf("chromium: %v\n%s", err, stderr.String())
	}
	m := outJSON.FindSubmatch(dom)
	if m == nil {
		t.Fatalf("no measurements in the DOM:\n%.2000s", dom)
	}
	var got map[string]probe
	if err := json.Unmarshal([]byte(html.UnescapeString(string(m[1]))), &got); err != nil {
		t.Fatalf("measurements %s: %v", m[1], err)
	}
	pg, ctl := got["page"], got["control"]

	mu.Lock()
	defer mu.Unlock()
	if hosts["control.storydesk.test"] == 0 {
		t.Errorf("the control's outside image reached no proxy (hosts %v): the request count proves nothing", hosts)
	}
	for h, n := range hosts {
		if h != "control.storydesk.test" && !browserHosts[h] {
			t.Errorf("the page requested %s %d times", h, n)
		}
	}
	if ctl.Resources == 0 {
		t.Error("the control frame lists no resources: the page's count proves nothing")
	}
	if pg.Resources != 0 {
		t.Errorf("the page fetched %d resources", pg.Resources)
	}
	if ctl.ScrollWidth <= 390 {
		t.Errorf("control scroll width %d: a 900 px block should overflow 390 px", ctl.ScrollWidth)
	}
	// The frame is 390 px; its scroll bar may take some of it.
	if pg.ClientWidth > 390 || pg.ClientWidth < 360 || pg.ScrollWidth > pg.ClientWidth {
		t.Errorf("page at 390 px: scroll width %d, client width %d", pg.ScrollWidth, pg.ClientWidth)
	}
	for _, h := range []string{"Key points", "Who said what", "Timeline", "Where the outlets differ", "Only one outlet reports", "Coverage", "Sources"} {
		found := false
		for _, g := range pg.Headings {
			found = found || strings.EqualFold(g, h)
		}
		if !found {
			t.Errorf("rendered page lacks section %q (has %q)", h, pg.Headings)
		}
	}
	if pg.Charts < 2 || pg.Past == 0 || pg.Scheduled == 0 {
		t.Errorf("rendered page: %d charts, %d past and %d scheduled timeline rows; want both charts and both kinds of row", pg.Charts, pg.Past, pg.Scheduled)
	}
}
