package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
)

func runSearch(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "search", "[flags] QUERY", `storydesk search '"working lunch" Ushakov'`)
	dsn := dbFlag(fs)
	format := fs.String("format", "text", "output `format`: text or json (one hit per line)")
	limit := fs.Int("limit", 20, "most hits")
	if err := parse(fs, args); err != nil {
		return err
	}
	if err := oneOf("format", *format, "text", "json"); err != nil {
		return err
	}
	query := strings.Join(fs.Args(), " ")
	if strings.TrimSpace(query) == "" {
		return fmt.Errorf("%w: no query given", errUsage)
	}
	st, err := openStore(ctx, *dsn)
	if err != nil {
		return err
	}
	defer st.Close()
	hits, err := st.Search(ctx, query, *limit)
	if err != nil {
		return err
	}
	enc := json.NewEncoder(e.stdout)
	enc.SetEscapeHTML(false)
	for i, h := range hits {
		if *format == "json" {
			rec := map[string]any{"id": h.Article.ID, "title": h.Article.Title, "outlet": h.Article.Outlet,
				"published": h.Article.Published, "source": h.Article.Source, "url": h.Article.URL,
				"score": h.Score, "snippet": h.Snippet}
			if err := enc.Encode(rec); err != nil {
				return err
			}
			continue
		}
		title := h.Article.Title
		if title == "" {
			title = h.Article.Source
		}
		fmt.Fprintf(e.stdout, "%d. %s (%s, %s) %.2f\n   %s\n", i+1, title, orDash(h.Article.Outlet), orDash(h.Article.Published.String()), h.Score, strings.Join(strings.Fields(h.Snippet), " "))
	}
	if len(hits) == 0 {
		fmt.Fprintln(e.stderr, "no hits")
	}
	return nil
}
