package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/storydesk/storydesk/internal/store"
)

const jobColumns = `id, kind, key, payload, state, attempts, max_attempts, error,
	result, worker, lease_until, created, started, finished`

// Enqueue adds a job, or returns the queued job with the same key. The
// write transaction serialises it with every claim.
func (db *DB) Enqueue(ctx context.Context, nj store.NewJob) (store.Job, bool, error) {
	nj, err := store.CheckNewJob(nj)
	if err != nil {
		return store.Job{}, false, err
	}
	var job store.Job
	created := false
	err = db.write(ctx, func(tx *sql.Tx) error {
		if nj.Key != "" {
			j, err := scanJob(tx.QueryRowContext(ctx, `SELECT `+jobColumns+` FROM jobs
				WHERE key = ? AND state = 'queued' ORDER BY id LIMIT 1`, nj.Key))
			if err == nil {
				job = j
				return nil
			}
			if !errors.Is(err, sql.ErrNoRows) {
				return err
			}
		}
		j, err := scanJob(tx.QueryRowContext(ctx, `INSERT INTO jobs (kind, key, payload, max_attempts, created)
			VALUES (?, ?, ?, ?, ?) RETURNING `+jobColumns,
			nj.Kind, nj.Key, string(nj.Payload), nj.MaxAttempts, micros(time.Now())))
		job, created = j, err == nil
		return err
	})
	if err != nil {
		return store.Job{}, false, fmt.Errorf("enqueue %s job: %w", nj.Kind, err)
	}
	return job, created, nil
}

// Claim takes the oldest takeable job in one write transaction, which
// SQLite runs one at a time.
func (db *DB) Claim(ctx context.Context, kinds []string, worker string, lease time.Duration) (store.Job, error) {
	var job store.Job
	err := db.write(ctx, func(tx *sql.Tx) error {
		now := micros(time.Now())
		q := `SELECT id FROM jobs j
			WHERE state IN ('queued', 'running') AND (lease_until IS NULL OR lease_until < ?)
			  AND (key = '' OR NOT EXISTS (SELECT 1 FROM jobs r WHERE r.key = j.key AND r.id <> j.id
			       AND r.state = 'running' AND r.lease_until >= ?))`
		args := []any{now, now}
		if len(kinds) > 0 {
			q += ` AND kind IN (?` + strings.Repeat(", ?", len(kinds)-1) + `)`
			for _, k := range kinds {
				args = append(args, k)
			}
		}
		var id int64
		if err := tx.QueryRowContext(ctx, q+` ORDER BY id LIMIT 1`, args...).Scan(&id); err != nil {
			return err
		}
		var err error
		job, err = scanJob(tx.QueryRowContext(ctx, `UPDATE jobs SET state = 'running', worker = ?,
				attempts = attempts + 1, lease_until = ?, started = ?, finished = NULL
			WHERE id = ? RETURNING `+jobColumns,
			store.JobText(worker), now+lease.Microseconds(), now, id))
		return err
	})
	if errors.Is(err, sql.ErrNoRows) {
		return store.Job{}, store.ErrNoJob
	}
	if err != nil {
		return store.Job{}, fmt.Errorf("claim job: %w", err)
	}
	return job, nil
}

