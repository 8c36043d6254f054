// Package schema reads a backend's migrations: numbered SQL steps named
// NNNN_name.sql, applied in order, each once.
package schema

import (
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strconv"
	"strings"
)

// Step is one migration.
type Step struct {
	Version int    // 1, 2, …
	Name    string // the file name, for messages and the migrations table
	SQL     string
}

// Steps reads dir/*.sql from fsys and checks they are numbered 1, 2, …
// without gaps.
func Steps(fsys fs.FS, dir string) ([]Step, error) {
	names, err := fs.Glob(fsys, path.Join(dir, "*.sql"))
	if err != nil {
		return nil, err
	}
	sort.Strings(names)
	var steps []Step
	for _, name := range names {
		base := path.Base(name)
		num, _, ok := strings.Cut(base, "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil {
			return nil, fmt.Errorf("migration %s: name does not start with NNNN_", base)
		}
		if v != len(steps)+1 {
			return nil, fmt.Errorf("migration %s: want number %d", base, len(steps)+1)
		}
		b, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, err
		}
		steps = append(steps, Step{Version: v, Name: base, SQL: string(b)})
	}
	return steps, nil
}
