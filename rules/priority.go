package rules

import (
	"fmt"
	"sort"

	"hezuo"
)

// RulePriority is the rule of the summary reason of a priority decision.
const RulePriority = "three_priorities"

// Application is a loan application waiting for a decision, with the facts
// the three priorities (三个优先) look at. PartyOrgOK reports whether the
// org's party work is in order on the day (covered, nothing left unbuilt);
// OverdueLoans counts the overdue loans of the applicant and of the org;
// Vanguard whether the borrower is a 致富先锋 (a 致富能手 or 技术骨干).
type Application struct {
	LoanNo           string     `json:"loan"`
	AppliedOn        hezuo.Date `json:"applied_on"`
	AmountFen        int64      `json:"amount_fen"`
	Applicant        string     `json:"applicant"`
	OrgNo            string     `json:"org_id,omitempty"`
	OrgName          string     `json:"org_name,omitempty"`
	OrgModel         bool       `json:"org_model"`
	PartyOrgOK       bool       `json:"party_org_ok"`
	OverdueLoans     int        `json:"overdue_loans"`
	Vanguard         bool       `json:"vanguard"`
	HouseholdsDriven int        `json:"households_driven"`
}

// Ranked is an application with its place in the queue: Priority marks an
// application meeting every condition and at least one merit (or every
// condition when no merit is in use); Merits lists the merits met.
type Ranked struct {
	Application
	Rank     int            `json:"rank"`
	Priority bool           `json:"priority"`
	Merits   []string       `json:"merits"`
	Reasons  []hezuo.Reason `json:"-"`
}

// criterion is one of the configurable criteria: whether it is in use, and
// whether an application meets it, with the words for both outcomes.
type criterion struct {
	key     string
	merit   bool
	inUse   func(Settings) bool
	met     func(Settings, *Application) bool
	yes, no func(Settings, *Application) (string, string)
}

var criteria = []criterion{
	{KeyPriorityNoOverdue, false, func(s Settings) bool { return s.PriorityNoOverdue },
		func(_ Settings, a *Application) bool { return a.OverdueLoans == 0 },
		func(Settings, *Application) (string, string) {
			return "申请人及所在组织无逾期贷款", "no overdue loan of the applicant or the org"
		},
		func(_ Settings, a *Application) (string, string) {
			return fmt.Sprintf("申请人或所在组织有逾期贷款 %d 笔", a.OverdueLoans), fmt.Sprintf("%d overdue loan(s) of the applicant or the org", a.OverdueLoans)
		}},
	{KeyPriorityPartyOrgOK, false, func(s Settings) bool { return s.PriorityPartyOrgOK },
		func(_ Settings, a *Application) bool { return a.PartyOrgOK },
		func(Settings, *Application) (string, string) {
			return "所在组织党建工作正常", "the org's party work is in order"
		},
		func(_ Settings, a *Application) (string, string) {
			if a.OrgNo == "" {
				return "未填写所在合作组织", "no org given"
			}
			return "所在组织存在空白点或应建未建问题", "the org is a blank spot or has not built the party organization it must have"
		}},
	{KeyPriorityModelOrg, true, func(s Settings) bool { return s.PriorityModelOrg },
		func(_ Settings, a *Application) bool { return a.OrgModel },
		func(_ Settings, a *Application) (string, string) {
			return "所在组织" + a.OrgName + "是典型（示范）组织", "the org " + a.OrgName + " is a model"
		},
		func(Settings, *Application) (string, string) {
			return "所在组织不是典型组织", "the org is not a model"
		}},
	{KeyPriorityVanguard, true, func(s Settings) bool { return s.PriorityVanguard },
		func(_ Settings, a *Application) bool { return a.Vanguard },
		func(Settings, *Application) (string, string) {
			return "借款人是致富先锋党员（致富能手、技术骨干）", "the borrower is a vanguard party member (致富能手/技术骨干)"
		},
		func(Settings, *Application) (string, string) {
			return "借款人不是致富先锋党员", "the borrower is not a vanguard party member"
		}},
	{KeyPriorityMinHouseholds, true, func(s Settings) bool { return s.PriorityMinHouseholds > 0 },
		func(s Settings, a *Application) bool { return a.HouseholdsDriven >= s.PriorityMinHouseholds },
		func(s Settings, a *Application) (string, string) {
			return fmt.Sprintf("项目带动农户 %d 户（≥%d）", a.HouseholdsDriven, s.PriorityMinHouseholds),
				fmt.Sprintf("the project drives %d households (>= %d)", a.HouseholdsDriven, s.PriorityMinHouseholds)
		},
		func(s Settings, a *Application) (string, string) {
			return fmt.Sprintf("项目带动农户 %d 户，不足 %d 户", a.HouseholdsDriven, s.PriorityMinHouseholds),
				fmt.Sprintf("the project drives %d households, fewer than %d", a.HouseholdsDriven, s.PriorityMinHouseholds)
		}},
}

