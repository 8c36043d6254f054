package source

import (
	"bytes"
	"compress/gzip"
	"compress/zlib"
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// testFetchOptions reach httptest servers on loopback, fast.
func testFetchOptions() FetchOptions {
	o := DefaultFetchOptions()
	o.AllowPrivate = true
	o.MinInterval = 0
	o.ConnectTimeout = 2 * time.Second
	o.ReadTimeout = 2 * time.Second
	return o
}

func gzipped(t testing.TB, b []byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	zw.Write(b)
	zw.Close()
	return buf.Bytes()
}

func TestFetcherGet(t *testing.T) {
	big := bytes.Repeat([]byte("a"), 4096)
	mux := http.NewServeMux()
	mux.HandleFunc("/robots.txt", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, "User-agent: *\nDisallow: /private/\n\nUser-agent: otherbot\nDisallow: /\n")
	})
	mux.HandleFunc("/page", func(w http.ResponseWriter, r *http.Request) {
		if !strings.HasPrefix(r.UserAgent(), "storydesk/") {
			http.Error(w, "bad agent "+r.UserAgent(), http.StatusForbidden)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, "<p>hello</p>")
	})
	mux.HandleFunc("/private/x", func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, "secret") })
	mux.HandleFunc("/gzip", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Encoding", "gzip")
		w.Write(gzipped(t, []byte("zipped body")))
	})
	mux.HandleFunc("/deflate", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Encoding", "deflate")
		var buf bytes.Buffer
		zw := zlib.NewWriter(&buf)
		zw.Write([]byte("deflated body"))
		zw.Close()
		w.Write(buf.Bytes())
	})
	mux.HandleFunc("/bomb", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Encoding", "gzip")
		w.Write(gzipped(t, bytes.Repeat(big, 64))) // 256 KiB from about 300 bytes
	})
	mux.HandleFunc("/big", func(w http.ResponseWriter, r *http.Request) {
		for range 64 {
			w.Write(big)
			w.(http.Flusher).Flush() // chunked: no Content-Length to refuse early
		}
	})
	mux.HandleFunc("/slow", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-time.After(3 * time.Second):
		case <-r.Context().Done():
		}
	})
	mux.HandleFunc("/stall", func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte("partial"))
		w.(http.Flusher).Flush()
		select {
		case <-time.After(3 * time.Second):
		case <-r.Context().Done():
		}
	})
	mux.HandleFunc("/missing", http.NotFound)
	mux.HandleFunc("/broken", func(w http.ResponseWriter, r *http.Request) { http.Error(w, "oops", 500) })
	mux.HandleFunc("/hop/", func(w http.ResponseWriter, r *http.Request) {
		var n int
		fmt.Sscanf(r.URL.Path, "/hop/%d", &n)
		if n == 0 {
			fmt.Fprint(w, "landed")
			return
		}
		http.Redirect(w, r, fmt.Sprintf("/hop/%d", n-1), http.StatusFound)
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()

	cases := []struct {
		name     string
		path     string
		opts     func(*FetchOptions)
		wantBody string
		wantURL  string
		wantErr  error
	}{
		{name: "page", path: "/page", wantBody: "<p>hello</p>"},
		{name: "gzip decoded", path: "/gzip", wantBody: "zipped body"},
		{name: "deflate decoded", path: "/deflate", wantBody: "deflated body"},
		{name: "gzip bomb capped after decoding", path: "/bomb", opts: func(o *FetchOptions) { o.MaxBytes = 64 << 10 }, wantErr: ErrTooLarge},
		{name: "body capped", path: "/big", opts: func(o *FetchOptions) { o.MaxBytes = 64 << 10 }, wantErr: ErrTooLarge},
		{name: "body under cap", path: "/big", opts: func(o *FetchOptions) { o.MaxBytes = 1 << 20 }, wantBody: "aaaa"},
		{name: "read timeout", path: "/slow", opts: func(o *FetchOptions) { o.ReadTimeout = 100 * time.Millisecond }, wantErr: ErrTimeout},
		{name: "body read timeout", path: "/stall", opts: func(o *FetchOptions) { o.ReadTimeout = 100 * time.Millisecond }, wantErr: ErrTimeout},
		{name: "404", path: "/missing", wantErr: ErrNotFound},
		{name: "500", path: "/broken", wantErr: ErrStatus},
		{name: "robots disallow", path: "/private/x", wantErr: ErrRobots},
		{name: "robots ignored", path: "/private/x", opts: func(o *FetchOptions) { o.IgnoreRobots = true }, wantBody: "secret"},
		{name: "robots for another agent", path: "/page", opts: func(o *FetchOptions) { o.UserAgent = "otherbot/1.0" }, wantErr: ErrRobots},
		{name: "redirects followed", path: "/hop/3", wantBody: "landed", wantURL: "/hop/0"},
		{name: "too many redirects", path: "/hop/3", opts: func(o *FetchOptions) { o.MaxRedirects = 2 }, wantErr: ErrRedirects},
		{name: "no redirects", path: "/hop/1", opts: func(o *FetchOptions) { o.MaxRedirects = -1 }, wantErr: ErrRedirects},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			o := testFetchOptions()
			if tc.opts != nil {
				tc.opts(&o)
			}
			resp, err := NewFetcher(o).Get(context.Background(), srv.URL+tc.path)
			if tc.wantErr != nil {
				if !errors.Is(err, tc.wantErr) {
					t.Fatalf("Get %s: err %v, want %v", tc.path, err, tc.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatalf("Get %s: %v", tc.path, err)
			}
			if !strings.Contains(string(resp.Body), tc.wantBody) {
				t.Errorf("Get %s: body %.80q, want it to contain %q", tc.path, resp.Body, tc.wantBody)
			}
			if tc.wantURL != "" && resp.URL != srv.URL+tc.wantURL {
				t.Errorf("Get %s: final URL %s, want %s", tc.path, resp.URL, srv.URL+tc.wantURL)
			}
		})
	}
}

func TestFetcherRobotsOncePerHost(t *testing.T) {
	var robots, pages atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			robots.Add(1)
			http.Error(w, "unavailable", http.StatusServiceUnavailable)
			return
		}
		pages.Add(1)
	}))
	defer srv.Close()
	f := NewFetcher(testFetchOptions())
	for range 3 {
		if _, err := f.Get(context.Background(), srv.URL+"/a"); !errors.Is(err, ErrRobots) {
			t.Fatalf("robots.txt 503: err %v, want ErrRobots (all disallowed)", err)
		}
	}
	if robots.Load() != 1 || pages.Load() != 0 {
		t.Errorf("robots.txt fetched %d times, pages %d; want 1 and 0", robots.Load(), pages.Load())
	}
}

