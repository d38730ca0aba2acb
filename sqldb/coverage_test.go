package sqldb

import (
	"context"
	"slices"
	"testing"

	"hezuo"
)

// TestCoverageFigures: the fixture with F, a registered cooperative of 3
// full members covered by nothing, added. Directly from the records, from
// the summaries and through ScopedStats the figures count the orgs the
// check flags: blank spots E and F, should build D and F (F's status being
// "uncovered").
func TestCoverageFigures(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *DB) {
		ctx := context.Background()
		ds := fixture()
		ds.Orgs = append(ds.Orgs, hezuo.Org{OrgNo: "F", Name: "南村蔬菜专业合作社", Kind: hezuo.KindCooperative, Village: fxVB1,
			Industry: "蔬菜", Founded: hezuo.MustDate("2015-03-01"), RegisteredOn: hezuo.MustDate("2015-04-01"), CreditCode: creditCode(6)})
		for i := 0; i < 3; i++ {
			id := idNumber(60 + i)
			ds.People = append(ds.People, hezuo.Person{IDNumber: id, Name: "南村党员", Village: fxVB1})
			ds.Memberships = append(ds.Memberships, hezuo.Membership{IDNumber: id, OrgNo: "F", Period: hezuo.Period{From: hezuo.MustDate("2016-01-01")}})
			ds.PartyStatus = append(ds.PartyStatus, hezuo.PartyStatus{IDNumber: id, Status: hezuo.StatusFull, Period: hezuo.Period{From: hezuo.MustDate("2010-07-01")}})
		}
		if err := db.Load(ctx, ds, fxDay); err != nil {
			t.Fatal(err)
		}
		scope := hezuo.Scope{Prefix: fxCounty}
		rows, err := db.Check(ctx, scope, fxDay)
		if err != nil {
			t.Fatal(err)
		}
		var uncovered, should []string
		for _, r := range rows {
			if r.Uncovered {
				uncovered = append(uncovered, r.OrgNo)
			}
			if r.ShouldBuildNotBuilt {
				should = append(should, r.OrgNo)
			}
			if r.OrgNo == "F" && r.Status != "uncovered" {
				t.Errorf("F's status %s, want uncovered", r.Status)
			}
		}
		if !slices.Equal(uncovered, []string{"E", "F"}) || !slices.Equal(should, []string{"D", "F"}) {
			t.Fatalf("check flags blank spots %v and should build %v, want [E F] and [D F]", uncovered, should)
		}
		direct, err := db.statsDirect(ctx, scope, fxDay)
		if err != nil {
			t.Fatal(err)
		}
		summary, err := db.statsSummary(ctx, scope, fxDay)
		if err != nil {
			t.Fatal(err)
		}
		for name, s := range map[string]*hezuo.Stats{"direct": direct, "summary": summary} {
			c := s.Coverage
			if c.Uncovered != len(uncovered) || c.ShouldBuildNotBuilt != len(should) || c.Covered != c.Orgs-c.Uncovered ||
				c.OwnOrg+c.JointOrGroup+c.InstructorOnly+c.Uncovered != c.Orgs {
				t.Errorf("%s coverage %+v, want %d blank spots and %d should build", name, c, len(uncovered), len(should))
			}
		}
		// F's branch secretary: figures told org by org (ScopedStats).
		sec := &hezuo.Access{User: "s", Role: hezuo.RoleBranchSecretary, Scope: scope, Subject: "F"}
		own, err := db.ScopedStats(ctx, sec, scope, fxDay)
		if err != nil {
			t.Fatal(err)
		}
		if c := own.Coverage; c.Orgs != 1 || c.Uncovered != 1 || c.ShouldBuildNotBuilt != 1 || c.Covered != 0 {
			t.Errorf("F's own coverage %+v, want one blank spot that should build", c)
		}
	})
}
