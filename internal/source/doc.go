// Package source turns inputs into documents: files, directories (walked
// recursively), http(s) URLs fetched by a safe and polite Fetcher, RSS,
// Atom and JSON feeds, OPML lists of feeds, JSON/JSONL articles and .gz
// files of any of these. The kind of each input is detected by its content,
// and its bytes are decoded to UTF-8. Source reads files and the network;
// it does not extract articles (see package extract).
package source
