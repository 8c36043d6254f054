-- What the annotators found in one article, as the JSON of
-- model.Annotations. Goes with its article.
CREATE TABLE annotations (
	article_id TEXT PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
	data       TEXT NOT NULL
);

-- The current assignment of articles to stories, replaced as a whole by
-- PutStories. Times are RFC 3339 with their offset, plus Unix microseconds
-- for order and filters; NULL when unknown.
CREATE TABLE stories (
	id            TEXT PRIMARY KEY CHECK (id <> ''),
	thread        TEXT NOT NULL DEFAULT '',
	label         TEXT NOT NULL DEFAULT '',
	first_seen    TEXT,
	last_seen     TEXT,
	last_seen_us  INTEGER,
	outlets       TEXT            -- JSON array, NULL when none
);
CREATE INDEX stories_order ON stories (last_seen_us IS NULL, last_seen_us DESC, id);
CREATE INDEX stories_thread ON stories (thread) WHERE thread <> '';

-- Which story holds each article (at most one); pos keeps the order given.
-- A story's rows go with it; an article's row goes with the article.
CREATE TABLE story_articles (
	article_id TEXT PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
	story_id   TEXT NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
	pos        INTEGER NOT NULL
);
CREATE INDEX story_articles_story ON story_articles (story_id, pos);

-- Ids of stories merged away, pointing at the story that absorbed them.
-- Kept across replacements so that old ids keep resolving; no foreign key,
-- since the stories they point at are replaced wholesale.
CREATE TABLE story_redirects (
	from_id TEXT PRIMARY KEY CHECK (from_id <> ''),
	to_id   TEXT NOT NULL CHECK (to_id <> from_id)
);
