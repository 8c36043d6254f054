package extract

import (
	"errors"
	"fmt"
	"github.com/storydesk/storydesk/internal/seedtest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/storydesk/storydesk/internal/model"
)

func ExampleText() {
	dump := " date 2025-08-14 Zelensky arrived in London on Thursday for talks with the prime minister.\n" +
		"Follow Daily News on WhatsApp\n" +
		"15:21\n" +
		"Starmer greeted him on the steps of Downing Street before the meeting.\n" +
		"- Agence France-Presse\n"
	arts, err := Text(dump, Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	a := arts[0]
	fmt.Printf("%s | %s\n%s\n", a.Published, a.Outlet, a.Text)
	// Output:
	// 2025-08-14 | Agence France-Presse
	// Zelensky arrived in London on Thursday for talks with the prime minister.
	//
	// Starmer greeted him on the steps of Downing Street before the meeting.
}

func TestTextLineRoles(t *testing.T) {
	// Each case is one line between two ordinary paragraphs; kept says
	// whether it stays in the body.
	const before = "The minister announced the plan at a press conference on Tuesday morning in the capital."
	const after = "Opposition parties said they would study the details before deciding how to vote on it."
	tests := []struct {
		name, line string
		kept       bool
	}{
		{"video duration", "03:14", false},
		{"clock with seconds", "1:02:33", false},
		{"chrome heading", "Related Articles", false},
		{"comments widget", "No comments yet...", false},
		{"social plug", "Follow Harbour Times on Instagram", false},
		{"app plug", "Download our app to get breaking news alerts on your phone", false},
		{"newsletter plug", "Sign up for our free morning newsletter", false},
		{"contact line", "Get in touch with our team at news@example-times.com.", false},
		{"more stories", "For more stories like this, visit our homepage.", false},
		{"relative age", "3 hours ago", false},
		{"short sentence", "The vote is due on Friday.", true},
		{"imperative in prose", "Get out, the crowd shouted at the officials as they left.", true},
		{"quote with you", "\"You cannot run a country on promises,\" she told the crowd.", true},
		{"subheading", "What happens next?", true},
		{"long paragraph with our", "Our correspondent in the capital said the mood among officials was tense, with many expecting a close vote.", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := before + "\n" + tt.line + "\n" + after + "\n"
			arts, err := Text(in, Options{})
			if err != nil {
				t.Fatal(err)
			}
			paras := strings.Split(arts[0].Text, "\n\n")
			if got := dumpContainsString(paras, tt.line); got != tt.kept {
				t.Errorf("line %q kept = %v, want %v; body:\n%s", tt.line, got, tt.kept, arts[0].Text)
			}
		})
	}
}

func TestTextDates(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"Published: 14 August 2025", "2025-08-14"},
		{"Thursday 14 August 2025 14:05 BST", "2025-08-14T14:05:00+01:00"},
		{"Aug. 14, 2025 at 2:15 p.m. EDT", "2025-08-14T14:15:00-04:00"},
		{"Updated 2025-08-14T10:30:00Z", "2025-08-14T10:30:00Z"},
		{"14 August 2025 10:32", "2025-08-14"},                   // no zone: the clock is dropped
		{"31 June 2025", ""},                                     // not a date
		{"The summit was held on 15 August 2025 in Alaska.", ""}, // a sentence, not a date line
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, _, _ := dumpDateLine(tt.in)
			if got.String() != tt.want {
				t.Errorf("dumpDateLine(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestTextAgeResolve(t *testing.T) {
	clock := model.At(time.Date(2025, 8, 20, 9, 0, 0, 0, time.UTC))
	day := model.Date(2025, 8, 20)
	tests := []struct {
		age  string
		base model.Time
		want string
	}{
		{"5 hours ago", clock, "2025-08-20T04:00:00Z"},
		{"an hour ago", clock, "2025-08-20T08:00:00Z"},
		{"2 days ago", clock, "2025-08-18"},
		{"yesterday", clock, "2025-08-19"},
		{"1 week ago", day, "2025-08-13"},
		{"3 months ago", day, "2025-05-20"},
		{"14 hours ago", day, "2025-08-20"}, // date-only base: hours keep its date
		{"2 days ago", model.Time{}, ""},    // nothing to resolve against
	}
	for _, tt := range tests {
		t.Run(tt.age+"/"+tt.base.String(), func(t *testing.T) {
			a, ok := dumpParseAge(tt.age)
			if !ok {
				t.Fatalf("dumpParseAge(%q) failed", tt.age)
			}
			if got := a.resolve(tt.base).String(); got != tt.want {
				t.Errorf("%q against %q = %q, want %q", tt.age, tt.base, got, tt.want)
			}
		})
	}
}

func TestTextDomainName(t *testing.T) {
	tests := []struct{ host, want string }{
		{"metro.co.uk", "Metro"},
		{"webnews.metro.co.uk", "Metro"},
		{"bbc.co.uk", "BBC"},
		{"theguardian.com", "The Guardian"},
		{"evening-standard.co.uk", "Evening Standard"},
		{"gmail.com", ""},
		{"localhost", ""},
	}
	for _, tt := range tests {
		t.Run(tt.host, func(t *testing.T) {
			if got := dumpDomainName(tt.host); got != tt.want {
				t.Errorf("dumpDomainName(%q) = %q, want %q", tt.host, got, tt.want)
			}
		})
	}
}

func TestTextByline(t *testing.T) {
	tests := []struct {
		in, byline, authors, org string
	}{
		{"By Jane Doe", "Jane Doe", "Jane Doe", ""},
		{"By Jane Doe and John Roe", "Jane Doe and John Roe", "Jane Doe|John Roe", ""},
		{"By Jane Doe, Political Correspondent", "Jane Doe, Political Correspondent", "Jane Doe", ""},
		{"By Jane Doe, Harbour News", "Jane Doe, Harbour News", "Jane Doe", "Harbour News"},
		{"By the time the polls closed, turnout had reached a record.", "", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			byline, authors, org, _ := dumpByline(tt.in)
			if byline != tt.byline || strings.Join(authors, "|") != tt.authors || org != tt.org {
				t.Errorf("dumpByline(%q) = %q, %q, %q; want %q, %q, %q",
					tt.in, byline, authors, org, tt.byline, tt.authors, tt.org)
			}
		})
	}
}

