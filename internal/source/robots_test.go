package source

import (
	"bytes"
	"strings"
	"testing"
)

func TestRobotsAllowed(t *testing.T) {
	const file = `# comment
User-agent: otherbot
Disallow: /

User-agent: *
Disallow: /private/
Allow: /private/press/
Disallow: /*.pdf$
Disallow: /search?q=
Disallow:

user-agent: StoryDesk/2.0
user-agent: friend
disallow: /drafts   # trailing comment
allow: /drafts/public
Sitemap: https://example.com/sitemap.xml
`
	cases := []struct {
		agent, path string
		want        bool
	}{
		{"somebot", "/", true},
		{"somebot", "/private/x", false},
		{"somebot", "/private/press/x", true},
		{"somebot", "/private", true},
		{"somebot", "/files/a.pdf", false},
		{"somebot", "/files/a.pdf?x", true},
		{"somebot", "/search?q=war", false},
		{"somebot", "/search", true},
		{"otherbot", "/anything", false},
		{"OTHERBOT", "/anything", false},
		{"otherbot", "/robots.txt", true},
		{"storydesk", "/private/x", true}, // its own group replaces "*"
		{"storydesk", "/drafts/1", false},
		{"storydesk", "/drafts/public/1", true},
		{"friend", "/draftsman", false},
		{"storydesk", "", true},
	}
	r := ParseRobots([]byte(file))
	for _, tc := range cases {
		t.Run(tc.agent+tc.path, func(t *testing.T) {
			if got := r.Allowed(tc.agent, tc.path); got != tc.want {
				t.Errorf("Allowed(%q, %q) = %v, want %v", tc.agent, tc.path, got, tc.want)
			}
		})
	}
}

func TestRobotsMatch(t *testing.T) {
	cases := []struct {
		pattern, path string
		want          bool
	}{
		{"/", "/a", true},
		{"/a", "/b", false},
		{"/a*c", "/abbbc/d", true},
		{"/a*c$", "/abbbc/d", false},
		{"/a*c$", "/abbbc", true},
		{"*", "/x", true},
		{"/*/b", "/a/x/b", true},
		{"/**b", "/aab", true},
		{"/x$", "/x", true},
		{"/x$", "/xy", false},
		{"/a*b*c*d", "/aXbYc", false},
	}
	for _, tc := range cases {
		t.Run(tc.pattern+" "+tc.path, func(t *testing.T) {
			if got := robotsMatch(tc.pattern, tc.path); got != tc.want {
				t.Errorf("robotsMatch(%q, %q) = %v, want %v", tc.pattern, tc.path, got, tc.want)
			}
		})
	}
}

func TestRobotsEmptyAllowsAll(t *testing.T) {
	for _, r := range []*Robots{nil, ParseRobots(nil), ParseRobots([]byte("Disallow: /\n"))} {
		if !r.Allowed("storydesk", "/x") {
			t.Errorf("%+v disallows /x; rules outside a group must not apply", r)
		}
	}
}

// FuzzRobots checks that parsing and matching never panic, that a file
// without a Disallow rule allows everything, and that a catch-all
// "Disallow: /" added for every agent disallows everything but robots.txt.
func FuzzRobots(f *testing.F) {
	f.Add([]byte("User-agent: *\nDisallow: /private\nAllow: /private/ok$\n"), "/private/x")
	f.Add([]byte("user-agent: storydesk\ndisallow: /*.pdf$\n"), "/a.pdf")
	f.Add([]byte("User-agent:*\r\nDisallow:/**a*b*c*d*e$\r\n"), "/aaaaaaaaaaaaaaaaaaaa")
	f.Fuzz(func(t *testing.T, data []byte, path string) {
		r := ParseRobots(data)
		allowed := r.Allowed("storydesk", path)
		if !bytes.Contains(bytes.ToLower(data), []byte("disallow")) && !allowed {
			t.Fatalf("no Disallow rule, yet %q is disallowed", path)
		}
		strict := ParseRobots([]byte("User-agent: *\nDisallow: /\nUser-agent: storydesk\nDisallow: /\n"))
		p := "/" + strings.TrimPrefix(path, "/")
		if p != "/robots.txt" && strict.Allowed("storydesk", p) {
			t.Fatalf("Disallow: / allows %q", p)
		}
	})
}
