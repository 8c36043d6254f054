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
