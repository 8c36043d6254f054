package model

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"
)

// Time is a moment given by a page: a calendar date alone, or a date with a
// clock time and UTC offset. The zero Time means unknown.
type Time struct {
	time.Time
	// DateOnly is set when only the calendar date is known; the clock part
	// of Time is then midnight UTC and carries no meaning.
	DateOnly bool
}

// Date returns a date-only Time.
func Date(year int, month time.Month, day int) Time {
	return Time{Time: time.Date(year, month, day, 0, 0, 0, 0, time.UTC), DateOnly: true}
}

// At returns a Time with a clock time.
func At(t time.Time) Time { return Time{Time: t} }

// String formats t as "2006-01-02" when only the date is known and as
// RFC 3339 otherwise; the zero Time formats as "".
func (t Time) String() string {
	switch {
	case t.IsZero():
		return ""
	case t.DateOnly:
		return t.Format(time.DateOnly)
	default:
		return t.Format(time.RFC3339)
	}
}

// Day returns the calendar date in t's own offset ("2006-01-02").
func (t Time) Day() string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.DateOnly)
}

// ParseTime reads an RFC 3339 time (with or without fractional seconds), a
// date-time without offset (taken as UTC), or a bare date.
func ParseTime(s string) (Time, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return Time{}, nil
	}
	if d, err := time.Parse(time.DateOnly, s); err == nil {
		return Time{Time: d, DateOnly: true}, nil
	}
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04:05", "2006-01-02 15:04:05", "2006-01-02T15:04", "2006-01-02 15:04:05Z07:00"} {
		if t, err := time.Parse(layout, s); err == nil {
			return Time{Time: t}, nil
		}
	}
	return Time{}, fmt.Errorf("time %q: not an RFC 3339 time or a date", s)
}

// MarshalJSON writes t as its String form, or null when zero.
func (t Time) MarshalJSON() ([]byte, error) {
	if t.IsZero() {
		return []byte("null"), nil
	}
	return json.Marshal(t.String())
}

// UnmarshalJSON reads what MarshalJSON writes.
func (t *Time) UnmarshalJSON(b []byte) error {
	if string(b) == "null" {
		*t = Time{}
		return nil
	}
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return err
	}
	v, err := ParseTime(s)
	if err != nil {
		return err
	}
	*t = v
	return nil
}
