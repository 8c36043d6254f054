package source

import (
	"errors"
	"strings"

	"github.com/storydesk/storydesk/internal/model"
)

// Sentinels callers may branch on with errors.Is.
var (
	// ErrRefused: the destination address or scheme is not allowed.
	ErrRefused = errors.New("destination refused")
	// ErrTooLarge: a file, response or decompressed stream passed its cap.
	ErrTooLarge = errors.New("too large")
	// ErrTimeout: a connection or read timed out.
	ErrTimeout = errors.New("timed out")
	// ErrRobots: robots.txt disallows the URL for our User-Agent.
	ErrRobots = errors.New("disallowed by robots.txt")
	// ErrUnsupported: an input of a kind storydesk does not read (a scheme
	// other than http and https, a binary file).
	ErrUnsupported = errors.New("unsupported input")
	// ErrDecode: the bytes cannot be decoded as text in any supported
	// encoding, or they declare an encoding storydesk does not know.
	ErrDecode = errors.New("undecodable text")
	// ErrMalformed: a feed, OPML file or JSON/JSONL record is broken.
	ErrMalformed = errors.New("malformed")
	// ErrNotFound: a missing file, or an HTTP 404 or 410.
	ErrNotFound = errors.New("not found")
	// ErrRedirects: more redirects than FetchOptions.MaxRedirects.
	ErrRedirects = errors.New("too many redirects")
	// ErrStatus: an HTTP status other than 2xx, 304 or 404/410.
	ErrStatus = errors.New("unexpected HTTP status")
)

// Kind says how a Document's Body is to be read.
type Kind int

const (
	// KindText is a plain text dump.
	KindText Kind = iota
	// KindHTML is a web page or an HTML fragment (a feed entry's content).
	KindHTML
	// KindArticle is already structured: a JSON/JSONL record whose Body is
	// its text, kept exactly as given.
	KindArticle
)

func (k Kind) String() string {
	switch k {
	case KindText:
		return "text"
	case KindHTML:
		return "html"
	case KindArticle:
		return "article"
	}
	return "unknown"
}

// Document is one readable unit of an input, decoded to UTF-8.
type Document struct {
	// Source is the input path or URL that produced it: for a file inside
	// a directory that file's path; for a feed entry the entry's link,
	// else feedURL#n (n counting from 1); for a JSON/JSONL record
	// "path:line".
	Source string
	// URL is the document's own URL when known.
	URL  string
	Kind Kind
	// Body is UTF-8: HTML or text, or for KindArticle the record's text.
	Body []byte
	// Hint is the metadata already known: a JSONL record's fields (Text
	// kept exactly as given) or a feed entry's title, link, published
	// time, authors and the feed's title as Outlet.
	Hint model.Article
}

// Error is the failure of one input or one part of it.
type Error struct {
	// Input is the path, URL, "path:line" or feed entry that failed.
	Input string
	Err   error
}

// Error returns "<input>: <reason>" on one line.
func (e *Error) Error() string {
	msg := "<nil>"
	if e.Err != nil {
		msg = e.Err.Error()
	}
	return oneLine(e.Input + ": " + msg)
}

func (e *Error) Unwrap() error { return e.Err }

// oneLine folds line breaks and tabs into spaces.
func oneLine(s string) string {
	if !strings.ContainsAny(s, "\r\n\t") {
		return s
	}
	return strings.Join(strings.Fields(s), " ")
}

// wrapError returns err as an *Error for input unless it already is one.
func wrapError(input string, err error) error {
	var e *Error
	if errors.As(err, &e) {
		return err
	}
	return &Error{Input: input, Err: err}
}
