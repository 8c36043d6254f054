// Package pgtest gives tests a real PostgreSQL server: one throwaway server
// per test binary, started on first use from the PostgreSQL binaries on the
// machine, listening on a Unix socket only, and a fresh database for each
// test that asks for one.
//
// A package that uses it stops the server after its tests:
//
//	func TestMain(m *testing.M) { os.Exit(pgtest.Main(m)) }
//
// With STORYDESK_TEST_POSTGRES set to a server's URL, the tests use that
// server instead (they create and drop their own databases in it). Without
// either, the tests that need PostgreSQL skip, unless
// STORYDESK_REQUIRE_POSTGRES is set (as scripts/test sets it): then they fail.
package pgtest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"sort"
	"strconv"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

// server is the one this test binary started, or the one the environment
// names.
var (
	once    sync.Once
	shared  *server
	initErr error
)

type server struct {
	admin string    // URL of the maintenance database, as superuser
	cmd   *exec.Cmd // nil for a server the environment names
	dir   string    // data and socket directories, removed on stop
}

// Main runs the tests and then stops the server if one was started.
func Main(m *testing.M) int {
	code := m.Run()
	if shared != nil {
		shared.stop()
	}
	return code
}

// Database creates an empty database for t, dropped when t ends, and
// returns its URL.
func Database(t testing.TB) string {
	t.Helper()
	s := start(t)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	conn, err := pgx.Connect(ctx, s.admin)
	if err != nil {
		t.Fatalf("pgtest: connect: %v", err)
	}
	defer conn.Close(ctx)
	name := "t_" + randomHex(8)
	if _, err := conn.Exec(ctx, "CREATE DATABASE "+name); err != nil {
		t.Fatalf("pgtest: create database: %v", err)
	}
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		conn, err := pgx.Connect(ctx, s.admin)
		if err != nil {
			t.Errorf("pgtest: drop database %s: %v", name, err)
			return
		}
		defer conn.Close(ctx)
		if _, err := conn.Exec(ctx, "DROP DATABASE "+name+" WITH (FORCE)"); err != nil {
			t.Errorf("pgtest: drop database %s: %v", name, err)
		}
	})
	return withDatabase(s.admin, name)
}

// start returns the shared server, starting it on first use; it skips or
// fails t when there is none.
func start(t testing.TB) *server {
	t.Helper()
	once.Do(func() { shared, initErr = newServer() })
	if initErr != nil {
		if os.Getenv("STORYDESK_REQUIRE_POSTGRES") != "" {
			t.Fatalf("pgtest: %v", initErr)
		}
		t.Skipf("pgtest: no PostgreSQL server for this test: %v", initErr)
	}
	return shared
}

func newServer() (*server, error) {
	if dsn := os.Getenv("STORYDESK_TEST_POSTGRES"); dsn != "" {
		return &server{admin: dsn}, nil
	}
	bin, err := binDir()
	if err != nil {
		return nil, err
	}
	return launch(bin)
}

// binDir finds the directory holding initdb and postgres: on PATH, or
// Debian's /usr/lib/postgresql/N/bin, newest N first.
func binDir() (string, error) {
	if p, err := exec.LookPath("initdb"); err == nil {
		return filepath.Dir(p), nil
	}
	dirs, _ := filepath.Glob("/usr/lib/postgresql/*/bin")
	sort.Slice(dirs, func(i, j int) bool { return version(dirs[i]) > version(dirs[j]) })
	for _, d := range dirs {
		if _, err := os.Stat(filepath.Join(d, "initdb")); err == nil {
			return d, nil
		}
	}
	return "", errors.New("initdb not found on PATH or in /usr/lib/postgresql/*/bin (install Debian's postgresql package)")
}

func version(binDir string) int {
	n, _ := strconv.Atoi(filepath.Base(filepath.Dir(binDir)))
	return n
}

