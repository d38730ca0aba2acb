package web

import (
	"fmt"
	"net/http"
	"regexp"
	"strings"
	"testing"
)

var problemRowRe = regexp.MustCompile(`<tr><td class="num">(\d+)</td><td>([^<]*)</td><td class="value">([^<]*)</td><td class="what">([^<]*)</td></tr>`)

// TestImportProblemTable: one check of an upload lists every problem of
// every row on the page as a table (row, column, value, what is wrong),
// those found against the stored records (an unknown org) with those of
// the cells (a day that does not exist), beside the red workbook; a file
// with more problems than the page shows says how many more.
func TestImportProblemTable(t *testing.T) {
	forEachDB(t, func(t *testing.T, a *app) {
		c := a.login(t, "admin")
		csv := "身份证号,姓名,组织编号,加入日期,政治面貌\n" +
			newIDNumber(21) + ",甲," + orgSec + ",2022-02-30,群众\n" + // row 2: no such day
			newIDNumber(22) + ",乙,ORG-999,2020-01-01,群众\n" + // row 3: an unknown org
			newIDNumber(23) + ",丙,ORG-998,2022-13-01,群众\n" // row 4: both
		st, body := c.upload("/import", map[string]string{"kind": "members"}, "成员.csv", []byte(csv))
		if st != http.StatusUnprocessableEntity || !strings.Contains(body, `id="error-workbook"`) || !strings.Contains(body, `id="import-problems"`) {
			t.Fatalf("check: %d %.2000s", st, body)
		}
		got := map[string][2]string{}
		for _, m := range problemRowRe.FindAllStringSubmatch(body, -1) {
			got[m[1]+":"+m[2]] = [2]string{m[3], m[4]}
		}
		for _, want := range []struct{ at, value, says string }{
			{"2:加入日期", "2022-02-30", "无法识别或不存在"},
			{"3:组织编号", "ORG-999", "未知的组织编号 ORG-999"},
			{"4:加入日期", "2022-13-01", "无法识别或不存在"},
			{"4:组织编号", "ORG-998", "未知的组织编号 ORG-998"},
		} {
			if g, ok := got[want.at]; !ok || g[0] != want.value || !strings.Contains(g[1], want.says) {
				t.Errorf("table row %s: got %q, want value %q and %q (all: %v)", want.at, g, want.value, want.says, got)
			}
		}
		if !strings.Contains(body, "共 4 个问题，涉及 3 行") {
			t.Error("the page does not count the problems and rows")
		}

		// 600 bad rows: the table shows 500 and says how many more.
		var b strings.Builder
		b.WriteString("身份证号,姓名,组织编号,加入日期,政治面貌\n")
		for i := range 600 {
			fmt.Fprintf(&b, "%s,成员%d,%s,2022-02-30,群众\n", newIDNumber(100+i), i, orgSec)
		}
		st, body = c.upload("/import", map[string]string{"kind": "members"}, "大.csv", []byte(b.String()))
		if n := len(problemRowRe.FindAllString(body, -1)); st != http.StatusUnprocessableEntity || n != 500 {
			t.Errorf("a file of 600 problems: %d, %d rows in the table, want 500", st, n)
		}
		if !strings.Contains(body, `id="import-problem-more"`) || !strings.Contains(body, "另有 100 个问题") {
			t.Error("the page does not say how many problems it leaves out")
		}
	})
}
