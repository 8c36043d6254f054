package source

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"iter"
	"mime"
	"net/url"
	"os"
	"path/filepath"
	"strings"
)

// Options tunes a Reader.
type Options struct {
	// Fetch tunes the fetcher used for URLs, feeds' linked pages and
	// OPML-listed feeds.
	Fetch FetchOptions
	// MaxFileBytes caps the size of one local file; 0 means 64 MiB.
	MaxFileBytes int64
	// MaxDecompressedBytes caps what one gzip stream may expand to; 0
	// means 256 MiB. It guards against decompression bombs.
	MaxDecompressedBytes int64
	// FollowLinks fetches the linked page of a feed entry that carries
	// only a short summary. Off, the summary is the document. Each
	// follow costs one HTTP request (rate limited per host).
	FollowLinks bool
	// MinEntryChars is the length, in characters of text without tags,
	// from which a feed entry's content is taken as its article rather
	// than as a summary; 0 means 500.
	MinEntryChars int
	// MaxDepth caps nesting: OPML listing feeds, gzip inside gzip; 0
	// means 4.
	MaxDepth int
}

// DefaultOptions returns the options storydesk reads with.
func DefaultOptions() Options {
	return Options{
		Fetch:                DefaultFetchOptions(),
		MaxFileBytes:         64 << 20,
		MaxDecompressedBytes: 256 << 20,
		FollowLinks:          true,
		MinEntryChars:        500,
		MaxDepth:             4,
	}
}

// Reader reads inputs into documents. It is safe for concurrent use.
type Reader struct {
	opts    Options
	fetcher *Fetcher
}

// New returns a Reader with opts; zero fields take their documented
// defaults.
func New(opts Options) *Reader {
	if opts.MaxFileBytes <= 0 {
		opts.MaxFileBytes = 64 << 20
	}
	if opts.MaxDecompressedBytes <= 0 {
		opts.MaxDecompressedBytes = 256 << 20
	}
	if opts.MinEntryChars <= 0 {
		opts.MinEntryChars = 500
	}
	if opts.MaxDepth <= 0 {
		opts.MaxDepth = 4
	}
	return &Reader{opts: opts, fetcher: NewFetcher(opts.Fetch)}
}

// Read reads one input and yields its documents. The input is a file, a
// directory (walked recursively in lexical order, hidden files and
// directories skipped), or an http(s) URL; its content may be a page, a
// text dump, a feed, an OPML list of feeds (each followed), JSON/JSONL
// articles, or a .gz of any of these. The kind is detected by content.
//
// A failure of the input or of one part of it (a file in a directory, a
// feed listed in an OPML file, a JSONL line) yields Document{Source: that
// part} with an *Error wrapping one of the package's sentinels, and the
// iteration goes on with the rest. Cancelling ctx stops it after one
// error naming the cancellation.
func (r *Reader) Read(ctx context.Context, input string) iter.Seq2[Document, error] {
	return func(yield func(Document, error) bool) {
		r.input(ctx, input, 0, yield)
	}
}

// origin is where some bytes came from.
type origin struct {
	source string // what Documents name as their Source
	url    string // final URL when fetched
	path   string // local file path when read from disk
}

type yielder = func(Document, error) bool

// fail yields an error for input and reports whether to go on.
func fail(yield yielder, input string, err error) bool {
	return yield(Document{Source: input}, wrapError(input, err))
}

func (r *Reader) input(ctx context.Context, in string, depth int, yield yielder) bool {
	if err := ctx.Err(); err != nil {
		fail(yield, in, err)
		return false
	}
	if depth > r.opts.MaxDepth {
		return fail(yield, in, fmt.Errorf("%w: nested more than %d levels deep", ErrUnsupported, r.opts.MaxDepth))
	}
	if scheme, _, ok := strings.Cut(in, "://"); ok && isScheme(scheme) {
		switch strings.ToLower(scheme) {
		case "http", "https":
			return r.url(ctx, in, depth, yield)
		case "file":
			u, err := url.Parse(in)
			if err != nil {
				return fail(yield, in, fmt.Errorf("%w: %w", ErrMalformed, err))
			}
			return r.path(ctx, filepath.FromSlash(u.Path), depth, yield)
		default:
			return fail(yield, in, fmt.Errorf("%w: scheme %q (only http and https)", ErrUnsupported, scheme))
		}
	}
	return r.path(ctx, in, depth, yield)
}

// isScheme reports whether s is a URL scheme (letters, digits, + - .).
func isScheme(s string) bool {
	if s == "" || len(s) > 32 {
		return false
	}
	for i, c := range s {
		letter := c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
		if !letter && (i == 0 || !(c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.')) {
			return false
		}
	}
	return true
}

func (r *Reader) path(ctx context.Context, p string, depth int, yield yielder) bool {
	fi, err := os.Stat(p)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return fail(yield, p, fmt.Errorf("%w: no such file or directory", ErrNotFound))
		}
		return fail(yield, p, err)
	}
	if fi.IsDir() {
		return r.dir(ctx, p, depth, yield)
	}
	return r.file(ctx, p, depth, yield)
}

