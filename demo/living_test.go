package demo

import (
	"context"
	"encoding/json"
	"reflect"
	"testing"

	"hezuo"
	"hezuo/sqldb"
	"hezuo/sqldb/dbtest"
)

// livingDay is the fixed "today" of the tests of the living county.
var livingDay = hezuo.MustDate("2026-12-07")

func TestLivingDeterministic(t *testing.T) {
	a, b := County(livingDay), County(livingDay)
	if !reflect.DeepEqual(a, b) {
		t.Fatal("two calls for the same day gave different datasets")
	}
	if len(a.Meetings) <= len(county.Meetings) || len(a.Trainings) <= len(county.Trainings) || len(a.Loans) <= len(county.Loans) {
		t.Fatalf("the county of %s has no more records than the seed's", livingDay)
	}
	if !reflect.DeepEqual(County(seedDay.AddDays(-30)), county) {
		t.Fatal("a day before the seed day should give the seed county")
	}
}

// TestLivingSeedFigures checks the living county's figures on the seed day
// by the package's own count: the seed's.
func TestLivingSeedFigures(t *testing.T) {
	live := County(livingDay)
	if got, want := compute(live, seedDay), compute(county, seedDay); got != want {
		t.Errorf("figures on the seed day:\n got %+v\nwant %+v", got, want)
	}
	if got, want := computePlatforms(live, seedDay), computePlatforms(county, seedDay); got != want {
		t.Errorf("platform figures on the seed day:\n got %+v\nwant %+v", got, want)
	}
	var last hezuo.Date
	for _, m := range live.Meetings {
		last = later(last, m.HeldOn)
	}
	if last.After(livingDay) || last.Before(livingDay.AddDays(-31)) {
		t.Errorf("last meeting on %s, want in the month before %s", last, livingDay)
	}
}

// TestLivingCounty loads the seed county and the county living to
// livingDay into two databases: on the seed day their stats, check,
// overdue list, organizational life, loans and development agree; on
// livingDay the living one has a realistic handful overdue and the last
// year's meetings, visits, trainings and loans.
func TestLivingCounty(t *testing.T) {
	ctx := context.Background()
	load := func(ds *hezuo.Dataset) *sqldb.DB {
		db, err := sqldb.Open(ctx, dbtest.SQLite(t))
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { db.Close() })
		if err := db.Load(ctx, ds, livingDay); err != nil {
			t.Fatal(err)
		}
		return db
	}
	live := County(livingDay)
	seedDB, liveDB := load(county), load(live)
	all := hezuo.AllScope
	same := func(what string, f func(db *sqldb.DB) (any, error)) {
		t.Helper()
		a, err := f(seedDB)
		if err != nil {
			t.Fatal(err)
		}
		b, err := f(liveDB)
		if err != nil {
			t.Fatal(err)
		}
		ja, _ := json.Marshal(a)
		jb, _ := json.Marshal(b)
		if string(ja) != string(jb) {
			t.Errorf("%s on the seed day differs between the seed county and the living one", what)
		}
	}
	same("stats", func(db *sqldb.DB) (any, error) { return db.Stats(ctx, all, seedDay) })
	same("check", func(db *sqldb.DB) (any, error) { return db.Check(ctx, all, seedDay) })
	same("overdue", func(db *sqldb.DB) (any, error) { return db.Overdue(ctx, all, seedDay) })
	same("life summary", func(db *sqldb.DB) (any, error) { return db.LifeSummary(ctx, all, seedDay) })
	same("loans", func(db *sqldb.DB) (any, error) { return db.Loans(ctx, all, seedDay) })
	same("development", func(db *sqldb.DB) (any, error) {
		return db.Development(ctx, hezuo.System, all, seedDay, "", "", 1, 1000)
	})

	overdue, err := liveDB.Overdue(ctx, all, livingDay)
	if err != nil {
		t.Fatal(err)
	}
	if n := len(overdue); n < 5 || n > 30 {
		t.Errorf("%d institutions overdue on %s, want a realistic handful (5–30)", n, livingDay)
	}
	dev, err := liveDB.Development(ctx, hezuo.System, all, livingDay, "", "", 1, 10)
	if err != nil {
		t.Fatal(err)
	}
	if dev.Overdue > 10 {
		t.Errorf("%d development steps overdue on %s, want few", dev.Overdue, livingDay)
	}
	rows, err := liveDB.Check(ctx, all, livingDay)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rows {
		if r.Uncovered || r.ShouldBuildNotBuilt {
			t.Errorf("%s on %s: uncovered or should build, not built", r.OrgNo, livingDay)
		}
	}

	yearAgo := livingDay.AddPeriod(-1, 0)
	life, err := liveDB.LifeSummary(ctx, all, livingDay)
	if err != nil {
		t.Fatal(err)
	}
	if life.Meetings < 2000 || life.Attendances == 0 || life.People == 0 {
		t.Errorf("the last year's organizational life: %+v, want a year of meetings with attendance", life)
	}
	now, err := liveDB.Stats(ctx, all, livingDay)
	if err != nil {
		t.Fatal(err)
	}
	before, err := liveDB.Stats(ctx, all, yearAgo)
	if err != nil {
		t.Fatal(err)
	}
	if now.Training.Sessions-before.Training.Sessions < 8 || now.Training.Attendances <= before.Training.Attendances {
		t.Errorf("trainings in the last year: %d sessions, %d attendances", now.Training.Sessions-before.Training.Sessions,
			now.Training.Attendances-before.Training.Attendances)
	}
	if now.Loans.Count-before.Loans.Count < 10 {
		t.Errorf("loans disbursed in the last year: %d", now.Loans.Count-before.Loans.Count)
	}
	if now.Loans.Overdue == 0 || now.Loans.Overdue > 5 {
		t.Errorf("%d loans overdue on %s, want a few", now.Loans.Overdue, livingDay)
	}
	visits := 0
	for _, v := range live.ContactVisits {
		if v.VisitedOn.After(yearAgo) && !v.VisitedOn.After(livingDay) {
			visits++
		}
	}
	t.Logf("%s: %d overdue, %d development steps overdue; last year: %d meetings (%d attendances), %d visits, %d trainings, %d loans; %d loans overdue",
		livingDay, len(overdue), dev.Overdue, life.Meetings, life.Attendances, visits, now.Training.Sessions-before.Training.Sessions,
		now.Loans.Count-before.Loans.Count, now.Loans.Overdue)
	if visits < 1000 {
		t.Errorf("%d visits to linked households in the last year", visits)
	}
}
