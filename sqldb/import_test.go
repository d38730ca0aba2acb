package sqldb

import (
	"context"
	"testing"

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
		if err := db.Import(ctx, write, fxDay); err != nil {
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
		if err := db.Import(ctx, bad, fxDay); hezuo.ErrorCode(err) != hezuo.EINVALID {
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
