package extract

import "golang.org/x/net/html"

// mainText finds the article body of a parsed page.
func mainText(doc *html.Node, opts Options) string {
	return ""
}
