package sqldb

import (
	"context"
	"testing"

	"hezuo"
	"hezuo/store"
)

// planFixture adds to fixture() three orgs of township A needing a joint
// branch (F: 1 full member, G: 2, H: probationary only) and an instructor
// of township B, where E needs one.
func planFixture() *hezuo.Dataset {
	ds := fixture()
	d := hezuo.MustDate
	for i, o := range []struct {
		no, village string
		full, prob  int
	}{{"F", fxVA1, 1, 0}, {"G", fxVA2, 2, 0}, {"H", fxVA1, 0, 1}} {
		ds.Orgs = append(ds.Orgs, hezuo.Org{OrgNo: o.no, Name: "甲镇蔬菜合作社" + o.no, Kind: hezuo.KindCooperative,
			Village: o.village, Industry: "蔬菜", Founded: d("2018-01-01"), RegisteredOn: d("2018-02-01"), CreditCode: creditCode(20 + i)})
		for j := 0; j < o.full+o.prob+1; j++ {
			id := idNumber(200 + 10*i + j)
			ds.People = append(ds.People, hezuo.Person{IDNumber: id, Name: "社员", Village: o.village})
			ds.Memberships = append(ds.Memberships, hezuo.Membership{IDNumber: id, OrgNo: o.no, Period: hezuo.Period{From: d("2018-03-01")}})
			status := ""
			switch {
			case j < o.full:
				status = hezuo.StatusFull
			case j < o.full+o.prob:
				status = hezuo.StatusProbationary
			}
			if status != "" {
				ds.PartyStatus = append(ds.PartyStatus, hezuo.PartyStatus{IDNumber: id, Status: status, Period: hezuo.Period{From: d("2019-01-01")}})
			}
		}
	}
	ds.People = append(ds.People, hezuo.Person{IDNumber: idNumber(98), Name: "乙乡指导员", Village: fxVB1})
	ds.Instructors = append(ds.Instructors, hezuo.Instructor{IDNumber: idNumber(98), Township: fxTownB})
	return ds
}

func TestPlanAndAccept(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *DB) {
		ctx := context.Background()
		load(t, db, planFixture())
		scope := hezuo.Scope{Prefix: fxCounty}
		in, err := db.PlanInput(ctx, scope, fxDay)
		if err != nil {
			t.Fatal(err)
		}
		if len(in.JointOrgs) != 3 || len(in.InstructorOrgs) != 1 || in.InstructorOrgs[0].OrgNo != "E" || len(in.Instructors) != 2 {
			t.Fatalf("input: %+v", in)
		}
		jp, err := db.PlanJoint(ctx, scope, fxDay)
		if err != nil {
			t.Fatal(err)
		}
		if len(jp.Branches) != 1 || len(jp.Unplaced) != 0 || jp.Branches[0].FullMembers != 3 || jp.Branches[0].Orgs[0] != "G" ||
			jp.Branches[0].TownshipName != "甲镇" {
			t.Fatalf("joint plan: %+v", jp)
		}
		fresh := func() *store.PlanInput {
			in, err := db.PlanInput(ctx, scope, fxDay)
			if err != nil {
				t.Fatal(err)
			}
			return in
		}
		created, err := db.AcceptJoint(ctx, fresh(), [][]string{jp.Branches[0].Orgs}, fxDay)
		if err != nil {
			t.Fatal(err)
		}
		po := created[0]
		if po.Parent != "T1" || po.Manager != "T1" || po.Seat != fxVA2 || po.Name != "甲镇蔬菜产业联合党支部" || po.JointKind != hezuo.JointCrossVill {
			t.Errorf("created %+v", po)
		}
		if _, err := db.AcceptJoint(ctx, fresh(), [][]string{{"F", "G", "H"}}, fxDay); hezuo.ErrorCode(err) != hezuo.EINVALID {
			t.Errorf("accepting the same orgs twice: %v", err)
		}
		if _, err := db.AcceptJoint(ctx, in, [][]string{{"F", "G", "H"}}, fxDay); hezuo.ErrorCode(err) != hezuo.ECONFLICT {
			t.Errorf("accepting from stale input: %v", err)
		}
		ip, err := db.PlanInstructors(ctx, scope, fxDay)
		if err != nil {
			t.Fatal(err)
		}
		if len(ip.Dispatches) != 1 || ip.Dispatches[0].OrgNo != "E" || ip.Dispatches[0].IDNumber != idNumber(98) || ip.Dispatches[0].Distance != 0 {
			t.Fatalf("instructor plan: %+v", ip)
		}
		if _, err := db.AcceptDispatches(ctx, fresh(), []hezuo.Dispatch{{IDNumber: idNumber(99), OrgNo: "E"}}, fxDay); hezuo.ErrorCode(err) != hezuo.EINVALID {
			t.Errorf("instructor of another township accepted: %v", err)
		}
		if _, err := db.AcceptDispatches(ctx, fresh(), []hezuo.Dispatch{{IDNumber: idNumber(98), OrgNo: "E"}}, fxDay); err != nil {
			t.Fatal(err)
		}
		rows, err := db.Check(ctx, scope, fxDay)
		if err != nil {
			t.Fatal(err)
		}
		want := map[string]string{"F": "joint_branch", "G": "joint_branch", "H": "joint_branch", "E": "instructor"}
		for _, r := range rows {
			if a, ok := want[r.OrgNo]; ok && (r.Actual != a || r.Status != "ok") {
				t.Errorf("after acceptance %s: actual %s status %s", r.OrgNo, r.Actual, r.Status)
			}
		}
		in, err = db.PlanInput(ctx, scope, fxDay)
		if err != nil || len(in.JointOrgs) != 0 || len(in.InstructorOrgs) != 0 {
			t.Errorf("input after acceptance: %+v %v", in, err)
		}
		for _, i := range in.Instructors {
			if i.Orgs != 1 {
				t.Errorf("instructor %s serves %d orgs, want 1", i.Name, i.Orgs)
			}
		}
	})
}
