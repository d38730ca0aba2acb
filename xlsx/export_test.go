package xlsx_test

import (
	"reflect"
	"slices"
	"testing"

	"github.com/xuri/excelize/v2"

	"hezuo"
	"hezuo/sqldb"
	"hezuo/xlsx"
)

// history adds records an import cannot make but an export must carry:
// a party status history, an ended membership, a rejoined org, flags.
func history(t *testing.T, db *sqldb.DB) {
	d := hezuo.MustDate
	p1, p2 := idNumber(501), idNumber(502)
	ds := &hezuo.Dataset{
		People: []hezuo.Person{{IDNumber: p1, Name: "金正浩", Phone: "139 0433 0001", TalentSince: d("2018-01-01"), LeaderSince: d("2019-01-01")},
			{IDNumber: p2, Name: "朴英子", Village: fxVB1}},
		Memberships: []hezuo.Membership{
			{IDNumber: p1, OrgNo: "ORG-001", Role: "理事长", Period: hezuo.Period{From: d("2012-01-01")}},
			{IDNumber: p2, OrgNo: "ORG-002", Period: hezuo.Period{From: d("2012-01-01"), To: d("2014-01-01")}},
			{IDNumber: p2, OrgNo: "ORG-002", Period: hezuo.Period{From: d("2016-01-01")}},
		},
		PartyStatus: []hezuo.PartyStatus{
			{IDNumber: p1, Status: hezuo.StatusActivist, Period: hezuo.Period{From: d("2016-01-01"), To: d("2018-06-01")}},
			{IDNumber: p1, Status: hezuo.StatusProbationary, Period: hezuo.Period{From: d("2018-06-01"), To: d("2019-06-01")}},
			{IDNumber: p1, Status: hezuo.StatusFull, Period: hezuo.Period{From: d("2019-06-01")}},
			{IDNumber: p2, Status: hezuo.StatusCandidate, Period: hezuo.Period{From: d("2023-01-01")}},
		},
	}
	ds.Divisions = []hezuo.Division{{Code: "220999100", Name: "甲镇"}}
	ds.PartyOrgs = []hezuo.PartyOrg{
		{No: "T1", Name: "甲镇党委", Form: hezuo.FormTownship, Seat: "220999100000", Period: hezuo.Period{From: d("2000-01-01")}},
		{No: "V1", Name: "东村党支部", Form: hezuo.FormVillage, Seat: fxVA1, Parent: "T1", Manager: "T1", TermYears: 5,
			ElectedOn: d("2021-05-01"), Elections: []hezuo.Election{{On: d("2016-04-20")}, {On: d("2021-05-01"), Note: "村“两委”换届"}},
			Villages: []string{fxVA1}, Period: hezuo.Period{From: d("2001-01-01")}},
		{No: "B1", Name: "第1农机专业合作社党支部", Form: hezuo.FormBranch, Seat: fxVA2, Parent: "T1", Manager: "V1",
			FoundingMethod: "支部领着建", TermYears: 3, Orgs: []string{"ORG-001"}, Period: hezuo.Period{From: d("2015-07-01")}},
		{No: "J1", Name: "联合党支部", Form: hezuo.FormJointBranch, JointKind: hezuo.JointCrossVill, Seat: fxVA1, Parent: "T1",
			Orgs: []string{"ORG-002", "ORG-003"}, Villages: []string{fxVA1, fxVA2}, Period: hezuo.Period{From: d("2016-07-01"), To: d("2023-01-01")}},
	}
	ds.Officers = []hezuo.Officer{{PartyOrg: "B1", IDNumber: p1, Role: hezuo.RoleCommittee, Duty: hezuo.DutyPublicity,
		Period: hezuo.Period{From: d("2021-01-10"), To: d("2024-01-10")}}}
	ds.Instructors = []hezuo.Instructor{{IDNumber: p2, Township: "220999101", Unit: "乙乡农业站"}}
	ds.Dispatches = []hezuo.Dispatch{{IDNumber: p2, OrgNo: "ORG-004", Period: hezuo.Period{From: d("2020-01-01"), To: d("2021-01-01")}},
		{IDNumber: p2, OrgNo: "ORG-004", Period: hezuo.Period{From: d("2022-01-01")}}}
	if err := db.Load(ctx, ds, fxToday); err != nil {
		t.Fatal(err)
	}
}

func TestExportRoundTrips(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *sqldb.DB) {
		mustImport(t, db, "members", writeMixed(t, "xlsx"))
		history(t, db)
		before := dump(t, db)
		for _, kind := range xlsx.Kinds() {
			if xlsx.IsPlatform(kind) {
				continue // round-tripped on the demo county in platforms_test.go
			}
			for _, ext := range []string{"xlsx", "csv"} {
				path := tempFile(t, kind+"."+ext)
				n, err := xlsx.Export(kind, before, fxToday, path)
				if err != nil {
					t.Fatal(err)
				}
				res := mustImport(t, db, kind, path)
				if n == 0 || res.Rows != n || res.New != 0 || res.Changed != 0 || res.Unchanged != n {
					t.Errorf("%s.%s: %d exported, import %+v", kind, ext, n, res)
				}
			}
		}
		if !reflect.DeepEqual(before, dump(t, db)) {
			t.Error("importing exports changed the database")
		}
	})
}

