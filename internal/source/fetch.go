package source

import (
	"bytes"
	"compress/flate"
	"compress/zlib"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"strings"
	"sync"
	"time"
)

// DefaultUserAgent names storydesk to the servers it fetches from.
const DefaultUserAgent = "storydesk/0.1.0-dev (+https://github.com/storydesk/storydesk)"

// FetchOptions tunes a Fetcher. Each zero field takes the default named
// in its comment, except where it says otherwise.
type FetchOptions struct {
	// UserAgent is sent with every request; its product token (before
	// "/") is the agent robots.txt rules are matched against. "" means
	// DefaultUserAgent.
	UserAgent string
	// ConnectTimeout bounds DNS, TCP connect and TLS handshake; 0 means 10s.
	ConnectTimeout time.Duration
	// ReadTimeout bounds one request from connect to the last body byte;
	// 0 means 30s.
	ReadTimeout time.Duration
	// MaxBytes caps a response body, before and after gzip/deflate
	// decoding; 0 means 10 MiB.
	MaxBytes int64
	// MaxRedirects is how many redirects one Get follows, each target
	// checked like the first URL; 0 means 5, negative means none.
	MaxRedirects int
	// MinInterval is the least time between two requests to one host;
	// 0 means no wait (DefaultFetchOptions sets 1s).
	MinInterval time.Duration
	// AllowPrivate permits loopback, private, link-local, CGNAT and other
	// non-public destinations (the CLI's --allow-private). Off, they are
	// refused with ErrRefused, checked on the address actually dialled.
	AllowPrivate bool
	// IgnoreRobots skips robots.txt. Off, robots.txt is fetched once per
	// host and a disallowed URL fails with ErrRobots.
	IgnoreRobots bool
	// Validators remembers ETag and Last-Modified per URL for
	// conditional GETs; nil means a new in-memory MemoryValidators.
	Validators Validators
}

// DefaultFetchOptions returns the fetch options storydesk runs with.
func DefaultFetchOptions() FetchOptions {
	return FetchOptions{
		UserAgent:      DefaultUserAgent,
		ConnectTimeout: 10 * time.Second,
		ReadTimeout:    30 * time.Second,
		MaxBytes:       10 << 20,
		MaxRedirects:   5,
		MinInterval:    time.Second,
	}
}

// maxRobotsBytes caps robots.txt, as RFC 9309 allows.
const maxRobotsBytes = 512 << 10

// Response is a fetched resource.
type Response struct {
	// URL is the final URL, after redirects.
	URL    string
	Status int
	Header http.Header
	// Body is the body with Content-Encoding undone; its charset is not
	// decoded (see Decode).
	Body []byte
	// NotModified is set when the server answered 304 to a conditional
	// GET: the resource is unchanged since it was last fetched, and Body
	// is empty.
	NotModified bool
}

// StatusError is an HTTP status that is not success. It matches
// ErrNotFound for 404 and 410 and ErrStatus otherwise.
type StatusError struct {
	Code   int
	Status string
}

func (e *StatusError) Error() string { return "HTTP " + e.Status }

// Is makes errors.Is(err, ErrNotFound) true for 404 and 410.
func (e *StatusError) Is(target error) bool {
	if e.Code == http.StatusNotFound || e.Code == http.StatusGone {
		return target == ErrNotFound
	}
	return target == ErrStatus
}

// Fetcher gets http(s) URLs safely and politely. It is safe for
// concurrent use.
type Fetcher struct {
	opts   FetchOptions
	agent  string // product token for robots.txt
	client *http.Client
	// refuse says why an address may not be dialled ("" if it may);
	// RefusedReason, replaced only by tests that need one loopback
	// address to stand for the public web.
	refuse func(netip.Addr) string

	mu     sync.Mutex
	next   map[string]time.Time    // host → earliest next request
	robots map[string]*robotsEntry // scheme://host → its rules
}

// robotsEntry is one host's robots.txt, fetched once until it expires.
type robotsEntry struct {
	done    chan struct{}
	rules   *Robots
	err     error
	expires time.Time // set before done is closed
}

// How long a host's robots.txt is kept: a day when it was read (RFC 9309
// asks for no more), a minute when the host failed to serve it, so that
// a long-running worker asks again once the host is back.
const (
	robotsKeep       = 24 * time.Hour
	robotsKeepFailed = time.Minute
)

