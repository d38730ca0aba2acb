package xlsx_test

import (
	"bytes"
	"context"
	"fmt"
	"net/url"
	"os"
	"strconv"
	"strings"
	"syscall"
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
	var parse, plan, write, parseCPU, planCPU, writeCPU, serverCPU time.Duration
	for b.Loop() {
		b.StopTimer()
		dsn := dbtest.SQLite(b)
		if pg {
			dsn = dbtest.Postgres(b)
		}
		db := fixtureDB(b, dsn, 200)
		b.StartTimer()
		s0 := backendCPU(dsn)
		t0, c0 := time.Now(), cpuTime()
		batch, err := xlsx.Parse("members", path, xlsx.Options{Today: fxToday})
		if err != nil {
			b.Fatal(err)
		}
		t1, c1 := time.Now(), cpuTime()
		p, err := batch.Plan(context.Background(), db)
		if err != nil {
			b.Fatal(err)
		}
		t2, c2 := time.Now(), cpuTime()
		if err := db.Import(context.Background(), hezuo.System, p.Write, fxToday, time.Now()); err != nil {
			b.Fatal(err)
		}
		serverCPU += backendCPU(dsn) - s0
		parse, plan, write = parse+t1.Sub(t0), plan+t2.Sub(t1), write+time.Since(t2)
		parseCPU, planCPU, writeCPU = parseCPU+c1-c0, planCPU+c2-c1, writeCPU+cpuTime()-c2
	}
	n := float64(b.N)
	b.ReportMetric(parse.Seconds()*1000/n, "parse-ms")
	b.ReportMetric(plan.Seconds()*1000/n, "plan-ms")
	b.ReportMetric(write.Seconds()*1000/n, "write-ms")
	// CPU time of this process (all its threads; not the PostgreSQL
	// server's): steadier than the wall clock on a shared machine, but
	// blind to work overlapped on two cores.
	b.ReportMetric(parseCPU.Seconds()*1000/n, "parse-cpu-ms")
	b.ReportMetric(planCPU.Seconds()*1000/n, "plan-cpu-ms")
	b.ReportMetric(writeCPU.Seconds()*1000/n, "write-cpu-ms")
	if pg {
		b.ReportMetric(serverCPU.Seconds()*1000/n, "server-cpu-ms")
	}
}

// backendCPU returns the CPU time (user and system) used so far by the
// PostgreSQL server's processes serving the database of dsn, when they run
// on this machine and /proc shows them (0 otherwise): the server's side of
// an import (its sessions are the pool's, open until the database is
// dropped; the server's background writers are not counted).
func backendCPU(dsn string) time.Duration {
	u, err := url.Parse(dsn)
	if err != nil || !strings.HasPrefix(dsn, "postgres") {
		return 0
	}
	title := " " + strings.TrimPrefix(u.Path, "/") + " "
	dirs, _ := os.ReadDir("/proc")
	var ticks int64
	for _, d := range dirs {
		cmd, err := os.ReadFile("/proc/" + d.Name() + "/cmdline")
		if err != nil || !bytes.HasPrefix(cmd, []byte("postgres: ")) || !bytes.Contains(cmd, []byte(title)) {
			continue
		}
		stat, err := os.ReadFile("/proc/" + d.Name() + "/stat")
		if err != nil {
			continue
		}
		// After the command in parentheses: state is field 3, utime 14, stime 15.
		f := strings.Fields(string(stat[bytes.LastIndexByte(stat, ')')+1:]))
		if len(f) > 12 {
			ut, _ := strconv.ParseInt(f[11], 10, 64)
			st, _ := strconv.ParseInt(f[12], 10, 64)
			ticks += ut + st
		}
	}
	return time.Duration(ticks) * time.Second / 100 // USER_HZ
}

// cpuTime returns the CPU time (user and system) the process has used.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkImportFloor is the floor of the member import's write: the same
// 100,000 people, memberships and party status steps as
// BenchmarkImportMembersCSV, already parsed, planned, hashed and sealed
// (not timed), inserted into the same schema by plain multi-row INSERTs in
// one transaction with explicit person ids — no lookups, no validation, no
// summary refresh (the triggers stay, but for the one Import drops).
func BenchmarkImportFloor(b *testing.B) { importFloor(b, false) }

// BenchmarkImportFloorPostgres needs HEZUO_TEST_POSTGRES.
func BenchmarkImportFloorPostgres(b *testing.B) { importFloor(b, true) }

