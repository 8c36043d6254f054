package source

import (
	"bytes"
	"fmt"
	"mime"
	"regexp"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/htmlindex"
	"golang.org/x/text/encoding/unicode"
)

// Where an encoding is looked for, in this order: a byte-order mark, the
// HTTP Content-Type, the XML declaration, an HTML <meta charset> in the
// first bytes, zero bytes that betray UTF-16 without a BOM; failing all,
// UTF-8 when the bytes are valid UTF-8 and windows-1252 otherwise (what
// browsers do for pages that declare nothing).
var (
	xmlDeclaration = regexp.MustCompile(`^<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._:-]+)["']`)
	metaCharset    = regexp.MustCompile(`(?i)<meta[^>]+?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)`)
)

// prescanBytes is how far into a document a <meta charset> is looked for.
const prescanBytes = 2048

// Decode converts b to UTF-8 and returns the name of the encoding it was
// read as. contentType is an HTTP Content-Type header, or "".
//
// For example the windows-1252 bytes "caf\xe9" decode to "café", and
// "\xff\xfeh\x00i\x00" (UTF-16LE with a BOM) to "hi". A leading BOM is
// dropped. It returns ErrDecode when a declared encoding is unknown and the
// bytes are not UTF-8, or when the result is not text (zero bytes, mostly
// replacement characters).
func Decode(b []byte, contentType string) ([]byte, string, error) {
	enc, name, err := sniffEncoding(b, contentType)
	if err != nil {
		return nil, "", err
	}
	var out []byte
	if enc == nil {
		out = b
	} else {
		out, err = enc.NewDecoder().Bytes(b)
		if err != nil {
			return nil, "", fmt.Errorf("%w: as %s: %w", ErrDecode, name, err)
		}
	}
	out = bytes.TrimPrefix(out, []byte("\uFEFF"))
	if err := checkText(out); err != nil {
		return nil, "", fmt.Errorf("%w: as %s: %w", ErrDecode, name, err)
	}
	return out, name, nil
}

// sniffEncoding chooses the encoding of b; a nil Encoding means b is UTF-8
// already.
func sniffEncoding(b []byte, contentType string) (encoding.Encoding, string, error) {
	switch {
	case bytes.HasPrefix(b, []byte{0xEF, 0xBB, 0xBF}):
		if !utf8.Valid(b) {
			return unicode.UTF8, "utf-8", nil // replaces invalid bytes
		}
		return nil, "utf-8", nil
	case bytes.HasPrefix(b, []byte{0xFF, 0xFE}):
		return unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM), "utf-16le", nil
	case bytes.HasPrefix(b, []byte{0xFE, 0xFF}):
		return unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM), "utf-16be", nil
	}
	if e, name, ok := sniffUTF16(b); ok {
		return e, name, nil
	}
	label := declaredCharset(b, contentType)
	if label == "" {
		if utf8.Valid(b) {
			return nil, "utf-8", nil
		}
		return charmap.Windows1252, "windows-1252", nil
	}
	enc, err := htmlindex.Get(label)
	if err != nil {
		if utf8.Valid(b) {
			return nil, "utf-8", nil
		}
		return nil, "", fmt.Errorf("%w: unknown charset %q", ErrDecode, label)
	}
	name, _ := htmlindex.Name(enc)
	switch {
	case name == "utf-8":
		if !utf8.Valid(b) {
			// Declared UTF-8 but is not: the common mislabelling is a
			// windows-1252 page under a UTF-8 template.
			return charmap.Windows1252, "windows-1252", nil
		}
		return nil, name, nil
	case strings.HasPrefix(name, "utf-16"):
		// A document that reached here has no BOM and no zero bytes, so
		// whatever its declaration says it is 8-bit (as browsers assume).
		if utf8.Valid(b) {
			return nil, "utf-8", nil
		}
		return charmap.Windows1252, "windows-1252", nil
	case name != "utf-8" && hasMultibyteUTF8(b):
		// A single-byte declaration over valid multi-byte UTF-8 is a wrong
		// label; such byte sequences almost never arise by chance.
		return nil, "utf-8", nil
	}
	return enc, name, nil
}

// declaredCharset returns the charset named by contentType, an XML
// declaration or an HTML meta tag, or "".
func declaredCharset(b []byte, contentType string) string {
	if contentType != "" {
		if _, params, err := mime.ParseMediaType(contentType); err == nil && params["charset"] != "" {
			return params["charset"]
		}
	}
	head := b[:min(len(b), prescanBytes)]
	trimmed := bytes.TrimLeft(head, " \t\r\n")
	if m := xmlDeclaration.FindSubmatch(trimmed); m != nil {
		return string(m[1])
	}
	if m := metaCharset.FindSubmatch(head); m != nil {
		return string(m[1])
	}
	return ""
}

// sniffUTF16 recognises UTF-16 without a BOM by its zero bytes: ASCII-heavy
// text in UTF-16LE has a zero at most odd offsets and none at even ones.
func sniffUTF16(b []byte) (encoding.Encoding, string, bool) {
	n := min(len(b), 1024) &^ 1
	if n < 8 {
		return nil, "", false
	}
	var even, odd int
	for i := 0; i < n; i += 2 {
		if b[i] == 0 {
			even++
		}
		if b[i+1] == 0 {
			odd++
		}
	}
	half := n / 2
	switch {
	case odd*10 >= half*7 && even*10 <= half:
		return unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM), "utf-16le", true
	case even*10 >= half*7 && odd*10 <= half:
		return unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM), "utf-16be", true
	}
	return nil, "", false
}

// hasMultibyteUTF8 reports whether b is valid UTF-8 with at least one
// character outside ASCII.
func hasMultibyteUTF8(b []byte) bool {
	if !utf8.Valid(b) {
		return false
	}
	for _, c := range b {
		if c >= 0x80 {
			return true
		}
	}
	return false
}

// checkText rejects decoded bytes that are not text: zero bytes, other
// control characters or replacement characters making up more than a
// small share of the first characters.
func checkText(b []byte) error {
	var n, bad, zero int
	for i := 0; i < len(b) && n < 8192; {
		r, size := utf8.DecodeRune(b[i:])
		i += size
		n++
		switch {
		case r == 0:
			zero++
		case r == utf8.RuneError, r < 0x20 && r != '\n' && r != '\r' && r != '\t' && r != '\f':
			bad++
		}
	}
	if zero > 0 {
		return fmt.Errorf("binary data (zero bytes)")
	}
	if n > 0 && bad*20 > n {
		return fmt.Errorf("binary data (%d of %d characters are not text)", bad, n)
	}
	return nil
}

// setXMLEncoding rewrites the encoding named in a leading XML declaration
// to UTF-8, for XML that Decode has already converted.
func setXMLEncoding(b []byte) []byte {
	t := bytes.TrimLeft(b, " \t\r\n")
	m := xmlDeclaration.FindSubmatchIndex(t)
	if m == nil {
		return t
	}
	out := make([]byte, 0, len(t))
	out = append(out, t[:m[2]]...)
	out = append(out, "UTF-8"...)
	return append(out, t[m[3]:]...)
}
