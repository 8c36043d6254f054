package annotate

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/tools/txtar"

	"github.com/storydesk/storydesk/internal/model"
)

// TestQuoteCases runs the txtar cases in testdata/quotes*.txtar: each
// NAME.in is an article, NAME.want its quotes as "speaker <- text" lines.
func TestQuoteCases(t *testing.T) {
	files, _ := filepath.Glob("testdata/quotes*.txtar")
	if len(files) == 0 {
		t.Fatal("no testdata/quotes*.txtar")
	}
	chain := Default(DefaultOptions())
	for _, file := range files {
		b, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		ar := txtar.Parse(b)
		want := map[string]string{}
		for _, f := range ar.Files {
			if name, ok := strings.CutSuffix(f.Name, ".want"); ok {
				want[name] = strings.TrimSpace(string(f.Data))
			}
		}
		for _, f := range ar.Files {
			name, ok := strings.CutSuffix(f.Name, ".in")
			if !ok {
				continue
			}
			t.Run(filepath.Base(file)+"/"+name, func(t *testing.T) {
				a := Run(chain, model.Article{Text: string(f.Data)}, time.Date(2025, 6, 3, 0, 0, 0, 0, time.UTC))
				var got []string
				for _, q := range a.Quotes {
					got = append(got, q.Speaker+" <- "+q.Text)
				}
				if g := strings.Join(got, "\n"); g != want[name] {
					t.Errorf("input:\n%s\ngot:\n%s\nwant:\n%s", f.Data, g, want[name])
				}
			})
		}
	}
}
