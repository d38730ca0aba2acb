package xlsx_test

import (
	"strings"
	"testing"

	"hezuo"
	"hezuo/sqldb"
)

var (
	loanHeader     = []string{"贷款编号", "借款人身份证号", "申请党组织", "组织编号", "用途", "是否用于合作组织发展", "贷款机构", "金额(元)", "年利率(%)", "期限(月)", "申请日期", "审批日期", "发放日期", "担保人身份证号"}
	trainingHeader = []string{"培训编号", "日期", "主题", "主办单位", "产业", "方式", "学时", "地点"}
	attendHeader   = []string{"培训编号", "身份证号", "组织编号"}
)

// TestPlatformKinds imports new loans and trainings on the demo county,
// again (unchanged), changed, and a file with planted mistakes refused
// whole with one FILE:ROW:COLUMN problem each.
func TestPlatformKinds(t *testing.T) {
	demoDBs(t, func(t *testing.T, db *sqldb.DB) {
		ds := fullDump(t, db)
		var member string // a borrower of a stored loan: a party member then
		var applied hezuo.Date
		for _, l := range ds.Loans {
			if l.Borrower != "" {
				member, applied = l.Borrower, l.AppliedOn
				break
			}
		}
		org, unit, guarantor := ds.Orgs[0].OrgNo, ds.Units[0].Code, ds.Guarantors[0].IDNumber
		day := applied.String()
		loans := tempFile(t, "loans.csv")
		rows := [][]any{
			{"T-DK-1", member, "", org, "扩大种植", "是", "农村信用社", "50,000", "4.35", 12, day, day, day, guarantor},
			{"T-DK-2", member, "", "", "购买农机", "否", "", "8000.5", "4.785%", 24, day, "", "", ""},
		}
		writeCSV(t, loans, loanHeader, rows, "utf8")
		if res := importDemo(t, db, "loans", loans); counts(res) != [3]int{2, 0, 0} {
			t.Errorf("loans %v", counts(res))
		}
		if res := importDemo(t, db, "loans", loans); counts(res) != [3]int{0, 0, 2} {
			t.Errorf("loans again %v", counts(res))
		}
		rows[1][4] = "购买插秧机"
		writeCSV(t, loans, loanHeader, rows, "gb18030")
		if res := importDemo(t, db, "loans", loans); counts(res) != [3]int{0, 1, 1} {
			t.Errorf("loans changed %v", counts(res))
		}
		after := fullDump(t, db)
		for _, l := range after.Loans {
			if l.No == "T-DK-2" && (l.AmountFen != 800050 || l.RatePPM != 47850 || l.Purpose != "购买插秧机") {
				t.Errorf("loan %+v", l)
			}
		}
		trainings := tempFile(t, "trainings.csv")
		writeCSV(t, trainings, trainingHeader, [][]any{{"T-PX-1", day, "木耳栽培", unit, "食用菌", "远程", 3, ds.Orgs[0].Village}}, "utf8")
		if res := importDemo(t, db, "trainings", trainings); counts(res) != [3]int{1, 0, 0} {
			t.Errorf("trainings %v", counts(res))
		}
		att := tempFile(t, "att.csv")
		writeCSV(t, att, attendHeader, [][]any{{"T-PX-1", member, org}}, "utf8")
		if res := importDemo(t, db, "attendances", att); counts(res) != [3]int{1, 0, 0} {
			t.Errorf("attendances %v", counts(res))
		}

		// Planted mistakes: the whole file is refused, nothing written.
		bad := tempFile(t, "bad.csv")
		writeCSV(t, bad, loanHeader, [][]any{
			{"T-DK-3", member, "", org, "扩大种植", "是", "信用社", "5万", "4.35", 12, day, day, day, ""},
			{"T-DK-4", member, "", "NO-SUCH-ORG", "扩大种植", "是", "信用社", "5000", "4.35", 12, day, day, day, ""},
			{"T-DK-5", member, "", org, "扩大种植", "是", "信用社", "5000", "4.35", 12, day, day, day, idNumber(77)},
			{"T-DK-6", member, "", org, "扩大种植", "是", "", "5000", "4.35", 12, day, day, day, ""},
			{"T-DK-1", member, "P-1", org, "扩大种植", "是", "信用社", "5000", "4.35", 12, day, day, day, ""},
			{"T-DK-7", member, "", org, "扩大种植", "是", "信用社", "5000", "4.35", 12, day, "", day, ""},
		}, "utf8")
		_, rej := importFile(t, db, "loans", bad, false)
		if rej == nil {
			t.Fatal("planted mistakes accepted")
		}
		want := []struct {
			row       int
			col, text string
		}{
			{2, "金额(元)", "以元为单位"}, {3, "组织编号", "未知的组织编号"}, {4, "担保人身份证号", "不是登记的公职人员担保人"},
			{5, "贷款机构", "应填写贷款机构"}, {6, "借款人身份证号", "只填一个"}, {7, "发放日期", "未经审批"},
		}
		if len(rej.Problems) != len(want) {
			t.Fatalf("got %d problems, want %d:\n%s", len(rej.Problems), len(want), rej.Lines("zh"))
		}
		for i, w := range want {
			if p := rej.Problems[i]; p.Row != w.row || p.Column != w.col || !strings.Contains(p.ZH, w.text) {
				t.Errorf("problem %d: %s; want row %d column %s with %q", i, p.Line(bad, "zh"), w.row, w.col, w.text)
			}
		}
		if n := len(fullDump(t, db).Loans); n != len(after.Loans) {
			t.Errorf("%d loans after a refused file, want %d", n, len(after.Loans))
		}
	})
}

func importDemo(t *testing.T, db *sqldb.DB, kind, path string) *xlsxResult {
	t.Helper()
	res, err := xlsxImport(db, kind, path)
	if err != nil {
		t.Fatalf("%s: %v", kind, err)
	}
	return res
}
