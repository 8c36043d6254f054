package cli

import (
	"context"
	"fmt"
	"sort"
	"strings"
)

// evalTasks are the things storydesk eval scores, one file each.
func evalTasks() map[string]command {
	return map[string]command{
		"extract":  {"main-text extraction on a page set (P, R, F1, accuracy, pages/s)", runEvalExtract},
		"metadata": {"title, authors and date extraction on a page set", runEvalMetadata},
		"brief":    {"facts, conflicts, quote variants and unique contributions against gold", runEvalBrief},
		"cluster":  {"story clustering against gold clusters (B-cubed, pairwise)", runEvalCluster},
		"annotate": {"entities, quotes, speakers, times and quantities against gold", runEvalAnnotate},
	}
}

func runEval(ctx context.Context, e *env, args []string) error {
	return dispatch(ctx, e, "eval", evalTasks(), args)
}

// dispatch runs the task named by args[0] of a command with tasks (eval,
// bench), or lists the tasks.
func dispatch(ctx context.Context, e *env, name string, tasks map[string]command, args []string) error {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		names := make([]string, 0, len(tasks))
		for n := range tasks {
			names = append(names, n)
		}
		sort.Strings(names)
		var b strings.Builder
		fmt.Fprintf(&b, "Usage: storydesk %s TASK [flags] ...\n\nTasks:\n", name)
		for _, n := range names {
			fmt.Fprintf(&b, "  %-9s %s\n", n, tasks[n].summary)
		}
		fmt.Fprint(e.stderr, b.String())
		if len(args) == 0 {
			return fmt.Errorf("%w: no task given", errUsage)
		}
		return nil
	}
	t, ok := tasks[args[0]]
	if !ok {
		return fmt.Errorf("%w: unknown %s task %q", errUsage, name, args[0])
	}
	return t.run(ctx, e, args[1:])
}
