// Package store declares what storydesk keeps between runs: articles with
// their duplicate and embedding links, a full-text index over them, per-URL
// fetch validators for conditional GET, dedup signatures, each article's
// annotations, and the stories and threads articles are clustered into
// (with redirects from merged story ids). The contracts live here as small
// interfaces; backends (store/sqlite, later postgres) implement them and
// store/storetest checks every backend the same way.
package store
