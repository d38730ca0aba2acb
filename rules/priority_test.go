package rules

import (
	"reflect"
	"strings"
	"testing"
)

func TestPrioritize(t *testing.T) {
	good := Application{LoanNo: "L1", AppliedOn: d("2022-03-01"), OrgNo: "O1", OrgName: "甲合作社", PartyOrgOK: true}
	model := good
	model.LoanNo, model.OrgModel, model.AppliedOn = "L2", true, d("2022-04-01")
	vanguardModel := model
	vanguardModel.LoanNo, vanguardModel.Vanguard, vanguardModel.AppliedOn = "L3", true, d("2022-05-01")
	overdue := vanguardModel
	overdue.LoanNo, overdue.OverdueLoans, overdue.AppliedOn = "L4", 1, d("2022-01-01")
	households := good
	households.LoanNo, households.HouseholdsDriven, households.AppliedOn = "L5", 60, d("2022-02-01")
	blank := model
	blank.LoanNo, blank.PartyOrgOK = "L6", false
	apps := []Application{good, model, vanguardModel, overdue, households, blank}

	cases := []struct {
		name     string
		s        Settings
		order    []string
		priority []string
	}{
		// Two merits first, then one merit by application date; the rest likewise.
		{"defaults", Defaults(), []string{"L3", "L5", "L2", "L4", "L6", "L1"}, []string{"L3", "L5", "L2"}},
		{"overdue loans allowed", func() Settings { s := Defaults(); s.PriorityNoOverdue = false; return s }(),
			[]string{"L4", "L3", "L5", "L2", "L6", "L1"}, []string{"L4", "L3", "L5", "L2"}},
		{"households not used", func() Settings { s := Defaults(); s.PriorityMinHouseholds = 0; return s }(),
			[]string{"L3", "L2", "L4", "L6", "L5", "L1"}, []string{"L3", "L2"}},
		{"conditions only", func() Settings {
			s := Defaults()
			s.PriorityModelOrg, s.PriorityVanguard, s.PriorityMinHouseholds = false, false, 0
			return s
		}(), []string{"L5", "L1", "L2", "L3", "L4", "L6"}, []string{"L5", "L1", "L2", "L3"}},
		{"nothing in use", func() Settings {
			s := Defaults()
			s.PriorityNoOverdue, s.PriorityPartyOrgOK, s.PriorityModelOrg, s.PriorityVanguard, s.PriorityMinHouseholds = false, false, false, false, 0
			return s
		}(), []string{"L4", "L5", "L1", "L2", "L6", "L3"}, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := c.s.Prioritize(apps)
			var order, priority []string
			for i, r := range got {
				order = append(order, r.LoanNo)
				if r.Priority {
					priority = append(priority, r.LoanNo)
				}
				if r.Rank != i+1 || len(r.Reasons) == 0 || r.Reasons[0].Rule != RulePriority {
					t.Errorf("%s: rank %d, reasons %+v", r.LoanNo, r.Rank, r.Reasons)
				}
			}
			if !reflect.DeepEqual(order, c.order) || !reflect.DeepEqual(priority, c.priority) {
				t.Errorf("order %v priority %v, want %v and %v", order, priority, c.order, c.priority)
			}
		})
	}
	got := Defaults().Prioritize([]Application{overdue})[0]
	text := ""
	for _, r := range got.Reasons {
		text += r.ZH + "|" + r.EN + "\n"
	}
	for _, want := range []string{"不列入三个优先", "✗ 条件：申请人或所在组织有逾期贷款 1 笔", "✓ merit: the org 甲合作社 is a model", "不足 50 户"} {
		if !strings.Contains(text, want) {
			t.Errorf("reasons lack %q:\n%s", want, text)
		}
	}
}
