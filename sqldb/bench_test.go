package sqldb

// Benchmarks of issue 7 on data from the generator (`go test -bench . -run
// ^$ ./sqldb`). The county data set is generated in the setup (a few
// seconds) and cached in os.TempDir(); the province (about 3 minutes) only
// with HEZUO_BENCH_PROVINCE=1, or when its cached file exists. On
// PostgreSQL, only when a variable names a database (empty, or holding that
// data set already): HEZUO_BENCH_PROVINCE_PG for the province (sub-benchmark
// "province-pg"), HEZUO_BENCH_NATION for the nation (generated there once,
// 40 to 80 minutes and 53 GB, with HEZUO_KEY_FILE naming its key: never
// in CI). Each file is named
// hezuo-bench-SCALE-1.db (seed 1); delete it to regenerate.

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"hezuo"
	"hezuo/demo"
	"hezuo/rules"
)

// benchDay is the "today" of the benchmarks: the last day generated facts
// reach (demo.GenEnd), so that results do not drift with the calendar.
var benchDay = demo.GenEnd

var benchDBs sync.Map // scale → *DB

// benchDB returns the generated database of a scale, or skips.
func benchDB(b *testing.B, name string) *DB {
	b.Helper()
	if db, ok := benchDBs.Load(name); ok {
		return db.(*DB)
	}
	scale := name
	ctx := context.Background()
	var dsn string
	switch scale {
	case "nation", "province-pg":
		env := map[string]string{"nation": "HEZUO_BENCH_NATION", "province-pg": "HEZUO_BENCH_PROVINCE_PG"}[scale]
		if dsn = os.Getenv(env); dsn == "" {
			b.Skip(env + " (a postgres:// database) not set")
		}
		scale = strings.TrimSuffix(scale, "-pg")
	default:
		dsn = filepath.Join(os.TempDir(), "hezuo-bench-"+scale+"-1.db")
		if _, err := os.Stat(dsn); err != nil && scale == "province" && os.Getenv("HEZUO_BENCH_PROVINCE") == "" {
			b.Skip("HEZUO_BENCH_PROVINCE=1 not set and no cached " + dsn)
		}
	}
	removeFile := func() { // an interrupted generation or a damaged file
		for _, suffix := range []string{"", "-wal", "-shm"} {
			os.Remove(dsn + suffix)
		}
	}
	db, err := Open(ctx, dsn)
	if err != nil && !IsPostgres(dsn) {
		b.Logf("%s: %v: generating it again", dsn, err)
		removeFile()
		db, err = Open(ctx, dsn)
	}
	if err != nil {
		b.Fatal(err)
	}
	want := scale + "/1"
	if got, _ := db.Meta(ctx, "gen"); got != want {
		if empty, err := db.Empty(ctx); err != nil || !empty {
			db.Close()
			if !IsPostgres(dsn) {
				removeFile()
				return benchDB(b, name)
			}
			b.Fatalf("%s holds other data (gen %q)", dsn, got)
		}
		b.Logf("generating the %s data set into %s…", scale, dsn)
		if err := benchGenerate(ctx, db, scale); err != nil {
			b.Fatal(err)
		}
	}
	if !db.summariesReady(ctx) {
		if err := db.RebuildSummaries(ctx); err != nil {
			b.Fatal(err)
		}
	}
	benchDBs.Store(name, db)
	return db
}

func benchGenerate(ctx context.Context, db *DB, scale string) error {
	bulk, err := db.NewBulk(ctx)
	if err != nil {
		return err
	}
	if err := demo.Generate(demo.Scales[scale], 1, bulk); err != nil {
		bulk.Abort()
		return err
	}
	if err := bulk.Close(); err != nil {
		return err
	}
	return db.SetMeta(ctx, "gen", scale+"/1")
}

// benchScales runs fn as a sub-benchmark per scale.
func benchScales(b *testing.B, scales []string, fn func(b *testing.B, db *DB, top hezuo.Scope)) {
	for _, sc := range scales {
		b.Run(sc, func(b *testing.B) {
			db := benchDB(b, sc)
			top := hezuo.AllScope
			if strings.HasPrefix(sc, "province") {
				top = hezuo.Scope{Prefix: "22"}
			}
			b.ResetTimer()
			fn(b, db, top)
		})
	}
}

var allScales = []string{"county", "province", "province-pg", "nation"}

func BenchmarkStatsToday(b *testing.B) {
	benchScales(b, allScales, func(b *testing.B, db *DB, top hezuo.Scope) {
		for b.Loop() {
			if _, err := db.Stats(context.Background(), top, benchDay); err != nil {
				b.Fatal(err)
			}
		}
	})
}