// NewFetcher returns a Fetcher with opts; zero fields take their
// documented defaults.
func NewFetcher(opts FetchOptions) *Fetcher {
	if opts.UserAgent == "" {
		opts.UserAgent = DefaultUserAgent
	}
	if opts.ConnectTimeout <= 0 {
		opts.ConnectTimeout = 10 * time.Second
	}
	if opts.ReadTimeout <= 0 {
		opts.ReadTimeout = 30 * time.Second
	}
	if opts.MaxBytes <= 0 {
		opts.MaxBytes = 10 << 20
	}
	if opts.MaxRedirects == 0 {
		opts.MaxRedirects = 5
	}
	if opts.Validators == nil {
		opts.Validators = NewMemoryValidators()
	}
	agent, _, _ := strings.Cut(opts.UserAgent, "/")
	f := &Fetcher{
		opts:   opts,
		agent:  strings.TrimSpace(agent),
		refuse: RefusedReason,
		next:   make(map[string]time.Time),
		robots: make(map[string]*robotsEntry),
	}
	dialer := &net.Dialer{Timeout: opts.ConnectTimeout}
	if !opts.AllowPrivate {
		dialer.Control = f.dialControl
	}
	transport := &http.Transport{
		Proxy:                 nil, // a proxy would make the dialled address the proxy's
		DialContext:           dialer.DialContext,
		ForceAttemptHTTP2:     true,
		TLSHandshakeTimeout:   opts.ConnectTimeout,
		ResponseHeaderTimeout: opts.ReadTimeout,
		DisableCompression:    true, // we decode ourselves, to cap the decoded size
		MaxIdleConnsPerHost:   2,
		IdleConnTimeout:       30 * time.Second,
	}
	f.client = &http.Client{
		Transport:     transport,
		Timeout:       opts.ReadTimeout,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}
	return f
}

// Get fetches rawURL, following redirects. It returns ErrRefused for a
// scheme other than http(s) or a refused destination, ErrRobots,
// ErrTimeout, ErrTooLarge, ErrRedirects, ErrMalformed for a broken
// gzip/deflate body, and a *StatusError (with the Response) for a status
// other than 2xx and 304. A 304 to a conditional GET gives a Response with
// NotModified set.
func (f *Fetcher) Get(ctx context.Context, rawURL string) (*Response, error) {
	return f.get(ctx, rawURL, !f.opts.IgnoreRobots, f.opts.MaxBytes, true)
}

// get is Get with the per-call knobs: whether robots.txt is consulted, the
// body cap and whether validators are sent and stored.
func (f *Fetcher) get(ctx context.Context, rawURL string, robots bool, maxBytes int64, conditional bool) (*Response, error) {
	u, err := f.checkURL(rawURL)
	if err != nil {
		return nil, err
	}
	for hop := 0; ; hop++ {
		if robots {
			if err := f.robotsAllow(ctx, u); err != nil {
				return nil, err
			}
		}
		if err := f.wait(ctx, u.Host); err != nil {
			return nil, err
		}
		resp, err := f.do(ctx, u, conditional && hop == 0, rawURL, maxBytes)
		if err != nil || !isRedirect(resp.Status) {
			if err == nil && conditional && resp.Status/100 == 2 {
				f.remember(rawURL, resp.Header)
			}
			return resp, err
		}
		if f.opts.MaxRedirects < 0 || hop >= f.opts.MaxRedirects {
			return nil, fmt.Errorf("%w: more than %d", ErrRedirects, max(f.opts.MaxRedirects, 0))
		}
		loc, err := u.Parse(resp.Header.Get("Location"))
		if err != nil {
			return nil, fmt.Errorf("%w: redirect Location: %w", ErrMalformed, err)
		}
		if u, err = f.checkURL(loc.String()); err != nil {
			return nil, fmt.Errorf("redirect to %s: %w", loc.Redacted(), err)
		}
	}
}

func isRedirect(code int) bool {
	switch code {
	case 301, 302, 303, 307, 308:
		return true
	}
	return false
}

// checkURL parses rawURL and refuses schemes other than http(s) and
// literal addresses that may not be dialled.
func (f *Fetcher) checkURL(rawURL string) (*url.URL, error) {
	u, err := url.Parse(rawURL)
	if err != nil {
		return nil, fmt.Errorf("%w: URL: %w", ErrMalformed, err)
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return nil, fmt.Errorf("%w: scheme %q (only http and https)", ErrRefused, u.Scheme)
	}
	if u.Hostname() == "" {
		return nil, fmt.Errorf("%w: URL has no host", ErrMalformed)
	}
	u.Fragment, u.RawFragment = "", ""
	if !f.opts.AllowPrivate {
		if err := f.checkAddr(u.Hostname()); err != nil {
			return nil, err
		}
	}
	return u, nil
}

