package plan

import (
	"strings"
	"testing"

	"hezuo/rules"
)

// TestBranchTradeReason: the planner names a branch's trades with the
// check's notion of similar trades (行业相近, 支部工作条例 Art. 5;
// rules.DepartmentMap.Related): one department's industries are similar,
// industries of different departments or unmapped ones are not.
func TestBranchTradeReason(t *testing.T) {
	deps := rules.DefaultDepartments()
	org := func(no, ind string, full int) Org {
		return Org{OrgNo: no, Township: "220999100", Village: "220999100201", Industry: ind, Trade: deps.Trade(ind), FullMembers: full}
	}
	for _, tt := range []struct {
		a, b, want string
	}{
		{"黑木耳", "黑木耳", "同属黑木耳产业（行业相近）"},
		{"黑木耳", "食用菌", "同属一个涉农部门（行业相近）"},
		{"黑木耳", "林蛙", "不属同一产业或同一涉农部门（行业不相近）"},
		{"乡村旅游", "黑木耳", "不属同一产业或同一涉农部门（行业不相近）"},
		{"", "黑木耳", "涉及产业："},
	} {
		orgs := []Org{org("A", tt.a, 2), org("B", tt.b, 1)}
		p := JointBranches(orgs, rules.Defaults())
		if len(p.Branches) != 1 {
			t.Fatalf("%s+%s: %+v", tt.a, tt.b, p)
		}
		var got string
		for _, r := range p.Branches[0].Reasons {
			if r.Rule == RuleIndustry {
				got = r.ZH
			}
		}
		if !strings.Contains(got, tt.want) || (tt.a == "" && strings.Contains(got, "行业")) {
			t.Errorf("%s+%s: %q, want %q", tt.a, tt.b, got, tt.want)
		}
		// The check says the same of the branch once it exists.
		related := deps.Related([]string{tt.a, tt.b})
		if related == strings.Contains(got, "不相近") {
			t.Errorf("%s+%s: the planner says %q, the check's Related says %v", tt.a, tt.b, got, related)
		}
	}
}
