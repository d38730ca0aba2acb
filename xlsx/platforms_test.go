package xlsx_test

import (
	"database/sql"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib"

	"hezuo"
	"hezuo/demo"
	"hezuo/seal"
	"hezuo/sqldb"
	"hezuo/sqldb/dbtest"
	"hezuo/xlsx"
)

var demoToday = hezuo.MustDate("2026-01-01")

// demoTemplate is the demo county loaded once per test binary, per kind of
// database, for tests to copy (a load takes seconds, a copy milliseconds):
// an SQLite file, and a PostgreSQL database used as a CREATE DATABASE
// template. TestMain removes both.
var demoTemplate struct {
	sync.Mutex
	dir           string // holds the SQLite file
	file          string
	pgName, pgDSN string
}

func TestMain(m *testing.M) {
	code := m.Run()
	t := &demoTemplate
	if t.dir != "" {
		os.RemoveAll(t.dir)
	}
	if t.pgName != "" {
		if adb, err := sql.Open("pgx", os.Getenv("HEZUO_TEST_POSTGRES")); err == nil {
			adb.Exec("DROP DATABASE IF EXISTS " + t.pgName + " WITH (FORCE)")
			adb.Close()
		}
		os.Remove(seal.DefaultFile(t.pgDSN))
	}
	os.Exit(code)
}

// demoDBs runs fn on a copy of the demo county in each test database kind.
func demoDBs(t *testing.T, fn func(t *testing.T, db *sqldb.DB)) {
	for _, d := range dbtest.DSNs(t) {
		t.Run(d.Name, func(t *testing.T) {
			copyDemo(t, d.Name, d.DSN)
			db, err := sqldb.Open(ctx, d.DSN)
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { db.Close() })
			fn(t, db)
		})
	}
}

// loadDemo loads the demo county into the database dsn.
func loadDemo(dsn string) error {
	db, err := sqldb.Open(ctx, dsn)
	if err != nil {
		return err
	}
	err = db.Load(ctx, demo.County(), demoToday)
	if cerr := db.Close(); err == nil {
		err = cerr
	}
	return err
}

// copyDemo replaces the empty database dsn with a copy of the demo
// county's template (loaded on first use), with the template's key.
func copyDemo(t *testing.T, kind, dsn string) {
	t.Helper()
	tp := &demoTemplate
	tp.Lock()
	defer tp.Unlock()
	if kind == "postgres" {
		copyDemoPostgres(t, dsn)
		return
	}
	if tp.file == "" {
		dir, err := os.MkdirTemp("", "hezuo-xlsx-demo")
		if err != nil {
			t.Fatal(err)
		}
		tp.dir = dir
		if err := loadDemo(filepath.Join(dir, "demo.db")); err != nil {
			t.Fatalf("demo template: %v", err)
		}
		tp.file = filepath.Join(dir, "demo.db")
	}
	b, err := os.ReadFile(tp.file)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(dsn, b, 0o600); err != nil {
		t.Fatal(err)
	}
	dbtest.CopyKey(t, tp.file, dsn)
}

// copyDemoPostgres recreates the database dsn from the PostgreSQL template.
func copyDemoPostgres(t *testing.T, dsn string) {
	t.Helper()
	tp := &demoTemplate
	admin := os.Getenv("HEZUO_TEST_POSTGRES")
	adb, err := sql.Open("pgx", admin)
	if err != nil {
		t.Fatal(err)
	}
	defer adb.Close()
	if tp.pgName == "" {
		name := fmt.Sprintf("hezuo_xlsxtmpl_%d", time.Now().UnixNano())
		if _, err := adb.Exec("CREATE DATABASE " + name); err != nil {
			t.Fatal(err)
		}
		u, _ := url.Parse(admin)
		u.Path = "/" + name
		tp.pgName, tp.pgDSN = name, u.String()
		if err := loadDemo(tp.pgDSN); err != nil {
			t.Fatalf("demo template: %v", err)
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
	dbtest.CopyKey(t, tp.pgDSN, dsn)
}

// fullDump returns the registry and the platforms of the whole store.
func fullDump(t *testing.T, db *sqldb.DB) *hezuo.Dataset {
	t.Helper()
	ds := dump(t, db)
	if err := db.DumpPlatforms(ctx, hezuo.AllScope, ds); err != nil {
		t.Fatal(err)
	}
	return ds
}

// TestPlatformRoundTrips exports every platform KIND of the demo county
// and imports it back: every row unchanged, nothing written.
func TestPlatformRoundTrips(t *testing.T) {
	demoDBs(t, func(t *testing.T, db *sqldb.DB) {
		before := fullDump(t, db)
		for _, kind := range xlsx.Kinds() {
			if !xlsx.IsPlatform(kind) {
				continue
			}
			for _, ext := range []string{"xlsx", "csv"} {
				path := tempFile(t, kind+"."+ext)
				n, err := xlsx.Export(kind, before, demoToday, path)
				if err != nil {
					t.Fatal(err)
				}
				res, err := xlsx.Import(ctx, db, kind, path, xlsx.Options{Today: demoToday}, false)
				if rej := xlsx.AsRejected(err); rej != nil {
					t.Fatalf("%s.%s rejected:\n%s", kind, ext, rej.Lines("zh"))
				} else if err != nil {
					t.Fatal(err)
				}
				if n == 0 || res.Rows != n || res.New != 0 || res.Changed != 0 || res.Unchanged != n {
					t.Errorf("%s.%s: %d exported, import %+v", kind, ext, n, res)
				}
			}
		}
		if !reflect.DeepEqual(before, fullDump(t, db)) {
			t.Error("importing exports changed the database")
		}
	})
}

type xlsxResult = xlsx.Result

// xlsxImport imports path on the demo county's day; a rejection is the error.
func xlsxImport(db *sqldb.DB, kind, path string) (*xlsx.Result, error) {
	res, err := xlsx.Import(ctx, db, kind, path, xlsx.Options{Today: demoToday}, false)
	if rej := xlsx.AsRejected(err); rej != nil {
		return nil, errorString(rej.Lines("zh"))
	}
	return res, err
}

type errorString string

func (e errorString) Error() string { return string(e) }
