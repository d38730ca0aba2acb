package xlsx_test

import (
	"strings"
	"testing"

	"hezuo"
	"hezuo/sqldb"
)

var (
	poHeader = []string{"党组织编号", "名称", "组织形式", "联合类型", "所在区划", "上级党组织", "覆盖组织", "成立日期"}
	inHeader = []string{"身份证号", "姓名", "派出乡镇", "工作单位"}
	diHeader = []string{"身份证号", "组织编号", "派驻日期", "结束日期"}
)

func TestPartyOrgsInstructorsDispatches(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *sqldb.DB) {
		// A parent given on a later row of the same file is found.
		po := tempFile(t, "po.csv")
		writeCSV(t, po, poHeader, [][]any{
			{"B1", "第1社党支部", "党支部", "", fxVA1, "T1", "ORG-001", "2018-07-01"},
			{"J1", "东西村联合党支部", "联合支部", "跨村组建", fxVA1, "T1", "ORG-002、ORG-003", "2019/7/1"},
			{"T1", "甲镇党委", "乡镇党委", "", "220999100", "", "", "2000-01-01"},
		}, "gb18030")
		if res := mustImport(t, db, "party-orgs", po); counts(res) != [3]int{3, 0, 0} {
			t.Errorf("party orgs %v", counts(res))
		}
		if res := mustImport(t, db, "party-orgs", po); counts(res) != [3]int{0, 0, 3} {
			t.Errorf("party orgs again %v", counts(res))
		}
		in := tempFile(t, "in.xlsx")
		writeXLSX(t, in, inHeader, [][]any{{idNumber(900), "李明", "220999100", "甲镇农业站"}, {idNumber(901), "王芳", "220999101000", ""}})
		if res := mustImport(t, db, "instructors", in); counts(res) != [3]int{2, 0, 0} {
			t.Errorf("instructors %v", counts(res))
		}
		di := tempFile(t, "di.csv")
		writeCSV(t, di, diHeader, [][]any{{idNumber(900), "ORG-004", "2021-03-01", ""}, {idNumber(901), "ORG-005", "2021/3/1", "2022/3/1"}}, "bom")
		if res := mustImport(t, db, "dispatches", di); counts(res) != [3]int{2, 0, 0} {
			t.Errorf("dispatches %v", counts(res))
		}
		writeCSV(t, di, diHeader, [][]any{{idNumber(900), "ORG-004", "2021-03-01", "2024-03-01"}, {idNumber(901), "ORG-005", "2021/3/1", "2022/3/1"}}, "bom")
		if res := mustImport(t, db, "dispatches", di); counts(res) != [3]int{0, 1, 1} {
			t.Errorf("dispatch ended %v", counts(res))
		}
		ds := dump(t, db)
		if len(ds.Dispatches) != 2 || len(ds.Instructors) != 2 || len(ds.PartyOrgs) != 3 {
			t.Fatalf("%d dispatches, %d instructors, %d party orgs", len(ds.Dispatches), len(ds.Instructors), len(ds.PartyOrgs))
		}
		for _, p := range ds.PartyOrgs {
			if p.No == "J1" && (p.JointKind != hezuo.JointCrossVill || len(p.Orgs) != 2 || p.Parent != "T1") {
				t.Errorf("joint branch %+v", p)
			}
		}
		for _, d := range ds.Dispatches {
			if d.IDNumber == idNumber(900) && d.To.String() != "2024-03-01" {
				t.Errorf("dispatch %+v", d)
			}
		}
	})
}

func TestMoreRejections(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *sqldb.DB) {
		for _, c := range []struct {
			name, kind string
			header     []string
			row        []any
			column     string
			want       string
		}{
			{"unknown seat", "party-orgs", poHeader, []any{"B9", "某支部", "党支部", "", "220999100299", "", "ORG-001", "2018-07-01"}, "所在区划", "未知的区划"},
			{"unknown parent", "party-orgs", poHeader, []any{"B9", "某支部", "党支部", "", fxVA1, "NOPE", "ORG-001", "2018-07-01"}, "上级党组织", "未知的党组织编号"},
			{"unknown covered org", "party-orgs", poHeader, []any{"B9", "某支部", "党支部", "", fxVA1, "", "ORG-999", "2018-07-01"}, "覆盖组织", "未知的组织编号"},
			{"branch without orgs", "party-orgs", poHeader, []any{"B9", "某支部", "党支部", "", fxVA1, "", "", "2018-07-01"}, "覆盖组织", "至少要覆盖"},
			{"bad form", "party-orgs", poHeader, []any{"B9", "某支部", "协会", "", fxVA1, "", "ORG-001", "2018-07-01"}, "组织形式", "无效"},
			{"bad joint kind", "party-orgs", poHeader, []any{"B9", "某支部", "联合党支部", "随便", fxVA1, "", "ORG-001", "2018-07-01"}, "联合类型", "村会联合"},
			{"unknown township", "instructors", inHeader, []any{idNumber(900), "李明", "220999109", ""}, "派出乡镇", "未知的乡镇"},
			{"village as township", "instructors", inHeader, []any{idNumber(900), "李明", fxVA1, ""}, "派出乡镇", "9 位"},
			{"not an instructor", "dispatches", diHeader, []any{idNumber(900), "ORG-001", "2021-03-01", ""}, "身份证号", "不是已登记的指导员"},
			{"dispatch ends before it starts", "dispatches", diHeader, []any{idNumber(900), "ORG-001", "2021-03-01", "2020-01-01"}, "结束日期", "晚于开始"},
		} {
			t.Run(c.name, func(t *testing.T) {
				path := tempFile(t, "x.csv")
				writeCSV(t, path, c.header, [][]any{c.row}, "utf8")
				_, rej := importFile(t, db, c.kind, path, false)
				if rej == nil || len(rej.Problems) != 1 {
					t.Fatalf("want one problem, got %v", rej)
				}
				if p := rej.Problems[0]; p.Row != 2 || p.Column != c.column || !strings.Contains(p.ZH, c.want) {
					t.Errorf("got %s; want column %s with %q", p.Line(path, "zh"), c.column, c.want)
				}
			})
		}
	})
}
