package backend_test

import (
	"context"
	"fmt"

	"github.com/storydesk/storydesk/internal/model"
	"github.com/storydesk/storydesk/internal/store/backend"
)

func ExampleOpen() {
	ctx := context.Background()
	s, err := backend.Open(ctx, ":memory:") // or a path, sqlite:///abs/path.db
	if err != nil {
		fmt.Println(err)
		return
	}
	defer s.Close()
	a := model.Article{ID: "afp-1", Outlet: "AFP", Title: "Zelensky meets Starmer",
		Text: "Keir Starmer welcomed Volodymyr Zelensky for a working breakfast."}
	for range 2 {
		created, err := s.PutArticle(ctx, a)
		fmt.Println("created:", created, err)
	}
	hits, _ := s.Search(ctx, `"working breakfast"`, 10)
	for _, h := range hits {
		fmt.Println(h.Article.ID, h.Snippet)
	}
	// Output:
	// created: true <nil>
	// created: false <nil>
	// afp-1 Keir Starmer welcomed Volodymyr Zelensky for a [working breakfast].
}
