// Package pipeline moves data between storydesk's stages: it reads inputs
// through source, turns documents into articles with extract, links
// duplicates with dedup, and hands the articles to the store or to the
// caller. Stages never see each other or the database; this package does.
package pipeline
