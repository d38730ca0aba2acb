// Package dbtest gives tests fresh databases: an SQLite file in the test's
// temporary directory always, and a PostgreSQL database created on the
// server named by HEZUO_TEST_POSTGRES (dropped when the test ends).
//
// Each database gets its own key (sqldb creates it on first open): an
// SQLite database's key file lies beside it (<file>.key) and PostgreSQL
// test databases keep theirs in one directory of test keys (HEZUO_KEY_DIR, set
// here) under their own names. HEZUO_KEY and HEZUO_KEY_FILE, which would
// give every database the same key, are cleared for the test process.
package dbtest

import (
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"net/url"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"hezuo/seal"

	_ "github.com/jackc/pgx/v5/stdlib" // the "pgx" driver
)

// DSN is a named test database.
type DSN struct {
	Name string // "sqlite" or "postgres"
	DSN  string
}

var keyDir struct {
	once sync.Once
	dir  string
	err  error
}

// isolateKeys clears the process-wide key variables and points
// HEZUO_KEY_DIR at the test key directory (one for every test process: the
// databases' names are random, and each test removes its key).
func isolateKeys(t testing.TB) {
	t.Helper()
	keyDir.once.Do(func() {
		os.Unsetenv("HEZUO_KEY")
		os.Unsetenv("HEZUO_KEY_FILE")
		keyDir.dir = filepath.Join(os.TempDir(), "hezuo-test-keys")
		if keyDir.err = os.MkdirAll(keyDir.dir, 0o700); keyDir.err == nil {
			keyDir.err = os.Setenv("HEZUO_KEY_DIR", keyDir.dir)
		}
	})
	if keyDir.err != nil {
		t.Fatalf("test key directory: %v", keyDir.err)
	}
}

// CopyKey copies the key file of the database src to that of dst (mode
// 0600), for tests that copy a database file or clone a PostgreSQL
// database from a template: the copy needs its original's key.
func CopyKey(t testing.TB, src, dst string) {
	t.Helper()
	isolateKeys(t)
	b, err := os.ReadFile(seal.DefaultFile(src))
	if err != nil {
		t.Fatalf("copy key: %v", err)
	}
	if err := os.WriteFile(seal.DefaultFile(dst), b, 0o600); err != nil {
		t.Fatalf("copy key: %v", err)
	}
	t.Cleanup(func() { os.Remove(seal.DefaultFile(dst)) })
}

// DSNs returns a fresh SQLite DSN and, when HEZUO_TEST_POSTGRES is set, a
// fresh PostgreSQL DSN.
func DSNs(t testing.TB) []DSN {
	out := []DSN{{"sqlite", SQLite(t)}}
	if os.Getenv("HEZUO_TEST_POSTGRES") != "" {
		out = append(out, DSN{"postgres", Postgres(t)})
	}
	return out
}

// SQLite returns the path of a new SQLite file in the test's temp dir.
func SQLite(t testing.TB) string {
	isolateKeys(t)
	return filepath.Join(t.TempDir(), "hezuo-test.db")
}

// Postgres creates an empty database on the server named by
// HEZUO_TEST_POSTGRES, returns its DSN and drops it when the test ends. It
// skips the test when the variable is unset.
func Postgres(t testing.TB) string {
	t.Helper()
	admin := os.Getenv("HEZUO_TEST_POSTGRES")
	if admin == "" {
		t.Skip("HEZUO_TEST_POSTGRES not set")
	}
	isolateKeys(t)
	b := make([]byte, 6)
	rand.Read(b)
	name := "hezuo_test_" + hex.EncodeToString(b)
	adb, err := sql.Open("pgx", admin)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := adb.Exec("CREATE DATABASE " + name); err != nil {
		adb.Close()
		t.Fatalf("create test database: %v", err)
	}
	t.Cleanup(func() {
		adb.Exec("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)")
		adb.Close()
	})
	u, err := url.Parse(admin)
	if err != nil {
		t.Fatal(err)
	}
	u.Path = "/" + name
	dsn := u.String()
	t.Cleanup(func() { os.Remove(seal.DefaultFile(dsn)) })
	return dsn
}
