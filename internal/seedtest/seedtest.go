// Package seedtest locates, for tests, the repository's bundled seeds and
// the development data that may sit beside the repository in ../shared.
package seedtest

import (
	"os"
	"path/filepath"
	"testing"
)

// Root walks up from the test's working directory (its package directory)
// to the directory holding go.mod.
func Root(t testing.TB) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		up := filepath.Dir(dir)
		if up == dir {
			t.Fatal("no go.mod above the test's directory")
		}
		dir = up
	}
}

// Shared returns the path of elem under ../shared beside the repository
// root, and skips the test when it is absent: the project must work
// without it.
func Shared(t testing.TB, elem ...string) string {
	t.Helper()
	p := filepath.Join(append([]string{Root(t), "..", "shared"}, elem...)...)
	if _, err := os.Stat(p); err != nil {
		t.Skipf("%s absent: %v", p, err)
	}
	return p
}
