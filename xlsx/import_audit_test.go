package xlsx_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"hezuo"
	"hezuo/sqldb"
)

// auditLog returns every audit entry a county-wide auditor reads, oldest
// first.
func auditLog(t *testing.T, db *sqldb.DB, scope string) []hezuo.AuditEntry {
	t.Helper()
	a := &hezuo.Access{User: "审计", Role: hezuo.RoleAuditor, Scope: hezuo.Scope{Prefix: scope}}
	var out []hezuo.AuditEntry
	for page := 1; ; page++ {
		es, total, err := db.AuditLog(ctx, a, hezuo.AuditFilter{Page: page, PerPage: 500})
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, es...) // newest first
		if len(out) >= total || len(es) == 0 {
			slices.Reverse(out)
			return out
		}
	}
}

// tally counts entries by "entity action".
func tally(es []hezuo.AuditEntry) map[string]int {
	out := map[string]int{}
	for _, e := range es {
		out[e.Entity+" "+e.Action]++
	}
	return out
}

// noWholeIDs fails when an entry holds a whole ID number or phone of the
// roster's people 1..n.
func noWholeIDs(t *testing.T, es []hezuo.AuditEntry, n int) {
	t.Helper()
	for _, e := range es {
		all := strings.Join([]string{e.Key, e.Before, e.After, e.Note}, "|")
		for i := 1; i <= n; i++ {
			if strings.Contains(all, idNumber(i)) || strings.Contains(all, fmt.Sprintf("139%08d", i)) {
				t.Fatalf("entry %+v holds person %d's whole ID number or phone", e, i)
			}
		}
	}
}

// TestImportAuditsEachRecord imports a roster, then the roster with two
// people changed, two added and the rest unchanged: one entry per record
// created or changed, in the scope of its division, none for those
// unchanged, with before and after values and no whole ID number.
func TestImportAuditsEachRecord(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *sqldb.DB) {
		rows := make([][]any, 0, 12)
		for n := 1; n <= 10; n++ {
			rows = append(rows, memberRow(n, 20))
		}
		path := tempFile(t, "名册.csv")
		writeCSV(t, path, memberHeader, rows, "utf8")
		if res := mustImport(t, db, "members", path); counts(res) != [3]int{10, 0, 0} {
			t.Fatalf("first import %v", counts(res))
		}
		es := auditLog(t, db, fxCounty)
		steps := len(dump(t, db).PartyStatus)
		want := map[string]int{"person create": 10, "membership create": 10}
		if steps > 0 {
			want["party_status create"] = steps
		}
		if got := tally(es); fmt.Sprint(got) != fmt.Sprint(want) {
			t.Fatalf("first import: entries %v, want %v", got, want)
		}
		for _, e := range es {
			if e.User != "system" || e.Before != "" || e.After == "" || !strings.Contains(e.Note, "名册.csv") ||
				!strings.HasPrefix(e.Division, fxCounty) || len(e.Division) != 12 {
				t.Fatalf("entry %+v", e)
			}
		}

		// Person 2 renamed, person 5's phone changed, 11 and 12 new.
		rows[1][1], rows[4][7] = "改名者", "13700000005"
		rows = append(rows, memberRow(11, 20), memberRow(12, 20))
		path = tempFile(t, "名册2.csv")
		writeCSV(t, path, memberHeader, rows, "utf8")
		if res := mustImport(t, db, "members", path); counts(res) != [3]int{2, 2, 8} {
			t.Fatalf("second import %v", counts(res))
		}
		all := auditLog(t, db, fxCounty)
		second := all[len(es):]
		want = map[string]int{"person update": 2, "person create": 2, "membership create": 2}
		added := len(dump(t, db).PartyStatus) - steps
		if added > 0 {
			want["party_status create"] = added
		}
		if got := tally(second); fmt.Sprint(got) != fmt.Sprint(want) {
			t.Fatalf("second import: entries %v, want %v", got, want)
		}
		for _, e := range second {
			if e.Action != hezuo.ActionUpdate {
				continue
			}
			switch e.Key {
			case hezuo.MaskIDNumber(idNumber(2)):
				if !strings.Contains(e.Before, `"成员2"`) || !strings.Contains(e.After, `"改名者"`) {
					t.Errorf("rename: %+v", e)
				}
			case hezuo.MaskIDNumber(idNumber(5)):
				if !strings.Contains(e.Before, hezuo.MaskPhone("13900000005")) || !strings.Contains(e.After, hezuo.MaskPhone("13700000005")) {
					t.Errorf("phone: %+v", e)
				}
			default:
				t.Errorf("update of %s", e.Key)
			}
		}
		noWholeIDs(t, all, 12)

		// A township's auditor reads the entries of its villages only.
		town := auditLog(t, db, "220999100")
		if len(town) == 0 || len(town) >= len(all) {
			t.Errorf("township reads %d of %d entries", len(town), len(all))
		}
		for _, e := range town {
			if !strings.HasPrefix(e.Division, "220999100") {
				t.Errorf("township reads %+v", e)
			}
		}

		// The same file again: nothing written, nothing audited.
		mustImport(t, db, "members", path)
		if n := len(auditLog(t, db, fxCounty)); n != len(all) {
			t.Errorf("unchanged import wrote %d entries", n-len(all))
		}
	})
}

