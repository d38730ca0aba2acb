package web

import (
	"net/url"
	"sort"

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
		"c_dispatched":   at("/instructors", "linked", "1"),
		"c_orgs_covered": check(hezuo.ListInstructor),
		// pairings
		"c_households_paired": at("/assistance", "tab", "households"),
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
	Areas    []string `json:"areas"` // per bar: the area's scope code
	Kinds    []string `json:"kinds"` // per series: the orgs of the kind, without a scope
	Forms    []string `json:"forms"`
	Coverage []string `json:"coverage"`
}

// dashboardChartLinks returns the charts' links: a bar of the orgs-by-kind
// chart leads to the orgs of its kind in its area (the kinds' URLs plus the
// area's scope), a slice of the forms chart to the party organizations of
// its form, a slice of the coverage chart to the check's list of its class.
// The orders are those of chartData (areas by code, as kindsByTownship).
func dashboardChartLinks(scope string, day hezuo.Date, counts map[string]map[string]int) chartLinks {
	at := func(path string, kv ...string) string {
		q := url.Values{"as_of": {day.String()}}
		for i := 0; i+1 < len(kv); i += 2 {
			q.Set(kv[i], kv[i+1])
		}
		return path + "?" + q.Encode()
	}
	scoped := func(path string, kv ...string) string {
		if scope != "" {
			kv = append(kv, "scope", scope)
		}
		return at(path, kv...)
	}
	var l chartLinks
	for a := range counts {
		l.Areas = append(l.Areas, a)
	}
	sort.Strings(l.Areas)
	for _, k := range []string{hezuo.KindCooperative, hezuo.KindAssociation, hezuo.KindUnion} {
		l.Kinds = append(l.Kinds, at("/orgs", "kind", k))
	}
	for _, f := range []string{hezuo.FormBranch, hezuo.FormGeneralBranch, hezuo.FormCommittee, hezuo.FormJointBranch, hezuo.FormPartyGroup} {
		l.Forms = append(l.Forms, scoped("/partyorgs", "form", f, "linked", "1"))
	}
	for _, c := range []string{hezuo.ListOwnOrg, hezuo.ListJointOrGroup, hezuo.ListInstructorOnly, hezuo.ListUncovered} {
		l.Coverage = append(l.Coverage, scoped("/check", "status", c))
	}
	return l
}
