package xlsx_test

import (
	"context"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"hezuo"
	"hezuo/sqldb/dbtest"
	"hezuo/xlsx"
)

const benchRows = 100000

func benchRoster(b testing.TB, name string, write func(string, [][]any)) string {
	rows := make([][]any, benchRows)
	for i := range rows {
		rows[i] = memberRow(i+1, 200)
	}
	path := tempFile(b, name)
	write(path, rows)
	return path
}

// benchImport imports a fresh 100,000-row roster into a fresh SQLite (or,
// with pg, PostgreSQL) database per iteration (database setup not timed)
// and reports rows/s.
func benchImport(b *testing.B, path string, pg bool) {
	b.ReportAllocs()
	for b.Loop() {
		b.StopTimer()
		dsn := dbtest.SQLite(b)
		if pg {
			dsn = dbtest.Postgres(b)
		}
		db := fixtureDB(b, dsn, 200)
		b.StartTimer()
		res, err := xlsx.Import(context.Background(), db, "members", path, xlsx.Options{Today: fxToday}, false)
		if err != nil {
			b.Fatal(err)
		}
		if res.New != benchRows {
			b.Fatalf("%+v", res)
		}
	}
	b.ReportMetric(float64(benchRows*b.N)/b.Elapsed().Seconds(), "rows/s")
}

func BenchmarkImportMembersCSV(b *testing.B) {
	path := benchRoster(b, "m.csv", func(p string, rows [][]any) { writeCSV(b, p, memberHeader, rows, "utf8") })
	benchImport(b, path, false)
}

func BenchmarkImportMembersXLSX(b *testing.B) {
	path := benchRoster(b, "m.xlsx", func(p string, rows [][]any) { writeXLSX(b, p, memberHeader, rows) })
	benchImport(b, path, false)
}

// BenchmarkImportMembersCSVPostgres needs HEZUO_TEST_POSTGRES.
func BenchmarkImportMembersCSVPostgres(b *testing.B) {
	path := benchRoster(b, "m.csv", func(p string, rows [][]any) { writeCSV(b, p, memberHeader, rows, "utf8") })
	benchImport(b, path, true)
}

// BenchmarkParseMembersCSV is the CSV import without the database: reading,
// normalising and checking every row.
func BenchmarkParseMembersCSV(b *testing.B) {
	path := benchRoster(b, "m.csv", func(p string, rows [][]any) { writeCSV(b, p, memberHeader, rows, "utf8") })
	for b.Loop() {
		if _, err := xlsx.Parse("members", path, xlsx.Options{Today: fxToday}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(benchRows*b.N)/b.Elapsed().Seconds(), "rows/s")
}

// BenchmarkParseMembersXLSX is the .xlsx import without the database.
func BenchmarkParseMembersXLSX(b *testing.B) {
	path := benchRoster(b, "m.xlsx", func(p string, rows [][]any) { writeXLSX(b, p, memberHeader, rows) })
	for b.Loop() {
		if _, err := xlsx.Parse("members", path, xlsx.Options{Today: fxToday}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(benchRows*b.N)/b.Elapsed().Seconds(), "rows/s")
}

// BenchmarkBareXLSXRead is excelize's streaming reader alone on the same
// workbook, with default options (cells formatted as displayed): the
// yardstick of the .xlsx import.
func BenchmarkBareXLSXRead(b *testing.B) { bareRead(b, excelize.Options{}) }

// BenchmarkBareXLSXReadRaw is the bare read with raw cell values, as the
// import reads (a date cell's serial instead of its displayed text).
func BenchmarkBareXLSXReadRaw(b *testing.B) { bareRead(b, excelize.Options{RawCellValue: true}) }

func bareRead(b *testing.B, opt excelize.Options) {
	path := benchRoster(b, "m.xlsx", func(p string, rows [][]any) { writeXLSX(b, p, memberHeader, rows) })
	for b.Loop() {
		f, err := excelize.OpenFile(path, opt)
		if err != nil {
			b.Fatal(err)
		}
		rows, err := f.Rows("Sheet1")
		if err != nil {
			b.Fatal(err)
		}
		n := 0
		for rows.Next() {
			if _, err := rows.Columns(); err != nil {
				b.Fatal(err)
			}
			n++
		}
		rows.Close()
		f.Close()
		if n != benchRows+1 {
			b.Fatal(n)
		}
	}
	b.ReportMetric(float64(benchRows*b.N)/b.Elapsed().Seconds(), "rows/s")
}

// BenchmarkImportPhases times the phases of a CSV import of 100,000 new
// members: parse (read, normalise, check every row), plan (ask the
// database about the keys, classify) and write (one transaction).
func BenchmarkImportPhases(b *testing.B) { importPhases(b, false) }

// BenchmarkImportPhasesPostgres needs HEZUO_TEST_POSTGRES.
func BenchmarkImportPhasesPostgres(b *testing.B) { importPhases(b, true) }

func importPhases(b *testing.B, pg bool) {
	path := benchRoster(b, "m.csv", func(p string, rows [][]any) { writeCSV(b, p, memberHeader, rows, "utf8") })
	var parse, plan, write time.Duration
	for b.Loop() {
		b.StopTimer()
		dsn := dbtest.SQLite(b)
		if pg {
			dsn = dbtest.Postgres(b)
		}
		db := fixtureDB(b, dsn, 200)
		b.StartTimer()
		t0 := time.Now()
		batch, err := xlsx.Parse("members", path, xlsx.Options{Today: fxToday})
		if err != nil {
			b.Fatal(err)
		}
		t1 := time.Now()
		p, err := batch.Plan(context.Background(), db)
		if err != nil {
			b.Fatal(err)
		}
		t2 := time.Now()
		if err := db.Import(context.Background(), hezuo.System, p.Write, fxToday); err != nil {
			b.Fatal(err)
		}
		parse, plan, write = parse+t1.Sub(t0), plan+t2.Sub(t1), write+time.Since(t2)
	}
	n := float64(b.N)
	b.ReportMetric(parse.Seconds()*1000/n, "parse-ms")
	b.ReportMetric(plan.Seconds()*1000/n, "plan-ms")
	b.ReportMetric(write.Seconds()*1000/n, "write-ms")
}