// refuseRefresh makes the store refuse an import at its summary refresh,
// after its records and audit entries were written.
func refuseRefresh(t *testing.T, db *sqldb.DB, on bool) {
	t.Helper()
	var qs []string
	switch {
	case db.Dialect == sqldb.SQLite && on:
		qs = []string{`CREATE TRIGGER test_refuse BEFORE DELETE ON summary_dirty BEGIN SELECT RAISE(ABORT, 'refused'); END`}
	case db.Dialect == sqldb.SQLite:
		qs = []string{`DROP TRIGGER test_refuse`}
	case on:
		qs = []string{`CREATE FUNCTION test_refuse() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refused'; END $$`,
			`CREATE TRIGGER test_refuse BEFORE DELETE ON summary_dirty FOR EACH ROW EXECUTE FUNCTION test_refuse()`}
	default:
		qs = []string{`DROP TRIGGER test_refuse ON summary_dirty`}
	}
	for _, q := range qs {
		if _, err := db.ExecContext(ctx, q); err != nil {
			t.Fatal(err)
		}
	}
}

// TestFailedImportLeavesNoAudit: an import the store refuses after
// writing its audit entries leaves neither records nor entries; the same
// import then accepted leaves both.
func TestFailedImportLeavesNoAudit(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *sqldb.DB) {
		rows := make([][]any, 0, 300)
		for n := 1; n <= 300; n++ { // more entries than one multi-row statement holds
			rows = append(rows, memberRow(n, 20))
		}
		path := tempFile(t, "m.csv")
		writeCSV(t, path, memberHeader, rows, "utf8")
		refuseRefresh(t, db, true)
		if _, err := xlsxImport(db, "members", path); err == nil || !strings.Contains(err.Error(), "refused") {
			t.Fatalf("import not refused: %v", err)
		}
		if es, ds := auditLog(t, db, ""), dump(t, db); len(es) != 0 || len(ds.People) != 0 {
			t.Fatalf("a refused import left %d entries, %d people", len(es), len(ds.People))
		}
		refuseRefresh(t, db, false)
		mustImport(t, db, "members", path)
		if got := tally(auditLog(t, db, "")); got["person create"] != 300 || got["membership create"] != 300 {
			t.Errorf("entries %v", got)
		}
	})
}