func TestTextNoText(t *testing.T) {
	for _, in := range []string{"", "\n\n  \n", "Share\nComments\n01:25\n"} {
		if _, err := Text(in, DefaultOptions()); !errors.Is(err, ErrNoText) {
			t.Errorf("Text(%q) error = %v, want ErrNoText", in, err)
		}
	}
}

// FuzzText checks that any input gives either ErrNoText or articles with
// text, whose every paragraph, title and caption is taken from the input:
// a line trimmed or cut, or the lines of a wrapped paragraph joined by a
// space, never rewritten.
func FuzzText(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join(seedtest.Root(f), "testdata", "seeds", "*.txt"))
	for _, file := range files {
		if b, err := os.ReadFile(file); err == nil {
			f.Add(string(b))
		}
	}
	f.Add("Headline here\nBy Jane Doe\nPublished: 1 May 2024\nA paragraph of text that is long enough to count as the body of an article.\n")
	f.Add("Page\n5 hours ago\n- Outlet\nTitle line\nBody line.\n")
	f.Fuzz(func(t *testing.T, in string) {
		arts, err := Text(in, Options{})
		if err != nil {
			if !errors.Is(err, ErrNoText) {
				t.Fatalf("error %v is not ErrNoText", err)
			}
			return
		}
		if len(arts) == 0 {
			t.Fatal("no articles and no error")
		}
		// Lines of a hard-wrapped paragraph come back joined by a space.
		lines := strings.Split(in, "\n")
		for i := range lines {
			lines[i] = strings.TrimSpace(lines[i])
		}
		joined := strings.Join(lines, " ")
		for i, a := range arts {
			if a.Text == "" {
				t.Fatalf("article %d has no text", i)
			}
			pieces := append(strings.Split(a.Text, "\n\n"), a.Captions...)
			if a.Title != "" {
				pieces = append(pieces, a.Title)
			}
			for _, p := range pieces {
				if p == "" || !strings.Contains(joined, p) {
					t.Fatalf("article %d: %q is not taken from the input", i, p)
				}
			}
		}
	})
}

func BenchmarkText(b *testing.B) {
	files, _ := filepath.Glob(filepath.Join(seedtest.Root(b), "testdata", "seeds", "*.txt"))
	var docs []string
	size := 0
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			b.Fatal(err)
		}
		docs = append(docs, string(data))
		size += len(data)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	arts := 0
	start := time.Now()
	for b.Loop() {
		for _, d := range docs {
			as, err := Text(d, DefaultOptions())
			if err != nil {
				b.Fatal(err)
			}
			arts += len(as)
		}
	}
	// SetBytes makes the benchmark print MB/s; articles/s counts the
	// embedded articles too.
	b.ReportMetric(float64(arts)/time.Since(start).Seconds(), "articles/s")
}

