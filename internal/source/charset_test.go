package source

import (
	"bytes"
	"errors"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

func TestDecode(t *testing.T) {
	utf16le, _ := unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM).NewEncoder().Bytes([]byte("<p>Grüße — “hi”</p>"))
	utf16be, _ := unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM).NewEncoder().Bytes([]byte("Grüße"))
	latin2, _ := charmap.ISO8859_2.NewEncoder().Bytes([]byte("Łódź"))
	cases := []struct {
		name, ctype string
		in          []byte
		want        string
		wantEnc     string
		wantErr     error
	}{
		{name: "ascii", in: []byte("plain"), want: "plain", wantEnc: "utf-8"},
		{name: "utf-8", in: []byte("Grüße"), want: "Grüße", wantEnc: "utf-8"},
		{name: "utf-8 BOM dropped", in: []byte("\xef\xbb\xbfGrüße"), want: "Grüße", wantEnc: "utf-8"},
		{name: "utf-16le BOM", in: append([]byte{0xff, 0xfe}, utf16le...), want: "<p>Grüße — “hi”</p>", wantEnc: "utf-16le"},
		{name: "utf-16be BOM", in: append([]byte{0xfe, 0xff}, utf16be...), want: "Grüße", wantEnc: "utf-16be"},
		{name: "utf-16le sniffed", in: utf16le, want: "<p>Grüße — “hi”</p>", wantEnc: "utf-16le"},
		{name: "windows-1252 sniffed", in: []byte("caf\xe9 \x93q\x94"), want: "café “q”", wantEnc: "windows-1252"},
		{name: "http charset", ctype: "text/html; charset=ISO-8859-2", in: latin2, want: "Łódź", wantEnc: "iso-8859-2"},
		{name: "meta charset", in: append([]byte(`<meta charset="iso-8859-2">`), latin2...), want: `<meta charset="iso-8859-2">Łódź`, wantEnc: "iso-8859-2"},
		{name: "meta http-equiv", in: append([]byte(`<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-2">`), latin2...), want: "Łódź", wantEnc: "iso-8859-2"},
		{name: "xml declaration", in: append([]byte(`<?xml version="1.0" encoding="ISO-8859-2"?><a>`), latin2...), want: "Łódź", wantEnc: "iso-8859-2"},
		{name: "utf-8 mislabelled latin-1", ctype: "text/plain; charset=iso-8859-1", in: []byte("Grüße"), want: "Grüße", wantEnc: "utf-8"},
		{name: "invalid utf-8 labelled utf-8", ctype: "text/plain; charset=utf-8", in: []byte("caf\xe9"), want: "café", wantEnc: "windows-1252"},
		{name: "unknown label on utf-8", ctype: "text/plain; charset=x-nonsense", in: []byte("ok"), want: "ok", wantEnc: "utf-8"},
		{name: "unknown label on other bytes", ctype: "text/plain; charset=x-nonsense", in: []byte("caf\xe9"), wantErr: ErrDecode},
		{name: "replacement encoding", ctype: "text/plain; charset=iso-2022-kr", in: []byte("\x1b$)Cabc"), wantErr: ErrDecode},
		{name: "binary", in: []byte("\x00\x01\x02\x03\x04abc"), wantErr: ErrDecode},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got, enc, err := Decode(tc.in, tc.ctype)
			if tc.wantErr != nil {
				if !errors.Is(err, tc.wantErr) {
					t.Fatalf("Decode(%q, %q): err %v, want %v", tc.in, tc.ctype, err, tc.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatalf("Decode(%q, %q): %v", tc.in, tc.ctype, err)
			}
			if !bytes.Contains(got, []byte(tc.want)) || enc != tc.wantEnc {
				t.Errorf("Decode(%q, %q) = %q as %s, want %q as %s", tc.in, tc.ctype, got, enc, tc.want, tc.wantEnc)
			}
		})
	}
}

func TestSetXMLEncoding(t *testing.T) {
	in := []byte("\n <?xml version=\"1.0\" encoding='windows-1252'?><rss/>")
	if got, want := string(setXMLEncoding(in)), "<?xml version=\"1.0\" encoding='UTF-8'?><rss/>"; got != want {
		t.Errorf("setXMLEncoding = %q, want %q", got, want)
	}
}

// FuzzDecode checks that Decode never panics, always returns valid UTF-8,
// and leaves plain ASCII text as it is.
func FuzzDecode(f *testing.F) {
	f.Add([]byte("caf\xe9"), "")
	f.Add([]byte("\xff\xfeh\x00i\x00"), "")
	f.Add([]byte(`<meta charset="koi8-r">`+"\xf0\xd2"), "")
	f.Add([]byte(`<?xml version="1.0" encoding="utf-16"?><rss/>`), "")
	f.Add([]byte("plain text"), "text/plain; charset=shift_jis")
	f.Fuzz(func(t *testing.T, in []byte, ctype string) {
		out, _, err := Decode(in, ctype)
		if err != nil {
			return
		}
		if !utf8.Valid(out) {
			t.Fatalf("Decode(%q, %q) = %q: not UTF-8", in, ctype, out)
		}
		if isPlainASCII(in) && !bytes.Equal(out, in) {
			t.Fatalf("Decode(%q, %q) = %q: ASCII changed", in, ctype, out)
		}
	})
}

// isPlainASCII reports whether b is printable ASCII text without the
// escapes that stateful encodings (ISO-2022, HZ) give meaning to.
func isPlainASCII(b []byte) bool {
	if len(b) < 2 || !utf8.Valid(b) {
		return false
	}
	for _, c := range b {
		if c >= 0x80 || c == 0x1b || c == '~' || c == '+' || c < 0x20 && c != '\n' {
			return false
		}
	}
	return true
}
