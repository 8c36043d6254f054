package extract

import (
	"bufio"
	"errors"
	"fmt"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"golang.org/x/tools/txtar"

	"github.com/storydesk/storydesk/internal/model"
)

// TestTextCases runs the txtar cases in testdata/text. Each case has a
// comment naming where its text comes from, an optional "options" file
// ("reference: RFC 3339 time", "min: N"), an "input" file (the dump) and a
// "want" file of checks, one per line, each on article 1 unless prefixed
// "[n] ":
//
//	articles: N            number of articles returned
//	title: T               exact title ("title:" alone: no title)
//	outlet: O / byline: B / published: P (Time.String form, "" for zero)
//	authors: A, B
//	contains: S            S is in the body
//	not-contains: S        S is in neither body nor title
//	caption: S             S is one of the captions
//	paragraphs: N          number of "\n\n"-separated paragraphs
//	error: ErrNoText       Text returns ErrNoText
//
// A case with a "known" file is a known failure: its text says why, and
// the case fails once all its checks pass, so the file gets removed.
func TestTextCases(t *testing.T) {
	files, err := filepath.Glob("testdata/text/*.txtar")
	if err != nil {
		t.Fatal(err)
	}
	if len(files) < 8 {
		t.Fatalf("found %d txtar cases in testdata/text, want at least 8", len(files))
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			ar, err := txtar.ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			parts := map[string]string{}
			for _, f := range ar.Files {
				parts[f.Name] = string(f.Data)
			}
			opts, err := textCaseOptions(parts["options"])
			if err != nil {
				t.Fatalf("options: %v", err)
			}
			arts, err := Text(parts["input"], opts)
			failures := textCaseCheck(parts["want"], arts, err)
			known := strings.TrimSpace(parts["known"])
			switch {
			case known != "" && len(failures) == 0:
				t.Errorf("known failure (%s) now passes: remove the known file", known)
			case known != "":
				t.Logf("known failure: %s (%d checks fail)", known, len(failures))
			default:
				for _, f := range failures {
					t.Error(f)
				}
				if len(failures) > 0 {
					t.Logf("input:\n%s\ngot:\n%s", parts["input"], textCaseDump(arts))
				}
			}
		})
	}
}

func textCaseOptions(s string) (Options, error) {
	opts := DefaultOptions()
	sc := bufio.NewScanner(strings.NewReader(s))
	for sc.Scan() {
		key, val, ok := strings.Cut(sc.Text(), ":")
		if !ok {
			continue
		}
		val = strings.TrimSpace(val)
		switch strings.TrimSpace(key) {
		case "reference":
			r, err := time.Parse(time.RFC3339, val)
			if err != nil {
				return opts, err
			}
			opts.Reference = r
		case "min":
			n, err := strconv.Atoi(val)
			if err != nil {
				return opts, err
			}
			opts.MinTextChars = n
		default:
			return opts, fmt.Errorf("unknown option %q", key)
		}
	}
	return opts, nil
}

// textCaseCheck returns one message per failed check.
func textCaseCheck(want string, arts []model.Article, err error) []string {
	var fails []string
	failf := func(format string, args ...any) { fails = append(fails, fmt.Sprintf(format, args...)) }
	sc := bufio.NewScanner(strings.NewReader(want))
	for sc.Scan() {
		line := sc.Text()
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		idx := 1
		if strings.HasPrefix(line, "[") {
			n, rest, _ := strings.Cut(line[1:], "] ")
			idx, _ = strconv.Atoi(n)
			line = rest
		}
		key, val, _ := strings.Cut(line, ":")
		val = strings.TrimSpace(val)
		if key == "error" {
			if !errors.Is(err, ErrNoText) {
				failf("error = %v, want %s", err, val)
			}
			continue
		}
		if err != nil {
			failf("unexpected error: %v", err)
			return fails
		}
		if key == "articles" {
			if n, _ := strconv.Atoi(val); len(arts) != n {
				failf("articles = %d, want %d", len(arts), n)
			}
			continue
		}
		if idx < 1 || idx > len(arts) {
			failf("%q: no article %d (have %d)", line, idx, len(arts))
			continue
		}
		if msg := textCaseField(arts[idx-1], key, val); msg != "" {
			failf("article %d: %s", idx, msg)
		}
	}
	return fails
}

func textCaseField(a model.Article, key, val string) string {
	eq := func(name, got string) string {
		if got != val {
			return fmt.Sprintf("%s = %q, want %q", name, got, val)
		}
		return ""
	}
	switch key {
	case "title":
		return eq("title", a.Title)
	case "outlet":
		return eq("outlet", a.Outlet)
	case "byline":
		return eq("byline", a.Byline)
	case "published":
		return eq("published", a.Published.String())
	case "authors":
		return eq("authors", strings.Join(a.Authors, ", "))
	case "paragraphs":
		return eq("paragraphs", strconv.Itoa(len(strings.Split(a.Text, "\n\n"))))
	case "contains":
		if !strings.Contains(a.Text, val) {
			return fmt.Sprintf("body lacks %q", val)
		}
	case "not-contains":
		if strings.Contains(a.Text, val) || strings.Contains(a.Title, val) {
			return fmt.Sprintf("body or title has %q", val)
		}
	case "caption":
		for _, c := range a.Captions {
			if strings.Contains(c, val) {
				return ""
			}
		}
		return fmt.Sprintf("captions %q lack %q", a.Captions, val)
	default:
		return fmt.Sprintf("unknown check %q", key)
	}
	return ""
}

func textCaseDump(arts []model.Article) string {
	var b strings.Builder
	for i, a := range arts {
		fmt.Fprintf(&b, "[%d] title=%q outlet=%q published=%q byline=%q captions=%q\n%s\n", i+1,
			a.Title, a.Outlet, a.Published.String(), a.Byline, a.Captions, a.Text)
	}
	return b.String()
}
