package seedtest

import (
	"os"
	"path/filepath"
	"testing"
)

func TestRoot(t *testing.T) {
	root := Root(t)
	if _, err := os.Stat(filepath.Join(root, "go.mod")); err != nil {
		t.Fatalf("Root = %s, which holds no go.mod", root)
	}
	if _, err := os.Stat(filepath.Join(root, "testdata", "seeds")); err != nil {
		t.Errorf("Root = %s, which holds no testdata/seeds", root)
	}
}

func TestSharedSkipsWhenAbsent(t *testing.T) {
	ran := false
	t.Run("absent", func(t *testing.T) {
		Shared(t, "no-such-dir-anywhere")
		ran = true
	})
	if ran {
		t.Error("Shared did not skip for a missing path")
	}
}
