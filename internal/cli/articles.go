package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"text/tabwriter"
	"time"

	"github.com/storydesk/storydesk/internal/store"
)

func runArticles(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "articles", "[flags]", "storydesk articles --outlet Metro --since 2025-08-01")
	dsn := dbFlag(fs)
	format := fs.String("format", "text", "output `format`: text or json (one object per line)")
	limit := fs.Int("limit", 100, "most articles to list (0: all)")
	offset := fs.Int("offset", 0, "articles to skip")
	outlet := fs.String("outlet", "", "only this outlet")
	since := fs.String("since", "", "only articles published on or after `YYYY-MM-DD`")
	until := fs.String("until", "", "only articles published before `YYYY-MM-DD`")
	originals := fs.Bool("originals", false, "leave out duplicates and articles carried inside other pages")
	if err := parse(fs, args); err != nil {
		return err
	}
	if err := oneOf("format", *format, "text", "json"); err != nil {
		return err
	}
	opts := store.ListOptions{Limit: *limit, Offset: *offset, Outlet: *outlet,
		ExcludeDuplicates: *originals, ExcludeEmbedded: *originals}
	var err error
	if opts.Since, err = parseDay("since", *since); err != nil {
		return err
	}
	if opts.Until, err = parseDay("until", *until); err != nil {
		return err
	}
	st, err := openStore(ctx, *dsn)
	if err != nil {
		return err
	}
	defer st.Close()
	as, err := st.ListArticles(ctx, opts)
	if err != nil {
		return err
	}
	if *format == "json" {
		enc := json.NewEncoder(e.stdout)
		enc.SetEscapeHTML(false)
		for _, a := range as {
			if err := enc.Encode(a); err != nil {
				return err
			}
		}
		return nil
	}
	total, err := st.CountArticles(ctx, opts)
	if err != nil {
		return err
	}
	w := tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(w, "ID\tPUBLISHED\tOUTLET\tCHARS\tTITLE")
	for _, a := range as {
		title := a.Title
		if title == "" {
			title = "(untitled) " + a.Source
		}
		if a.DuplicateOf != "" {
			title += " [duplicate of " + a.DuplicateOf + "]"
		}
		if a.EmbeddedIn != "" {
			title += " [inside " + a.EmbeddedIn + "]"
		}
		fmt.Fprintf(w, "%s\t%s\t%s\t%d\t%s\n", a.ID, orDash(a.Published.String()), orDash(a.Outlet), len([]rune(a.Text)), title)
	}
	if err := w.Flush(); err != nil {
		return err
	}
	fmt.Fprintf(e.stderr, "%d of %d articles\n", len(as), total)
	return nil
}

func parseDay(name, s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return t, fmt.Errorf("%w: -%s %q is not YYYY-MM-DD", errUsage, name, s)
	}
	return t, nil
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}
