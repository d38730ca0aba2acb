package dbtest

import (
	"database/sql"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"hezuo/seal"
)

// Template is a database loaded once per test binary and per kind — an
// SQLite file copied byte for byte, a PostgreSQL database cloned with
// CREATE DATABASE … TEMPLATE — and copied into each test's database: a load
// (the demo county) takes seconds, a copy milliseconds. Each copy gets the
// template's key. A package declares one, and drops it from TestMain.
type Template struct {
	Name string                 // a short name for the template's directory and database
	Load func(dsn string) error // fills the empty database dsn

	// One lock per kind, so that parallel tests copy (or load) the SQLite
	// and the PostgreSQL template at the same time.
	mu, pgMu      sync.Mutex
	dir, file     string // the SQLite template
	pgName, pgDSN string // the PostgreSQL template
	pgAdmin       string
}

// Copy fills dsn — a fresh database from SQLite or Postgres (a PostgreSQL
// one is replaced), or a new SQLite file path — with a copy of the
// template of its kind, loading the template on first use.
func (tp *Template) Copy(t testing.TB, dsn string) {
	t.Helper()
	isolateKeys(t) // before the template's key is made
	if strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://") {
		tp.pgMu.Lock()
		defer tp.pgMu.Unlock()
		tp.copyPostgres(t, dsn)
		return
	}
	tp.mu.Lock()
	defer tp.mu.Unlock()
	if tp.file == "" {
		dir, err := os.MkdirTemp("", "hezuo-"+tp.Name+"-template")
		if err != nil {
			t.Fatal(err)
		}
		tp.dir = dir
		file := filepath.Join(dir, "template.db")
		if err := tp.Load(file); err != nil {
			t.Fatalf("%s template: %v", tp.Name, err)
		}
		tp.file = file
	}
	b, err := os.ReadFile(tp.file)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(dsn, b, 0o600); err != nil {
		t.Fatal(err)
	}
	CopyKey(t, tp.file, dsn)
}

// copyPostgres recreates the database dsn from the PostgreSQL template.
func (tp *Template) copyPostgres(t testing.TB, dsn string) {
	t.Helper()
	admin := os.Getenv("HEZUO_TEST_POSTGRES")
	adb, err := sql.Open("pgx", admin)
	if err != nil {
		t.Fatal(err)
	}
	defer adb.Close()
	if tp.pgName == "" {
		name := fmt.Sprintf("hezuo_%stmpl_%d", tp.Name, time.Now().UnixNano())
		if _, err := adb.Exec("CREATE DATABASE " + name); err != nil {
			t.Fatal(err)
		}
		u, err := url.Parse(admin)
		if err != nil {
			t.Fatal(err)
		}
		u.Path = "/" + name
		tp.pgName, tp.pgDSN, tp.pgAdmin = name, u.String(), admin
		if err := tp.Load(tp.pgDSN); err != nil {
			t.Fatalf("%s template: %v", tp.Name, err)
		}
	}
	u, err := url.Parse(dsn)
	if err != nil {
		t.Fatal(err)
	}
	name := strings.TrimPrefix(u.Path, "/")
	if _, err := adb.Exec("DROP DATABASE " + name + " WITH (FORCE)"); err != nil {
		t.Fatal(err)
	}
	if _, err := adb.Exec("CREATE DATABASE " + name + " TEMPLATE " + tp.pgName); err != nil {
		t.Fatal(err)
	}
	CopyKey(t, tp.pgDSN, dsn)
}

// Drop removes the templates and their keys; call it from TestMain after
// the tests have run.
func (tp *Template) Drop() {
	tp.mu.Lock()
	defer tp.mu.Unlock()
	tp.pgMu.Lock()
	defer tp.pgMu.Unlock()
	if tp.dir != "" {
		os.RemoveAll(tp.dir)
	}
	if tp.pgName != "" {
		if adb, err := sql.Open("pgx", tp.pgAdmin); err == nil {
			adb.Exec("DROP DATABASE IF EXISTS " + tp.pgName + " WITH (FORCE)")
			adb.Close()
		}
		os.Remove(seal.DefaultFile(tp.pgDSN))
	}
}