// TestOrgImportAudited: a new org is created and a renamed one updated,
// each with one entry under its village; an unchanged one gets none.
func TestOrgImportAudited(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *sqldb.DB) {
		orgs := dump(t, db).Orgs
		o1, o2 := orgs[0], orgs[1]
		path := tempFile(t, "o.csv")
		writeCSV(t, path, []string{"组织编号", "名称", "类型", "是否登记", "所在村", "成立日期"}, [][]any{
			{o1.OrgNo, "改名合作社", "专业合作社", "是", o1.Village, o1.Founded},
			{o2.OrgNo, o2.Name, "协会", "否", o2.Village, o2.Founded},
			{"ORG-100", "新协会", "协会", "否", fxVB1, "2023-03-03"},
		}, "utf8")
		if res := mustImport(t, db, "orgs", path); counts(res) != [3]int{1, 1, 1} {
			t.Fatalf("orgs %v", counts(res))
		}
		es := auditLog(t, db, fxCounty)
		if got := tally(es); fmt.Sprint(got) != fmt.Sprint(map[string]int{"org create": 1, "org update": 1}) {
			t.Fatalf("entries %v", got)
		}
		for _, e := range es {
			switch e.Key {
			case o1.OrgNo:
				if e.Division != o1.Village || !strings.Contains(e.Before, o1.Name) || !strings.Contains(e.After, "改名合作社") {
					t.Errorf("update %+v", e)
				}
			case "ORG-100":
				if e.Division != fxVB1 || e.Before != "" || !strings.Contains(e.After, "新协会") {
					t.Errorf("create %+v", e)
				}
			default:
				t.Errorf("entry %+v", e)
			}
		}
	})
}

// TestPlatformImportAudited: loans (with a guarantee) and a training are
// audited when created and when changed, under the loan's or training's
// village, with the borrower masked.
func TestPlatformImportAudited(t *testing.T) {
	demoDBs(t, func(t *testing.T, db *sqldb.DB) {
		start := len(auditLog(t, db, ""))
		ds := fullDump(t, db)
		var member string
		var applied hezuo.Date
		for _, l := range ds.Loans {
			if l.Borrower != "" {
				member, applied = l.Borrower, l.AppliedOn
				break
			}
		}
		org, unit, guarantor := ds.Orgs[0], ds.Units[0].Code, ds.Guarantors[0].IDNumber
		day := applied.String()
		loans := tempFile(t, "loans.csv")
		rows := [][]any{
			{"T-DK-1", member, "", org.OrgNo, "扩大种植", "是", "农村信用社", "50,000", "4.35", 12, day, day, day, guarantor},
			{"T-DK-2", member, "", org.OrgNo, "购买农机", "否", "", "8000.5", "4.785%", 24, day, "", "", ""},
		}
		writeCSV(t, loans, loanHeader, rows, "utf8")
		importDemo(t, db, "loans", loans)
		rows[1][4] = "购买插秧机"
		writeCSV(t, loans, loanHeader, rows, "utf8")
		importDemo(t, db, "loans", loans)
		trainings := tempFile(t, "trainings.csv")
		training := []any{"T-PX-1", day, "木耳栽培", unit, "食用菌", "远程", 3, org.Village}
		writeCSV(t, trainings, trainingHeader, [][]any{training}, "utf8")
		importDemo(t, db, "trainings", trainings)
		training[2] = "黑木耳栽培"
		writeCSV(t, trainings, trainingHeader, [][]any{training}, "utf8")
		importDemo(t, db, "trainings", trainings)

		es := auditLog(t, db, "")[start:]
		want := map[string]int{"loan create": 2, "guarantee create": 1, "loan update": 1, "training create": 1, "training update": 1}
		if got := tally(es); fmt.Sprint(got) != fmt.Sprint(want) {
			t.Fatalf("entries %v, want %v", got, want)
		}
		for _, e := range es {
			if e.Division != org.Village {
				t.Errorf("entry %+v: division, want %s", e, org.Village)
			}
			if strings.Contains(e.Key+e.Before+e.After, member) || strings.Contains(e.Key+e.Before+e.After, guarantor) {
				t.Errorf("entry %+v holds a whole ID number", e)
			}
			switch e.Entity + " " + e.Action {
			case "loan update":
				if e.Key != "T-DK-2" || !strings.Contains(e.Before, "购买农机") || !strings.Contains(e.After, "购买插秧机") {
					t.Errorf("loan update %+v", e)
				}
			case "training update":
				if !strings.Contains(e.Before, `"木耳栽培"`) || !strings.Contains(e.After, `"黑木耳栽培"`) {
					t.Errorf("training update %+v", e)
				}
			}
		}
	})
}
