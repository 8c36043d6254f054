package extract

import (
	"testing"
	"time"

	"github.com/storydesk/storydesk/internal/model"
)

func TestParseDate(t *testing.T) {
	tests := []struct {
		name, in string
		want     string // model.Time.String(); "" when no date
	}{
		{"rfc3339", "2025-08-14T09:30:00+02:00", "2025-08-14T09:30:00+02:00"},
		{"rfc3339 fraction z", "2024-05-03T15:47:42.389Z", "2024-05-03T15:47:42Z"},
		{"offset without colon", "2023-04-28T19:20:36+0200", "2023-04-28T19:20:36+02:00"},
		{"offset hours only", "2023-04-28T19:20:36+02", "2023-04-28T19:20:36+02:00"},
		{"space and spaced offset", "2024-04-30 16:38:37 +02:00", "2024-04-30T16:38:37+02:00"},
		{"naive taken as utc", "2024-04-30 10:26:25", "2024-04-30T10:26:25Z"},
		{"date only", "2024-04-22", "2024-04-22"},
		{"slashed year first", "2025/01/13", "2025-01-13"},
		{"iso basic", "20250814T093000Z", "2025-08-14T09:30:00Z"},
		{"rfc1123", "Thu, 14 Aug 2025 09:30:00 GMT", "2025-08-14T09:30:00Z"},
		{"rfc1123z", "Thu, 14 Aug 2025 09:30:00 +0200", "2025-08-14T09:30:00+02:00"},
		{"unix date with zone name", "Fri Apr 28 19:20:36 CEST 2023", "2023-04-28T19:20:36+02:00"},
		{"unix seconds", "1755156600", "2025-08-14T07:30:00Z"},
		{"unix millis", "1755156600000", "2025-08-14T07:30:00Z"},
		{"german", "14. August 2025, 09:30 Uhr", "2025-08-14T09:30:00Z"},
		{"german abbrev", "Stand: 3. Mär. 2024", "2024-03-03"},
		{"english md", "August 14, 2025 9:30 p.m.", "2025-08-14T21:30:00Z"},
		{"english dm ordinal", "Published 4th July 2024", "2024-07-04"},
		{"french", "le 3 mai 2024 à 15h47", "2024-05-03T15:47:00Z"},
		{"spanish", "14 de agosto de 2025", "2025-08-14"},
		{"italian", "1 aprile 2025, 15:25", "2025-04-01T15:25:00Z"},
		{"portuguese", "14 de setembro de 2024", "2024-09-14"},
		{"dutch", "12 maart 2024", "2024-03-12"},
		{"swedish", "torsdag 8 januari 2026", "2026-01-08"},
		{"danish", "2. februar 2025 kl. 09.00", "2025-02-02T09:00:00Z"},
		{"norwegian", "15. oktober 2024", "2024-10-15"},
		{"polish genitive", "19 kwietnia 2026", "2026-04-19"},
		{"czech genitive", "8. dubna 2025", "2025-04-08"},
		{"russian genitive", "14 мая 2025 г., 20:28", "2025-05-14T20:28:00Z"},
		{"turkish", "3 Temmuz 2024", "2024-07-03"},
		{"numeric dmy", "28.04.2023, 19:20", "2023-04-28T19:20:00Z"},
		{"us slash", "04/28/2023", "2023-04-28"},
		{"japanese", "2025年1月13日 21時37分", "2025-01-13T21:37:00Z"},
		{"clock with zone abbreviation", "Fri, Apr 28 2023 2:23 PM EDT", "2023-04-28T14:23:00-04:00"},
		{"clock with gmt offset", "12 March 2024, 15:00 (GMT+2)", "2024-03-12T15:00:00+02:00"},
		{"unknown zone word taken as utc", "12 March 2024, 15:00 XYZ", "2024-03-12T15:00:00Z"},
		{"korean dotted", "2026. 1. 29. 18:40", "2026-01-29T18:40:00Z"},
		{"expiry before publication", "Video 02:57 Min. Verfügbar bis 06.05.2024. Stand: 22.04.2024, 06:00 Uhr", "2024-04-22T06:00:00Z"},
		{"published cue wins over earlier date", "Updated 5 May 2024 Published 3 May 2024", "2024-05-03"},
		{"invalid day", "2025-02-30", ""},
		{"not a month", "14 Mittwoch 2025", ""},
		{"no date", "Hello world", ""},
		{"empty", "", ""},
		{"year out of range", "0001-01-01T00:00:00Z", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := parseDate(tc.in)
			if tc.want == "" {
				if ok {
					t.Errorf("parseDate(%q) = %q, want no date", tc.in, got.String())
				}
				return
			}
			if !ok || got.String() != tc.want {
				t.Errorf("parseDate(%q) = %q, %v; want %q", tc.in, got.String(), ok, tc.want)
			}
		})
	}
}