// do sends one request and reads its body (redirects are not followed).
func (f *Fetcher) do(ctx context.Context, u *url.URL, conditional bool, key string, maxBytes int64) (*Response, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrMalformed, err)
	}
	req.Header.Set("User-Agent", f.opts.UserAgent)
	req.Header.Set("Accept-Encoding", "gzip, deflate")
	req.Header.Set("Accept", "text/html, application/xhtml+xml, application/rss+xml, application/atom+xml, application/feed+json, application/json, text/plain;q=0.9, */*;q=0.5")
	if conditional {
		if v, ok := f.opts.Validators.Get(key); ok {
			if v.ETag != "" {
				req.Header.Set("If-None-Match", v.ETag)
			}
			if v.LastModified != "" {
				req.Header.Set("If-Modified-Since", v.LastModified)
			}
		}
	}
	hr, err := f.client.Do(req)
	if err != nil {
		return nil, fetchError(ctx, err)
	}
	defer hr.Body.Close()
	resp := &Response{URL: u.String(), Status: hr.StatusCode, Header: hr.Header}
	switch {
	case isRedirect(hr.StatusCode):
		return resp, nil
	case hr.StatusCode == http.StatusNotModified:
		resp.NotModified = true
		return resp, nil
	}
	resp.Body, err = readBody(hr, maxBytes)
	if err != nil {
		return nil, fetchError(ctx, err)
	}
	if hr.StatusCode/100 != 2 {
		return resp, &StatusError{Code: hr.StatusCode, Status: hr.Status}
	}
	return resp, nil
}

// remember stores the validators of a successful response.
func (f *Fetcher) remember(key string, h http.Header) {
	v := Validator{ETag: h.Get("ETag"), LastModified: h.Get("Last-Modified")}
	if v.ETag != "" || v.LastModified != "" {
		f.opts.Validators.Put(key, v)
	}
}

// readBody reads and decodes the body, capped at limit bytes before and
// after decoding.
func readBody(hr *http.Response, limit int64) ([]byte, error) {
	if hr.ContentLength > limit {
		return nil, fmt.Errorf("%w: Content-Length %d over %d bytes", ErrTooLarge, hr.ContentLength, limit)
	}
	raw, err := io.ReadAll(io.LimitReader(hr.Body, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(raw)) > limit {
		return nil, fmt.Errorf("%w: body over %d bytes", ErrTooLarge, limit)
	}
	switch enc := strings.ToLower(strings.TrimSpace(hr.Header.Get("Content-Encoding"))); enc {
	case "", "identity":
		return raw, nil
	case "gzip", "x-gzip":
		return gunzip(raw, limit)
	case "deflate":
		return inflate(raw, limit)
	default:
		return nil, fmt.Errorf("%w: Content-Encoding %q", ErrUnsupported, enc)
	}
}

// inflate decodes an HTTP deflate body: zlib-wrapped as the standard says,
// or raw deflate as some servers send.
func inflate(raw []byte, limit int64) ([]byte, error) {
	var r io.ReadCloser
	if len(raw) >= 2 && raw[0]&0x0f == 8 && (uint16(raw[0])<<8|uint16(raw[1]))%31 == 0 {
		zr, err := zlib.NewReader(bytes.NewReader(raw))
		if err != nil {
			return nil, fmt.Errorf("%w: deflate: %w", ErrMalformed, err)
		}
		r = zr
	} else {
		r = flate.NewReader(bytes.NewReader(raw))
	}
	defer r.Close()
	out, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, fmt.Errorf("%w: deflate: %w", ErrMalformed, err)
	}
	if int64(len(out)) > limit {
		return nil, fmt.Errorf("%w: deflate expands past %d bytes", ErrTooLarge, limit)
	}
	return out, nil
}

// fetchError maps a transport error to the package's sentinels.
func fetchError(ctx context.Context, err error) error {
	var refused *refusedError
	if errors.As(err, &refused) {
		return refused
	}
	if errors.Is(err, ErrTooLarge) || errors.Is(err, ErrUnsupported) || errors.Is(err, ErrMalformed) {
		return err
	}
	if ctx.Err() != nil && errors.Is(err, context.Canceled) {
		return ctx.Err()
	}
	var ne net.Error
	if errors.Is(err, context.DeadlineExceeded) || errors.As(err, &ne) && ne.Timeout() {
		return fmt.Errorf("%w: %w", ErrTimeout, innermost(err))
	}
	return innermost(err)
}

// innermost drops the wrappers that only repeat the method, URL and
// network ("Get \"…\": dial tcp: …"), since the caller names the input.
func innermost(err error) error {
	var dns *net.DNSError
	if errors.As(err, &dns) {
		return dns
	}
	var ue *url.Error
	if errors.As(err, &ue) {
		err = ue.Err
	}
	var op *net.OpError
	if errors.As(err, &op) && op.Err != nil {
		return fmt.Errorf("%s: %w", op.Op, op.Err)
	}
	return err
}
