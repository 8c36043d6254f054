-- Full-text search folds case and diacritics: the simple configuration
-- behind the unaccent filter (a trusted extension since PostgreSQL 13).
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE TEXT SEARCH CONFIGURATION storydesk_search (COPY = pg_catalog.simple);
ALTER TEXT SEARCH CONFIGURATION storydesk_search
	ALTER MAPPING FOR hword, hword_part, word WITH unaccent, simple;

-- Articles keyed by their storydesk id (ids compare bytewise, COLLATE "C",
-- so they sort as in every other store). published keeps the page's time
-- with its offset (RFC 3339, nanoseconds); published_us is the same instant
-- in Unix microseconds, for order and filters.
CREATE TABLE articles (
	id           text COLLATE "C" PRIMARY KEY CHECK (id <> ''),
	source       text NOT NULL DEFAULT '',
	url          text NOT NULL DEFAULT '',
	outlet       text NOT NULL DEFAULT '',
	title        text NOT NULL DEFAULT '',
	byline       text NOT NULL DEFAULT '',
	authors      text[],
	published    text,
	published_us bigint,
	date_only    boolean NOT NULL DEFAULT false,
	language     text NOT NULL DEFAULT '',
	text         text NOT NULL DEFAULT '',
	captions     text[],
	chars        integer NOT NULL DEFAULT 0,
	embedded_in  text COLLATE "C" REFERENCES articles (id) DEFERRABLE INITIALLY DEFERRED CHECK (embedded_in <> id),
	duplicate_of text COLLATE "C" REFERENCES articles (id) DEFERRABLE INITIALLY DEFERRED CHECK (duplicate_of <> id),
	similarity   double precision NOT NULL DEFAULT 0,
	stored_at    timestamptz NOT NULL DEFAULT now(),
	-- Ranking weighs the title (A) over the outlet (B) over the text (C).
	search       tsvector GENERATED ALWAYS AS (
		setweight(to_tsvector('storydesk_search', title), 'A') ||
		setweight(to_tsvector('storydesk_search', outlet), 'B') ||
		setweight(to_tsvector('storydesk_search', text), 'C')) STORED
);
CREATE INDEX articles_order ON articles ((published_us IS NULL), published_us, id);
CREATE INDEX articles_outlet ON articles (lower(outlet));
CREATE INDEX articles_embedded_in ON articles (embedded_in) WHERE embedded_in IS NOT NULL;
CREATE INDEX articles_duplicate_of ON articles (duplicate_of) WHERE duplicate_of IS NOT NULL;
CREATE INDEX articles_search ON articles USING gin (search);

-- What a server said about a URL last time, for conditional GET.
CREATE TABLE fetch_validators (
	url           text PRIMARY KEY,
	etag          text NOT NULL DEFAULT '',
	last_modified text NOT NULL DEFAULT '',
	fetched       text NOT NULL DEFAULT ''
);

-- One dedup signature per article, to rebuild the near-duplicate index.
CREATE TABLE signatures (
	article_id text COLLATE "C" PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
	sig        bytea NOT NULL
);

-- What the annotators found in one article, as the JSON of
-- model.Annotations (json, not jsonb: kept as written).
CREATE TABLE annotations (
	article_id text COLLATE "C" PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
	data       json NOT NULL
);

-- The current assignment of articles to stories, replaced as a whole by
-- PutStories.
CREATE TABLE stories (
	id           text COLLATE "C" PRIMARY KEY CHECK (id <> ''),
	thread       text NOT NULL DEFAULT '',
	label        text NOT NULL DEFAULT '',
	first_seen   text,
	last_seen    text,
	last_seen_us bigint,
	outlets      text[]
);
CREATE INDEX stories_order ON stories ((last_seen_us IS NULL), last_seen_us DESC, id);
CREATE INDEX stories_thread ON stories (thread) WHERE thread <> '';

-- Which story holds each article (at most one); pos keeps the order given.
CREATE TABLE story_articles (
	article_id text COLLATE "C" PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
	story_id   text COLLATE "C" NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
	pos        integer NOT NULL
);
CREATE INDEX story_articles_story ON story_articles (story_id, pos);

-- Ids of stories merged away, pointing at the story that absorbed them.
CREATE TABLE story_redirects (
	from_id text COLLATE "C" PRIMARY KEY CHECK (from_id <> ''),
	to_id   text COLLATE "C" NOT NULL CHECK (to_id <> from_id)
);