func TestParseDateInstant(t *testing.T) {
	got, ok := parseDate("2025-08-14T09:30:00-04:00")
	want := time.Date(2025, 8, 14, 13, 30, 0, 0, time.UTC)
	if !ok || !got.Equal(want) || got.DateOnly {
		t.Errorf("got %v (date only %v), want instant %v", got.Time, got.DateOnly, want)
	}
}

// FuzzDate checks that parseDate never panics and that a date it finds
// formats and re-parses to the same value.
func FuzzDate(f *testing.F) {
	for _, s := range []string{
		"2025-08-14T09:30:00+02:00", "Thu, 14 Aug 2025 09:30:00 GMT", "14. August 2025, 09:30 Uhr",
		"August 14, 2025 9:30 p.m.", "2025年1月13日", "1755156600", "28.04.2023", "Fri Apr 28 19:20:36 CEST 2023",
		"14 мая 2025 г.", "2025-02-30", "",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, ok := parseDate(s)
		if !ok {
			return
		}
		back, ok := parseDate(got.String())
		if !ok || !back.Equal(got.Time) || back.DateOnly != got.DateOnly {
			t.Fatalf("parseDate(%q) = %q, which re-parses to %q (ok %v)", s, got.String(), back.String(), ok)
		}
		if _, err := model.ParseTime(got.String()); err != nil {
			t.Fatalf("parseDate(%q) = %q, which model.ParseTime rejects: %v", s, got.String(), err)
		}
	})
}

func TestRelativeAge(t *testing.T) {
	tests := []struct {
		in   string
		want time.Duration
		ok   bool
	}{
		{"Nizaar Kinsella 2 minutes ago", 2 * time.Minute, true},
		{"vor 14 Minuten", 14 * time.Minute, true},
		{"vor einer Stunde", time.Hour, true},
		{"an hour ago", time.Hour, true},
		{"il y a 3 heures", 3 * time.Hour, true},
		{"hace 2 días", 48 * time.Hour, true},
		{"5 ore fa", 5 * time.Hour, true},
		{"3 uur geleden", 3 * time.Hour, true},
		{"för 2 timmar sedan", 2 * time.Hour, true},
		{"for 4 timer siden", 4 * time.Hour, true},
		{"vor dem Rathaus", 0, false},
		{"the talks lasted for 2 hours", 0, false},
		{"3 apples ago", 0, false},
		{"", 0, false},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			got, ok := relativeAge(tc.in)
			if ok != tc.ok || got != tc.want {
				t.Errorf("relativeAge(%q) = %v, %v; want %v, %v", tc.in, got, ok, tc.want, tc.ok)
			}
		})
	}
}

func TestYearlessDate(t *testing.T) {
	ref := time.Date(2026, 1, 8, 20, 0, 0, 0, time.UTC)
	tests := []struct {
		in    string
		want  string
		clock bool
		ok    bool
	}{
		{"Карина Гасимова 8 января, 17:46 коллаж", "2026-01-08T17:46:00Z", true, true},
		{"am 3. Dezember", "2025-12-03T00:00:00Z", false, true},
		{"um 5 Uhr", "", false, false},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			got, clock, ok := yearlessDate(tc.in, ref)
			if ok != tc.ok || ok && (got.Format(time.RFC3339) != tc.want || clock != tc.clock) {
				t.Errorf("yearlessDate(%q) = %v %v %v, want %v %v %v", tc.in, got, clock, ok, tc.want, tc.clock, tc.ok)
			}
		})
	}
}

func TestRefineDate(t *testing.T) {
	tests := []struct {
		name  string
		cands []string
		want  string
	}{
		{"offset from a later candidate", []string{"2024-04-30 10:26:25", "2024-04-30T10:26:25+02:00"}, "2024-04-30T10:26:25+02:00"},
		{"clock for a bare date", []string{"2024-04-22", "x", "2024-04-22T06:00:00+02:00"}, "2024-04-22T06:00:00+02:00"},
		{"other day ignored", []string{"2024-04-22", "2024-04-21T06:00:00+02:00"}, "2024-04-22"},
		{"zoned first kept", []string{"2024-04-30T10:26:25Z", "2024-04-30T10:26:25+02:00"}, "2024-04-30T10:26:25Z"},
		{"other wall clock ignored", []string{"2024-04-30 10:26:25", "2024-04-30T11:00:00+02:00"}, "2024-04-30T10:26:25Z"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			first, ok := parseDate(tc.cands[0])
			if !ok {
				t.Fatalf("parseDate(%q) failed", tc.cands[0])
			}
			if got := refineDate(first, tc.cands[0], tc.cands[1:]); got.String() != tc.want {
				t.Errorf("refineDate(%q) = %q, want %q", tc.cands, got.String(), tc.want)
			}
		})
	}
}