// TestFetcherRobotsAskedAgain checks that a robots.txt the host failed
// to serve is kept for a short while only, and asked for again after it:
// a host back up is crawled again by a long-running fetcher.
func TestFetcherRobotsAskedAgain(t *testing.T) {
	var up atomic.Bool
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" && !up.Load() {
			http.Error(w, "unavailable", http.StatusServiceUnavailable)
			return
		}
		if r.URL.Path == "/robots.txt" {
			http.NotFound(w, r)
			return
		}
		fmt.Fprint(w, "ok")
	}))
	defer srv.Close()
	f := NewFetcher(testFetchOptions())
	if _, err := f.Get(context.Background(), srv.URL+"/a"); !errors.Is(err, ErrRobots) {
		t.Fatalf("robots.txt 503: err %v, want ErrRobots", err)
	}
	f.mu.Lock()
	for _, e := range f.robots {
		if keep := time.Until(e.expires); keep > robotsKeepFailed {
			t.Errorf("a failed robots.txt is kept %v; want at most %v", keep, robotsKeepFailed)
		}
		e.expires = time.Now().Add(-time.Second) // as if the minute had passed
	}
	f.mu.Unlock()
	up.Store(true)
	if _, err := f.Get(context.Background(), srv.URL+"/a"); err != nil {
		t.Fatalf("robots.txt asked again after it expired: %v, want the page", err)
	}
	f.mu.Lock()
	for _, e := range f.robots {
		if keep := time.Until(e.expires); keep < robotsKeep-time.Minute {
			t.Errorf("a robots.txt read is kept %v; want %v", keep, robotsKeep)
		}
	}
	f.mu.Unlock()
}

func TestFetcherRobotsMissingAllows(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			http.NotFound(w, r)
			return
		}
		fmt.Fprint(w, "ok")
	}))
	defer srv.Close()
	if _, err := NewFetcher(testFetchOptions()).Get(context.Background(), srv.URL+"/a"); err != nil {
		t.Fatalf("robots.txt 404: %v, want the page", err)
	}
}

func TestFetcherConditionalGet(t *testing.T) {
	var conditional atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("If-None-Match") == `"v1"` && r.Header.Get("If-Modified-Since") == "Thu, 14 Aug 2025 09:00:00 GMT" {
			conditional.Add(1)
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", `"v1"`)
		w.Header().Set("Last-Modified", "Thu, 14 Aug 2025 09:00:00 GMT")
		fmt.Fprint(w, "body")
	}))
	defer srv.Close()
	o := testFetchOptions()
	o.IgnoreRobots = true
	vals := NewMemoryValidators()
	o.Validators = vals
	f := NewFetcher(o)
	first, err := f.Get(context.Background(), srv.URL+"/feed")
	if err != nil || first.NotModified || string(first.Body) != "body" {
		t.Fatalf("first Get: %+v, %v; want the body", first, err)
	}
	second, err := f.Get(context.Background(), srv.URL+"/feed")
	if err != nil || !second.NotModified || len(second.Body) != 0 {
		t.Fatalf("second Get: %+v, %v; want NotModified", second, err)
	}
	if v, ok := vals.Get(srv.URL + "/feed"); !ok || v.ETag != `"v1"` {
		t.Errorf("validators hold %+v, %v", v, ok)
	}
	if conditional.Load() != 1 {
		t.Errorf("server saw %d conditional requests, want 1", conditional.Load())
	}
}

