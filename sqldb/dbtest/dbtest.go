// Package dbtest gives tests fresh databases: an SQLite file in the test's
// temporary directory always, and a PostgreSQL database created on the
// server named by HEZUO_TEST_POSTGRES (dropped when the test ends).
package dbtest

import (
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"net/url"
	"os"
	"path/filepath"
	"testing"

	_ "github.com/jackc/pgx/v5/stdlib" // the "pgx" driver
)

// DSN is a named test database.
type DSN struct {
	Name string // "sqlite" or "postgres"
	DSN  string
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
func SQLite(t testing.TB) string { return filepath.Join(t.TempDir(), "hezuo-test.db") }

// Postgres creates an empty database on the server named by
// HEZUO_TEST_POSTGRES, returns its DSN and drops it when the test ends. It
// skips the test when the variable is unset.
func Postgres(t testing.TB) string {
	t.Helper()
	admin := os.Getenv("HEZUO_TEST_POSTGRES")
	if admin == "" {
		t.Skip("HEZUO_TEST_POSTGRES not set")
	}
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
	return u.String()
}
