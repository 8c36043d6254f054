package sqlite

import (
	"context"
	"testing"

	"github.com/storydesk/storydesk/internal/model"
	"github.com/storydesk/storydesk/internal/store"
)

func TestMatchExpr(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Trump-Putin summit", `("Trump Putin") AND ("summit")`},
		{`"working lunch" OR breakfast*`, `("working lunch" OR "breakfast"*)`},
		{`NEAR(a b) NOT`, `("NEAR a") AND ("b") AND ("NOT")`},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := matchExpr(store.ParseQuery(tt.in)); got != tt.want {
				t.Errorf("matchExpr(ParseQuery(%q)) = %s; want %s", tt.in, got, tt.want)
			}
		})
	}
}

// FuzzSearch: no user query makes FTS5 fail.
func FuzzSearch(f *testing.F) {
	ctx := context.Background()
	db, err := Open(ctx, Memory, DefaultOptions())
	if err != nil {
		f.Fatal(err)
	}
	defer db.Close()
	if _, err := db.PutArticles(ctx, []model.Article{
		{ID: "a", Title: "Zelensky meets Starmer", Text: "A working breakfast before the Trump-Putin summit in Alaska."},
		{ID: "b", Title: "Résumé", Outlet: "AFP", Text: "Kyiv's officials said 50% of the U.S. plan was agreed."},
	}); err != nil {
		f.Fatal(err)
	}
	for _, s := range []string{"Starmer", `"working breakfast"`, "Trump-Putin", `"`, "NEAR(a b)", "a OR", "x*", "{title}:x", "^a", "\x00"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, q string) {
		if _, err := db.Search(ctx, q, 3); err != nil {
			t.Fatalf("Search(%q): %v (match %s)", q, err, matchExpr(store.ParseQuery(q)))
		}
	})
}

// TestIndexInSync runs FTS5's integrity check against the articles table
// after inserts, a duplicate link, a failed batch and an idempotent re-put:
// the triggers must keep the index and its content table in step.
func TestIndexInSync(t *testing.T) {
	ctx := context.Background()
	db := openTemp(t)
	c := newCorpus(4)
	as := c.articles(0, 200, 50)
	if _, err := db.PutArticles(ctx, as); err != nil {
		t.Fatal(err)
	}
	if _, err := db.PutArticles(ctx, as[:50]); err != nil {
		t.Fatal(err)
	}
	if err := db.LinkDuplicate(ctx, as[1].ID, as[0].ID, 0.9); err != nil {
		t.Fatal(err)
	}
	bad := c.articles(1000, 10, 50)
	bad[5].DuplicateOf = "missing"
	if _, err := db.PutArticles(ctx, bad); err == nil {
		t.Fatal("batch with a dangling link stored")
	}
	if _, err := db.w.ExecContext(ctx, `INSERT INTO articles_fts (articles_fts, rank) VALUES ('integrity-check', 1)`); err != nil {
		t.Errorf("FTS5 integrity check: %v", err)
	}
	var indexed int
	if err := db.r.QueryRowContext(ctx, `SELECT COUNT(*) FROM articles_fts`).Scan(&indexed); err != nil || indexed != len(as) {
		t.Errorf("index rows = %d, %v; want %d", indexed, err, len(as))
	}
}
