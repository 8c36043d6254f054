package source

import (
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"net/url"
	"path/filepath"
	"strings"
)

// opml follows every feed an OPML document lists. A feed reference is the
// xmlUrl attribute of an <outline> element at any depth; it is an http(s)
// URL, or, in an OPML file read from disk, a path relative to that file (or
// a file:// URL). An OPML document fetched from the web may list only
// http(s) URLs: it must not make us read local files.
//
//	<opml version="2.0"><body>
//	  <outline text="News"><outline type="rss" xmlUrl="feeds/world.xml"/></outline>
//	</body></opml>
func (r *Reader) opml(ctx context.Context, o origin, text []byte, depth int, yield yielder) bool {
	refs, err := parseOPML(text)
	if err != nil && len(refs) == 0 {
		return fail(yield, o.source, err)
	}
	if err != nil && !fail(yield, o.source, err) {
		return false
	}
	if len(refs) == 0 {
		return fail(yield, o.source, fmt.Errorf("%w: OPML lists no feeds", ErrMalformed))
	}
	for _, ref := range refs {
		target, err := resolveRef(o, ref)
		if err != nil {
			if !fail(yield, ref, err) {
				return false
			}
			continue
		}
		if !r.input(ctx, target, depth+1, yield) {
			return false
		}
	}
	return true
}

// parseOPML returns the feed references of an OPML document in document
// order, and ErrMalformed when it is not OPML or breaks off (with the
// references read before the break).
func parseOPML(text []byte) ([]string, error) {
	d := xml.NewDecoder(bytes.NewReader(setXMLEncoding(text)))
	d.Strict = false
	d.AutoClose = xml.HTMLAutoClose
	d.Entity = xml.HTMLEntity
	d.CharsetReader = func(label string, in io.Reader) (io.Reader, error) {
		return in, nil // Decode has made it UTF-8 already
	}
	var refs []string
	sawRoot := false
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return refs, fmt.Errorf("%w: OPML: %w", ErrMalformed, err)
		}
		el, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		switch name := strings.ToLower(el.Name.Local); {
		case !sawRoot && name != "opml":
			return nil, fmt.Errorf("%w: OPML: root element is <%s>", ErrMalformed, el.Name.Local)
		case name == "opml":
			sawRoot = true
		case name == "outline":
			for _, a := range el.Attr {
				if strings.EqualFold(a.Name.Local, "xmlUrl") && strings.TrimSpace(a.Value) != "" {
					refs = append(refs, strings.TrimSpace(a.Value))
				}
			}
		}
	}
	if !sawRoot {
		return nil, fmt.Errorf("%w: OPML: no <opml> element", ErrMalformed)
	}
	return refs, nil
}

// resolveRef turns an OPML feed reference into an input for Read.
func resolveRef(o origin, ref string) (string, error) {
	if isHTTP(ref) {
		return ref, nil
	}
	if o.url != "" {
		base, err := url.Parse(o.url)
		if err != nil {
			return "", fmt.Errorf("%w: base URL: %w", ErrMalformed, err)
		}
		u, err := url.Parse(ref)
		if err != nil {
			return "", fmt.Errorf("%w: feed URL: %w", ErrMalformed, err)
		}
		abs := base.ResolveReference(u)
		if abs.Scheme != "http" && abs.Scheme != "https" {
			return "", fmt.Errorf("%w: OPML from the web lists %s", ErrRefused, abs.Scheme+":")
		}
		return abs.String(), nil
	}
	if strings.HasPrefix(strings.ToLower(ref), "file://") {
		return ref, nil
	}
	if scheme, _, ok := strings.Cut(ref, "://"); ok && isScheme(scheme) {
		return "", fmt.Errorf("%w: scheme %q (only http and https)", ErrUnsupported, scheme)
	}
	p := filepath.FromSlash(ref)
	if !filepath.IsAbs(p) {
		p = filepath.Join(filepath.Dir(o.path), p)
	}
	return p, nil
}
