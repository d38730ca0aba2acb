package xlsx_test

import (
	"strings"
	"testing"

	"hezuo/sqldb"
)

var (
	pairingHeader  = []string{"党员身份证号", "户编号", "户主姓名", "所在村", "户人口", "贫困状态", "帮扶内容", "结对日期", "脱贫日期", "脱贫人数"}
	unitPairHeader = []string{"单位代码", "组织编号", "村", "帮扶内容", "开始日期", "结束日期"}
)

// TestPlatformRejections imports one bad row of each platform KIND on the
// demo county and checks the one problem's column and reason.
func TestPlatformRejections(t *testing.T) {
	demoDBs(t, func(t *testing.T, db *sqldb.DB) {
		ds := fullDump(t, db)
		member, from := ds.HouseholdPairings[0].IDNumber, ds.HouseholdPairings[0].From.String()
		org, unit, village := ds.Orgs[0].OrgNo, ds.Units[0].Code, ds.Orgs[0].Village
		training := ds.Trainings[0].No
		for _, c := range []struct {
			name, kind string
			header     []string
			row        []any
			column     string
			want       string
		}{
			{"bad rate", "loans", loanHeader, []any{"X1", member, "", org, "种植", "否", "", "5000", "40", 12, from, "", "", ""}, "年利率(%)", "0 到 36"},
			{"loan for coop without org", "loans", loanHeader, []any{"X1", member, "", "", "种植", "是", "", "5000", "4", 12, from, "", "", ""}, "组织编号", "组织编号"},
			{"training mode", "trainings", trainingHeader, []any{"X1", from, "主题", unit, "", "函授", 3, village}, "方式", "现场 或 远程"},
			{"training unknown unit", "trainings", trainingHeader, []any{"X1", from, "主题", "NO-UNIT", "", "现场", 3, village}, "主办单位", "未知的单位"},
			{"training no hours", "trainings", trainingHeader, []any{"X1", from, "主题", unit, "", "现场", 0, village}, "学时", "至少 1"},
			{"attendance unknown training", "attendances", attendHeader, []any{"NO-PX", member, ""}, "培训编号", "未知的培训编号"},
			{"attendance unknown person", "attendances", attendHeader, []any{training, idNumber(4242), ""}, "身份证号", "尚未登记"},
			{"pairing out of poverty without date", "pairings", pairingHeader, []any{member, "X-H1", "张三", village, 3, "贫困户", "", from, "", 2}, "脱贫日期", "脱贫日期"},
			{"pairing too many out", "pairings", pairingHeader, []any{member, "X-H1", "张三", village, 3, "贫困户", "", from, from, 4}, "脱贫人数", "0 到家庭人口"},
			{"pairing bad poverty", "pairings", pairingHeader, []any{member, "X-H1", "张三", village, 3, "很穷", "", from, "", 0}, "贫困状态", "无效"},
			{"pairing not a member", "pairings", pairingHeader, []any{idNumber(4242), "X-H1", "张三", village, 3, "贫困户", "", from, "", 0}, "党员身份证号", "不是党员"},
			{"unit pairing two targets", "unit-pairings", unitPairHeader, []any{unit, org, village, "", from, ""}, "组织编号", "只填写一个"},
			{"unit pairing unknown unit", "unit-pairings", unitPairHeader, []any{"NO-UNIT", org, "", "", from, ""}, "单位代码", "未知的单位"},
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
