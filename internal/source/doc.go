// Package source turns inputs into documents, decoded to UTF-8, with what
// the input already says about them. Inputs are files, directories (walked
// recursively), http(s) URLs fetched by a safe and polite Fetcher, and
// their content is detected by content, not by name:
//
//	page.html                 → one KindHTML document
//	dump.txt (windows-1252)   → one KindText document, in UTF-8
//	news.rss, atom.xml, .json → one KindHTML document per entry, Hint from the entry
//	feeds.opml                → the documents of every feed it lists
//	articles.jsonl            → one KindArticle per line, Source "articles.jsonl:N"
//	anything.gz               → the documents of what it holds
//
// Source reads files and the network; it does not extract articles (see
// package extract) and does not log.
package source
