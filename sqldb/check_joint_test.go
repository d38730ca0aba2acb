package sqldb

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"

	"hezuo"
	"hezuo/rules"
)

// TestCheckJointBranchesAndCounties loads a small county and checks, on the
// direct path and the summaries alike:
//   - a joint branch joining orgs of two townships and of unrelated trades
//     draws both warnings (支部工作条例 Art. 5: 地域相邻、行业相近) on each org it
//     covers; one joining orgs of one township whose industries one
//     department answers for draws neither;
//   - an org spanning two counties is managed by no one until the common
//     higher organization department decides (农村基层组织工作条例 Art. 5).
func TestCheckJointBranchesAndCounties(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *DB) {
		ctx := context.Background()
		ds := fixture()
		d := hezuo.MustDate
		ds.Departments = append(ds.Departments, hezuo.Department{Code: "NYJ", Name: "县农业农村局", County: fxCounty, PartyOrg: "D-NYJ", Industries: []string{"黑木耳", "食用菌"}})
		ds.PartyOrgs = append(ds.PartyOrgs, hezuo.PartyOrg{No: "D-NYJ", Name: "县农业农村局党组", Form: hezuo.FormDepartment, Seat: fxCounty + "000000", Period: hezuo.Period{From: d("2017-01-01")}})
		org := func(no, name, village string, others []string, industry string, n, full int) {
			ds.Orgs = append(ds.Orgs, hezuo.Org{OrgNo: no, Name: name, Kind: hezuo.KindCooperative, Village: village, Villages: others,
				Industry: industry, Founded: d("2015-03-01"), RegisteredOn: d("2015-04-01"), CreditCode: creditCode(n)})
			for i := 0; i < full; i++ {
				id := idNumber(100*n + i)
				ds.People = append(ds.People, hezuo.Person{IDNumber: id, Name: fmt.Sprintf("%s成员%d", no, i), Village: village})
				ds.Memberships = append(ds.Memberships, hezuo.Membership{IDNumber: id, OrgNo: no, Period: hezuo.Period{From: d("2016-01-01")}})
				ds.PartyStatus = append(ds.PartyStatus, hezuo.PartyStatus{IDNumber: id, Status: hezuo.StatusFull, Period: hezuo.Period{From: d("2010-07-01")}})
			}
		}
		org("F", "跨县农机专业合作社", fxVB1, []string{fxOther}, "农机", 6, 1)
		org("G", "南村林蛙专业合作社", fxVB1, nil, "林蛙", 7, 1)
		org("H", "西村黑木耳专业合作社二社", fxVA2, nil, "黑木耳", 8, 2)
		org("I", "东村黑木耳专业合作社", fxVA1, nil, "黑木耳", 9, 2)
		org("J", "西村食用菌专业合作社", fxVA2, nil, "食用菌", 10, 1)
		joint := func(no, name string, orgs ...string) {
			ds.PartyOrgs = append(ds.PartyOrgs, hezuo.PartyOrg{No: no, Name: name, Form: hezuo.FormJointBranch, Seat: fxVA2,
				Orgs: orgs, Parent: "T1", Period: hezuo.Period{From: d("2018-01-01")}})
		}
		joint("JX", "跨乡镇联合党支部", "G", "H")
		joint("JY", "甲镇菌类联合党支部", "I", "J")
		if err := db.Load(ctx, ds, fxDay); err != nil {
			t.Fatal(err)
		}
		assertSummaries(t, db, rand.New(rand.NewPCG(5, 6)), 6, hezuo.AllScope, fxDay, hezuo.Scope{Prefix: fxTownB}, fxDay)
		direct, _, err := db.check(ctx, hezuo.AllScope, fxDay)
		if err != nil {
			t.Fatal(err)
		}
		rows, err := db.Check(ctx, hezuo.AllScope, fxDay)
		if err != nil {
			t.Fatal(err)
		}
		for _, rs := range [][]hezuo.CheckRow{direct, rows} {
			byNo := map[string]hezuo.CheckRow{}
			for _, r := range rs {
				byNo[r.OrgNo] = r
			}
			warned := func(no string) []string {
				var out []string
				for _, w := range byNo[no].Warnings {
					if w.Rule == rules.KeyJointSameTownship || w.Rule == rules.KeyJointRelatedIndustry || w.Rule == rules.RuleManagerUndecided {
						out = append(out, w.Rule)
					}
				}
				return out
			}
			both := []string{rules.KeyJointSameTownship, rules.KeyJointRelatedIndustry}
			for no, want := range map[string][]string{"G": both, "H": both, "I": nil, "J": nil, "F": {rules.RuleManagerUndecided}, "A": nil, "B": nil} {
				if got := warned(no); !slices.Equal(got, want) {
					t.Errorf("org %s: warnings %q, want %q\n%q", no, got, want, rules.Texts(byNo[no].Warnings, "zh"))
				}
			}
			if m := byNo["F"].ManagedBy; m != (hezuo.Manager{Level: rules.ManagerUndecided}) {
				t.Errorf("org F across counties: managed by %+v", m)
			}
			if m := byNo["C"].ManagedBy; m.Level != rules.ManagerDepartment || m.Code != "NJZ" {
				t.Errorf("org C across townships of one county: managed by %+v", m)
			}
		}
		s, err := db.Stats(ctx, hezuo.AllScope, fxDay)
		if err != nil {
			t.Fatal(err)
		}
		if s.ManagedBy[rules.ManagerUndecided] != 1 {
			t.Errorf("stats managed_by: %v", s.ManagedBy)
		}
	})
}
