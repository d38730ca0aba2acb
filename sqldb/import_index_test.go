package sqldb

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"hezuo"
	"hezuo/sqldb/dbtest"
)

// TestBulkImportRebuildsIndexes imports rosters big enough for their tables
// (importer.unindexed) into SQLite: the secondary indexes of people,
// memberships and party status are dropped and created again inside the
// import's transaction. Afterwards the schema is as before and sound
// (integrity_check compares every index with its table), whether the
// import committed, was refused after its inserts (everything rolled back,
// indexes included), or met a stored person (the unique key, never dropped,
// still refuses the plain insert and the retry with upserts succeeds); and
// a small import leaves the schema alone.
func TestBulkImportRebuildsIndexes(t *testing.T) {
	ctx := context.Background()
	db, err := Open(ctx, dbtest.SQLite(t))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if err := db.Load(ctx, fixture(), fxDay); err != nil {
		t.Fatal(err)
	}
	schema := func() string {
		var b strings.Builder
		if err := db.eachRow(ctx, `SELECT type, name, tbl_name, coalesce(sql, '') FROM sqlite_master ORDER BY type, name`, nil,
			func(r rowScanner) error {
				var typ, name, tbl, create string
				err := r.Scan(&typ, &name, &tbl, &create)
				fmt.Fprintf(&b, "%s %s %s %s\n", typ, name, tbl, create)
				return err
			}); err != nil {
			t.Fatal(err)
		}
		return b.String()
	}
	version := func() int {
		var v int
		if err := db.QueryRowContext(ctx, `PRAGMA schema_version`).Scan(&v); err != nil {
			t.Fatal(err)
		}
		return v
	}
	// An index created again gets a new root page.
	roots := func() string {
		var b strings.Builder
		if err := db.eachRow(ctx, `SELECT name, rootpage FROM sqlite_master WHERE name IN
			('people_name', 'people_village', 'memberships_org', 'party_status_person', 'sqlite_autoindex_people_1') ORDER BY name`, nil,
			func(r rowScanner) error {
				var name string
				var root int
				err := r.Scan(&name, &root)
				fmt.Fprintf(&b, "%s@%d ", name, root)
				return err
			}); err != nil {
			t.Fatal(err)
		}
		return b.String()
	}
	sound := func() {
		t.Helper()
		var res string
		if err := db.QueryRowContext(ctx, `PRAGMA integrity_check`).Scan(&res); err != nil || res != "ok" {
			t.Fatalf("integrity_check: %q %v", res, err)
		}
	}
	count := func(table string) int {
		var n int
		if err := db.QueryRowContext(ctx, `SELECT count(*) FROM `+table).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	roster := func(first, n int) *hezuo.Dataset {
		ds := &hezuo.Dataset{}
		for i := 0; i < n; i++ {
			id := idNumber(first + i)
			ds.People = append(ds.People, hezuo.Person{IDNumber: id, Name: fmt.Sprintf("成员%d", i%97), Village: fxVA1})
			ds.Memberships = append(ds.Memberships, hezuo.Membership{IDNumber: id, OrgNo: string(rune('A' + i%5)),
				Period: hezuo.Period{From: hezuo.MustDate("2016-01-01").AddDays(i % 900)}})
			if i%2 == 0 {
				ds.PartyStatus = append(ds.PartyStatus, hezuo.PartyStatus{IDNumber: id, Status: hezuo.StatusFull,
					Period: hezuo.Period{From: hezuo.MustDate("2018-07-01")}})
			}
		}
		return ds
	}
	n := 2*unindexedRows + 100
	if count("people")*4 > n || count("memberships")*4 > n {
		t.Fatalf("the fixture is too big for the test: %d people", count("people"))
	}
	before, people, members, status := schema(), count("people"), count("memberships"), count("party_status")
	rootsBefore := roots()
	for _, name := range []string{"people_name", "people_village", "memberships_org", "party_status_person"} {
		if !strings.Contains(before, " "+name+" ") {
			t.Fatalf("no index %s to test with:\n%s", name, before)
		}
	}

	// Refused after every insert (an unknown party organization in the
	// last party status step): nothing written, the indexes back.
	bad := roster(1000, n)
	bad.PartyStatus = append(bad.PartyStatus, hezuo.PartyStatus{IDNumber: idNumber(1001), Status: hezuo.StatusProbationary,
		HomePartyOrg: "NO-SUCH-PO", Period: hezuo.Period{From: hezuo.MustDate("2017-07-01")}})
	if err := db.Import(ctx, hezuo.System, bad, fxDay, time.Now()); hezuo.ErrorCode(err) != hezuo.EINVALID {
		t.Fatalf("a roster with an unknown party organization: %v", err)
	}
	if got := schema(); got != before || count("people") != people || count("memberships") != members {
		t.Fatalf("the refused roster changed the database: %d people, %d memberships, schema:\n%s",
			count("people"), count("memberships"), got)
	}
	if got := roots(); got != rootsBefore {
		t.Fatalf("root pages after the refused roster: %s, was %s", got, rootsBefore)
	}
	sound()

	// A roster holding a stored person without its ID: the plain insert
	// breaks people's unique key (kept while the other indexes are gone),
	// the import is made again with upserts.
	ds := roster(1000, n)
	ds.People = append(ds.People, hezuo.Person{IDNumber: idNumber(1), Name: "改名"})
	if err := db.Import(ctx, hezuo.System, ds, fxDay, time.Now()); err != nil {
		t.Fatal(err)
	}
	if got := schema(); got != before {
		t.Fatalf("schema after the import:\n%s\nwant:\n%s", got, before)
	}
	sound()
	after := strings.Fields(roots())
	for i, was := range strings.Fields(rootsBefore) {
		// Every secondary index built anew; people's unique key kept.
		if rebuilt := after[i] != was; rebuilt == strings.HasPrefix(was, "sqlite_autoindex") {
			t.Errorf("root page %s, was %s", after[i], was)
		}
	}
	if count("people") != people+n || count("memberships") != members+n || count("party_status") != status+(n+1)/2 {
		t.Fatalf("%d people, %d memberships, %d party status steps; want %d, %d, %d", count("people"), count("memberships"),
			count("party_status"), people+n, members+n, status+(n+1)/2)
	}
	var name string
	if err := db.QueryRowContext(ctx, `SELECT name FROM people WHERE id_hash = ?`, db.idHash(idNumber(1))).Scan(&name); err != nil || name != "改名" {
		t.Fatalf("the stored person: %q %v", name, err)
	}
	// The rebuilt indexes answer as the tables do.
	var byIndex int
	if err := db.QueryRowContext(ctx, `SELECT count(*) FROM people INDEXED BY people_village WHERE village = ?`, fxVA1).Scan(&byIndex); err != nil {
		t.Fatal(err)
	}
	var byScan int
	if err := db.QueryRowContext(ctx, `SELECT count(*) FROM people NOT INDEXED WHERE village = ?`, fxVA1).Scan(&byScan); err != nil {
		t.Fatal(err)
	}
	if byIndex != byScan || byIndex < n {
		t.Fatalf("people_village finds %d, the table %d", byIndex, byScan)
	}
	assertSummaries(t, db, rand.New(rand.NewPCG(5, 6)), 8, hezuo.AllScope, fxDay)

	// Now small for the tables: the indexes stay (no schema change at all).
	v := version()
	if err := db.Import(ctx, hezuo.System, roster(5000, 20), fxDay, time.Now()); err != nil {
		t.Fatal(err)
	}
	if version() != v {
		t.Error("a small import changed the schema")
	}
	sound()
}
