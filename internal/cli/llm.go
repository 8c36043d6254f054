package cli

import (
	"context"
	"flag"
	"fmt"
	"os"
	"time"

	"github.com/storydesk/storydesk/internal/model"
	"github.com/storydesk/storydesk/internal/rewrite"
)

// llmFlags registers the optional rewriting of key points into prose by an
// OpenAI-compatible endpoint, off unless a URL and a model are given (by
// flag or by the STORYDESK_LLM_* variables). The key is read from an
// environment variable, never from the command line.
func llmFlags(fs *flag.FlagSet) func() rewrite.Options {
	env := rewrite.FromEnv(os.Getenv)
	url := fs.String("llm-url", env.URL, "OpenAI-compatible API `base` URL that rewrites the key points into cited prose (default $"+rewrite.EnvURL+"; off when empty)")
	mdl := fs.String("llm-model", env.Model, "`model` name for --llm-url (default $"+rewrite.EnvModel+")")
	keyEnv := fs.String("llm-key-env", rewrite.EnvKey, "environment `variable` holding the API key for --llm-url")
	timeout := fs.Duration("llm-timeout", env.Timeout, "how long to wait for each story's rewrite")
	return func() rewrite.Options {
		o := env
		o.URL, o.Model, o.Key = *url, *mdl, os.Getenv(*keyEnv)
		if *timeout > 0 {
			o.Timeout = *timeout
		}
		return o
	}
}

// rewritten returns b with its key points rewritten into prose when opts
// are on; a story whose rewrite fails keeps its plain key points, with a
// warning on stderr.
func rewritten(ctx context.Context, e *env, b model.Brief, opts rewrite.Options) model.Brief {
	if !opts.Enabled() {
		return b
	}
	start := time.Now()
	b, errs := rewrite.Brief(ctx, b, opts)
	for _, err := range errs {
		fmt.Fprintf(e.stderr, "storydesk: warning: %v; showing the plain key points\n", err)
	}
	e.log.Debug("rewrote key points", "stories", len(b.Stories), "failed", len(errs), "took", time.Since(start))
	return b
}
