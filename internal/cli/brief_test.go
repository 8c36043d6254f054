package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/storydesk/storydesk/internal/model"
)

// seedsDir is the bundled example, relative to this package.
const seedsDir = "../../testdata/seeds"

// run runs the CLI and returns stdout, stderr and the exit code.
func run(t *testing.T, args ...string) (string, string, int) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := Main(context.Background(), args, &out, &errOut)
	return out.String(), errOut.String(), code
}

// goldDocuments reads the documents section of the seeds' gold file, or
// skips the test when ../shared is not beside the repository.
func goldDocuments(t *testing.T) []goldDocument {
	t.Helper()
	b, err := os.ReadFile("../../../shared/gold/seeds.json")
	if err != nil {
		t.Skipf("gold file not available: %v", err)
	}
	var g struct {
		Documents []goldDocument `json:"documents"`
	}
	if err := json.Unmarshal(b, &g); err != nil {
		t.Fatalf("gold: %v", err)
	}
	return g.Documents
}

type goldDocument struct {
	File             string   `json:"file"`
	Outlet           *string  `json:"outlet"`
	Title            *string  `json:"title"`
	Published        *string  `json:"published"`
	PublishedBasis   string   `json:"published_basis"`
	BoilerplateLines []string `json:"boilerplate_lines"`
	CaptionLines     []string `json:"caption_lines"`
	MetadataPrefix   *string  `json:"metadata_prefix"`
	Embedded         []struct {
		Outlet string `json:"outlet"`
		Title  string `json:"title"`
		First  string `json:"body_first_60"`
	} `json:"embedded_articles"`
}

// TestBriefSeeds checks the briefing of the bundled seeds: eight articles
// (the five files and the three France 24 articles carried inside 000)
// whose outlet, title and date agree with the gold documents, with no
// boilerplate line left in any body.
func TestBriefSeeds(t *testing.T) {
	out, stderr, code := run(t, "brief", "--format", "json", "--quiet", seedsDir)
	if code != 0 {
		t.Fatalf("brief exited %d; stderr:\n%s", code, stderr)
	}
	var b model.Brief
	if err := json.Unmarshal([]byte(out), &b); err != nil {
		t.Fatalf("brief output is not JSON: %v\n%s", err, out)
	}
	var refs []model.ArticleRef
	for _, s := range b.Stories {
		refs = append(refs, s.Articles...)
	}
	if len(refs) != 8 {
		t.Fatalf("got %d articles, want 8", len(refs))
	}
	texts := seedTexts(t)
	docs := goldDocuments(t)
	for _, g := range docs {
		page := findBySource(refs, g.File)
		if page == nil {
			t.Errorf("%s: no article", g.File)
			continue
		}
		if g.Outlet != nil && page.Outlet != *g.Outlet {
			t.Errorf("%s: outlet %q, want %q", g.File, page.Outlet, *g.Outlet)
		}
		if g.Title != nil && page.Title != *g.Title {
			t.Errorf("%s: title %q, want %q", g.File, page.Title, *g.Title)
		}
		if g.Title == nil && page.Title != "" {
			t.Errorf("%s: title %q, but the file has no headline", g.File, page.Title)
		}
		if g.Published != nil && g.PublishedBasis == "stated" && page.Published.Day() != *g.Published {
			t.Errorf("%s: published %q, want %q", g.File, page.Published, *g.Published)
		}
		var carried []model.ArticleRef
		for _, r := range refs {
			if r.EmbeddedIn == page.ID {
				carried = append(carried, r)
			}
		}
		if len(carried) != len(g.Embedded) {
			t.Errorf("%s: %d carried articles, want %d", g.File, len(carried), len(g.Embedded))
			continue
		}
		for i, want := range g.Embedded {
			got := carried[i]
			ok := false
			for _, c := range carried {
				if c.Title == want.Title {
					got, ok = c, true
				}
			}
			if !ok {
				t.Errorf("%s: no carried article titled %q", g.File, want.Title)
				continue
			}
			if got.Outlet != want.Outlet {
				t.Errorf("%s: carried %q outlet %q, want %q", g.File, want.Title, got.Outlet, want.Outlet)
			}
			if !strings.HasPrefix(texts[got.ID], want.First) {
				t.Errorf("%s: carried %q body starts %.60q, want %q", g.File, want.Title, texts[got.ID], want.First)
			}
		}
		for _, r := range append(carried, *page) {
			for _, line := range append(g.BoilerplateLines, g.CaptionLines...) {
				for _, l := range strings.Split(texts[r.ID], "\n") {
					if strings.TrimSpace(l) == strings.TrimSpace(line) {
						t.Errorf("%s: body of %s keeps the line %q", g.File, r.ID, line)
					}
				}
			}
			if g.MetadataPrefix != nil && strings.Contains(texts[r.ID], strings.TrimSpace(*g.MetadataPrefix)) {
				t.Errorf("%s: body keeps the prefix %q", g.File, *g.MetadataPrefix)
			}
		}
	}
}