func importFloor(b *testing.B, pg bool) {
	path := benchRoster(b, "m.csv", func(p string, rows [][]any) { writeCSV(b, p, memberHeader, rows, "utf8") })
	ctx := context.Background()
	for b.Loop() {
		b.StopTimer()
		dsn := dbtest.SQLite(b)
		if pg {
			dsn = dbtest.Postgres(b)
		}
		db := fixtureDB(b, dsn, 200)
		batch, err := xlsx.Parse("members", path, xlsx.Options{Today: fxToday})
		if err != nil {
			b.Fatal(err)
		}
		p, err := batch.Plan(ctx, db)
		if err != nil {
			b.Fatal(err)
		}
		orgs, county := map[string]int64{}, map[string]string{}
		rows, err := db.QueryContext(ctx, `SELECT id, org_no, county FROM orgs`)
		if err != nil {
			b.Fatal(err)
		}
		for rows.Next() {
			var id int64
			var no, c string
			if err := rows.Scan(&id, &no, &c); err != nil {
				b.Fatal(err)
			}
			orgs[no], county[no] = id, c
		}
		rows.Close()
		var people, members, status [][]any
		pid := map[string]int64{}
		for i := range p.Write.People {
			x := &p.Write.People[i]
			if err := x.Validate(fxToday); err != nil {
				b.Fatal(err)
			}
			pid[x.IDNumber] = int64(i + 1)
			people = append(people, []any{int64(i + 1), x.IDNumber[:6], db.Keys().Hash(x.IDNumber), db.Keys().Seal(x.IDNumber), x.Name,
				x.Sex, x.BirthDate.String(), db.Keys().Seal(x.Phone), nullDate(x.TalentSince), nullDate(x.LeaderSince)})
		}
		for _, m := range p.Write.Memberships {
			members = append(members, []any{county[m.OrgNo], pid[m.IDNumber], orgs[m.OrgNo], m.Role, m.From.String(), nullDate(m.To)})
		}
		for _, s := range p.Write.PartyStatus {
			status = append(status, []any{s.IDNumber[:6], pid[s.IDNumber], s.Status, s.From.String(), nullDate(s.To)})
		}
		conn, err := db.Conn(ctx)
		if err != nil {
			b.Fatal(err)
		}
		if !pg {
			conn.ExecContext(ctx, `PRAGMA cache_size = -131072`)
			conn.ExecContext(ctx, `PRAGMA temp_store = MEMORY`)
		}
		b.StartTimer()
		tx, err := conn.BeginTx(ctx, nil)
		if err != nil {
			b.Fatal(err)
		}
		insert := func(head string, rows [][]any) {
			for len(rows) > 0 {
				n := min(len(rows), 250)
				var q strings.Builder
				q.WriteString(head + " VALUES ")
				var args []any
				for i, r := range rows[:n] {
					if i > 0 {
						q.WriteString(", ")
					}
					q.WriteString("(")
					for j := range r {
						if j > 0 {
							q.WriteString(", ")
						}
						if pg {
							fmt.Fprintf(&q, "$%d", len(args)+1)
						} else {
							q.WriteString("?")
						}
						args = append(args, r[j])
					}
					q.WriteString(")")
				}
				if _, err := tx.ExecContext(ctx, q.String(), args...); err != nil {
					b.Fatal(err)
				}
				rows = rows[n:]
			}
		}
		// As Import writes a big roster on SQLite: INSERT OR ROLLBACK (no
		// statement journal), the membership summary trigger dropped.
		verb := "INSERT"
		if !pg {
			verb = "INSERT OR ROLLBACK"
			if _, err := tx.ExecContext(ctx, `DROP TRIGGER sm_memberships_ins`); err != nil {
				b.Fatal(err)
			}
		}
		insert(verb+` INTO people (id, county, id_hash, id_sealed, name, sex, birth_date, phone_sealed, talent_since, leader_since)`, people)
		insert(verb+` INTO memberships (county, person_id, org_id, role, valid_from, valid_to)`, members)
		insert(verb+` INTO party_status (county, person_id, status, valid_from, valid_to)`, status)
		if err := tx.Commit(); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		conn.Close()
		b.StartTimer()
	}
	b.ReportMetric(float64(benchRows*b.N)/b.Elapsed().Seconds(), "rows/s")
}

func nullDate(d hezuo.Date) any {
	if d.IsZero() {
		return nil
	}
	return d.String()
}
