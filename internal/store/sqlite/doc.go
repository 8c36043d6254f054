// Package sqlite is the embedded store backend: one SQLite file (through
// modernc.org/sqlite, so no cgo) in WAL mode, with numbered migrations
// embedded in the binary and an FTS5 index kept in step with the articles
// by triggers. One file per table: SQL beside the code that scans it.
package sqlite
