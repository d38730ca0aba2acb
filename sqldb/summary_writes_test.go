package sqldb

import (
	"context"
	"math/rand/v2"
	"testing"
	"time"

	"hezuo"
)

// assertFresh checks that a write left the summaries up to date when it
// committed: no dirty marks left for a reader to refresh, a new summary
// version (so no cached figure survives), and Stats and Check from the
// summaries equal to the direct computation on day and a few random pairs.
func assertFresh(t *testing.T, db *DB, was string, r *rand.Rand, day hezuo.Date) string {
	t.Helper()
	ctx := context.Background()
	var dirty int
	if err := db.QueryRowContext(ctx, `SELECT count(*) FROM summary_dirty`).Scan(&dirty); err != nil {
		t.Fatal(err)
	}
	if dirty != 0 {
		t.Fatalf("the write left %d dirty marks for the next reader", dirty)
	}
	version, err := db.Meta(ctx, "summary_version")
	if err != nil {
		t.Fatal(err)
	}
	if version == was {
		t.Fatalf("summary version unchanged (%q) by the write", version)
	}
	assertSummaries(t, db, r, 3, hezuo.AllScope, day, hezuo.Scope{Prefix: fxTownA}, day, hezuo.Scope{Prefix: fxTownB}, day)
	return version
}

// TestSummaryWritePaths: every store write outside Load and Import (the web
// forms' org, person, membership, party organization and dispatch saves and
// ends, and plan acceptance) refreshes the summaries in its own
// transaction, so that the next figures need no refresh and equal the
// direct computation.
func TestSummaryWritePaths(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *DB) {
		ctx := context.Background()
		load(t, db, planFixture())
		r := rand.New(rand.NewPCG(11, 12))
		a := &hezuo.Access{User: "admin", Role: hezuo.RoleCountyAdmin, Scope: hezuo.Scope{Prefix: fxCounty}}
		now := time.Date(2024, 6, 30, 9, 0, 0, 0, hezuo.China)
		day := fxDay
		version, err := db.Meta(ctx, "summary_version")
		if err != nil {
			t.Fatal(err)
		}
		step := func(name string, write func() error) {
			t.Helper()
			if err := write(); err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			version = assertFresh(t, db, version, r, day)
		}
		d := hezuo.MustDate
		person := func(idNumber string) *hezuo.PersonDetail {
			p, err := db.GetPerson(ctx, a, idNumber, now)
			if err != nil {
				t.Fatal(err)
			}
			return p
		}

		step("new org", func() error {
			_, err := db.SaveOrg(ctx, a, &hezuo.Org{OrgNo: "N1", Name: "东村食用菌专业合作社", Kind: hezuo.KindCooperative,
				Village: fxVA1, Industry: "食用菌", HouseholdsDriven: 12, Founded: d("2020-01-01")}, 0, now)
			return err
		})
		step("org dissolved", func() error {
			it, err := db.orgItem(ctx, db, a, "E", day)
			if err != nil {
				return err
			}
			_, err = db.EndOrg(ctx, a, "E", d("2024-03-01"), it.Version, now)
			return err
		})
		p3 := person(idNumber(3))
		step("person becomes a technical talent", func() error {
			rec, err := db.PersonForEdit(ctx, a, p3.ID, now)
			if err != nil {
				return err
			}
			rec.TalentSince = d("2021-09-01")
			_, _, err = db.SavePerson(ctx, a, &rec.Person, rec.Version, now)
			return err
		})
		step("membership added", func() error {
			_, err := db.SaveMembership(ctx, a, &hezuo.MembershipRecord{PersonID: p3.ID,
				Membership: hezuo.Membership{OrgNo: "N1", Period: hezuo.Period{From: d("2022-01-01")}}}, 0, now)
			return err
		})
		step("membership ended", func() error {
			ms, err := db.Memberships(ctx, a, p3.ID, hezuo.Today(hezuo.China))
			if err != nil {
				return err
			}
			for _, m := range ms {
				if m.OrgNo == "N1" {
					_, err := db.EndMembership(ctx, a, m.ID, d("2023-05-01"), m.Version, now)
					return err
				}
			}
			t.Fatal("the new membership is not listed")
			return nil
		})
		step("person leaves every org", func() error {
			_, err := db.EndPerson(ctx, a, person(idNumber(12)).ID, d("2023-01-01"), now)
			return err
		})
		step("party organization founded", func() error {
			_, err := db.SavePartyOrg(ctx, a, &hezuo.PartyOrg{No: "BD", Name: "西村黑木耳专业合作社党支部", Form: hezuo.FormBranch,
				Seat: fxVA2, Orgs: []string{"D"}, Parent: "V1", TermYears: 3, Period: hezuo.Period{From: d("2023-06-01")}}, 0, hezuo.Date{}, now)
			return err
		})
		step("party organization ended", func() error {
			rec, err := db.PartyOrgForEdit(ctx, a, "GD", hezuo.Today(hezuo.China))
			if err != nil {
				return err
			}
			_, err = db.EndPartyOrg(ctx, a, "GD", d("2023-06-01"), rec.Version, now)
			return err
		})
		var instructor int64
		if err := db.QueryRowContext(ctx, db.rebind(`SELECT id FROM instructors WHERE township = ?`), fxTownB).Scan(&instructor); err != nil {
			t.Fatal(err)
		}
		step("dispatch started", func() error {
			return db.StartDispatch(ctx, a, instructor, "C", hezuo.Period{From: d("2023-01-01")}, now)
		})
		step("dispatch ended", func() error {
			return db.EndDispatch(ctx, a, instructor, "C", d("2023-01-01"), d("2024-01-01"), now)
		})
		scope := hezuo.Scope{Prefix: fxCounty}
		step("joint branch accepted", func() error {
			in, err := db.PlanInput(ctx, scope, day)
			if err != nil {
				return err
			}
			jp, err := db.PlanJoint(ctx, scope, day)
			if err != nil {
				return err
			}
			if len(jp.Branches) == 0 {
				t.Fatal("no joint branch proposed")
			}
			_, err = db.AcceptJoint(ctx, in, [][]string{jp.Branches[0].Orgs}, day)
			return err
		})
		// The new org N1 has no party member now: it needs an instructor,
		// and township A's instructor serves one org.
		step("dispatch accepted", func() error {
			in, err := db.PlanInput(ctx, scope, day)
			if err != nil {
				return err
			}
			ip, err := db.PlanInstructors(ctx, scope, day)
			if err != nil {
				return err
			}
			if len(ip.Dispatches) == 0 {
				t.Fatalf("no dispatch proposed: %+v", ip)
			}
			_, err = db.AcceptDispatches(ctx, in, []hezuo.Dispatch{{IDNumber: ip.Dispatches[0].IDNumber, OrgNo: ip.Dispatches[0].OrgNo}}, day)
			return err
		})
	})
}
