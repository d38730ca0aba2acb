package sqldb

import (
	"context"
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"hezuo"
)

func TestExistingAndImport(t *testing.T) {
	ctx := context.Background()
	forEachDB(t, func(t *testing.T, db *DB) {
		if err := db.Load(ctx, fixture(), fxDay); err != nil {
			t.Fatal(err)
		}
		probe := &hezuo.Dataset{
			People:      []hezuo.Person{{IDNumber: idNumber(1)}, {IDNumber: idNumber(500)}},
			Memberships: []hezuo.Membership{{IDNumber: idNumber(99), OrgNo: "C"}},
			Orgs:        []hezuo.Org{{OrgNo: "ZZ", CreditCode: creditCode(2), Village: fxVB1}},
			Dispatches:  []hezuo.Dispatch{{IDNumber: idNumber(99), OrgNo: "C"}},
			PartyOrgs:   []hezuo.PartyOrg{{No: "JB"}},
		}
		have, err := db.Existing(ctx, probe)
		if err != nil {
			t.Fatal(err)
		}
		// Person 1 and the instructor (99) exist, 500 does not; B owns credit
		// code 2; the memberships and status of both people come with their ids.
		if len(have.People) != 2 || len(have.Orgs) != 2 || len(have.Divisions) != 1 || len(have.PartyOrgs) != 1 ||
			len(have.Instructors) != 1 || len(have.Dispatches) != 1 {
			t.Fatalf("existing: %d people, %d orgs, %d divisions, %d party orgs, %d instructors, %d dispatches",
				len(have.People), len(have.Orgs), len(have.Divisions), len(have.PartyOrgs), len(have.Instructors), len(have.Dispatches))
		}
		if p := have.PartyOrgs[0]; len(p.Orgs) != 1 || p.Orgs[0] != "B" || len(p.Villages) != 1 {
			t.Errorf("party org %+v", p)
		}
		var m hezuo.Membership
		var s hezuo.PartyStatus
		for _, x := range have.Memberships {
			if x.IDNumber == idNumber(1) {
				m = x
			}
		}
		for _, x := range have.PartyStatus {
			if x.IDNumber == idNumber(1) {
				s = x
			}
		}
		if m.ID == 0 || s.ID == 0 || m.OrgNo != "A" || s.Status != hezuo.StatusFull {
			t.Fatalf("membership %+v, status %+v", m, s)
		}

		// Import updates by id: a membership's start moves, a status step ends.
		m.From = hezuo.MustDate("2015-06-01")
		s.To = hezuo.MustDate("2024-01-01")
		newPerson := hezuo.Person{IDNumber: idNumber(500), Name: "新人"}
		write := &hezuo.Dataset{People: []hezuo.Person{newPerson}, Memberships: []hezuo.Membership{m,
			{IDNumber: idNumber(500), OrgNo: "E", Period: hezuo.Period{From: hezuo.MustDate("2020-01-01")}}},
			PartyStatus: []hezuo.PartyStatus{s}}
		before := len(mustDump(t, db).Memberships)
		if err := db.Import(ctx, hezuo.System, write, fxDay, time.Now()); err != nil {
			t.Fatal(err)
		}
		after := mustDump(t, db)
		if len(after.Memberships) != before+1 {
			t.Errorf("%d memberships, want %d", len(after.Memberships), before+1)
		}
		for _, x := range after.Memberships {
			if x.IDNumber == idNumber(1) && !x.From.Equal(m.From) {
				t.Errorf("membership not moved: %+v", x)
			}
		}
		for _, x := range after.PartyStatus {
			if x.IDNumber == idNumber(1) && !x.To.Equal(s.To) {
				t.Errorf("status not ended: %+v", x)
			}
		}

		// All or nothing: a membership of an unknown person rolls back the rest.
		bad := &hezuo.Dataset{People: []hezuo.Person{{IDNumber: idNumber(501), Name: "又一人"}},
			Memberships: []hezuo.Membership{{IDNumber: idNumber(502), OrgNo: "E", Period: hezuo.Period{From: hezuo.MustDate("2020-01-01")}}}}
		if err := db.Import(ctx, hezuo.System, bad, fxDay, time.Now()); hezuo.ErrorCode(err) != hezuo.EINVALID {
			t.Fatalf("unknown person: %v", err)
		}
		if n := len(mustDump(t, db).People); n != len(after.People) {
			t.Errorf("a failed import wrote %d people", n-len(after.People))
		}
	})
}

func mustDump(t *testing.T, db *DB) *hezuo.Dataset {
	t.Helper()
	ds, err := db.Dump(context.Background(), hezuo.AllScope)
	if err != nil {
		t.Fatal(err)
	}
	return ds
}

