package source

import (
	"bytes"
	"strings"
)

// Robots is a parsed robots.txt (RFC 9309). The grammar read:
//
//	file   = *(group | other-line)
//	group  = 1*("user-agent" ":" token) *(("allow" | "disallow") ":" pattern)
//	pattern: a path prefix where "*" matches any run of characters and a
//	         final "$" anchors the end
//
// Keys are case-insensitive, "#" starts a comment, other keys (sitemap,
// crawl-delay) are ignored. For example, with
//
//	User-agent: *
//	Disallow: /private/
//	Allow: /private/press/
//
// "/private/x" is disallowed and "/private/press/x" allowed. The zero value
// and a nil *Robots allow everything.
type Robots struct {
	groups []robotsGroup
}

type robotsGroup struct {
	agents []string // lower-cased product tokens, "*" for any
	rules  []robotsRule
}

type robotsRule struct {
	allow   bool
	pattern string
}

// ParseRobots reads a robots.txt body. It never fails: lines it does not
// understand are skipped, as the RFC asks.
func ParseRobots(data []byte) *Robots {
	r := &Robots{}
	var cur *robotsGroup
	inRules := false
	for len(data) > 0 {
		var line []byte
		if i := bytes.IndexAny(data, "\r\n"); i >= 0 {
			line, data = data[:i], data[i+1:]
		} else {
			line, data = data, nil
		}
		if i := bytes.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		key, value, ok := bytes.Cut(line, []byte(":"))
		if !ok {
			continue
		}
		k := strings.ToLower(strings.TrimSpace(string(key)))
		v := strings.TrimSpace(string(value))
		switch k {
		case "user-agent", "useragent", "user agent":
			if cur == nil || inRules {
				r.groups = append(r.groups, robotsGroup{})
				cur = &r.groups[len(r.groups)-1]
				inRules = false
			}
			agent, _, _ := strings.Cut(v, "/")
			cur.agents = append(cur.agents, strings.ToLower(strings.TrimSpace(agent)))
		case "allow", "disallow":
			if cur == nil {
				continue // rules before any user-agent line belong to no group
			}
			inRules = true
			if v == "" {
				continue // an empty rule matches nothing
			}
			cur.rules = append(cur.rules, robotsRule{allow: k == "allow", pattern: v})
		}
	}
	return r
}

// Allowed reports whether agent (a product token such as "storydesk") may
// fetch path (the URL's escaped path and query, "/a/b?c=d"). The groups
// naming agent apply, else those for "*"; the longest matching rule wins,
// Allow on a tie; no matching rule allows. "/robots.txt" is always allowed.
func (r *Robots) Allowed(agent, path string) bool {
	if r == nil || path == "/robots.txt" {
		return true
	}
	if path == "" || path[0] != '/' {
		path = "/" + path
	}
	agent = strings.ToLower(agent)
	want := "*"
	for _, g := range r.groups {
		if agent != "" && hasAgent(g.agents, agent) {
			want = agent
			break
		}
	}
	best, allow := -1, true
	for _, g := range r.groups {
		if !hasAgent(g.agents, want) {
			continue
		}
		for _, rule := range g.rules {
			if len(rule.pattern) < best || !robotsMatch(rule.pattern, path) {
				continue
			}
			if len(rule.pattern) > best || rule.allow {
				best, allow = len(rule.pattern), rule.allow
			}
		}
	}
	return allow
}

// hasAgent reports whether agents holds agent.
func hasAgent(agents []string, agent string) bool {
	for _, a := range agents {
		if a == agent {
			return true
		}
	}
	return false
}

// robotsMatch reports whether pattern matches a prefix of path ("*" any
// run, a final "$" anchors the end). It runs in O(len(pattern)·len(path))
// at worst, without recursion.
func robotsMatch(pattern, path string) bool {
	anchored := strings.HasSuffix(pattern, "$")
	if anchored {
		pattern = pattern[:len(pattern)-1]
	}
	p, s := 0, 0
	star, mark := -1, 0
	for s < len(path) {
		switch {
		case p < len(pattern) && pattern[p] == '*':
			star, mark = p, s
			p++
		case p < len(pattern) && pattern[p] == path[s]:
			p++
			s++
		case p == len(pattern) && !anchored:
			return true // the pattern matched a prefix
		case star >= 0:
			p = star + 1
			mark++
			s = mark
		default:
			return false
		}
	}
	for p < len(pattern) && pattern[p] == '*' {
		p++
	}
	return p == len(pattern)
}
