package storetest

import (
	"context"
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/storydesk/storydesk/internal/model"
	"github.com/storydesk/storydesk/internal/store"
)

func testNotFound(t *testing.T, s store.Store) {
	ctx := context.Background()
	mustPut(t, s, article("here"))
	checks := []struct {
		name string
		err  func() error
	}{
		{"Article", func() error { _, err := s.Article(ctx, "missing"); return err }},
		{"Validator", func() error { _, err := s.Validator(ctx, "https://example.com/missing"); return err }},
		{"Signature", func() error { _, err := s.Signature(ctx, "here"); return err }},
		{"PutSignature of missing article", func() error { return s.PutSignature(ctx, "missing", []byte{1}) }},
		{"LinkDuplicate of missing article", func() error { return s.LinkDuplicate(ctx, "missing", "here", 1) }},
		{"Annotations", func() error { _, err := s.Annotations(ctx, "here"); return err }},
		{"PutAnnotations of missing article", func() error { return s.PutAnnotations(ctx, model.Annotations{ArticleID: "missing"}) }},
		{"Story", func() error { _, err := s.Story(ctx, "missing"); return err }},
		{"StoryOf", func() error { _, err := s.StoryOf(ctx, "here"); return err }},
		{"PutStories with missing article", func() error {
			return s.PutStories(ctx, []store.StoryRecord{{ID: "s", Articles: []string{"here", "missing"}}}, nil)
		}},
	}
	for _, c := range checks {
		t.Run(c.name, func(t *testing.T) {
			if err := c.err(); !errors.Is(err, store.ErrNotFound) {
				t.Errorf("%s: err = %v; want ErrNotFound", c.name, err)
			}
		})
	}
	if a, err := s.Article(ctx, "missing"); err == nil || a.ID != "" {
		t.Errorf("Article(missing) = %+v, %v; want a zero article and an error", a, err)
	}
}

func testValidators(t *testing.T, s store.Store) {
	ctx := context.Background()
	at := time.Date(2025, 8, 14, 10, 0, 0, 5, time.UTC)
	vs := []store.Validator{
		{URL: "https://example.com/feed", ETag: `W/"abc"`, LastModified: "Thu, 14 Aug 2025 10:00:00 GMT", Fetched: at},
		{URL: "https://example.com/feed", ETag: `"def"`, Fetched: at.Add(time.Hour)}, // replaces the first
		{URL: "https://example.com/other"},
	}
	for _, v := range vs {
		if err := s.PutValidator(ctx, v); err != nil {
			t.Fatalf("PutValidator(%+v): %v", v, err)
		}
	}
	for _, want := range vs[1:] {
		got, err := s.Validator(ctx, want.URL)
		if err != nil {
			t.Fatalf("Validator(%s): %v", want.URL, err)
		}
		if got.URL != want.URL || got.ETag != want.ETag || got.LastModified != want.LastModified || !got.Fetched.Equal(want.Fetched) {
			t.Errorf("Validator(%s) = %+v; want %+v", want.URL, got, want)
		}
	}
}

func testSignatures(t *testing.T, s store.Store) {
	ctx := context.Background()
	mustPut(t, s, article("b"), article("a"), article("c"))
	puts := []struct {
		id  string
		sig []byte
	}{{"b", []byte{9, 9}}, {"a", []byte{1, 2, 3}}, {"b", []byte{0, 255, 7}}}
	for _, p := range puts {
		if err := s.PutSignature(ctx, p.id, p.sig); err != nil {
			t.Fatalf("PutSignature(%s): %v", p.id, err)
		}
	}
	if got, err := s.Signature(ctx, "b"); err != nil || !reflect.DeepEqual(got, []byte{0, 255, 7}) {
		t.Errorf("Signature(b) = %v, %v; want the replacement [0 255 7]", got, err)
	}
	var seen []string
	err := s.EachSignature(ctx, func(id string, sig []byte) error {
		seen = append(seen, id)
		return nil
	})
	if err != nil || !reflect.DeepEqual(seen, []string{"a", "b"}) {
		t.Errorf("EachSignature saw %v, %v; want [a b]", seen, err)
	}
	if err := s.PutSignatures(ctx, map[string][]byte{"c": {4}, "a": {5, 5}}); err != nil {
		t.Fatalf("PutSignatures: %v", err)
	}
	for id, want := range map[string][]byte{"a": {5, 5}, "b": {0, 255, 7}, "c": {4}} {
		if got, err := s.Signature(ctx, id); err != nil || !reflect.DeepEqual(got, want) {
			t.Errorf("after PutSignatures, Signature(%s) = %v, %v; want %v", id, got, err, want)
		}
	}
	if err := s.PutSignatures(ctx, map[string][]byte{"c": {6}, "missing": {1}}); !errors.Is(err, store.ErrNotFound) || !strings.Contains(err.Error(), "missing") {
		t.Errorf("PutSignatures with an article not stored = %v; want ErrNotFound naming it", err)
	}
	if got, _ := s.Signature(ctx, "c"); !reflect.DeepEqual(got, []byte{4}) {
		t.Errorf("a failed PutSignatures changed c's signature to %v", got)
	}
	stop := errors.New("stop")
	calls := 0
	if err := s.EachSignature(ctx, func(string, []byte) error { calls++; return stop }); !errors.Is(err, stop) || calls != 1 {
		t.Errorf("EachSignature with fn failing = %v after %d calls; want fn's error after 1", err, calls)
	}
}
