// Package extract turns a fetched document into clean articles: the main
// text as paragraphs, and the title, byline, date, outlet, canonical URL and
// language around it.
//
// HTML reads a web page; Text reads a plain-text dump, where the page's own
// article comes first and any articles it carries inside it ("Related
// Articles") come back as separate articles linked to it.
package extract
