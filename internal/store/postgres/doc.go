// Package postgres is the PostgreSQL store: the same store.Store as the
// SQLite one, for many processes on many machines. Full-text search uses a
// generated tsvector over title, outlet and text with case and diacritics
// folded; migrations run under an advisory lock, so any number of
// processes may open a database at once.
package postgres
