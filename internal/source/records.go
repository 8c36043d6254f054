package source

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/storydesk/storydesk/internal/extract"
	"github.com/storydesk/storydesk/internal/model"
)

// record is one JSON article:
//
//	{"id":"a1","url":"https://…","outlet":"Metro","title":"…",
//	 "published":"2025-08-14T09:30:00+01:00","byline":"…","text":"…"}
//
// Only text is required. id may be a string or a number; published is an
// RFC 3339 time, a date, an RFC 1123 time, or a date as publishers write
// it ("Posted September 26, 2013 - 3:47pm"); a record whose published
// holds no date is kept undated, with an error that says so.
type record struct {
	ID        json.RawMessage `json:"id"`
	URL       string          `json:"url"`
	Outlet    string          `json:"outlet"`
	Title     string          `json:"title"`
	Published *string         `json:"published"`
	Byline    string          `json:"byline"`
	Authors   []string        `json:"authors"`
	Language  string          `json:"language"`
	Text      *string         `json:"text"`
}

// records yields the articles of JSONL (one object per line), a JSON
// array of objects, or one JSON object. Each document's Source is
// "source:line". A broken line or record yields an ErrMalformed error
// naming it, and reading goes on.
func records(o origin, text []byte, yield yielder) bool {
	s := bytes.TrimLeft(text, " \t\r\n\f")
	lead := countLines(text[:len(text)-len(s)])
	if len(s) > 0 && s[0] == '[' {
		return recordArray(o, s, lead, yield)
	}
	if json.Valid(s) {
		return yieldRecord(o, s, 1+lead, yield)
	}
	for i, line := range bytes.Split(text, []byte("\n")) {
		line = bytes.TrimSpace(line)
		if len(line) == 0 {
			continue
		}
		if !yieldRecord(o, line, i+1, yield) {
			return false
		}
	}
	return true
}

// recordArray yields the elements of a JSON array; lead is the number of
// lines before it.
func recordArray(o origin, s []byte, lead int, yield yielder) bool {
	d := json.NewDecoder(bytes.NewReader(s))
	if _, err := d.Token(); err != nil {
		return fail(yield, o.source, fmt.Errorf("%w: JSON: %w", ErrMalformed, err))
	}
	for d.More() {
		off := int(d.InputOffset())
		for off < len(s) && strings.IndexByte(" \t\r\n,", s[off]) >= 0 {
			off++
		}
		line := 1 + lead + countLines(s[:off])
		var raw json.RawMessage
		if err := d.Decode(&raw); err != nil {
			return fail(yield, o.source+":"+strconv.Itoa(line), fmt.Errorf("%w: JSON: %w", ErrMalformed, err))
		}
		if !yieldRecord(o, raw, line, yield) {
			return false
		}
	}
	return true
}

func countLines(b []byte) int { return bytes.Count(b, []byte("\n")) }

// yieldRecord yields the article of one JSON object at line.
func yieldRecord(o origin, raw []byte, line int, yield yielder) bool {
	src := o.source + ":" + strconv.Itoa(line)
	a, err := parseRecord(raw)
	if a.Text == "" {
		return fail(yield, src, err)
	}
	if !yield(Document{Source: src, URL: a.URL, Kind: KindArticle, Body: []byte(a.Text), Hint: a}, nil) {
		return false
	}
	if err != nil {
		return fail(yield, src, fmt.Errorf("%w (kept the article undated)", err))
	}
	return true
}

// parseRecord reads one JSON article; its text is kept exactly as given.
// A record whose published holds no date comes back undated, with the
// error that says why; any other error comes with no article.
func parseRecord(raw []byte) (model.Article, error) {
	var rec record
	d := json.NewDecoder(bytes.NewReader(raw))
	if err := d.Decode(&rec); err != nil {
		return model.Article{}, fmt.Errorf("%w: JSON: %w", ErrMalformed, err)
	}
	if _, err := d.Token(); !errors.Is(err, io.EOF) {
		return model.Article{}, fmt.Errorf("%w: JSON: text after the object", ErrMalformed)
	}
	if rec.Text == nil || *rec.Text == "" {
		return model.Article{}, fmt.Errorf(`%w: record has no "text"`, ErrMalformed)
	}
	id, err := recordID(rec.ID)
	if err != nil {
		return model.Article{}, err
	}
	a := model.Article{
		ID: id, URL: rec.URL, Outlet: rec.Outlet, Title: rec.Title,
		Byline: rec.Byline, Authors: rec.Authors, Language: rec.Language, Text: *rec.Text,
	}
	if rec.Published != nil {
		a.Published, err = parsePublished(*rec.Published)
	}
	return a, err
}

// recordID accepts a string or number id; null or absent gives "".
func recordID(raw json.RawMessage) (string, error) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || string(raw) == "null" {
		return "", nil
	}
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return s, nil
	}
	var n json.Number
	if json.Unmarshal(raw, &n) == nil {
		return n.String(), nil
	}
	return "", fmt.Errorf(`%w: "id" is neither a string nor a number`, ErrMalformed)
}

// parsePublished reads a record's published time.
func parsePublished(s string) (model.Time, error) {
	if t, err := model.ParseTime(s); err == nil {
		return t, nil
	}
	for _, layout := range []string{time.RFC1123Z, time.RFC1123, time.RFC850, time.ANSIC} {
		if t, err := time.Parse(layout, strings.TrimSpace(s)); err == nil {
			return model.At(t), nil
		}
	}
	if t, ok := extract.ParseDate(s); ok {
		return t, nil
	}
	return model.Time{}, fmt.Errorf(`%w: "published" %q holds no date`, ErrMalformed, s)
}