func BenchmarkStatsPastDate(b *testing.B) {
	benchScales(b, allScales, func(b *testing.B, db *DB, top hezuo.Scope) {
		for b.Loop() {
			if _, err := db.Stats(context.Background(), top, hezuo.MustDate("2022-06-08")); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkStatsSummaryUncached reads the roll-ups on every call (no
// figure cache): the cost of a first request, today and at a past date.
func BenchmarkStatsSummaryUncached(b *testing.B) {
	for _, d := range []hezuo.Date{benchDay, hezuo.MustDate("2022-06-08")} {
		b.Run(d.String(), func(b *testing.B) {
			benchScales(b, allScales, func(b *testing.B, db *DB, top hezuo.Scope) {
				for b.Loop() {
					if !db.summariesReady(context.Background()) {
						b.Fatal("no summaries")
					}
					if _, err := db.statsSummary(context.Background(), top, d); err != nil {
						b.Fatal(err)
					}
				}
			})
		})
	}
}

// BenchmarkStatsDirect is the computation from the records that the
// summaries replace (about 36 s on the province: county only).
func BenchmarkStatsDirect(b *testing.B) {
	benchScales(b, []string{"county"}, func(b *testing.B, db *DB, top hezuo.Scope) {
		for b.Loop() {
			if _, err := db.statsDirect(context.Background(), top, benchDay); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// firstCounty returns the scope of the first county holding orgs.
func firstCounty(b *testing.B, db *DB) hezuo.Scope {
	var v string
	if err := db.QueryRowContext(context.Background(), `SELECT min(village) FROM orgs`).Scan(&v); err != nil {
		b.Fatal(err)
	}
	return hezuo.Scope{Prefix: v[:6]}
}

// BenchmarkStatsOneCountyUncached is a county's figures without the cache:
// the sum of its orgs' segments of the day (no roll-ups below prefectures).
func BenchmarkStatsOneCountyUncached(b *testing.B) {
	for _, d := range []hezuo.Date{benchDay, hezuo.MustDate("2022-06-08")} {
		b.Run(d.String(), func(b *testing.B) {
			benchScales(b, allScales, func(b *testing.B, db *DB, _ hezuo.Scope) {
				county := firstCounty(b, db)
				b.ResetTimer()
				for b.Loop() {
					s, err := db.statsSummary(context.Background(), county, d)
					if err != nil || s.Orgs.Total == 0 {
						b.Fatal(err, s)
					}
				}
			})
		})
	}
}

func BenchmarkCheckOneCounty(b *testing.B) {
	benchScales(b, allScales, func(b *testing.B, db *DB, _ hezuo.Scope) {
		county := firstCounty(b, db)
		b.ResetTimer()
		for b.Loop() {
			rows, err := db.Check(context.Background(), county, benchDay)
			if err != nil || len(rows) == 0 {
				b.Fatal(err, len(rows))
			}
		}
	})
}

// BenchmarkOrgListFirstPage is the first page of the org list of the whole
// data set for a county administrator of it (sqldb/orgs.go).
func BenchmarkOrgListFirstPage(b *testing.B) {
	benchScales(b, allScales, func(b *testing.B, db *DB, top hezuo.Scope) {
		a := &hezuo.Access{User: "bench", Role: hezuo.RoleCountyAdmin, Scope: top}
		for b.Loop() {
			list, err := db.ListOrgs(context.Background(), a, hezuo.OrgFilter{Scope: top, Page: 1, Day: benchDay}, hezuo.Today(hezuo.China))
			if err != nil || len(list.Items) == 0 {
				b.Fatal(err)
			}
		}
	})
}

// deepPage is the page of the list benchmarks read deep in a list: the
// 2,000th (rows 39,981–40,000 of the province's 100,000 orgs).
const deepPage = 2000

// BenchmarkOrgListDeepPage is a page deep in the org list of the whole data
// set: by number (an OFFSET over the rows before it) and by cursor (the
// "next" link from the page before, an index range; issue 7).
func BenchmarkOrgListDeepPage(b *testing.B) {
	benchScales(b, allScales, func(b *testing.B, db *DB, top hezuo.Scope) {
		ctx := context.Background()
		a := &hezuo.Access{User: "bench", Role: hezuo.RoleCountyAdmin, Scope: top}
		page := deepPage
		if top == hezuo.AllScope { // the county: 200 orgs
			page = 5
		}
		before, err := db.ListOrgs(ctx, a, hezuo.OrgFilter{Scope: top, Page: page - 1, Day: benchDay}, hezuo.Today(hezuo.China))
		if err != nil || before.Next == "" {
			b.Fatal(err, "no next page")
		}
		for _, by := range []string{"number", "cursor"} {
			f := hezuo.OrgFilter{Scope: top, Page: page, Day: benchDay}
			if by == "cursor" {
				f.After = before.Next
			}
			b.Run(by, func(b *testing.B) {
				for b.Loop() {
					list, err := db.ListOrgs(ctx, a, f, hezuo.Today(hezuo.China))
					if err != nil || len(list.Items) != hezuo.PageSize {
						b.Fatal(err)
					}
				}
			})
		}
	})
}

// BenchmarkPeopleList is the first page and a deep page (by number and by
// cursor) of the people list of the whole data set (sqldb/people.go).
func BenchmarkPeopleList(b *testing.B) {
	benchScales(b, allScales, func(b *testing.B, db *DB, top hezuo.Scope) {
		ctx := context.Background()
		a := &hezuo.Access{User: "bench", Role: hezuo.RoleCountyAdmin, Scope: top}
		page := deepPage
		if top == hezuo.AllScope {
			page = 50
		}
		before, err := db.ListPeople(ctx, a, hezuo.PersonFilter{Page: page - 1, Day: benchDay}, hezuo.Today(hezuo.China))
		if err != nil || before.Next == "" {
			b.Fatal(err, "no next page")
		}
		for _, by := range []string{"first", "number", "cursor"} {
			f := hezuo.PersonFilter{Page: page, Day: benchDay}
			switch by {
			case "first":
				f.Page = 1
			case "cursor":
				f.After = before.Next
			}
			b.Run(by, func(b *testing.B) {
				for b.Loop() {
					list, err := db.ListPeople(ctx, a, f, hezuo.Today(hezuo.China))
					if err != nil || len(list.Items) != hezuo.PageSize {
						b.Fatal(err)
					}
				}
			})
		}
	})
}

// BenchmarkDashboardStore is the store's part of the dashboard of a county
// administrator of the whole data set with the series from the summaries:
// the figures, orgs by township and kind, and a trend of six yearly points
// (web/dashboard.go).
func BenchmarkDashboardStore(b *testing.B) {
	benchScales(b, allScales, func(b *testing.B, db *DB, top hezuo.Scope) {
		ctx := context.Background()
		a := &hezuo.Access{User: "bench", Role: hezuo.RoleCountyAdmin, Scope: top}
		var days []hezuo.Date
		for i := 5; i >= 0; i-- {
			days = append(days, benchDay.AddDate(-i, 0, 0))
		}
		for b.Loop() {
			if _, err := db.ScopedStats(ctx, a, top, benchDay); err != nil {
				b.Fatal(err)
			}
			if _, ok := db.orgsByTownshipSummary(ctx, top, benchDay); !ok {
				b.Fatal("no summaries")
			}
			if _, ok := db.memberTrendSummary(ctx, top, days); !ok {
				b.Fatal("no summaries")
			}
		}
	})
}

// BenchmarkLoadOneMembership is the upkeep of the summaries: a Load ending
// (then reopening) one membership, which recomputes one org's segments and
// its township's and county's roll-ups in the Load's transaction.
func BenchmarkLoadOneMembership(b *testing.B) {
	benchScales(b, []string{"county", "province", "province-pg"}, func(b *testing.B, db *DB, _ hezuo.Scope) {
		ctx := context.Background()
		var idNumber, orgNo string
		var from hezuo.Date
		if err := db.QueryRowContext(ctx, `SELECT p.id_sealed, o.org_no, m.valid_from FROM memberships m
			JOIN people p ON p.id = m.person_id JOIN orgs o ON o.id = m.org_id WHERE m.valid_to IS NULL ORDER BY m.id LIMIT 1`).
			Scan(db.opened(&idNumber), &orgNo, &from); err != nil {
			b.Fatal(err)
		}
		b.ResetTimer()
		i := 0
		for b.Loop() {
			m := hezuo.Membership{IDNumber: idNumber, OrgNo: orgNo, Period: hezuo.Period{From: from}}
			if i++; i%2 == 1 {
				m.To = benchDay
			}
			if err := db.Load(ctx, &hezuo.Dataset{Memberships: []hezuo.Membership{m}}, benchDay); err != nil {
				b.Fatal(err)
			}
		}
		if i%2 == 1 { // leave the data set as generated
			m := hezuo.Membership{IDNumber: idNumber, OrgNo: orgNo, Period: hezuo.Period{From: from}}
			if err := db.Load(ctx, &hezuo.Dataset{Memberships: []hezuo.Membership{m}}, benchDay); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkDashboardPlatforms is the dashboard's platform part (the overdue
// institutions and the party member development steps of the scope, and
// the training trend drawn on the page itself).
func BenchmarkDashboardPlatforms(b *testing.B) {
	benchScales(b, allScales, func(b *testing.B, db *DB, top hezuo.Scope) {
		ctx := context.Background()
		a := &hezuo.Access{User: "bench", Role: hezuo.RoleCountyAdmin, Scope: top}
		b.Run("overdue", func(b *testing.B) {
			for b.Loop() {
				if _, err := db.ScopedOverdue(ctx, a, top, benchDay); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run("development", func(b *testing.B) {
			for b.Loop() {
				if _, err := db.Development(ctx, a, top, benchDay, "", rules.DevOverdue, 1, 10); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run("training_trend", func(b *testing.B) {
			for b.Loop() {
				if _, err := db.TrainingTrend(ctx, a, top, benchDay.Year()-6, benchDay.Year(), benchDay, hezuo.Today(hezuo.China)); err != nil {
					b.Fatal(err)
				}
			}
		})
	})
}
