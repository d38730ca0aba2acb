package xlsx_test

import (
	"os"
	"reflect"
	"testing"

	_ "github.com/jackc/pgx/v5/stdlib"

	"hezuo"
	"hezuo/demo"
	"hezuo/sqldb"
	"hezuo/sqldb/dbtest"
	"hezuo/xlsx"
)

var demoToday = hezuo.MustDate("2026-01-01")

// demoTemplate is the demo county loaded once per test binary and kind of
// database, for tests to copy (a load takes seconds, a copy milliseconds).
var demoTemplate = &dbtest.Template{Name: "xlsx", Load: loadDemo}

func TestMain(m *testing.M) {
	code := m.Run()
	demoTemplate.Drop()
	os.Exit(code)
}

// demoDBs runs fn on a copy of the demo county in each test database kind.
func demoDBs(t *testing.T, fn func(t *testing.T, db *sqldb.DB)) {
	for _, d := range dbtest.DSNs(t) {
		t.Run(d.Name, func(t *testing.T) {
			demoTemplate.Copy(t, d.DSN)
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
	err = db.Load(ctx, demo.County(demo.SeedTargets().Day), demoToday)
	if cerr := db.Close(); err == nil {
		err = cerr
	}
	return err
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
