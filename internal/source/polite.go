package source

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"
)

// Politeness: one robots.txt per host, honoured for our product token, and
// at least FetchOptions.MinInterval between two requests to one host.

// wait blocks until a request to host is allowed by MinInterval.
func (f *Fetcher) wait(ctx context.Context, host string) error {
	if f.opts.MinInterval <= 0 {
		return ctx.Err()
	}
	host = strings.ToLower(host)
	f.mu.Lock()
	now := time.Now()
	at := f.next[host]
	if at.Before(now) {
		at = now
	}
	f.next[host] = at.Add(f.opts.MinInterval)
	f.mu.Unlock()
	d := time.Until(at)
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// robotsAllow fetches the host's robots.txt (once until it expires, see
// robotsKeep) and checks u against it.
func (f *Fetcher) robotsAllow(ctx context.Context, u *url.URL) error {
	key := u.Scheme + "://" + strings.ToLower(u.Host)
	f.mu.Lock()
	e, ok := f.robots[key]
	if ok && expired(e) {
		ok = false
	}
	if !ok {
		e = &robotsEntry{done: make(chan struct{})}
		f.robots[key] = e
		f.mu.Unlock()
		var failed bool
		e.rules, failed, e.err = f.fetchRobots(ctx, key)
		keep := robotsKeep
		if failed || e.err != nil {
			keep = robotsKeepFailed
		}
		e.expires = time.Now().Add(keep)
		if ctx.Err() != nil {
			f.mu.Lock()
			delete(f.robots, key) // let a later caller try again
			f.mu.Unlock()
		}
		close(e.done)
	} else {
		f.mu.Unlock()
		select {
		case <-e.done:
		case <-ctx.Done():
			return ctx.Err()
		}
	}
	if e.err != nil {
		// The host could not be reached for robots.txt; the page would
		// fail alike, so the error is the host's, not robots.txt's.
		return e.err
	}
	path := u.EscapedPath()
	if u.RawQuery != "" {
		path += "?" + u.RawQuery
	}
	if !e.rules.Allowed(f.agent, path) {
		return fmt.Errorf("%w: %s", ErrRobots, path)
	}
	return nil
}

// expired reports whether a robots.txt entry that has been fetched is
// past its time; one still being fetched is not. Called with f.mu held.
func expired(e *robotsEntry) bool {
	select {
	case <-e.done:
		return time.Now().After(e.expires)
	default:
		return false
	}
}

// fetchRobots gets base/robots.txt. As RFC 9309 says: a 4xx means no
// rules; a 5xx means all is disallowed, for now (failed is set). A
// failure to connect is returned.
func (f *Fetcher) fetchRobots(ctx context.Context, base string) (rules *Robots, failed bool, err error) {
	resp, err := f.get(ctx, base+"/robots.txt", false, maxRobotsBytes, false)
	var se *StatusError
	switch {
	case errors.As(err, &se) && se.Code >= 500:
		return ParseRobots([]byte("User-agent: *\nDisallow: /\n")), true, nil
	case errors.As(err, &se), errors.Is(err, ErrTooLarge), errors.Is(err, ErrRedirects):
		return ParseRobots(nil), false, nil
	case err != nil:
		return nil, true, err
	}
	return ParseRobots(resp.Body), false, nil
}
