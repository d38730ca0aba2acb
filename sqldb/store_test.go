package sqldb

import (
	"context"
	"encoding/json"
	"errors"
	"testing"

	"hezuo"
)

func load(t *testing.T, db *DB, ds *hezuo.Dataset) {
	t.Helper()
	if err := db.Load(context.Background(), ds, fxDay); err != nil {
		t.Fatalf("load: %v", err)
	}
}

func TestMigrateIdempotent(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *DB) {
		ctx := context.Background()
		v1, err := db.SchemaVersion(ctx)
		if err != nil || v1 < 1 {
			t.Fatalf("version %d, %v", v1, err)
		}
		if err := db.Migrate(ctx); err != nil {
			t.Fatal(err)
		}
		v2, _ := db.SchemaVersion(ctx)
		if v1 != v2 {
			t.Fatalf("version changed %d → %d", v1, v2)
		}
		vals, err := db.SettingValues(ctx)
		if err != nil || vals["own_org_min_full"] != "3" {
			t.Fatalf("settings not seeded: %v %v", vals, err)
		}
	})
}

func TestCheckFixture(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *DB) {
		load(t, db, fixture())
		rows, err := db.Check(context.Background(), hezuo.Scope{Prefix: fxCounty}, fxDay)
		if err != nil {
			t.Fatal(err)
		}
		want := map[string]struct {
			required, actual, status, level, code string
			full                                  int
		}{
			"A": {"own_org", "branch", "ok", "village", fxVA1, 3},
			"B": {"group_or_joint", "joint_branch", "ok", "township", fxTownA, 2},
			"C": {"instructor", "instructor", "ok", "department", "NJZ", 0},
			"D": {"own_org", "party_group", "should_build", "village", fxVA2, 3},
			"E": {"instructor", "none", "uncovered", "village", fxVB1, 0},
		}
		if len(rows) != len(want) {
			t.Fatalf("got %d rows, want %d", len(rows), len(want))
		}
		for _, r := range rows {
			w := want[r.OrgNo]
			if r.Required != w.required || r.Actual != w.actual || r.Status != w.status ||
				r.ManagedBy.Level != w.level || r.ManagedBy.Code != w.code || r.FullPartyMembers != w.full {
				t.Errorf("%s: got %s/%s/%s %s %s full=%d, want %+v", r.OrgNo, r.Required, r.Actual, r.Status,
					r.ManagedBy.Level, r.ManagedBy.Code, r.FullPartyMembers, w)
			}
			if len(r.Reasons) == 0 {
				t.Errorf("%s: no reasons", r.OrgNo)
			}
		}
		if rows[0].ManagedBy.Name != "东村" || rows[2].ManagedBy.Name != "县农机总站" {
			t.Errorf("manager names: %q %q", rows[0].ManagedBy.Name, rows[2].ManagedBy.Name)
		}
		// Scope: township B holds only E.
		rows, err = db.Check(context.Background(), hezuo.Scope{Prefix: fxTownB}, fxDay)
		if err != nil || len(rows) != 1 || rows[0].OrgNo != "E" {
			t.Fatalf("township scope: %v %v", rows, err)
		}
	})
}

func TestStatsAsOf(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *DB) {
		load(t, db, fixture())
		ctx := context.Background()
		today, err := db.Stats(ctx, hezuo.AllScope, fxDay)
		if err != nil {
			t.Fatal(err)
		}
		// Periods are half-open: a membership with To = yesterday last
		// counted the day before yesterday.
		before, err := db.Stats(ctx, hezuo.AllScope, fxDay.AddDays(-2))
		if err != nil {
			t.Fatal(err)
		}
		if today.Cooperatives.Members != 10 || before.Cooperatives.Members != 11 {
			t.Errorf("cooperative members today %d (want 10), two days ago %d (want 11)", today.Cooperatives.Members, before.Cooperatives.Members)
		}
		s := today
		checks := []struct {
			name      string
			got, want int
		}{
			{"orgs.total", s.Orgs.Total, 5}, {"orgs.cooperatives", s.Orgs.Cooperatives, 3}, {"orgs.associations", s.Orgs.Associations, 2},
			{"associations.members", s.Associations.Members, 4}, {"cooperatives.party_members", s.Cooperatives.PartyMembers, 8},
			{"cooperatives.households_driven", s.Cooperatives.HouseholdsDriven, 70},
			{"party_orgs.branches", s.PartyOrgs.Branches, 1}, {"party_orgs.joint_branches", s.PartyOrgs.JointBranches, 1},
			{"party_orgs.party_groups", s.PartyOrgs.PartyGroups, 1},
			{"instructors.dispatched", s.Instructors.Dispatched, 1}, {"instructors.orgs_covered", s.Instructors.OrgsCovered, 1},
			{"instructors.activists", s.Instructors.Activists, 1},
			{"talent.party_members", s.Talent.PartyMembers, 8}, {"talent.technical_talents", s.Talent.TechnicalTalents, 1},
			{"coverage.uncovered", s.Coverage.Uncovered, 1}, {"coverage.should_build_not_built", s.Coverage.ShouldBuildNotBuilt, 1},
		}
		for _, c := range checks {
			if c.got != c.want {
				t.Errorf("%s = %d, want %d", c.name, c.got, c.want)
			}
		}
		if got, want := s.Talent.ShareOfCooperativeMembers, 9.0/10; got != want {
			t.Errorf("share of cooperative members %v, want %v", got, want)
		}
		// Before anything was founded there is nothing.
		early, err := db.Stats(ctx, hezuo.AllScope, hezuo.MustDate("2010-01-01"))
		if err != nil || early.Orgs.Total != 0 || early.AllMembers != 0 {
			t.Errorf("2010: %+v %v", early.Orgs, err)
		}
	})
}

