// Package store declares what storydesk keeps between runs: articles with
// their duplicate and embedding links, a full-text index over them, per-URL
// fetch validators for conditional GET, and dedup signatures. The contracts
// live here as small interfaces; backends (store/sqlite, later postgres)
// implement them and store/storetest checks every backend the same way.
package store
