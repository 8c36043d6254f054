package postgres

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/storydesk/storydesk/internal/store"
)

const jobColumns = `id, kind, key, payload::text, state, attempts, max_attempts, error,
	result::text, worker, lease_until, created, started, finished`

// keyLock is the advisory lock namespace (the first half of a two-key
// lock) under which Enqueue and Claim serialise on one job key.
const keyLock = 0x6a6f62 // "job"

// Enqueue adds a job, or returns the queued job with the same key.
func (db *DB) Enqueue(ctx context.Context, nj store.NewJob) (store.Job, bool, error) {
	nj, err := store.CheckNewJob(nj)
	if err != nil {
		return store.Job{}, false, err
	}
	var job store.Job
	created := false
	err = db.write(ctx, func(tx pgx.Tx) error {
		if nj.Key != "" {
			if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock($1, hashtext($2))`, keyLock, nj.Key); err != nil {
				return err
			}
			rows, _ := tx.Query(ctx, `SELECT `+jobColumns+` FROM jobs WHERE key = $1 AND state = 'queued' ORDER BY id LIMIT 1`, nj.Key)
			j, err := pgx.CollectExactlyOneRow(rows, scanJob)
			if err == nil {
				job = j
				return nil
			}
			if !errors.Is(err, pgx.ErrNoRows) {
				return err
			}
		}
		rows, _ := tx.Query(ctx, `INSERT INTO jobs (kind, key, payload, max_attempts) VALUES ($1, $2, $3::json, $4)
			RETURNING `+jobColumns, nj.Kind, nj.Key, string(nj.Payload), nj.MaxAttempts)
		j, err := pgx.CollectExactlyOneRow(rows, scanJob)
		job, created = j, err == nil
		return err
	})
	if err != nil {
		return store.Job{}, false, fmt.Errorf("enqueue %s job: %w", nj.Kind, err)
	}
	return job, created, nil
}

// takeable selects the oldest job a claimer may take: queued, or running
// under an expired lease, of the kinds asked for ($1 NULL for all), and
// not keyed like a job running under a live lease. Rows other claimers
// hold locked are skipped, so claimers never wait on one another.
const takeable = `SELECT id, key FROM jobs j
	WHERE (state IN ('queued', 'running') AND (lease_until IS NULL OR lease_until < clock_timestamp()))
	  AND ($1::text[] IS NULL OR kind = ANY($1))
	  AND (key = '' OR NOT EXISTS (SELECT 1 FROM jobs r WHERE r.key = j.key AND r.id <> j.id
	       AND r.state = 'running' AND r.lease_until >= clock_timestamp()))
	ORDER BY id
	FOR UPDATE SKIP LOCKED
	LIMIT 1`

const claimJob = `UPDATE jobs SET state = 'running', worker = $2, attempts = attempts + 1,
		lease_until = clock_timestamp() + $3::float8 * interval '1 microsecond',
		started = clock_timestamp(), finished = NULL
	WHERE id = $1
	RETURNING ` + jobColumns

// Claim takes the oldest takeable job. An unkeyed job is found and taken
// in one transaction with FOR UPDATE SKIP LOCKED; a keyed one is checked
// again under the key's advisory lock, which orders claimers of the same
// key, so that two never run it at once.
func (db *DB) Claim(ctx context.Context, kinds []string, worker string, lease time.Duration) (store.Job, error) {
	var kindArg any
	if len(kinds) > 0 {
		kindArg = kinds
	}
	worker = store.JobText(worker)
	var job store.Job
	err := db.write(ctx, func(tx pgx.Tx) error {
		var id int64
		var key string
		if err := tx.QueryRow(ctx, takeable, kindArg).Scan(&id, &key); err != nil {
			return err
		}
		if key != "" {
			if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock($1, hashtext($2))`, keyLock, key); err != nil {
				return err
			}
			var busy bool
			if err := tx.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM jobs WHERE key = $1 AND id <> $2
				AND state = 'running' AND lease_until >= clock_timestamp())`, key, id).Scan(&busy); err != nil {
				return err
			}
			if busy {
				return pgx.ErrNoRows
			}
		}
		rows, _ := tx.Query(ctx, claimJob, id, worker, lease.Microseconds())
		var err error
		job, err = pgx.CollectExactlyOneRow(rows, scanJob)
		return err
	})
	if errors.Is(err, pgx.ErrNoRows) {
		return store.Job{}, store.ErrNoJob
	}
	if err != nil {
		return store.Job{}, fmt.Errorf("claim job: %w", err)
	}
	return job, nil
}

// Heartbeat extends worker's lease on job id.
func (db *DB) Heartbeat(ctx context.Context, id int64, worker string, lease time.Duration) error {
	tag, err := db.pool.Exec(ctx, `UPDATE jobs SET lease_until = clock_timestamp() + $3::float8 * interval '1 microsecond'
		WHERE id = $1 AND worker = $2 AND state = 'running'`, id, store.JobText(worker), lease.Microseconds())
	if err != nil {
		return fmt.Errorf("heartbeat job %d: %w", id, err)
	}
	if tag.RowsAffected() == 0 {
		return fmt.Errorf("heartbeat job %d: %w", id, store.ErrLeaseLost)
	}
	return nil
}

// finishJob ends an attempt: done, queued again while attempts are left,
// or failed for good.
const finishJob = `UPDATE jobs SET
		state = CASE WHEN $3 = '' THEN 'done' WHEN attempts < max_attempts AND NOT $6 THEN 'queued' ELSE 'failed' END,
		error = $3,
		result = COALESCE($4::json, result),
		lease_until = CASE WHEN $3 <> '' AND attempts < max_attempts AND NOT $6 AND $5 > 0
			THEN clock_timestamp() + $5::float8 * interval '1 microsecond' END,
		finished = CASE WHEN $3 <> '' AND attempts < max_attempts AND NOT $6 THEN NULL ELSE clock_timestamp() END
	WHERE id = $1 AND worker = $2 AND state = 'running'
	RETURNING ` + jobColumns

// Finish records the end of worker's attempt at job id.
func (db *DB) Finish(ctx context.Context, id int64, worker string, out store.Outcome) (store.Job, error) {
	res, err := jobResult(out.Result)
	if err != nil {
		return store.Job{}, fmt.Errorf("finish job %d: %w", id, err)
	}
	rows, _ := db.pool.Query(ctx, finishJob, id, store.JobText(worker), store.JobText(out.Error), res, out.RetryIn.Microseconds(), out.Permanent)
	job, err := pgx.CollectExactlyOneRow(rows, scanJob)
	if errors.Is(err, pgx.ErrNoRows) {
		err = store.ErrLeaseLost
	}
	if err != nil {
		return store.Job{}, fmt.Errorf("finish job %d: %w", id, err)
	}
	return job, nil
}

// jobResult checks a result to record: JSON, or NULL to keep the last.
func jobResult(result []byte) (any, error) {
	if len(result) == 0 {
		return nil, nil
	}
	if _, err := store.CheckNewJob(store.NewJob{Kind: "result", Payload: result}); err != nil {
		return nil, err
	}
	return string(result), nil
}

// Job returns job id.
func (db *DB) Job(ctx context.Context, id int64) (store.Job, error) {
	rows, _ := db.pool.Query(ctx, `SELECT `+jobColumns+` FROM jobs WHERE id = $1`, id)
	job, err := pgx.CollectExactlyOneRow(rows, scanJob)
	if errors.Is(err, pgx.ErrNoRows) {
		err = store.ErrNotFound
	}
	if err != nil {
		return store.Job{}, fmt.Errorf("job %d: %w", id, err)
	}
	return job, nil
}

// ListJobs lists jobs oldest first.
func (db *DB) ListJobs(ctx context.Context, opts store.JobListOptions) ([]store.Job, error) {
	q := `SELECT ` + jobColumns + ` FROM jobs WHERE ($1 = '' OR state = $1) AND ($2 = '' OR kind = $2) AND id > $3 ORDER BY id`
	args := []any{string(opts.State), opts.Kind, opts.AfterID}
	if opts.Limit > 0 {
		q += fmt.Sprintf(" LIMIT %d", opts.Limit)
	}
	if opts.Offset > 0 {
		q += fmt.Sprintf(" OFFSET %d", opts.Offset)
	}
	rows, _ := db.pool.Query(ctx, q, args...)
	jobs, err := pgx.CollectRows(rows, scanJob)
	if err != nil {
		return nil, fmt.Errorf("list jobs: %w", err)
	}
	return jobs, nil
}

// CountJobs counts jobs by state.
func (db *DB) CountJobs(ctx context.Context) (map[store.JobState]int, error) {
	rows, _ := db.pool.Query(ctx, `SELECT state, COUNT(*) FROM jobs GROUP BY state`)
	counts := make(map[store.JobState]int)
	var state string
	var n int
	_, err := pgx.ForEachRow(rows, []any{&state, &n}, func() error {
		counts[store.JobState(state)] = n
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("count jobs: %w", err)
	}
	return counts, nil
}

func scanJob(row pgx.CollectableRow) (store.Job, error) {
	var j store.Job
	var state string
	var result *string
	var lease, started, finished *time.Time
	var payload string
	err := row.Scan(&j.ID, &j.Kind, &j.Key, &payload, &state, &j.Attempts, &j.MaxAttempts, &j.Error,
		&result, &j.Worker, &lease, &j.Created, &started, &finished)
	if err != nil {
		return j, err
	}
	j.State = store.JobState(state)
	j.Payload = []byte(payload)
	if result != nil {
		j.Result = []byte(*result)
	}
	j.LeaseUntil, j.Started, j.Finished = orZero(lease), orZero(started), orZero(finished)
	j.Created = j.Created.UTC()
	return j, nil
}

func orZero(t *time.Time) time.Time {
	if t == nil {
		return time.Time{}
	}
	return t.UTC()
}