func TestFetcherRateLimit(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {}))
	defer srv.Close()
	o := testFetchOptions()
	o.IgnoreRobots = true
	o.MinInterval = 80 * time.Millisecond
	f := NewFetcher(o)
	start := time.Now()
	for range 3 {
		if _, err := f.Get(context.Background(), srv.URL); err != nil {
			t.Fatal(err)
		}
	}
	if d := time.Since(start); d < 160*time.Millisecond {
		t.Errorf("3 requests took %v, want at least 2 intervals of 80ms", d)
	}
}

func TestFetcherRefuses(t *testing.T) {
	var hits atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { hits.Add(1) }))
	defer srv.Close()
	_, port, _ := net.SplitHostPort(srv.Listener.Addr().String())
	o := DefaultFetchOptions() // AllowPrivate off
	o.MinInterval = 0
	f := NewFetcher(o)
	for _, u := range []string{
		srv.URL,
		"http://localhost:" + port + "/", // a name: refused when dialled
		"http://[::1]:" + port + "/",
		"http://[::ffff:127.0.0.1]:" + port + "/",
		"http://0.0.0.0:" + port + "/",
		"http://169.254.169.254/latest/meta-data/",
		"http://10.1.2.3/",
		"http://[fe80::1]/",
		"http://100.64.0.1/",
		"ftp://example.com/file",
		"file:///etc/passwd",
	} {
		t.Run(u, func(t *testing.T) {
			_, err := f.Get(context.Background(), u)
			if !errors.Is(err, ErrRefused) {
				t.Errorf("Get %s: err %v, want ErrRefused", u, err)
			}
		})
	}
	if hits.Load() != 0 {
		t.Errorf("server was reached %d times", hits.Load())
	}
}

// TestFetcherRefusesRedirect lets 127.0.0.2 stand for a public server and
// checks that its redirect to 127.0.0.1 is refused when dialled.
func TestFetcherRefusesRedirect(t *testing.T) {
	var target atomic.Int32
	inner := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { target.Add(1) }))
	defer inner.Close()
	ln, err := net.Listen("tcp", "127.0.0.2:0")
	if err != nil {
		t.Skipf("no 127.0.0.2 on this machine: %v", err)
	}
	outer := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			http.NotFound(w, r)
			return
		}
		_, port, _ := net.SplitHostPort(inner.Listener.Addr().String())
		// A name, so only the check on the dialled address can catch it.
		http.Redirect(w, r, "http://localhost:"+port+"/meta", http.StatusFound)
	}))
	outer.Listener.Close()
	outer.Listener = ln
	outer.Start()
	defer outer.Close()

	o := DefaultFetchOptions()
	o.MinInterval = 0
	f := NewFetcher(o)
	public := netip.MustParseAddr("127.0.0.2")
	f.refuse = func(ip netip.Addr) string {
		if ip == public {
			return ""
		}
		return RefusedReason(ip)
	}
	_, err = f.Get(context.Background(), outer.URL+"/start")
	if !errors.Is(err, ErrRefused) {
		t.Fatalf("redirect to loopback: err %v, want ErrRefused", err)
	}
	if target.Load() != 0 {
		t.Errorf("redirect target was reached %d times", target.Load())
	}
}

func TestRefusedReason(t *testing.T) {
	cases := []struct {
		ip      string
		refused bool
	}{
		{"127.0.0.1", true}, {"127.255.0.9", true}, {"::1", true},
		{"::ffff:127.0.0.1", true}, {"::ffff:10.0.0.1", true}, {"::ffff:8.8.8.8", false},
		{"10.0.0.1", true}, {"172.16.5.4", true}, {"172.31.255.255", true}, {"172.32.0.1", false},
		{"192.168.1.1", true}, {"fc00::1", true}, {"fd12:3456::1", true},
		{"169.254.169.254", true}, {"169.254.0.1", true}, {"fe80::1", true}, {"fe80::1%eth0", true},
		{"100.64.0.1", true}, {"100.127.255.254", true}, {"100.128.0.1", false},
		{"224.0.0.1", true}, {"239.1.2.3", true}, {"ff02::1", true},
		{"0.0.0.0", true}, {"::", true}, {"255.255.255.255", true},
		{"64:ff9b::7f00:1", true}, {"2002:7f00:1::1", true}, {"2002:808:808::1", false},
		{"8.8.8.8", false}, {"1.1.1.1", false}, {"93.184.216.34", false},
		{"2606:4700:4700::1111", false}, {"2a00:1450:4001::200e", false},
	}
	for _, tc := range cases {
		t.Run(tc.ip, func(t *testing.T) {
			got := RefusedReason(netip.MustParseAddr(tc.ip))
			if (got != "") != tc.refused {
				t.Errorf("RefusedReason(%s) = %q, want refused=%v", tc.ip, got, tc.refused)
			}
		})
	}
}
