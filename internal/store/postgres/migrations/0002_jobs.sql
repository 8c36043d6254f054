-- The work queue that storydesk worker processes share. A job is queued,
-- then running under one worker's lease (lease_until), then done or
-- failed. key, when not empty, makes a job one of a kind: at most one
-- queued (Enqueue coalesces) and one running under a live lease (Claim
-- waits). Times are the server's clock.
CREATE TABLE jobs (
	id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	kind         text NOT NULL CHECK (kind <> ''),
	key          text NOT NULL DEFAULT '',
	payload      json NOT NULL DEFAULT 'null',
	state        text NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'running', 'done', 'failed')),
	attempts     integer NOT NULL DEFAULT 0,
	max_attempts integer NOT NULL DEFAULT 3 CHECK (max_attempts > 0),
	error        text NOT NULL DEFAULT '',
	result       json,
	worker       text NOT NULL DEFAULT '',
	lease_until  timestamptz,
	created      timestamptz NOT NULL DEFAULT clock_timestamp(),
	started      timestamptz,
	finished     timestamptz
);
-- Claim scans the takeable jobs oldest first.
CREATE INDEX jobs_takeable ON jobs (id) WHERE state IN ('queued', 'running');
CREATE INDEX jobs_key ON jobs (key, state) WHERE key <> '';
CREATE INDEX jobs_state ON jobs (state, id);