// Prioritize marks each application as priority or not by the criteria in
// use and orders the queue: priority first, then more merits, then earlier
// application, then loan number. Each result carries one reason per
// criterion in use, after a summary.
func (s Settings) Prioritize(apps []Application) []Ranked {
	out := make([]Ranked, len(apps))
	for i := range apps {
		out[i] = s.rank(apps[i])
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := &out[i], &out[j]
		switch {
		case a.Priority != b.Priority:
			return a.Priority
		case len(a.Merits) != len(b.Merits):
			return len(a.Merits) > len(b.Merits)
		case !a.AppliedOn.Equal(b.AppliedOn):
			return a.AppliedOn.Before(b.AppliedOn)
		}
		return a.LoanNo < b.LoanNo
	})
	for i := range out {
		out[i].Rank = i + 1
	}
	return out
}

func (s Settings) rank(a Application) Ranked {
	r := Ranked{Application: a, Merits: []string{}}
	condsOK, conds, merits := true, 0, 0
	var details []hezuo.Reason
	for _, c := range criteria {
		if !c.inUse(s) {
			continue
		}
		met := c.met(s, &a)
		zh, en := c.no(s, &a)
		mark := "✗"
		if met {
			zh, en = c.yes(s, &a)
			mark = "✓"
		}
		kind, kindEN := "条件", "condition"
		if c.merit {
			kind, kindEN = "业绩", "merit"
			merits++
			if met {
				r.Merits = append(r.Merits, c.key)
			}
		} else {
			conds++
			condsOK = condsOK && met
		}
		details = append(details, hezuo.Reason{Rule: c.key, ZH: mark + " " + kind + "：" + zh, EN: mark + " " + kindEN + ": " + en})
	}
	src := citeThreePriorities
	switch {
	case conds+merits == 0:
		r.Reasons = []hezuo.Reason{{Rule: RulePriority, ZH: "未设置三个优先的条件（" + src.zh + "）", EN: "no criterion of the three priorities is in use (" + src.en + ")"}}
		return r
	case condsOK && (len(r.Merits) > 0 || merits == 0):
		r.Priority = true
		r.Reasons = []hezuo.Reason{{Rule: RulePriority,
			ZH: fmt.Sprintf("列入三个优先：满足全部条件，具备业绩 %d 项，优先享受贷款、贴息和财政专项补贴政策（%s）", len(r.Merits), src.zh),
			EN: fmt.Sprintf("priority: meets every condition and %d merit(s); first for loans, interest subsidies and fiscal special subsidies (%s)", len(r.Merits), src.en)}}
	case !condsOK:
		r.Reasons = []hezuo.Reason{{Rule: RulePriority, ZH: "不列入三个优先：有条件未满足（" + src.zh + "）", EN: "not a priority: a condition is not met (" + src.en + ")"}}
	default:
		r.Reasons = []hezuo.Reason{{Rule: RulePriority, ZH: "不列入三个优先：不具备任何一项业绩（" + src.zh + "）", EN: "not a priority: no merit (" + src.en + ")"}}
	}
	r.Reasons = append(r.Reasons, details...)
	return r
}