func TestTextReferenceDate(t *testing.T) {
	// The CLI's --date gives a Reference at midnight UTC: a date, against
	// which "5 hours ago" stays on that date.
	dump := "Page headline for the test\nA paragraph long enough to be the body of the page's own article, ending here.\n" +
		"Some Outlet\n5 hours ago\n- Some Outlet\nTeaser headline here\nTeaser body that says what happened in a sentence.\n"
	tests := []struct {
		ref  time.Time
		want string
	}{
		{time.Date(2025, 8, 14, 0, 0, 0, 0, time.UTC), "2025-08-14"},
		{time.Date(2025, 8, 14, 3, 0, 0, 0, time.UTC), "2025-08-13T22:00:00Z"},
		{time.Time{}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.ref.String(), func(t *testing.T) {
			arts, err := Text(dump, Options{Reference: tt.ref})
			if err != nil {
				t.Fatal(err)
			}
			if len(arts) != 2 {
				t.Fatalf("got %d articles, want 2", len(arts))
			}
			if got := arts[1].Published.String(); got != tt.want {
				t.Errorf("teaser published = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestTextCaptions(t *testing.T) {
	tests := []struct {
		line string
		want bool
	}{
		{"Rescue workers at the scene on Tuesday. Photo / Getty Images", true},
		{"Rescue workers at the scene on Tuesday. (Photo by Jane Doe/AFP)", true},
		{"Rescue workers at the scene on Tuesday. Photograph: Jane Doe/AP", true},
		{"Rescue workers at the scene on Tuesday (REUTERS/Jane Doe)", true},
		{"Image caption, Rescue workers at the scene on Tuesday", true},
		{"Watch: Rescue workers describe the scene", true},
		{"The minister visited the site on Tuesday, as our Political Editor Jane Doe reports.", true},
		{"The minister visited the site on Tuesday, reports Political Editor Jane Doe.", true},
		{"The minister visited the site on Tuesday, the agency reports.", false},
		{"Photo-sharing app Instagram said it would change its rules on Tuesday.", false},
		{"The photo was taken by a passer-by and shared thousands of times.", false},
	}
	for _, tt := range tests {
		t.Run(tt.line, func(t *testing.T) {
			if got := dumpIsCaption(tt.line); got != tt.want {
				t.Errorf("dumpIsCaption(%q) = %v, want %v", tt.line, got, tt.want)
			}
		})
	}
}

func TestTextSiteName(t *testing.T) {
	tests := []struct{ line, want string }{
		{"Follow STV News on WhatsApp", "STV News"},
		{"Follow us on Twitter", ""},
		{"Explore what Daily8 AI can do for you:", "Daily8"},
		{"Download the Harbour Times app", "Harbour Times"},
		{"Sign up to the Morning Post newsletter", "Morning Post"},
		{"© 2025 Valley Echo. All rights reserved.", "Valley Echo"},
		{"Valley Echo © 2025", "Valley Echo"},
		{"The BBC is not responsible for the content of external sites.", "BBC"},
		{"Get in touch with our news team by emailing us at webnews@metro.co.uk.", "Metro"},
		{"Send your tips to reporter@gmail.com", ""},
		{"Visit www.coastal-times.co.uk for more", "Coastal Times"},
	}
	for _, tt := range tests {
		t.Run(tt.line, func(t *testing.T) {
			if got := dumpSiteName(tt.line); got != tt.want {
				t.Errorf("dumpSiteName(%q) = %q, want %q", tt.line, got, tt.want)
			}
		})
	}
}

func TestTextFooterOutlet(t *testing.T) {
	dump := "Harbour reopens after storm repairs\n" +
		"The harbour reopened to fishing boats on Friday after three weeks of repairs to its storm-damaged sea wall.\n" +
		"The harbour master said all moorings would be available again by the end of the month.\n" +
		"The BBC is not responsible for the content of external sites.\n"
	arts, err := Text(dump, Options{})
	if err != nil {
		t.Fatal(err)
	}
	a := arts[0]
	if a.Outlet != "BBC" || strings.Contains(a.Text, "not responsible") {
		t.Errorf("outlet %q, body:\n%s\nwant outlet BBC and no footer notice", a.Outlet, a.Text)
	}
}

func TestTextLanguage(t *testing.T) {
	tests := []struct{ name, text, want string }{
		{"english", "The minister said on Tuesday that the plan would be published in the spring and that it was not final.", "en"},
		{"german", "Der Minister sagte am Dienstag, dass der Plan im Frühjahr veröffentlicht wird und dass er nicht endgültig ist.", "de"},
		{"french", "Le ministre a déclaré mardi que le plan sera publié au printemps et qu'il n'est pas définitif pour les régions.", "fr"},
		{"spanish", "El ministro dijo el martes que el plan se publicará en primavera y que no es definitivo para las regiones.", "es"},
		{"too short to tell", "Brexit", ""},
		{"no words", "12:30 — 45%", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := dumpLanguage(tt.text); got != tt.want {
				t.Errorf("dumpLanguage(%q) = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}
