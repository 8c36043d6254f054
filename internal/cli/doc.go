// Package cli implements storydesk's command line: one file per subcommand,
// each with its own flag set and usage example, all writing results to the
// stdout they are given and logs, errors and progress to stderr.
//
// Exit codes: 0 when every input was read, 1 when some input failed (the
// others were still processed), 2 for a usage error.
package cli
