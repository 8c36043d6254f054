package cli

import (
	"context"
	"flag"
	"fmt"

	"github.com/storydesk/storydesk/internal/model"
	"github.com/storydesk/storydesk/internal/pipeline"
	"github.com/storydesk/storydesk/internal/store"
	"github.com/storydesk/storydesk/internal/store/backend"
	"github.com/storydesk/storydesk/internal/store/sqlite"
)

// dbFlag registers --db with the default database under the user's data
// directory.
func dbFlag(fs *flag.FlagSet) *string {
	return fs.String("db", "", "database: a SQLite file path or a postgres:// URL (default: storydesk.db under the user's data directory)")
}

// openStore opens the database dsn names, or the default one.
func openStore(ctx context.Context, dsn string) (store.Store, error) {
	if dsn == "" {
		p, err := sqlite.DefaultPath()
		if err != nil {
			return nil, err
		}
		dsn = p
	}
	return backend.Open(ctx, dsn)
}

// storeSink stores what a pipeline reads.
type storeSink struct {
	st   store.Store
	sink *pipeline.Sink
}

// openSink opens dsn and tells p what it already holds.
func openSink(ctx context.Context, e *env, dsn string, p *pipeline.Pipeline) (*storeSink, error) {
	st, err := openStore(ctx, dsn)
	if err != nil {
		return nil, err
	}
	if err := pipeline.Load(ctx, p, st); err != nil {
		st.Close()
		return nil, err
	}
	s := &storeSink{st: st, sink: pipeline.NewSink(st)}
	p.KeepSignatures()
	s.sink.Signature = p.TakeSignature
	s.sink.Failed = func(a model.Article, err error) {
		fmt.Fprintf(e.stderr, "storydesk: %s: not stored: %v\n", a.Source, oneLine(err))
	}
	return s, nil
}

func (s *storeSink) put(ctx context.Context, a model.Article) error { return s.sink.Put(ctx, a) }
func (s *storeSink) flush(ctx context.Context) error                { return s.sink.Flush(ctx) }
func (s *storeSink) close() error                                   { return s.st.Close() }
