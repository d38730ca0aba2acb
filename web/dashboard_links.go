package web

import (
	"net/url"

	"hezuo"
)

// figureLinks returns, by card key, the list behind each dashboard figure
// that has one, filtered so that its total is the figure: the same scope
// and day (as_of, so a dashboard of another day leads to that day's rows)
// and the filter of the figure's definition (docs/ARCHITECTURE.md "Figures
// and their definitions").
func figureLinks(scope string, day hezuo.Date) map[string]string {
	at := func(path string, kv ...string) string {
		q := url.Values{"as_of": {day.String()}}
		if scope != "" {
			q.Set("scope", scope)
		}
		for i := 0; i+1 < len(kv); i += 2 {
			q.Set(kv[i], kv[i+1])
		}
		return path + "?" + q.Encode()
	}
	check := func(list string) string { return at("/check", "status", list) }
	return map[string]string{
		// orgs existing on the day, all and by kind
		"c_orgs_total":   at("/orgs"),
		"c_cooperatives": at("/orgs", "kind", hezuo.KindCooperative),
		"c_associations": at("/orgs", "kind", hezuo.KindAssociation),
		"c_unions":       at("/orgs", "kind", hezuo.KindUnion),
		// party organizations linked that day to an org in scope, by form
		"c_branches": at("/partyorgs", "form", hezuo.FormBranch, "linked", "1"),
		"c_general":  at("/partyorgs", "form", hezuo.FormGeneralBranch, "linked", "1"),
		"c_joint":    at("/partyorgs", "form", hezuo.FormJointBranch, "linked", "1"),
		"c_groups":   at("/partyorgs", "form", hezuo.FormPartyGroup, "linked", "1"),
		// the coverage figures: the check's lists of the same predicates
		"blank_spots":  check(hezuo.ListUncovered),
		"should_build": check(hezuo.ListShouldBuild),
		// instructors with a dispatch that day
		"c_dispatched": at("/instructors", "linked", "1"),
		// loans disbursed up to the day, training sessions held up to it
		"c_loans":       at("/loans", "disbursed", "1"),
		"c_loans_count": at("/loans", "disbursed", "1"),
		"c_sessions":    at("/trainings", "to", day.String()),
		// 待办/逾期
		"c_overdue_inst": at("/institutions/overdue"),
		"c_dev_due":      at("/development", "state", "due"),
		"c_dev_overdue":  at("/development", "state", "overdue"),
	}
}

// chartLinks are the lists behind the dashboard charts' bars and slices:
// the orgs of a kind (a bar's series), the party organizations of a form
// and the check's list of a coverage class, in the order of their data.
type chartLinks struct {
	Kinds    []string `json:"kinds"`
	Forms    []string `json:"forms"`
	Coverage []string `json:"coverage"`
}
