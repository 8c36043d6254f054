package postgres

import (
	"strings"
	"testing"

	"github.com/storydesk/storydesk/internal/store"
)

// FuzzTSQuery checks that whatever a user types becomes a to_tsquery
// expression whose quotes pair up around words and whose brackets balance,
// so that no input reaches PostgreSQL as syntax. The server-side check is
// the conformance suite's odd queries.
func FuzzTSQuery(f *testing.F) {
	for _, s := range []string{"Starmer", `"working lunch" OR breakfast`, "sanction*", "Trump-Putin", `'a' & !b | (c)`, `"`, "\\'x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		q := tsquery(store.ParseQuery(s))
		depth, quoted := 0, false
		for _, r := range q {
			switch {
			case r == '\'':
				quoted = !quoted
			case quoted && (r == '\\' || r == ':'):
				t.Fatalf("tsquery(%q) = %q: %q inside a quoted word", s, q, r)
			case quoted:
			case r == '(':
				depth++
			case r == ')':
				depth--
				if depth < 0 {
					t.Fatalf("tsquery(%q) = %q: unbalanced brackets", s, q)
				}
			case !strings.ContainsRune(" &|<->:*", r):
				t.Fatalf("tsquery(%q) = %q: %q outside a quoted word", s, q, r)
			}
		}
		if quoted || depth != 0 {
			t.Fatalf("tsquery(%q) = %q: unclosed quote or bracket", s, q)
		}
	})
}