func TestExportedWorkbook(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *sqldb.DB) {
		mustImport(t, db, "members", writeMixed(t, "utf8"))
		path := tempFile(t, "m.xlsx")
		if _, err := xlsx.Export("members", dump(t, db), fxToday, path); err != nil {
			t.Fatal(err)
		}
		f, err := excelize.OpenFile(path)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		rows, _ := f.GetRows("成员")
		if len(rows) != 9 || rows[0][0] != "身份证号" {
			t.Fatalf("rows %q", rows)
		}
		// ID numbers are text, dates are date cells.
		if typ, _ := f.GetCellType("成员", "A2"); typ != excelize.CellTypeInlineString && typ != excelize.CellTypeSharedString {
			t.Errorf("ID number cell type %v", typ)
		}
		if typ, _ := f.GetCellType("成员", "D2"); typ != excelize.CellTypeUnset && typ != excelize.CellTypeNumber {
			t.Errorf("date cell type %v", typ)
		}
	})
}

func TestDivisionsAndOrgs(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *sqldb.DB) {
		path := tempFile(t, "d.csv")
		writeCSV(t, path, []string{"名称", "区划代码"}, [][]any{{"东村", fxVA1}, {"北村", "２２０９９９１０１２０２"}, {"丙镇", "220999102"}}, "gb18030")
		if res := mustImport(t, db, "divisions", path); counts(res) != [3]int{2, 0, 1} {
			t.Errorf("divisions %v", counts(res))
		}
		path = tempFile(t, "d.csv")
		writeCSV(t, path, []string{"code", "name"}, [][]any{{"220999101202", "北屯"}}, "utf8")
		if res := mustImport(t, db, "divisions", path); counts(res) != [3]int{0, 1, 0} {
			t.Errorf("renamed division %v", counts(res))
		}

		// An org file with only the required columns keeps the rest.
		before := dump(t, db).Orgs[0]
		path = tempFile(t, "o.xlsx")
		writeXLSX(t, path, []string{"组织编号", "名称", "类型", "是否登记", "所在村", "成立日期"},
			[][]any{{"ORG-001", before.Name, "专业合作社", "是", before.Village, before.Founded},
				{"ORG-100", "新协会", "协会", "否", "220999101202", "2023/3/3"}})
		if res := mustImport(t, db, "orgs", path); counts(res) != [3]int{1, 0, 1} {
			t.Errorf("orgs %v", counts(res))
		}
		after := dump(t, db).Orgs[0]
		if !reflect.DeepEqual(before, after) {
			t.Errorf("missing columns changed the org:\n%+v\n%+v", before, after)
		}
		// Spanned villages, households and registration can change.
		path = tempFile(t, "o.csv")
		writeCSV(t, path, []string{"组织编号", "名称", "类型", "是否登记", "统一社会信用代码", "所在村", "覆盖村", "带动农户数", "成立日期"},
			[][]any{{"ORG-100", "新协会", "产业协会", "是", creditCode(100), "220999101202", fxVB1 + "、" + fxVA1, "1,200", "2023-03-03"}}, "bom")
		if res := mustImport(t, db, "orgs", path); counts(res) != [3]int{0, 1, 0} {
			t.Errorf("orgs update %v", counts(res))
		}
		for _, o := range dump(t, db).Orgs {
			if o.OrgNo == "ORG-100" {
				vs := slices.Sorted(slices.Values(o.Villages))
				if !slices.Equal(vs, []string{fxVA1, fxVB1}) || o.HouseholdsDriven != 1200 || !o.RegisteredOn.Equal(hezuo.MustDate("2023-03-03")) ||
					o.Kind != hezuo.KindAssociation {
					t.Errorf("org %+v", o)
				}
			}
		}
	})
}

func TestTemplates(t *testing.T) {
	for _, kind := range xlsx.Kinds() {
		t.Run(kind, func(t *testing.T) {
			path := tempFile(t, kind+".xlsx")
			if err := xlsx.WriteTemplate(kind, path); err != nil {
				t.Fatal(err)
			}
			s := xlsx.Lookup(kind)
			f, err := excelize.OpenFile(path)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			if got := f.GetSheetList(); !slices.Equal(got, []string{s.Sheet, "填写说明"}) {
				t.Errorf("sheets %q", got)
			}
			rows, _ := f.GetRows(s.Sheet)
			if len(rows) != 1 || len(rows[0]) != len(s.Columns) {
				t.Fatalf("data sheet rows %q", rows)
			}
			for i, c := range s.Columns {
				if rows[0][i] != c.ZH {
					t.Errorf("header %d = %q, want %q", i, rows[0][i], c.ZH)
				}
			}
			dvs, _ := f.GetDataValidations(s.Sheet)
			want := 0
			for _, c := range s.Columns {
				if len(c.Choices) > 0 {
					want++
				}
			}
			if len(dvs) != want {
				t.Errorf("%d dropdowns, want %d", len(dvs), want)
			}
			comments, _ := f.GetComments(s.Sheet)
			if len(comments) != len(s.Columns) {
				t.Errorf("%d header notes, want %d", len(comments), len(s.Columns))
			}
			notes, _ := f.GetRows("填写说明")
			if len(notes) < len(s.Columns)+8 {
				t.Errorf("instructions sheet has %d rows", len(notes))
			}
			// The empty template reads as a file with every column and no data.
			b, err := xlsx.Parse(kind, path, xlsx.Options{})
			if err != nil {
				t.Fatal(err)
			}
			if len(b.Problems) != 1 || b.Problems[0].Row != 2 {
				t.Errorf("empty template problems %+v", b.Problems)
			}
		})
	}
}
