package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"sort"
	"strings"

	"golang.org/x/term"
)

// Version is the storydesk release, set at build time with -ldflags.
var Version = "0.1.0-dev"

// errUsage marks a command line that could not be understood; Main exits 2.
var errUsage = errors.New("usage")

// errInputs marks a run in which some inputs failed; each failure was
// already reported on its own line, so Main only sets the exit code.
var errInputs = errors.New("some inputs failed")

// env is what every subcommand gets: where to write and how to log.
type env struct {
	stdout, stderr io.Writer
	log            *slog.Logger
	// tty is set when stderr is a terminal: progress is drawn as a bar.
	tty bool
}

// command is one subcommand.
type command struct {
	summary string
	run     func(ctx context.Context, e *env, args []string) error
}

func commands() map[string]command {
	return map[string]command{
		"ingest":    {"read inputs and store their articles", runIngest},
		"extract":   {"print the articles extraction finds in inputs", runExtract},
		"articles":  {"list stored articles", runArticles},
		"search":    {"full-text search of stored articles", runSearch},
		"brief":     {"write the cited briefing of the inputs' stories", runBrief},
		"stories":   {"list stored stories, newest first", runStories},
		"story":     {"write the cited briefing of a stored story", runStory},
		"recluster": {"rebuild the stored stories (with other options)", runRecluster},
		"serve":     {"serve the web UI and the JSON API on the database", runServe},
		"cluster":   {"print the story and thread of each article of the inputs", runCluster},
		"annotate":  {"print sentences, entities, quotes, times and quantities of inputs", runAnnotate},
		"eval":      {"score storydesk against gold data", runEval},
		"bench":     {"print throughput figures", runBench},
		"version":   {"print the version", runVersion},
		"worker":    {"run queued jobs (storydesk ingest --queue) on the database", runWorker},
		"jobs":      {"list queued, running, done and failed jobs with counts", runJobs},
	}
}

// Main runs storydesk with args (without the program name) and returns the
// process exit code.
func Main(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	e := &env{stdout: stdout, stderr: stderr}
	if f, ok := stderr.(*os.File); ok {
		e.tty = term.IsTerminal(int(f.Fd()))
	}
	e.log = slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))

	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		usage(stdout)
		return 0
	}
	cmd, ok := commands()[args[0]]
	if !ok {
		fmt.Fprintf(stderr, "storydesk: unknown command %q; run 'storydesk help'\n", args[0])
		return 2
	}
	err := cmd.run(ctx, e, args[1:])
	switch {
	case err == nil:
		return 0
	case errors.Is(err, flag.ErrHelp):
		return 0
	case errors.Is(err, errUsage):
		fmt.Fprintf(stderr, "storydesk %s: %v\n", args[0], err)
		return 2
	case errors.Is(err, errInputs):
		return 1
	default:
		fmt.Fprintf(stderr, "storydesk %s: %v\n", args[0], err)
		return 1
	}
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "storydesk reads one news story across many outlets.")
	fmt.Fprintln(w, "\nUsage: storydesk COMMAND [flags] [inputs]\n\nCommands:")
	cmds := commands()
	names := make([]string, 0, len(cmds))
	for n := range cmds {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  %-10s %s\n", n, cmds[n].summary)
	}
	fmt.Fprintln(w, "\nInputs are files, directories, http(s) URLs, feeds (RSS, Atom, JSON Feed),")
	fmt.Fprintln(w, "OPML lists and JSONL articles. Run 'storydesk COMMAND -h' for a command's flags.")
}

// newFlags returns a flag set that writes its usage, with an example, to
// e.stderr and reports errors instead of exiting.
func newFlags(e *env, name, synopsis, example string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.Usage = func() {
		fmt.Fprintf(e.stderr, "Usage: storydesk %s %s\n\nExample:\n  %s\n\nFlags:\n", name, synopsis, example)
		fs.PrintDefaults()
	}
	return fs
}

// parse parses args into fs, turning a bad flag into errUsage. Flags may
// come after the inputs too ("brief testdata/seeds --format json"); "--"
// ends the flags.
func parse(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(interspersed(fs, args)); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	return nil
}

// oneOf checks that a flag's value is one of the allowed ones.
func oneOf(flagName, value string, allowed ...string) error {
	for _, a := range allowed {
		if value == a {
			return nil
		}
	}
	return fmt.Errorf("%w: -%s must be one of %s, not %q", errUsage, flagName, strings.Join(allowed, ", "), value)
}

func runVersion(ctx context.Context, e *env, args []string) error {
	fmt.Fprintln(e.stdout, "storydesk", Version)
	return nil
}

// isTerminal reports whether w is a terminal, for colour.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// interspersed moves the flags in args before the other arguments, keeping
// each flag's value with it, so that the standard flag package reads them.
func interspersed(fs *flag.FlagSet, args []string) []string {
	var flags, rest []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			rest = append(rest, args[i+1:]...)
			break
		}
		if len(a) < 2 || a[0] != '-' {
			rest = append(rest, a)
			continue
		}
		flags = append(flags, a)
		name := strings.TrimLeft(a, "-")
		if strings.Contains(name, "=") {
			continue
		}
		f := fs.Lookup(name)
		if f == nil {
			continue
		}
		if b, ok := f.Value.(interface{ IsBoolFlag() bool }); ok && b.IsBoolFlag() {
			continue
		}
		if i+1 < len(args) {
			flags = append(flags, args[i+1])
			i++
		}
	}
	return append(append(flags, "--"), rest...)
}
