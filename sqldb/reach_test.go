package sqldb

import (
	"context"
	"strings"
	"testing"
	"time"

	"hezuo"
	"hezuo/store"
)

// TestFormsReachPersonHome: seeing a person (a member of an org in the
// township) is not keeping them. A township officer's form may not change,
// enrol or lend to a resident of another township, with the same answer
// as an import's row, and no message says where that person lives
// (issue 16: one scope decision for every write).
func TestFormsReachPersonHome(t *testing.T) {
	ctx := context.Background()
	forEachDB(t, func(t *testing.T, db *DB) {
		if err := db.Load(ctx, webPlatformFixture(), fxDay); err != nil {
			t.Fatal(err)
		}
		now := time.Now()
		// 成员15 is a member of E (township B) who lives in township A.
		id := personIDByName(t, db, "成员15")
		r, err := db.personRecord(ctx, db, fxTownBUser, id, hezuo.Today(hezuo.China))
		if err != nil {
			t.Fatalf("township B sees its org's member: %v", err)
		}
		p := r.Person
		p.Name = "冒名顶替"
		if _, _, err := db.SavePerson(ctx, fxTownBUser, &p, r.Version, now); hezuo.ErrorCode(err) != hezuo.EFORBIDDEN {
			t.Errorf("township B renames a resident of township A: %v", err)
		}
		// Enrolling a resident of township A in township B's org.
		m := &hezuo.MembershipRecord{}
		m.OrgNo, m.IDNumber, m.From = "E", idNumber(1), fxDay
		if _, err := db.SaveMembership(ctx, fxTownBUser, m, 0, now); hezuo.ErrorCode(err) != hezuo.EINVALID || !strings.Contains(err.Error(), "不存在或无权访问") {
			t.Errorf("township B enrols a resident of township A: %v", err)
		}
		// A loan to a resident of township A, applied for in township B:
		// refused without a word of where the borrower lives.
		app := &store.LoanApplication{Loan: hezuo.Loan{No: "T-REACH-1", Borrower: idNumber(15), AmountFen: 1_000_000, RatePPM: 43500,
			TermMonths: 12, AppliedOn: fxDay}}
		err = db.CreateLoan(ctx, fxTownBUser, app, fxDay, now)
		if hezuo.ErrorCode(err) != hezuo.EINVALID || !strings.Contains(err.Error(), "不存在或无权访问") {
			t.Errorf("township B lends to a resident of township A: %v", err)
		}
		if err != nil && (strings.Contains(err.Error(), fxVA1) || strings.Contains(err.Error(), fxTownA)) {
			t.Errorf("the refusal tells where the borrower lives: %v", err)
		}
		// The township that keeps the person changes them.
		townA := &hezuo.Access{User: "townA", Role: hezuo.RoleTownshipOfficer, Scope: hezuo.Scope{Prefix: fxTownA}}
		r, err = db.personRecord(ctx, db, townA, id, hezuo.Today(hezuo.China))
		if err != nil {
			t.Fatal(err)
		}
		p = r.Person
		p.Name = "成员十五"
		if _, _, err := db.SavePerson(ctx, townA, &p, r.Version, now); err != nil {
			t.Errorf("township A renames its resident: %v", err)
		}
	})
}
