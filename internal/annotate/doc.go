// Package annotate reads one article's text and marks what a careful editor
// would: sentences, tokens, entity mentions (people, organisations, places,
// facilities, events) with their aliases, direct quotes with their speakers,
// time expressions and quantities. Input is a model.Article and a reference
// date; output is model.Annotations with spans counted in runes of
// Article.Text. Resolve merges entities across articles.
//
// The work is a chain of Annotators run in order over one *Doc; each step
// reads what earlier steps left in the Doc and adds its own layer:
//
//	chain := annotate.Default(annotate.DefaultOptions())
//	ann := annotate.Run(chain, article, ref)
package annotate
