-- Articles keyed by their storydesk id. seq is the integer key the FTS5
-- index points at (an explicit INTEGER PRIMARY KEY, so VACUUM keeps it).
CREATE TABLE articles (
	seq          INTEGER PRIMARY KEY,
	id           TEXT NOT NULL UNIQUE CHECK (id <> ''),
	source       TEXT NOT NULL DEFAULT '',
	url          TEXT NOT NULL DEFAULT '',
	outlet       TEXT NOT NULL DEFAULT '',
	title        TEXT NOT NULL DEFAULT '',
	byline       TEXT NOT NULL DEFAULT '',
	authors      TEXT,            -- JSON array, NULL when none
	published    TEXT,            -- RFC 3339 with the page's offset, NULL when unknown
	published_us INTEGER,         -- the same instant in Unix microseconds, for order and filters
	date_only    INTEGER NOT NULL DEFAULT 0,
	language     TEXT NOT NULL DEFAULT '',
	text         TEXT NOT NULL DEFAULT '',
	captions     TEXT,            -- JSON array, NULL when none
	chars        INTEGER NOT NULL DEFAULT 0,
	embedded_in  TEXT REFERENCES articles (id) DEFERRABLE INITIALLY DEFERRED CHECK (embedded_in <> id),
	duplicate_of TEXT REFERENCES articles (id) DEFERRABLE INITIALLY DEFERRED CHECK (duplicate_of <> id),
	similarity   REAL NOT NULL DEFAULT 0,
	stored_at    TEXT NOT NULL
);
CREATE INDEX articles_order ON articles (published_us IS NULL, published_us, id);
CREATE INDEX articles_outlet ON articles (outlet COLLATE NOCASE);
CREATE INDEX articles_embedded_in ON articles (embedded_in) WHERE embedded_in IS NOT NULL;
CREATE INDEX articles_duplicate_of ON articles (duplicate_of) WHERE duplicate_of IS NOT NULL;

-- Full-text index over title, text and outlet, reading its content from
-- articles. Ranking weighs a match in the title 4x and in the outlet 2x.
CREATE VIRTUAL TABLE articles_fts USING fts5 (
	title, text, outlet,
	content = 'articles', content_rowid = 'seq',
	tokenize = 'unicode61 remove_diacritics 2'
);
INSERT INTO articles_fts (articles_fts, rank) VALUES ('rank', 'bm25(4.0, 1.0, 2.0)');

CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
	INSERT INTO articles_fts (rowid, title, text, outlet) VALUES (new.seq, new.title, new.text, new.outlet);
END;
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
	INSERT INTO articles_fts (articles_fts, rowid, title, text, outlet) VALUES ('delete', old.seq, old.title, old.text, old.outlet);
END;
CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text, outlet ON articles BEGIN
	INSERT INTO articles_fts (articles_fts, rowid, title, text, outlet) VALUES ('delete', old.seq, old.title, old.text, old.outlet);
	INSERT INTO articles_fts (rowid, title, text, outlet) VALUES (new.seq, new.title, new.text, new.outlet);
END;

-- What a server said about a URL last time, for conditional GET.
CREATE TABLE fetch_validators (
	url           TEXT PRIMARY KEY,
	etag          TEXT NOT NULL DEFAULT '',
	last_modified TEXT NOT NULL DEFAULT '',
	fetched       TEXT NOT NULL DEFAULT ''
);

-- One dedup signature per article, to rebuild the near-duplicate index.
CREATE TABLE signatures (
	article_id TEXT PRIMARY KEY REFERENCES articles (id),
	sig        BLOB NOT NULL
);
