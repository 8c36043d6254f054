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
	tasks := evalTasks()
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		names := make([]string, 0, len(tasks))
		for n := range tasks {
			names = append(names, n)
		}
		sort.Strings(names)
		var b strings.Builder
		b.WriteString("Usage: storydesk eval TASK [flags] ...\n\nTasks:\n")
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
		return fmt.Errorf("%w: unknown eval task %q", errUsage, args[0])
	}
	return t.run(ctx, e, args[1:])
}
