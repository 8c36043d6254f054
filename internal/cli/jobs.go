package cli

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"text/tabwriter"

	"github.com/storydesk/storydesk/internal/store"
	"github.com/storydesk/storydesk/internal/worker"
)

func runJobs(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "jobs", "[flags]", "storydesk jobs --db postgres://storydesk@db/news --state failed")
	dsn := dbFlag(fs)
	state := fs.String("state", "", "only jobs in this `state`: queued, running, done or failed")
	kind := fs.String("kind", "", "only jobs of this `kind`: ingest or recluster")
	format := fs.String("format", "text", "output `format`: text or json (one object: counts and jobs)")
	limit := fs.Int("limit", 0, "most jobs to list (0: all)")
	if err := parse(fs, args); err != nil {
		return err
	}
	if err := oneOf("format", *format, "text", "json"); err != nil {
		return err
	}
	if *state != "" {
		if err := oneOf("state", *state, "queued", "running", "done", "failed"); err != nil {
			return err
		}
	}
	st, err := openStore(ctx, *dsn)
	if err != nil {
		return err
	}
	defer st.Close()
	jobs, err := st.ListJobs(ctx, store.JobListOptions{State: store.JobState(*state), Kind: *kind, Limit: *limit})
	if err != nil {
		return err
	}
	counts, err := st.CountJobs(ctx)
	if err != nil {
		return err
	}
	if *format == "json" {
		if jobs == nil {
			jobs = []store.Job{}
		}
		enc := json.NewEncoder(e.stdout)
		enc.SetEscapeHTML(false)
		return enc.Encode(struct {
			Counts map[store.JobState]int `json:"counts"`
			Jobs   []store.Job            `json:"jobs"`
		}{counts, jobs})
	}
	tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tKIND\tSTATE\tTRIES\tWORKER\tINPUT\tERROR")
	for _, j := range jobs {
		var in worker.Input
		json.Unmarshal(j.Payload, &in)
		fmt.Fprintf(tw, "%d\t%s\t%s\t%d/%d\t%s\t%s\t%s\n", j.ID, j.Kind, j.State, j.Attempts, j.MaxAttempts, j.Worker, in.Input, j.Error)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	var parts []string
	for _, s := range store.JobStates {
		parts = append(parts, fmt.Sprintf("%d %s", counts[s], s))
	}
	fmt.Fprintln(e.stdout, strings.Join(parts, ", "))
	return nil
}

// enqueueInputs adds one ingest job per input, a directory giving one job
// per file in it (in the order storydesk ingest reads them, so that the
// workers' result matches), and prints each job's id.
func enqueueInputs(ctx context.Context, e *env, q store.Jobs, inputs []string, base worker.Input) error {
	if len(inputs) == 0 {
		return fmt.Errorf("%w: no inputs given", errUsage)
	}
	failed := false
	for _, in := range inputs {
		files, err := inputFiles(in)
		if err != nil {
			fmt.Fprintf(e.stderr, "storydesk: %s: %v\n", in, oneLine(err))
			failed = true
			continue
		}
		for _, f := range files {
			job := base
			job.Input = f
			j, err := worker.EnqueueInput(ctx, q, job)
			if errors.Is(err, store.ErrInvalid) {
				fmt.Fprintf(e.stderr, "storydesk: %s: %v\n", f, oneLine(err))
				failed = true
				continue
			}
			if err != nil {
				return err
			}
			fmt.Fprintln(e.stdout, j.ID)
		}
	}
	if failed {
		return errInputs
	}
	return nil
}

// inputFiles expands a directory into its regular files in lexical order,
// skipping hidden entries, as the source reader walks it; any other input
// stands for itself (a worker reads it, or fails the job naming it).
func inputFiles(in string) ([]string, error) {
	fi, err := os.Stat(in)
	if err != nil || !fi.IsDir() {
		return []string{in}, nil
	}
	var files []string
	err = filepath.WalkDir(in, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if p != in && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.Type()&fs.ModeSymlink != 0 {
			if fi, err := os.Stat(p); err != nil || !fi.Mode().IsRegular() {
				return nil
			}
		} else if d.IsDir() || !d.Type().IsRegular() {
			return nil
		}
		files = append(files, p)
		return nil
	})
	return files, err
}
