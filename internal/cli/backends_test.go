package cli

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/storydesk/storydesk/internal/store/pgtest"
)

func TestMain(m *testing.M) { os.Exit(pgtest.Main(m)) }

// eachBackend runs fn as a subtest on a fresh database of every store
// backend: a SQLite file and a PostgreSQL database.
func eachBackend(t *testing.T, fn func(t *testing.T, db string)) {
	t.Run("sqlite", func(t *testing.T) { fn(t, filepath.Join(t.TempDir(), "test.db")) })
	t.Run("postgres", func(t *testing.T) { fn(t, pgtest.Database(t)) })
}