// launch creates a cluster in a temporary directory and starts postgres on
// a socket in it. PostgreSQL refuses to run as root, so as root the server
// runs as the postgres user.
func launch(bin string) (*server, error) {
	dir, err := os.MkdirTemp("", "storydesk-pg-")
	if err != nil {
		return nil, err
	}
	s := &server{dir: dir}
	var cred *syscall.Credential
	if os.Geteuid() == 0 {
		u, err := user.Lookup("postgres")
		if err != nil {
			s.stop()
			return nil, fmt.Errorf("running as root and there is no postgres user to run the server as: %w", err)
		}
		uid, _ := strconv.Atoi(u.Uid)
		gid, _ := strconv.Atoi(u.Gid)
		cred = &syscall.Credential{Uid: uint32(uid), Gid: uint32(gid)}
		if err := os.Chown(dir, uid, gid); err != nil {
			s.stop()
			return nil, err
		}
	}
	data := filepath.Join(dir, "data")
	initdb := exec.Command(filepath.Join(bin, "initdb"), "-D", data, "-U", "postgres",
		"--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8", "--no-sync")
	initdb.Dir = dir
	initdb.SysProcAttr = &syscall.SysProcAttr{Credential: cred}
	if out, err := initdb.CombinedOutput(); err != nil {
		s.stop()
		return nil, fmt.Errorf("initdb: %v\n%s", err, out)
	}
	const port = 5432 // names the socket file only: no TCP
	s.cmd = exec.Command(filepath.Join(bin, "postgres"), "-D", data, "-k", dir, "-p", strconv.Itoa(port),
		"-c", "listen_addresses=", "-c", "fsync=off", "-c", "synchronous_commit=off",
		"-c", "full_page_writes=off", "-c", "max_connections=200", "-c", "shared_buffers=64MB")
	s.cmd.Dir = dir
	// The server dies with the test binary even if Main never runs.
	s.cmd.SysProcAttr = &syscall.SysProcAttr{Credential: cred, Pdeathsig: syscall.SIGQUIT}
	logFile, err := os.Create(filepath.Join(dir, "server.log"))
	if err != nil {
		s.stop()
		return nil, err
	}
	defer logFile.Close()
	s.cmd.Stdout, s.cmd.Stderr = logFile, logFile
	if err := s.cmd.Start(); err != nil {
		s.cmd = nil
		s.stop()
		return nil, fmt.Errorf("start postgres: %w", err)
	}
	s.admin = (&url.URL{Scheme: "postgres", User: url.User("postgres"), Path: "/postgres",
		RawQuery: url.Values{"host": {dir}, "port": {strconv.Itoa(port)}, "sslmode": {"disable"}}.Encode()}).String()
	if err := s.wait(30 * time.Second); err != nil {
		log, _ := os.ReadFile(filepath.Join(dir, "server.log"))
		s.stop()
		return nil, fmt.Errorf("%w\n%s", err, log)
	}
	return s, nil
}

// wait polls until the server accepts connections.
func (s *server) wait(limit time.Duration) error {
	deadline := time.Now().Add(limit)
	for {
		ctx, cancel := context.WithTimeout(context.Background(), time.Second)
		conn, err := pgx.Connect(ctx, s.admin)
		if err == nil {
			conn.Close(ctx)
			cancel()
			return nil
		}
		cancel()
		if time.Now().After(deadline) {
			return fmt.Errorf("postgres did not accept connections within %v: %w", limit, err)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// stop shuts the server down (fast shutdown) and removes its directory.
func (s *server) stop() {
	if s.cmd != nil && s.cmd.Process != nil {
		s.cmd.Process.Signal(syscall.SIGINT)
		done := make(chan struct{})
		go func() { s.cmd.Wait(); close(done) }()
		select {
		case <-done:
		case <-time.After(20 * time.Second):
			s.cmd.Process.Kill()
			<-done
		}
	}
	if s.dir != "" {
		os.RemoveAll(s.dir)
	}
}

// withDatabase returns dsn pointing at database name.
func withDatabase(dsn, name string) string {
	u, err := url.Parse(dsn)
	if err != nil {
		return dsn
	}
	u.Path = "/" + name
	return u.String()
}

func randomHex(n int) string {
	b := make([]byte, n)
	rand.Read(b)
	return hex.EncodeToString(b)
}