func TestReloadUpdatesByKey(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *DB) {
		ctx := context.Background()
		load(t, db, fixture())
		ds := fixture()
		ds.Orgs[0].Name = "东村农机专业合作社（更名）"
		load(t, db, ds)
		s, err := db.Stats(ctx, hezuo.AllScope, fxDay)
		if err != nil {
			t.Fatal(err)
		}
		if s.Orgs.Total != 5 || s.AllMembers != 14 {
			t.Fatalf("reload duplicated records: %d orgs, %d members", s.Orgs.Total, s.AllMembers)
		}
		rows, _ := db.Check(ctx, hezuo.AllScope, fxDay)
		if rows[0].Name != "东村农机专业合作社（更名）" {
			t.Fatalf("name not updated: %s", rows[0].Name)
		}
	})
}

func TestLoadRejectsBadInput(t *testing.T) {
	cases := []struct {
		name   string
		mutate func(ds *hezuo.Dataset)
		field  string
	}{
		{"credit code check char", func(ds *hezuo.Dataset) {
			c := []byte(ds.Orgs[0].CreditCode)
			c[17] = map[bool]byte{true: '1', false: '0'}[c[17] == '0']
			ds.Orgs[0].CreditCode = string(c)
		}, "credit_code"},
		{"registered without credit code", func(ds *hezuo.Dataset) { ds.Orgs[0].CreditCode = "" }, "credit_code"},
		{"unknown village", func(ds *hezuo.Dataset) { ds.Orgs[1].Villages = []string{"220999100299"} }, "villages"},
		{"no village", func(ds *hezuo.Dataset) { ds.Orgs[1].Village = "" }, "village"},
		{"negative households", func(ds *hezuo.Dataset) { ds.Orgs[2].HouseholdsDriven = -1 }, "households_driven"},
		{"ID check char", func(ds *hezuo.Dataset) {
			id := []byte(ds.People[3].IDNumber)
			id[17] = map[bool]byte{true: '1', false: '2'}[id[17] == '2']
			ds.People[3].IDNumber = string(id)
		}, "id_number"},
		{"impossible date", func(ds *hezuo.Dataset) {
			ds.People[2].IDNumber = hezuo.MakeIDNumber(fxCounty, hezuo.Date{}, 1)[:6] + "19990230" + "0011"
		}, "id_number"},
		{"membership of unknown org", func(ds *hezuo.Dataset) { ds.Memberships[5].OrgNo = "ZZZ" }, "org_id"},
		{"membership ends before it starts", func(ds *hezuo.Dataset) {
			ds.Memberships[0].To = ds.Memberships[0].From.AddDays(-3)
		}, "to"},
		{"party org covering no org", func(ds *hezuo.Dataset) { ds.PartyOrgs[3].Orgs = nil }, "orgs"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			forEachDB(t, func(t *testing.T, db *DB) {
				ds := fixture()
				c.mutate(ds)
				err := db.Load(context.Background(), ds, fxDay)
				var e *hezuo.Error
				if !errors.As(err, &e) || e.Code != hezuo.EINVALID || e.Field != c.field {
					t.Fatalf("got %v (%#v), want EINVALID on %s", err, e, c.field)
				}
				if e.Record == "" || e.ZH == "" || e.EN == "" {
					t.Errorf("error lacks record or messages: %#v", e)
				}
				if empty, _ := db.Empty(context.Background()); !empty {
					t.Fatal("a rejected load wrote records")
				}
			})
		})
	}
}

func TestDumpRoundTrip(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *DB) {
		ctx := context.Background()
		load(t, db, fixture())
		ds, err := db.Dump(ctx, hezuo.AllScope)
		if err != nil {
			t.Fatal(err)
		}
		if len(ds.Orgs) != 5 || len(ds.Memberships) != 15 || len(ds.PartyOrgs) != 6 || len(ds.Dispatches) != 1 || len(ds.Departments) != 1 {
			t.Fatalf("dump sizes: %d orgs %d memberships %d party orgs %d dispatches %d departments",
				len(ds.Orgs), len(ds.Memberships), len(ds.PartyOrgs), len(ds.Dispatches), len(ds.Departments))
		}
		// Loading the dump into a fresh database gives the same dump and figures.
		other, err := Open(ctx, t.TempDir()+"/copy.db")
		if err != nil {
			t.Fatal(err)
		}
		defer other.Close()
		load(t, other, ds)
		again, err := other.Dump(ctx, hezuo.AllScope)
		if err != nil {
			t.Fatal(err)
		}
		a, _ := json.Marshal(ds)
		b, _ := json.Marshal(again)
		if string(a) != string(b) {
			t.Fatalf("dump of the copy differs:\n%s\n%s", a, b)
		}
		s1, _ := db.Stats(ctx, hezuo.AllScope, fxDay)
		s2, _ := other.Stats(ctx, hezuo.AllScope, fxDay)
		if !statsEqual(s1, s2) {
			t.Fatalf("figures differ after round trip")
		}
		// A township's dump holds only its orgs.
		town, err := db.Dump(ctx, hezuo.Scope{Prefix: fxTownB})
		if err != nil || len(town.Orgs) != 1 || town.Orgs[0].OrgNo != "E" || len(town.Memberships) != 2 {
			t.Fatalf("township dump: %+v %v", town.Orgs, err)
		}
	})
}

func statsEqual(a, b *hezuo.Stats) bool {
	x, _ := json.Marshal(a)
	y, _ := json.Marshal(b)
	return string(x) == string(y)
}
