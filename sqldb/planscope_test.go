package sqldb

import (
	"context"
	"testing"
	"time"

	"hezuo"
)

// TestScopedPlansAndWrites checks the web application's scoped store calls
// on the plan fixture: who may see and accept plans, that an acceptance is
// audited in its transaction, and that the registry writes refuse records
// outside the writer's township.
func TestScopedPlansAndWrites(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *DB) {
		ctx := context.Background()
		load(t, db, planFixture())
		now := time.Now()
		townA := &hezuo.Access{User: "a", Role: hezuo.RoleTownshipOfficer, Scope: hezuo.Scope{Prefix: fxTownA}}
		townB := &hezuo.Access{User: "b", Role: hezuo.RoleTownshipOfficer, Scope: hezuo.Scope{Prefix: fxTownB}}
		auditor := &hezuo.Access{User: "x", Role: hezuo.RoleAuditor, Scope: hezuo.Scope{Prefix: fxCounty}}
		dept := &hezuo.Access{User: "d", Role: hezuo.RoleDepartmentOfficer, Scope: hezuo.Scope{Prefix: fxCounty}, Subject: "NJZ"}
		code := func(err error) string { return hezuo.ErrorCode(err) }
		if _, err := db.ScopedPlanInput(ctx, dept, hezuo.AllScope, fxDay); code(err) != hezuo.EFORBIDDEN {
			t.Errorf("department officer sees a plan: %v", err)
		}
		if _, err := db.ScopedPlanInput(ctx, townB, hezuo.Scope{Prefix: fxTownA}, fxDay); code(err) != hezuo.EFORBIDDEN {
			t.Errorf("town B sees town A's plan: %v", err)
		}
		in, err := db.ScopedPlanInput(ctx, auditor, hezuo.AllScope, fxDay)
		if err != nil || len(in.JointOrgs) != 3 {
			t.Fatalf("auditor's plan input: %v", err)
		}
		groups := [][]string{{"F", "G", "H"}}
		if _, err := db.AcceptJointAs(ctx, auditor, hezuo.AllScope, groups, fxDay, now); code(err) != hezuo.EFORBIDDEN {
			t.Errorf("auditor accepts: %v", err)
		}
		// Town B's input holds none of town A's orgs: Compose refuses them.
		if _, err := db.AcceptJointAs(ctx, townB, hezuo.AllScope, groups, fxDay, now); code(err) != hezuo.EINVALID {
			t.Errorf("town B accepts town A's orgs: %v", err)
		}
		created, err := db.AcceptJointAs(ctx, townA, hezuo.AllScope, groups, fxDay, now)
		if err != nil || len(created) != 1 {
			t.Fatalf("town A accepts: %v", err)
		}
		es, _, _ := db.AuditLog(ctx, hezuo.System, hezuo.AuditFilter{Entity: "party_org", User: "a"})
		if len(es) != 1 || es[0].Key != created[0].No || es[0].Action != hezuo.ActionCreate {
			t.Errorf("acceptance audit: %+v", es)
		}
		// Registry writes outside the township.
		if _, err := db.PartyOrgForEdit(ctx, townB, created[0].No, hezuo.Today(hezuo.China)); code(err) != hezuo.ENOTFOUND {
			t.Errorf("town B opens town A's branch: %v", err)
		}
		if _, err := db.EndPartyOrg(ctx, townB, "JB", fxDay, 1, now); code(err) != hezuo.ENOTFOUND {
			t.Errorf("town B ends town A's branch: %v", err)
		}
		p := &hezuo.Person{IDNumber: idNumber(300), Name: "新人", Village: fxVA1}
		if _, _, err := db.SavePerson(ctx, townB, p, 0, now); code(err) != hezuo.EINVALID {
			t.Errorf("town B adds a person of town A: %v", err)
		}
		if _, _, err := db.SavePerson(ctx, auditor, p, 0, now); code(err) != hezuo.EFORBIDDEN {
			t.Errorf("auditor adds a person: %v", err)
		}
		id, v, err := db.SavePerson(ctx, townA, p, 0, now)
		if err != nil || v != 1 || p.Sex == "" || p.BirthDate.IsZero() {
			t.Fatalf("town A adds a person: %v %+v", err, p)
		}
		m := &hezuo.MembershipRecord{PersonID: id}
		m.OrgNo, m.From = "E", fxDay
		if _, err := db.SaveMembership(ctx, townA, m, 0, now); code(err) != hezuo.ENOTFOUND {
			t.Errorf("town A joins a person to town B's org: %v", err)
		}
		if _, err := db.SaveMembership(ctx, townB, &hezuo.MembershipRecord{PersonID: id, Membership: hezuo.Membership{OrgNo: "E", Period: hezuo.Period{From: fxDay}}}, 0, now); code(err) != hezuo.ENOTFOUND {
			t.Errorf("town B joins town A's person by id: %v", err)
		}
		var insA int64
		db.QueryRowContext(ctx, db.Rebind(`SELECT id FROM instructors WHERE township = ?`), fxTownA).Scan(&insA)
		if err := db.StartDispatch(ctx, townB, insA, "E", hezuo.Period{From: fxDay}, now); code(err) != hezuo.ENOTFOUND {
			t.Errorf("town B sends town A's instructor: %v", err)
		}
		if err := db.StartDispatch(ctx, townA, insA, "F", hezuo.Period{From: fxDay}, now); err != nil {
			t.Errorf("town A sends its instructor: %v", err)
		}
	})
}
