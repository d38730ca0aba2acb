package sqldb

import (
	"context"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"

	"hezuo"
	"hezuo/sqldb/summaries"
)

// richFixture adds to fixture what its orgs lack, so that every figure
// moves over time: a joint branch linking orgs of two townships whose
// attribution moves when its first org dissolves, with a committee for a
// while and a secretary who becomes a 致富能手; an instructor who develops a
// member; a talent who joins the party; overlapping memberships.
func richFixture() *hezuo.Dataset {
	ds := fixture()
	d := hezuo.MustDate
	f := hezuo.Org{OrgNo: "F", Name: "南村养蜂专业合作社", Kind: hezuo.KindCooperative, Village: fxVB1, Industry: "养蜂",
		HouseholdsDriven: 7, Founded: d("2018-01-01"), Dissolved: d("2022-01-01"), RegisteredOn: d("2018-01-10"), CreditCode: creditCode(6)}
	ds.Orgs = append([]hezuo.Org{f}, ds.Orgs...) // the smallest id
	n := 100
	person := func(talent, leader string) string {
		n++
		p := hezuo.Person{IDNumber: idNumber(n), Name: "人员" + idNumber(n)[14:], Village: fxVB1}
		if talent != "" {
			p.TalentSince = d(talent)
		}
		if leader != "" {
			p.LeaderSince = d(leader)
		}
		ds.People = append(ds.People, p)
		return p.IDNumber
	}
	member := func(id, org, from, to string) {
		m := hezuo.Membership{IDNumber: id, OrgNo: org, Period: hezuo.Period{From: d(from)}}
		if to != "" {
			m.To = d(to)
		}
		ds.Memberships = append(ds.Memberships, m)
	}
	status := func(id, s, from, to string) {
		p := hezuo.PartyStatus{IDNumber: id, Status: s, Period: hezuo.Period{From: d(from)}}
		if to != "" {
			p.To = d(to)
		}
		ds.PartyStatus = append(ds.PartyStatus, p)
	}
	for i := 0; i < 2; i++ {
		id := person("", "")
		member(id, "F", "2018-02-01", "")
		status(id, hezuo.StatusFull, "2012-01-01", "")
	}
	member(person("2019-01-01", ""), "F", "2018-03-01", "")
	sec, deputy, committee := person("", "2021-03-01"), person("", ""), person("", "")
	ds.PartyOrgs = append(ds.PartyOrgs, hezuo.PartyOrg{No: "JX", Name: "南村联合党支部", Form: hezuo.FormJointBranch, Seat: fxVB1,
		Orgs: []string{"F", "C", "E"}, TermYears: 3, ElectedOn: d("2018-06-01"), Period: hezuo.Period{From: d("2018-06-01"), To: d("2023-03-01")}})
	ds.Officers = append(ds.Officers,
		hezuo.Officer{PartyOrg: "JX", IDNumber: sec, Role: hezuo.RoleSecretary, Period: hezuo.Period{From: d("2018-06-01")}},
		hezuo.Officer{PartyOrg: "JX", IDNumber: deputy, Role: hezuo.RoleDeputy, Period: hezuo.Period{From: d("2018-06-01")}},
		hezuo.Officer{PartyOrg: "JX", IDNumber: committee, Role: hezuo.RoleCommittee, Period: hezuo.Period{From: d("2019-01-01"), To: d("2021-01-01")}})
	// Developed by the instructor dispatched to E.
	dev := person("", "")
	member(dev, "E", "2018-01-01", "")
	status(dev, hezuo.StatusActivist, "2018-06-01", "2020-05-01")
	status(dev, hezuo.StatusProbationary, "2020-05-01", "2021-05-01")
	status(dev, hezuo.StatusFull, "2021-05-01", "")
	ds.Dispatches = append(ds.Dispatches, hezuo.Dispatch{IDNumber: idNumber(99), OrgNo: "E", Period: hezuo.Period{From: d("2019-01-01"), To: d("2022-06-01")}})
	// A talent who becomes a party member; overlapping memberships of a full
	// member, who is also a member of B.
	talent := person("2017-01-01", "")
	member(talent, "D", "2016-01-01", "")
	status(talent, hezuo.StatusProbationary, "2019-03-01", "")
	twice := person("2015-01-01", "")
	member(twice, "A", "2016-01-01", "2020-01-01")
	member(twice, "A", "2019-06-01", "")
	member(twice, "B", "2017-01-01", "")
	status(twice, hezuo.StatusFull, "2010-01-01", "")
	return ds
}

