package source

import (
	"bytes"
	"context"
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/mmcdole/gofeed"

	"github.com/storydesk/storydesk/internal/model"
)

// feed yields one document per entry of an RSS 2.0, RSS 1.0/RDF, Atom or
// JSON Feed document (text is UTF-8).
//
// An entry whose content (content:encoded, Atom content, JSON Feed
// content_html, or a long summary) reaches Options.MinEntryChars is yielded
// as KindHTML. An entry with only a short summary and an http(s) link has
// its page fetched when Options.FollowLinks is set; otherwise its summary
// is yielded. When the page cannot be fetched or decoded, the summary is
// yielded all the same, followed by the error. Every document's Hint carries the entry's title, link,
// published time, authors and the feed title as Outlet.
func (r *Reader) feed(ctx context.Context, o origin, text []byte, depth int, yield yielder) bool {
	f, err := parseFeed(text)
	if err != nil {
		return fail(yield, o.source, err)
	}
	for i, item := range f.Items {
		if item == nil {
			continue
		}
		if err := ctx.Err(); err != nil {
			fail(yield, o.source, err)
			return false
		}
		if !r.entry(ctx, o, f, item, i+1, yield) {
			return false
		}
	}
	return true
}

// parseFeed parses a UTF-8 feed with gofeed.
func parseFeed(text []byte) (*gofeed.Feed, error) {
	f, err := gofeed.NewParser().Parse(bytes.NewReader(setXMLEncoding(text)))
	if err != nil {
		return nil, fmt.Errorf("%w: feed: %w", ErrMalformed, err)
	}
	return f, nil
}

// entry yields the document of the n-th item of f.
func (r *Reader) entry(ctx context.Context, o origin, f *gofeed.Feed, item *gofeed.Item, n int, yield yielder) bool {
	hint := entryHint(o, f, item)
	src := hint.URL
	if src == "" {
		src = o.source + "#" + strconv.Itoa(n)
	}
	body := item.Content
	if textChars(item.Description) > textChars(body) {
		body = item.Description
	}
	if textChars(body) >= r.opts.MinEntryChars || !r.opts.FollowLinks || !isHTTP(hint.URL) {
		return yield(Document{Source: src, URL: hint.URL, Kind: KindHTML, Body: []byte(body), Hint: hint}, nil)
	}
	resp, err := r.fetcher.Get(ctx, hint.URL)
	if err == nil && resp.NotModified {
		return true
	}
	var page []byte
	if err == nil {
		page, _, err = Decode(resp.Body, resp.Header.Get("Content-Type"))
	}
	if err != nil {
		// The feed's own teaser is still news: keep it, and say that the
		// page behind it could not be read.
		if textChars(body) > 0 {
			if !yield(Document{Source: src, URL: hint.URL, Kind: KindHTML, Body: []byte(body), Hint: hint}, nil) {
				return false
			}
			err = fmt.Errorf("%w (kept the feed's summary instead)", err)
		}
		return fail(yield, src, err)
	}
	kind := KindHTML
	if detect(page) == formatText {
		kind = KindText
	}
	return yield(Document{Source: src, URL: resp.URL, Kind: kind, Body: page, Hint: hint}, nil)
}

// entryHint gathers what the feed says about item.
func entryHint(o origin, f *gofeed.Feed, item *gofeed.Item) model.Article {
	h := model.Article{
		Title:    strings.TrimSpace(item.Title),
		URL:      resolveLink(o, f, strings.TrimSpace(item.Link)),
		Outlet:   strings.TrimSpace(f.Title),
		Language: languageCode(f.Language),
	}
	switch {
	case item.PublishedParsed != nil:
		h.Published = model.At(withOffset(*item.PublishedParsed, item.Published))
	case item.UpdatedParsed != nil:
		h.Published = model.At(withOffset(*item.UpdatedParsed, item.Updated))
	}
	for _, p := range item.Authors {
		if p != nil && strings.TrimSpace(p.Name) != "" {
			h.Authors = append(h.Authors, strings.TrimSpace(p.Name))
		}
	}
	h.Byline = strings.Join(h.Authors, ", ")
	return h
}

// feedTimeLayouts are the common feed date forms; parsing the raw string
// with them recovers the UTC offset the publisher gave.
var feedTimeLayouts = []string{
	time.RFC1123Z, time.RFC1123, time.RFC3339Nano,
	"Mon, 2 Jan 2006 15:04:05 -0700", "2 Jan 2006 15:04:05 -0700",
	"Mon, 02 Jan 2006 15:04 -0700", time.RFC822Z,
}

// withOffset returns t (as gofeed parsed it, in UTC) in the offset the raw
// date string gave, when the raw string reads as the same instant.
func withOffset(t time.Time, raw string) time.Time {
	raw = strings.TrimSpace(raw)
	for _, layout := range feedTimeLayouts {
		if u, err := time.Parse(layout, raw); err == nil && u.Equal(t) {
			return u
		}
	}
	return t
}

// resolveLink makes a relative entry link absolute against the feed's own
// URL or its site link.
func resolveLink(o origin, f *gofeed.Feed, link string) string {
	if link == "" || isHTTP(link) {
		return link
	}
	for _, base := range []string{o.url, f.Link} {
		if !isHTTP(base) {
			continue
		}
		b, err1 := url.Parse(base)
		l, err2 := url.Parse(link)
		if err1 == nil && err2 == nil {
			return b.ResolveReference(l).String()
		}
	}
	return link
}

// languageCode turns "en-us" or "EN" into "en"; other forms give "".
func languageCode(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	if i := strings.IndexAny(s, "-_"); i >= 0 {
		s = s[:i]
	}
	if len(s) != 2 || s[0] < 'a' || s[0] > 'z' || s[1] < 'a' || s[1] > 'z' {
		return ""
	}
	return s
}

// isHTTP reports whether s is an absolute http or https URL.
func isHTTP(s string) bool {
	l := strings.ToLower(s)
	return strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "https://")
}

// textChars counts the characters of s outside HTML tags, a cheap measure
// of how much text an entry carries.
func textChars(s string) int {
	n, inTag := 0, false
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case r == '<':
			inTag = true
		case r == '>' && inTag:
			inTag = false
		case !inTag:
			n++
		}
	}
	return n
}