// seedTexts maps article ids to body texts, from extract's JSON lines.
func seedTexts(t *testing.T) map[string]string {
	t.Helper()
	out, stderr, code := run(t, "extract", "--format", "json", "--quiet", seedsDir)
	if code != 0 {
		t.Fatalf("extract exited %d; stderr:\n%s", code, stderr)
	}
	texts := make(map[string]string)
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		var r extractRecord
		if err := json.Unmarshal([]byte(line), &r); err != nil {
			t.Fatalf("extract line is not JSON: %v\n%s", err, line)
		}
		texts[r.ID] = r.Text
	}
	return texts
}

func findBySource(refs []model.ArticleRef, file string) *model.ArticleRef {
	for i, r := range refs {
		if filepath.Base(r.Source) == file && r.EmbeddedIn == "" {
			return &refs[i]
		}
	}
	return nil
}

// TestBadInputs checks that a failing input is named on one stderr line,
// the run goes on with the rest, and the exit code is 1.
func TestBadInputs(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.txt")
	body := "Officials said on Monday that the bridge would reopen next week after repairs.\n\nThe work cost more than expected, the council said in a statement.\n"
	if err := os.WriteFile(good, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	missing := filepath.Join(dir, "missing.html")
	out, stderr, code := run(t, "extract", "--format", "json", "--quiet", missing, good)
	if code != 1 {
		t.Errorf("exit code %d, want 1", code)
	}
	lines := strings.Split(strings.TrimSpace(stderr), "\n")
	if len(lines) != 1 || !strings.Contains(lines[0], missing) {
		t.Errorf("stderr should be one line naming %s, got:\n%s", missing, stderr)
	}
	if !strings.Contains(out, "bridge would reopen") {
		t.Errorf("the good input was not extracted; stdout:\n%s", out)
	}
}

func TestUsageErrors(t *testing.T) {
	for _, args := range [][]string{{"nosuch"}, {"brief"}, {"brief", "--format", "pdf", seedsDir}, {"extract", "--date", "14/08/2025", seedsDir}} {
		if _, _, code := run(t, args...); code != 2 {
			t.Errorf("%q: exit code %d, want 2", args, code)
		}
	}
}

func TestInterspersedFlags(t *testing.T) {
	fs := newFlags(&env{stderr: &bytes.Buffer{}}, "x", "", "")
	format := fs.String("format", "text", "")
	quiet := fs.Bool("quiet", false, "")
	if err := parse(fs, []string{"a", "--format", "json", "b", "--quiet", "--", "--c"}); err != nil {
		t.Fatal(err)
	}
	if *format != "json" || !*quiet {
		t.Errorf("format %q quiet %v, want json true", *format, *quiet)
	}
	if got := strings.Join(fs.Args(), " "); got != "a b --c" {
		t.Errorf("args %q, want %q", got, "a b --c")
	}
}

func TestClusterSeeds(t *testing.T) {
	out, stderr, code := run(t, "cluster", seedsDir, "--format", "json", "--quiet")
	if code != 0 {
		t.Fatalf("cluster exited %d: %s", code, stderr)
	}
	stories := make(map[string]int)
	threads := make(map[string]bool)
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		var r struct{ ID, Source, Story, Thread string }
		if err := json.Unmarshal([]byte(line), &r); err != nil {
			t.Fatalf("%v: %s", err, line)
		}
		if r.ID == "" || r.Story == "" || r.Thread == "" {
			t.Errorf("incomplete line %s", line)
		}
		stories[r.Story]++
		threads[r.Thread] = true
	}
	if len(threads) != 1 || len(stories) < 2 {
		t.Errorf("got %d stories in %d threads, want the seeds' story and the carried articles' in one thread: %v", len(stories), len(threads), stories)
	}
}

// TestBriefStoredTwice briefs the seeds into a database twice: the second
// run, with every article already stored, must print the same briefing.
func TestBriefStoredTwice(t *testing.T) {
	db := filepath.Join(t.TempDir(), "b.db")
	first, stderr, code := run(t, "brief", "--db", db, "--format", "json", seedsDir)
	if code != 0 {
		t.Fatalf("first brief: code %d, %s", code, stderr)
	}
	again, stderr, code := run(t, "brief", "--db", db, "--format", "json", seedsDir)
	if code != 0 || again != first {
		t.Errorf("second brief on the same database: code %d, stderr %q, same output %v", code, stderr, again == first)
	}
}
