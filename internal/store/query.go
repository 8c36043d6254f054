package store

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Query is a parsed search query: every clause must match (AND); a clause
// matches when any of its phrases does (OR).
type Query struct {
	Clauses []Clause
}

// Clause is a set of alternative phrases.
type Clause []Phrase

// Phrase is a run of words that must appear next to each other in order.
// Words hold letters, digits and marks only. With Prefix, the last word
// matches any word it begins.
type Phrase struct {
	Words  []string
	Prefix bool
}

// ParseQuery reads what a user types into a search box. It never fails:
// anything it cannot use is dropped, so a stray quote or a dash never turns
// into a syntax error.
//
// Grammar (informal):
//
//	query  = { item | "OR" }
//	item   = '"' text ( '"' | end ) [ "*" ] | token
//	token  = any run of non-space characters, with an optional trailing "*"
//
// Words are the runs of letters, digits and marks inside an item; a token
// of several words ("Trump-Putin", "U.S.") is a phrase of them, as is a
// quoted text ("working breakfast"). An unclosed quote runs to the end. An
// upper-case OR between two items makes them alternatives; elsewhere it is
// dropped. Items without words ("-", "!!") are dropped.
//
//	Trump-Putin summit  →  "Trump Putin" AND "summit"
//	"working lunch" OR breakfast  →  ("working lunch" OR "breakfast")
//	sanction*  →  prefix "sanction"
func ParseQuery(s string) Query {
	var q Query
	pendingOr := false
	for s != "" {
		r, size := utf8.DecodeRuneInString(s)
		if unicode.IsSpace(r) {
			s = s[size:]
			continue
		}
		var raw string
		if r == '"' {
			end := strings.IndexByte(s[1:], '"')
			if end < 0 {
				raw, s = s[1:], ""
			} else {
				raw, s = s[1:1+end], s[2+end:]
			}
			p := Phrase{Words: words(raw)}
			if strings.HasPrefix(s, "*") {
				p.Prefix = true
				s = s[1:]
			}
			pendingOr = q.add(p, pendingOr)
			continue
		}
		end := strings.IndexFunc(s, func(r rune) bool { return unicode.IsSpace(r) || r == '"' })
		if end < 0 {
			end = len(s)
		}
		raw, s = s[:end], s[end:]
		if raw == "OR" {
			pendingOr = len(q.Clauses) > 0
			continue
		}
		p := Phrase{Words: words(raw), Prefix: strings.HasSuffix(raw, "*")}
		pendingOr = q.add(p, pendingOr)
	}
	return q
}

// add appends p as a new clause, or as an alternative in the last clause
// after an OR. A phrase without words is dropped but keeps a pending OR.
func (q *Query) add(p Phrase, or bool) (pendingOr bool) {
	if len(p.Words) == 0 {
		return or
	}
	if or && len(q.Clauses) > 0 {
		last := len(q.Clauses) - 1
		q.Clauses[last] = append(q.Clauses[last], p)
	} else {
		q.Clauses = append(q.Clauses, Clause{p})
	}
	return false
}

// words splits s into runs of letters, digits and marks, dropping runs of
// marks alone (a tokenizer that strips diacritics would leave them empty).
func words(s string) []string {
	ws := strings.FieldsFunc(s, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsNumber(r) && !unicode.IsMark(r)
	})
	kept := ws[:0]
	for _, w := range ws {
		if strings.IndexFunc(w, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsNumber(r) }) >= 0 {
			kept = append(kept, w)
		}
	}
	if len(kept) == 0 {
		return nil
	}
	return kept
}

// Empty reports whether q has nothing to search for.
func (q Query) Empty() bool { return len(q.Clauses) == 0 }

// String writes q back in the syntax ParseQuery reads, every phrase quoted,
// so that ParseQuery(q.String()) gives q again.
func (q Query) String() string {
	var b strings.Builder
	for i, c := range q.Clauses {
		if i > 0 {
			b.WriteByte(' ')
		}
		for j, p := range c {
			if j > 0 {
				b.WriteString(" OR ")
			}
			b.WriteByte('"')
			b.WriteString(strings.Join(p.Words, " "))
			b.WriteByte('"')
			if p.Prefix {
				b.WriteByte('*')
			}
		}
	}
	return b.String()
}
