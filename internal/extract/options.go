package extract

import (
	"errors"
	"time"
)

// ErrNoText is returned when a document holds no article text.
var ErrNoText = errors.New("no article text")

// Options tunes extraction. The zero value is not useful; start from
// DefaultOptions.
type Options struct {
	// MinTextChars is the shortest body, in characters, that counts as an
	// article; a shorter one gives ErrNoText. 0 accepts any non-empty body.
	MinTextChars int
	// Reference is the moment relative ages ("5 hours ago") and relative
	// dates are resolved against when the document itself gives no date.
	// Zero means unknown: such dates are left unresolved.
	Reference time.Time
}

// DefaultOptions returns the options storydesk runs with.
func DefaultOptions() Options {
	return Options{MinTextChars: 80}
}
