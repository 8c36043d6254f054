package extract

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// The main-text extractor works in three steps over the parsed page:
//
//  1. one bottom-up pass (bodyStats) measures every element: visible text,
//     text inside links and quotations, punctuation, and a content score
//     that each paragraph (a block's own inline text) passes up to its
//     ancestors, halved per level; link density, a modest class/id prior
//     (its own and its ancestors'), furniture tags and runs of look-alike
//     items (comment threads, teaser grids) weigh the score;
//  2. the best element becomes the content root; it climbs to an ancestor
//     that scores nearly as well, and gathers siblings that carry prose
//     (pickRoots);
//  3. the roots are rendered to paragraphs, skipping furniture inside them
//     (renderBody), then the edges are trimmed: the title and metadata
//     before the first sentence, labels and plugs after the last
//     (trimEdges).
//
// Nothing here knows a particular site.

// droppedTags never hold article text: code, styling, embedded objects and
// form controls. Their subtrees are not even measured.
var droppedTags = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true,
	atom.Svg: true, atom.Math: true, atom.Canvas: true, atom.Iframe: true,
	atom.Object: true, atom.Embed: true, atom.Video: true, atom.Audio: true,
	atom.Select: true, atom.Option: true, atom.Button: true, atom.Textarea: true,
	atom.Input: true, atom.Title: true, atom.Link: true, atom.Meta: true,
	atom.Picture: true, atom.Source: true, atom.Img: true, atom.Map: true,
}

// furnitureTags are page furniture by their HTML meaning: navigation, side
// content, figure captions, page headers and footers, dialogs. (A figure
// itself is not: editors wrap tables, quotes and embedded posts in one;
// its image has no text and its caption is dropped here.) They are
// measured (their links count against their ancestors) but never rendered
// inside the content root.
var furnitureTags = map[atom.Atom]bool{
	atom.Nav: true, atom.Aside: true, atom.Footer: true, atom.Header: true,
	atom.Figcaption: true, atom.Dialog: true, atom.Menu: true,
	atom.Form: true, atom.Label: true, atom.Fieldset: true, atom.Address: true,
	atom.H1: true, atom.Caption: true,
}

// softFurnitureTags are furniture only when they hold a small part of the
// content root: some pages wrap everything in a form, or put the article
// inside its own header.
var softFurnitureTags = map[atom.Atom]bool{atom.Form: true, atom.Header: true}

// blockTags start a new paragraph when rendered; text inside any other
// element flows into the paragraph around it.
var blockTags = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.Section: true, atom.Article: true, atom.Main: true,
	atom.Blockquote: true, atom.Pre: true, atom.Ul: true, atom.Ol: true, atom.Li: true,
	atom.Dl: true, atom.Dt: true, atom.Dd: true, atom.Table: true, atom.Tr: true,
	atom.Tbody: true, atom.Thead: true, atom.Tfoot: true,
	atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true,
	atom.Header: true, atom.Footer: true, atom.Nav: true, atom.Aside: true,
	atom.Figure: true, atom.Figcaption: true, atom.Form: true, atom.Hr: true,
	atom.Body: true, atom.Html: true, atom.Center: true, atom.Details: true,
	atom.Summary: true, atom.Address: true, atom.Fieldset: true, atom.Br: true,
	atom.Caption: true, atom.Dialog: true, atom.Menu: true,
}

// cellTags are separated by a space, so that a table row reads as one line.
// (Cells are not blocks: a layout table's cell still breaks at the blocks
// inside it.)
var cellTags = map[atom.Atom]bool{atom.Td: true, atom.Th: true}

// mainText finds the article body of a parsed page and returns it as
// paragraphs separated by "\n\n"; "" when the page has no body text.
func mainText(doc *html.Node, opts Options) string {
	st := bodyStats(doc, opts)
	roots := st.pickRoots(opts)
	if len(roots) == 0 {
		return ""
	}
	paras := st.renderBody(roots, opts)
	paras = trimEdges(paras, st.title, opts)
	return strings.Join(paras, "\n\n")
}
