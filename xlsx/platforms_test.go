package xlsx_test

import (
	"reflect"
	"testing"

	"hezuo"
	"hezuo/demo"
	"hezuo/sqldb"
	"hezuo/sqldb/dbtest"
	"hezuo/xlsx"
)

var demoToday = hezuo.MustDate("2026-01-01")

// demoDB returns the demo county loaded into each test database kind.
func demoDBs(t *testing.T, fn func(t *testing.T, db *sqldb.DB)) {
	for _, d := range dbtest.DSNs(t) {
		t.Run(d.Name, func(t *testing.T) {
			db, err := sqldb.Open(ctx, d.DSN)
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { db.Close() })
			if err := db.Load(ctx, demo.County(), demoToday); err != nil {
				t.Fatal(err)
			}
			fn(t, db)
		})
	}
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
