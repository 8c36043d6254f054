-- The work queue storydesk workers share (see store.Jobs). A job is
-- queued, then running under one worker's lease, then done or failed.
-- Times are Unix microseconds; NULL when not yet. key, when not empty,
-- makes a job one of a kind.
CREATE TABLE jobs (
	id           INTEGER PRIMARY KEY AUTOINCREMENT,
	kind         TEXT NOT NULL CHECK (kind <> ''),
	key          TEXT NOT NULL DEFAULT '',
	payload      TEXT NOT NULL DEFAULT 'null',
	state        TEXT NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'running', 'done', 'failed')),
	attempts     INTEGER NOT NULL DEFAULT 0,
	max_attempts INTEGER NOT NULL DEFAULT 3 CHECK (max_attempts > 0),
	error        TEXT NOT NULL DEFAULT '',
	result       TEXT,
	worker       TEXT NOT NULL DEFAULT '',
	lease_until  INTEGER,
	created      INTEGER NOT NULL,
	started      INTEGER,
	finished     INTEGER
);
CREATE INDEX jobs_takeable ON jobs (id) WHERE state IN ('queued', 'running');
CREATE INDEX jobs_key ON jobs (key, state) WHERE key <> '';
CREATE INDEX jobs_state ON jobs (state, id);