// TestBulkImportKeepsSummaries imports a roster big enough to be written
// without the per-row summary trigger: the summaries equal the direct
// computation afterwards, the trigger is back, and a refused roster writes
// nothing and leaves the trigger in place.
func TestBulkImportKeepsSummaries(t *testing.T) {
	ctx := context.Background()
	forEachDB(t, func(t *testing.T, db *DB) {
		if err := db.Load(ctx, fixture(), fxDay); err != nil {
			t.Fatal(err)
		}
		roster := func(n int) *hezuo.Dataset {
			ds := &hezuo.Dataset{}
			for i := 0; i < n; i++ {
				id := idNumber(10000 + i)
				ds.People = append(ds.People, hezuo.Person{IDNumber: id, Name: fmt.Sprintf("成员%d", i)})
				ds.Memberships = append(ds.Memberships, hezuo.Membership{IDNumber: id, OrgNo: string(rune('A' + i%5)),
					Period: hezuo.Period{From: hezuo.MustDate("2016-01-01").AddDays(i % 900)}})
				if i%7 == 0 {
					ds.PartyStatus = append(ds.PartyStatus, hezuo.PartyStatus{IDNumber: id, Status: hezuo.StatusFull,
						Period: hezuo.Period{From: hezuo.MustDate("2018-07-01")}})
				}
			}
			return ds
		}
		triggers := func() int {
			var n int
			q := `SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name = 'sm_memberships_ins'`
			if db.Dialect == Postgres {
				q = `SELECT count(*) FROM pg_trigger WHERE tgname = 'sm_memberships'`
			}
			if err := db.QueryRowContext(ctx, q).Scan(&n); err != nil {
				t.Fatal(err)
			}
			return n
		}
		before := len(mustDump(t, db).Memberships)
		bad := roster(untriggered + 200)
		// Refused after the memberships are written (the party status
		// names an unknown party organization): all of it rolls back.
		bad.PartyStatus = append(bad.PartyStatus, hezuo.PartyStatus{IDNumber: idNumber(10001), Status: hezuo.StatusFull,
			HomePartyOrg: "NO-SUCH-PO", Period: hezuo.Period{From: hezuo.MustDate("2019-07-01")}})
		if err := db.Import(ctx, hezuo.System, bad, fxDay, time.Now()); hezuo.ErrorCode(err) != hezuo.EINVALID {
			t.Fatalf("a roster with an unknown party organization: %v", err)
		}
		if n := len(mustDump(t, db).Memberships); n != before || triggers() != 1 {
			t.Fatalf("the refused roster left %d memberships (was %d) and %d triggers", n, before, triggers())
		}
		if err := db.Import(ctx, hezuo.System, roster(untriggered+200), fxDay, time.Now()); err != nil {
			t.Fatal(err)
		}
		if n := len(mustDump(t, db).Memberships); n != before+untriggered+200 || triggers() != 1 {
			t.Fatalf("%d memberships (want %d), %d triggers", n, before+untriggered+200, triggers())
		}
		assertSummaries(t, db, rand.New(rand.NewPCG(7, 9)), 12, hezuo.AllScope, fxDay)
	})
}

// TestImportRecordsWithoutIDsThatExist: Import inserts records without an
// ID plainly, as new; when some exist after all (a caller that sets no IDs,
// or another writer since the plan) it must still upsert them by natural
// key — the same result as an import that knew, nothing duplicated.
func TestImportRecordsWithoutIDsThatExist(t *testing.T) {
	ctx := context.Background()
	forEachDB(t, func(t *testing.T, db *DB) {
		if err := db.Load(ctx, fixture(), fxDay); err != nil {
			t.Fatal(err)
		}
		before := mustDump(t, db)
		var m hezuo.Membership
		for _, x := range before.Memberships {
			if x.IDNumber == idNumber(1) {
				m = x
			}
		}
		m.ID, m.To = 0, hezuo.MustDate("2025-01-01") // an existing membership, by its natural key
		write := &hezuo.Dataset{
			People: []hezuo.Person{{IDNumber: idNumber(1), Name: "改名"}, {IDNumber: idNumber(600), Name: "新人"}},
			Memberships: []hezuo.Membership{m,
				{IDNumber: idNumber(600), OrgNo: "E", Period: hezuo.Period{From: hezuo.MustDate("2020-01-01")}}},
		}
		if err := db.Import(ctx, hezuo.System, write, fxDay, time.Now()); err != nil {
			t.Fatal(err)
		}
		after := mustDump(t, db)
		if len(after.People) != len(before.People)+1 || len(after.Memberships) != len(before.Memberships)+1 {
			t.Fatalf("%d people, %d memberships; want %d, %d", len(after.People), len(after.Memberships),
				len(before.People)+1, len(before.Memberships)+1)
		}
		for _, p := range after.People {
			if p.IDNumber == idNumber(1) && p.Name != "改名" {
				t.Errorf("person not updated: %+v", p)
			}
		}
		found := 0
		for _, x := range after.Memberships {
			if x.IDNumber == idNumber(600) || (x.IDNumber == idNumber(1) && x.OrgNo == m.OrgNo && x.From.Equal(m.From) && x.To.Equal(m.To)) {
				found++
			}
		}
		if found != 2 {
			t.Errorf("%d of the 2 memberships written as given", found)
		}
		assertSummaries(t, db, rand.New(rand.NewPCG(3, 4)), 6, hezuo.AllScope, fxDay)
	})
}