// TestSummaryEdits checks the summaries against the direct computation on
// the rich fixture, then after each kind of write: Load changes (a
// membership ending, an org created, a party organization founded), writes
// outside Load (caught by the triggers, refreshed before reading) and a
// change of the rule settings (a rebuild).
func TestSummaryEdits(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *DB) {
		ctx := context.Background()
		r := rand.New(rand.NewPCG(8, 9))
		d := hezuo.MustDate
		ds := richFixture()
		if err := db.Load(ctx, ds, fxDay); err != nil {
			t.Fatal(err)
		}
		assertSummaries(t, db, r, 30, hezuo.AllScope, d("2021-06-01"), hezuo.Scope{Prefix: fxTownB}, d("2020-06-01"),
			hezuo.Scope{Prefix: fxTownA}, d("2022-06-01"), hezuo.AllScope, d("2019-09-01"))
		loads := []struct {
			name string
			ds   *hezuo.Dataset
		}{
			{"membership ends", &hezuo.Dataset{Memberships: []hezuo.Membership{{IDNumber: ds.Memberships[len(ds.Memberships)-2].IDNumber,
				OrgNo: "A", Period: hezuo.Period{From: d("2019-06-01"), To: d("2024-01-01")}}}}},
			// F's full member leaves: the joint branch JX shrinks, which
			// changes the facts of C and E too.
			{"member of a joint branch's org leaves", &hezuo.Dataset{Memberships: []hezuo.Membership{{IDNumber: idNumber(101),
				OrgNo: "F", Period: hezuo.Period{From: d("2018-02-01"), To: d("2020-03-01")}}}}},
			{"org created", &hezuo.Dataset{
				Orgs:        []hezuo.Org{{OrgNo: "H", Name: "西村花卉协会", Kind: hezuo.KindAssociation, Village: fxVA2, Industry: "花卉", Founded: d("2023-01-01")}},
				Memberships: []hezuo.Membership{{IDNumber: idNumber(1), OrgNo: "H", Period: hezuo.Period{From: d("2023-02-01")}}}}},
			{"party org founded", &hezuo.Dataset{PartyOrgs: []hezuo.PartyOrg{{No: "BD", Name: "西村黑木耳专业合作社党支部", Form: hezuo.FormBranch,
				Seat: fxVA2, Orgs: []string{"D"}, Period: hezuo.Period{From: d("2024-03-01")}}}}},
		}
		for _, l := range loads {
			if err := db.Load(ctx, l.ds, fxDay); err != nil {
				t.Fatalf("%s: %v", l.name, err)
			}
			assertSummaries(t, db, r, 10, hezuo.AllScope, d("2024-06-01"), hezuo.Scope{Prefix: fxTownA}, d("2021-01-01"))
		}
		// Writes that do not go through Load.
		for _, q := range []string{
			`UPDATE people SET talent_since = ? WHERE id_hash = '` + db.idHash(idNumber(3)) + `'`,
			`UPDATE orgs SET dissolved = ? WHERE org_no = 'E'`,
			`DELETE FROM party_org_orgs WHERE org_id = (SELECT id FROM orgs WHERE org_no = 'C')`,
		} {
			var args []any
			if strings.Contains(q, "?") {
				args = append(args, d("2021-09-01"))
			}
			if _, err := db.ExecContext(ctx, db.rebind(q), args...); err != nil {
				t.Fatal(err)
			}
		}
		var dirty int
		if err := db.QueryRowContext(ctx, `SELECT count(*) FROM summary_dirty`).Scan(&dirty); err != nil || dirty == 0 {
			t.Fatalf("writes outside Load left %d dirty marks (%v)", dirty, err)
		}
		assertSummaries(t, db, r, 10, hezuo.Scope{Prefix: fxTownB}, d("2021-10-01"))
		// A rule setting changes every verdict: a rebuild (the database is small).
		if err := db.Load(ctx, &hezuo.Dataset{Settings: map[string]string{"own_org_min_full": "2"}}, fxDay); err != nil {
			t.Fatal(err)
		}
		assertSummaries(t, db, r, 10, hezuo.AllScope, fxDay)
	})
}

// TestSummaryRebuild: summaries out of date as a whole (a database migrated
// from before them, or whose coverage settings changed) are rebuilt on the
// spot when the database is small; a large one is computed directly until
// RebuildSummaries, with the same figures.
func TestSummaryRebuild(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *DB) {
		ctx := context.Background()
		if err := db.Load(ctx, richFixture(), fxDay); err != nil {
			t.Fatal(err)
		}
		want, err := db.statsDirect(ctx, hezuo.AllScope, fxDay)
		if err != nil {
			t.Fatal(err)
		}
		defer func(n int) { summaries.SmallRebuild = n }(summaries.SmallRebuild)
		summaries.SmallRebuild = 0
		if _, err := db.ExecContext(ctx, `INSERT INTO summary_dirty (kind, id) VALUES ('all', 0)`); err != nil {
			t.Fatal(err)
		}
		if db.summariesReady(ctx) {
			t.Fatal("summaries out of date as a whole are read")
		}
		if got, err := db.Stats(ctx, hezuo.AllScope, fxDay); err != nil || got.Orgs != want.Orgs || got.Talent != want.Talent {
			t.Errorf("figures while out of date: %v %+v, want %+v", err, got, want)
		}
		if err := db.RebuildSummaries(ctx); err != nil {
			t.Fatal(err)
		}
		if !db.summariesReady(ctx) {
			t.Fatal("summaries not ready after the rebuild")
		}
		summaries.SmallRebuild = 5000
		if err := db.SetSetting(ctx, "own_org_min_full", "2"); err != nil {
			t.Fatal(err)
		}
		assertSummaries(t, db, rand.New(rand.NewPCG(1, 1)), 4, hezuo.AllScope, fxDay)
	})
}

// TestDivisionNames: the dashboard's township names, served from the figure
// cache, follow a renamed division.
func TestDivisionNames(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *DB) {
		ctx := context.Background()
		if err := db.Load(ctx, fixture(), fxDay); err != nil {
			t.Fatal(err)
		}
		for _, name := range []string{"甲镇", "新甲镇"} {
			if name != "甲镇" {
				if err := db.Load(ctx, &hezuo.Dataset{Divisions: []hezuo.Division{{Code: fxTownA, Name: name}}}, fxDay); err != nil {
					t.Fatal(err)
				}
			}
			got, err := db.DivisionNames(ctx, hezuo.System, hezuo.Scope{Prefix: fxCounty}, hezuo.LevelTownship)
			if err != nil {
				t.Fatal(err)
			}
			want := map[string]string{fxTownA: name, fxTownB: "乙乡"}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("township names %v, want %v", got, want)
			}
		}
	})
}