// dir walks root in lexical order, skipping hidden entries.
func (r *Reader) dir(ctx context.Context, root string, depth int, yield yielder) bool {
	goOn := true
	walkErr := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if goOn = fail(yield, p, err); !goOn {
				return filepath.SkipAll
			}
			return nil
		}
		if p != root && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.Type()&fs.ModeSymlink != 0 {
			// Follow links to files; links to directories could loop.
			if fi, err := os.Stat(p); err != nil || !fi.Mode().IsRegular() {
				return nil
			}
		} else if d.IsDir() || !d.Type().IsRegular() {
			return nil
		}
		if goOn = r.file(ctx, p, depth, yield); !goOn {
			return filepath.SkipAll
		}
		return nil
	})
	if walkErr != nil && goOn {
		goOn = fail(yield, root, walkErr)
	}
	return goOn
}

func (r *Reader) file(ctx context.Context, p string, depth int, yield yielder) bool {
	if err := ctx.Err(); err != nil {
		fail(yield, p, err)
		return false
	}
	f, err := os.Open(p)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return fail(yield, p, fmt.Errorf("%w: no such file", ErrNotFound))
		}
		return fail(yield, p, err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, r.opts.MaxFileBytes+1))
	if err != nil {
		return fail(yield, p, fmt.Errorf("read: %w", err))
	}
	if int64(len(data)) > r.opts.MaxFileBytes {
		return fail(yield, p, fmt.Errorf("%w: file over %d bytes", ErrTooLarge, r.opts.MaxFileBytes))
	}
	return r.content(ctx, origin{source: p, path: p}, data, "", depth, yield)
}

func (r *Reader) url(ctx context.Context, u string, depth int, yield yielder) bool {
	resp, err := r.fetcher.Get(ctx, u)
	if err != nil {
		return fail(yield, u, err)
	}
	if resp.NotModified {
		return true // unchanged since it was read; nothing new
	}
	ctype := resp.Header.Get("Content-Type")
	return r.content(ctx, origin{source: u, url: resp.URL}, resp.Body, ctype, depth, yield)
}

// content detects what data is and yields its documents.
func (r *Reader) content(ctx context.Context, o origin, data []byte, ctype string, depth int, yield yielder) bool {
	if isGzip(data) {
		if depth >= r.opts.MaxDepth {
			return fail(yield, o.source, fmt.Errorf("%w: gzip nested too deep", ErrUnsupported))
		}
		plain, err := gunzip(data, r.opts.MaxDecompressedBytes)
		if err != nil {
			return fail(yield, o.source, err)
		}
		return r.content(ctx, o, plain, "", depth+1, yield)
	}
	if mt := binaryMediaType(ctype); mt != "" {
		return fail(yield, o.source, fmt.Errorf("%w: Content-Type %s", ErrUnsupported, mt))
	}
	for _, m := range binaryMagic {
		if bytes.HasPrefix(data, []byte(m.prefix)) {
			return fail(yield, o.source, fmt.Errorf("%w: %s", ErrUnsupported, m.name))
		}
	}
	text, _, err := Decode(data, ctype)
	if err != nil {
		return fail(yield, o.source, err)
	}
	switch detect(text) {
	case formatFeed:
		return r.feed(ctx, o, text, depth, yield)
	case formatOPML:
		return r.opml(ctx, o, text, depth, yield)
	case formatRecords:
		return records(o, text, yield)
	case formatXMLOther:
		return fail(yield, o.source, fmt.Errorf("%w: XML that is not a feed, OPML or HTML", ErrUnsupported))
	case formatHTML:
		return yield(Document{Source: o.source, URL: o.url, Kind: KindHTML, Body: text}, nil)
	}
	return yield(Document{Source: o.source, URL: o.url, Kind: KindText, Body: text}, nil)
}

// binaryMediaType returns the media type of ctype when it names content
// that is never an article (images, audio, video, PDF, archives), else "".
// Gzip is not among them: it is opened and its content detected.
func binaryMediaType(ctype string) string {
	mt, _, err := mime.ParseMediaType(ctype)
	if err != nil {
		return ""
	}
	major, _, _ := strings.Cut(mt, "/")
	switch {
	case major == "image", major == "audio", major == "video", major == "font":
		return mt
	case mt == "application/pdf", mt == "application/zip", mt == "application/x-tar", mt == "application/vnd.rar":
		return mt
	}
	return ""
}

func isGzip(b []byte) bool { return len(b) >= 3 && b[0] == 0x1f && b[1] == 0x8b && b[2] == 8 }

// gunzip decompresses data, refusing output over limit bytes.
func gunzip(data []byte, limit int64) ([]byte, error) {
	zr, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("%w: gzip: %w", ErrMalformed, err)
	}
	defer zr.Close()
	out, err := io.ReadAll(io.LimitReader(zr, limit+1))
	if err != nil {
		return nil, fmt.Errorf("%w: gzip: %w", ErrMalformed, err)
	}
	if int64(len(out)) > limit {
		return nil, fmt.Errorf("%w: gzip expands past %d bytes", ErrTooLarge, limit)
	}
	return out, nil
}
