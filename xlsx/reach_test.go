package xlsx_test

import (
	"strings"
	"testing"
	"time"

	"hezuo"
	"hezuo/sqldb"
	"hezuo/xlsx"
)

// TestTownshipImportReach: a township officer's file may not create, update
// or point at a person, instructor, party organization or org whose home is
// outside the township; the refusal names the row and column and tells
// nothing of the stored record; the store refuses the same records whatever
// the plan said (issue 16).
func TestTownshipImportReach(t *testing.T) {
	demoDBs(t, func(t *testing.T, db *sqldb.DB) {
		ds := dump(t, db)
		// Township A: the home of the first org; a resident of another township B.
		var orgA hezuo.Org
		for _, o := range ds.Orgs {
			if len(o.Villages) == 0 {
				orgA = o
				break
			}
		}
		town := orgA.Village[:9]
		var other hezuo.Person
		for _, p := range ds.People {
			if p.Village != "" && p.Village[:9] != town {
				other = p
				break
			}
		}
		var villageB, villageA string
		for _, d := range ds.Divisions {
			if hezuo.LevelOf(d.Code) == hezuo.LevelVillage {
				if d.Code[:9] == town && villageA == "" {
					villageA = d.Code
				} else if d.Code[:9] != town && villageB == "" {
					villageB = d.Code
				}
			}
		}
		var poB hezuo.PartyOrg
		for _, p := range ds.PartyOrgs {
			if p.Seat[:9] != town {
				poB = p
				break
			}
		}
		if other.IDNumber == "" || villageA == "" || villageB == "" || poB.No == "" {
			t.Fatal("the demo county lacks what the test needs")
		}
		a := &hezuo.Access{User: "t", Role: hezuo.RoleTownshipOfficer, Scope: hezuo.Scope{Prefix: town}}
		opt := xlsx.Options{Today: demoToday, Access: a}
		header := append(append([]string{}, memberHeader...), "所在村")
		path := tempFile(t, "members.csv")

		// An existing resident of another township, renamed through a row of
		// the township's org: refused by row and column, nothing revealed.
		writeCSV(t, path, header, [][]any{
			{other.IDNumber, "冒名顶替", orgA.OrgNo, "2025-01-01", "群众", "否", "否", "", ""},
			{idNumber(424242), "新成员", orgA.OrgNo, "2025-01-01", "群众", "否", "否", "", villageB},
		}, "utf8")
		_, err := xlsx.Import(ctx, db, "members", path, opt, false)
		rej := xlsx.AsRejected(err)
		if rej == nil || len(rej.Problems) != 2 {
			t.Fatalf("rows touching another township: %v", err)
		}
		if p := rej.Problems[0]; p.Row != 2 || p.Column != "身份证号" {
			t.Errorf("the resident of another township is refused at %d %s: %s", p.Row, p.Column, p.ZH)
		}
		if p := rej.Problems[1]; p.Row != 3 || p.Column != "所在村" {
			t.Errorf("a village of another township is refused at %d %s: %s", p.Row, p.Column, p.ZH)
		}
		for _, p := range rej.Problems {
			for _, secret := range []string{other.Name, other.Village, other.Village[:9]} {
				if strings.Contains(p.ZH+p.EN, secret) {
					t.Errorf("the refusal reveals %q: %s / %s", secret, p.ZH, p.EN)
				}
			}
		}
		// The store refuses the same person, whatever a caller's plan said.
		renamed := other
		renamed.ID, renamed.Name = 0, "冒名顶替"
		if err := db.Import(ctx, a, &hezuo.Dataset{People: []hezuo.Person{renamed}}, demoToday, time.Now()); hezuo.ErrorCode(err) != hezuo.EFORBIDDEN {
			t.Errorf("the store renames a resident of another township: %v", err)
		}
		for _, p := range dump(t, db).People {
			if p.IDNumber == other.IDNumber && p.Name != other.Name {
				t.Fatalf("the resident of another township was renamed to %s", p.Name)
			}
		}

		// A party organization pointing at another township's as its parent.
		poPath := tempFile(t, "partyorgs.csv")
		writeCSV(t, poPath, poHeader, [][]any{{"T-PO-1", "测试支部", "党支部", "", villageA, poB.No, orgA.OrgNo, "2025-01-01"}}, "utf8")
		_, err = xlsx.Import(ctx, db, "party-orgs", poPath, opt, true)
		if rej := xlsx.AsRejected(err); rej == nil || len(rej.Problems) != 1 || rej.Problems[0].Column != "上级党组织" {
			t.Errorf("a parent in another township: %v", err)
		}
		// An instructor who is a resident of another township.
		inPath := tempFile(t, "instructors.csv")
		writeCSV(t, inPath, inHeader, [][]any{{other.IDNumber, other.Name, town, "镇政府"}}, "utf8")
		if rej := xlsx.AsRejected(importErr(db, "instructors", inPath, opt)); rej == nil || rej.Problems[0].Column != "身份证号" {
			t.Errorf("an instructor resident elsewhere: %v", rej)
		}

		// The township's own new member goes in, counted as new.
		writeCSV(t, path, header, [][]any{{idNumber(424242), "新成员", orgA.OrgNo, "2025-01-01", "群众", "否", "否", "", villageA}}, "utf8")
		res, err := xlsx.Import(ctx, db, "members", path, opt, false)
		if err != nil || res.New != 1 {
			t.Fatalf("a member of the township: %+v %v", res, err)
		}
		// The same person renamed while joining a second org: the preview
		// counts a change, not a new record (the person is updated).
		var orgA2 string
		for _, o := range ds.Orgs {
			if o.Village[:9] == town && o.OrgNo != orgA.OrgNo && len(o.Villages) == 0 && o.Dissolved.IsZero() {
				orgA2 = o.OrgNo
				break
			}
		}
		writeCSV(t, path, header, [][]any{{idNumber(424242), "新成员（改名）", orgA2, "2025-02-01", "群众", "否", "否", "", villageA}}, "utf8")
		res, err = xlsx.Import(ctx, db, "members", path, opt, true)
		if err != nil || res.New != 0 || res.Changed != 1 {
			t.Errorf("an existing person renamed with a new membership: %+v %v, want 1 changed", res, err)
		}
	})
}

// importErr imports path as a dry run and returns the error.
func importErr(db *sqldb.DB, kind, path string, opt xlsx.Options) error {
	_, err := xlsx.Import(ctx, db, kind, path, opt, true)
	return err
}