// Heartbeat extends worker's lease on job id.
func (db *DB) Heartbeat(ctx context.Context, id int64, worker string, lease time.Duration) error {
	err := db.write(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE jobs SET lease_until = ?
			WHERE id = ? AND worker = ? AND state = 'running'`,
			micros(time.Now())+lease.Microseconds(), id, store.JobText(worker))
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return store.ErrLeaseLost
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("heartbeat job %d: %w", id, err)
	}
	return nil
}

// Finish records the end of worker's attempt at job id.
func (db *DB) Finish(ctx context.Context, id int64, worker string, out store.Outcome) (store.Job, error) {
	errText := store.JobText(out.Error)
	var res any
	if len(out.Result) > 0 {
		if _, err := store.CheckNewJob(store.NewJob{Kind: "result", Payload: out.Result}); err != nil {
			return store.Job{}, fmt.Errorf("finish job %d: %w", id, err)
		}
		res = string(out.Result)
	}
	var retryAt any
	if out.RetryIn > 0 {
		retryAt = micros(time.Now()) + out.RetryIn.Microseconds()
	}
	var job store.Job
	err := db.write(ctx, func(tx *sql.Tx) error {
		var err error
		job, err = scanJob(tx.QueryRowContext(ctx, `UPDATE jobs SET
				state = CASE WHEN ?1 = '' THEN 'done' WHEN attempts < max_attempts AND NOT ?7 THEN 'queued' ELSE 'failed' END,
				error = ?1,
				result = COALESCE(?2, result),
				lease_until = CASE WHEN ?1 <> '' AND attempts < max_attempts AND NOT ?7 THEN ?6 END,
				finished = CASE WHEN ?1 <> '' AND attempts < max_attempts AND NOT ?7 THEN NULL ELSE ?3 END
			WHERE id = ?4 AND worker = ?5 AND state = 'running'
			RETURNING `+jobColumns, errText, res, micros(time.Now()), id, store.JobText(worker), retryAt, out.Permanent))
		if errors.Is(err, sql.ErrNoRows) {
			return store.ErrLeaseLost
		}
		return err
	})
	if err != nil {
		return store.Job{}, fmt.Errorf("finish job %d: %w", id, err)
	}
	return job, nil
}

// Job returns job id.
func (db *DB) Job(ctx context.Context, id int64) (store.Job, error) {
	job, err := scanJob(db.r.QueryRowContext(ctx, `SELECT `+jobColumns+` FROM jobs WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		err = store.ErrNotFound
	}
	if err != nil {
		return store.Job{}, fmt.Errorf("job %d: %w", id, err)
	}
	return job, nil
}

// ListJobs lists jobs oldest first.
func (db *DB) ListJobs(ctx context.Context, opts store.JobListOptions) ([]store.Job, error) {
	q := `SELECT ` + jobColumns + ` FROM jobs WHERE (?1 = '' OR state = ?1) AND (?2 = '' OR kind = ?2) AND id > ?3 ORDER BY id`
	if opts.Limit > 0 || opts.Offset > 0 {
		limit := opts.Limit
		if limit <= 0 {
			limit = -1
		}
		q += fmt.Sprintf(" LIMIT %d OFFSET %d", limit, max(opts.Offset, 0))
	}
	rows, err := db.r.QueryContext(ctx, q, string(opts.State), opts.Kind, opts.AfterID)
	if err != nil {
		return nil, fmt.Errorf("list jobs: %w", err)
	}
	defer rows.Close()
	var jobs []store.Job
	for rows.Next() {
		j, err := scanJob(rows)
		if err != nil {
			return nil, fmt.Errorf("list jobs: %w", err)
		}
		jobs = append(jobs, j)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list jobs: %w", err)
	}
	return jobs, nil
}

// CountJobs counts jobs by state.
func (db *DB) CountJobs(ctx context.Context) (map[store.JobState]int, error) {
	rows, err := db.r.QueryContext(ctx, `SELECT state, COUNT(*) FROM jobs GROUP BY state`)
	if err != nil {
		return nil, fmt.Errorf("count jobs: %w", err)
	}
	defer rows.Close()
	counts := make(map[store.JobState]int)
	for rows.Next() {
		var state string
		var n int
		if err := rows.Scan(&state, &n); err != nil {
			return nil, fmt.Errorf("count jobs: %w", err)
		}
		counts[store.JobState(state)] = n
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("count jobs: %w", err)
	}
	return counts, nil
}

type scanner interface{ Scan(dest ...any) error }

func scanJob(row scanner) (store.Job, error) {
	var j store.Job
	var state, payload string
	var result sql.NullString
	var created int64
	var lease, started, finished sql.NullInt64
	err := row.Scan(&j.ID, &j.Kind, &j.Key, &payload, &state, &j.Attempts, &j.MaxAttempts, &j.Error,
		&result, &j.Worker, &lease, &created, &started, &finished)
	if err != nil {
		return j, err
	}
	j.State = store.JobState(state)
	j.Payload = []byte(payload)
	if result.Valid {
		j.Result = []byte(result.String)
	}
	j.Created = fromMicros(sql.NullInt64{Int64: created, Valid: true})
	j.LeaseUntil, j.Started, j.Finished = fromMicros(lease), fromMicros(started), fromMicros(finished)
	return j, nil
}

func micros(t time.Time) int64 { return t.UnixMicro() }

func fromMicros(v sql.NullInt64) time.Time {
	if !v.Valid {
		return time.Time{}
	}
	return time.UnixMicro(v.Int64).UTC()
}
