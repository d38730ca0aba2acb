package rules

import (
	"fmt"
	"sort"

	"hezuo"
)

// States of a development step (发展党员) on a day.
const (
	DevDue       = "due"       // a deadline ahead
	DevOverdue   = "overdue"   // a deadline passed without the next step
	DevReady     = "ready"     // the person may move on (the minimum time is served)
	DevIrregular = "irregular" // the history breaks a time limit
)

// Development steps a DevItem is about.
const (
	StepTalk       = "talk"         // talk with an applicant (细则 Art. 7)
	StepAssessment = "assessment"   // half-yearly assessment of an activist (Art. 11)
	StepCandidate  = "candidate"    // naming a development object (Art. 13)
	StepConversion = "conversion"   // conversion of a probationary member (党章 Art. 7)
	StepActivistMn = "activist_min" // a development object named too early
	StepProbation  = "probation"    // a probation shorter than the rule
)

// DevItem is one due, overdue or irregular development step of a person on
// a day: the person's status then, since when, the step, its deadline (or
// the day the person became eligible) and the reason with its rule.
type DevItem struct {
	IDNumber string       `json:"id_number"`
	Status   string       `json:"status"`
	Since    hezuo.Date   `json:"since"`
	Step     string       `json:"step"`
	State    string       `json:"state"`
	By       hezuo.Date   `json:"by"`
	Reason   hezuo.Reason `json:"reason"`
}

// Development lists, for one person's party status history and a day, what
// is due, overdue, ready or irregular in the development procedure
// (domain-rules.md §2), with the time limits of s:
//   - an applicant: the talk within talk_within_months of the application
//     (due, then overdue while still only an applicant);
//   - an activist: the next half-yearly assessment (activist_review_months),
//     and, after activist_min_months, ready to be named a development object;
//   - a probationary member: conversion at the end of probation_months, due
//     until approval_max_months after it, then overdue; after the longest
//     extension (probation_extension_max_months) overdue as a cancellation;
//   - the history itself: a development object named before
//     activist_min_months as an activist, or a full member converted before
//     probation_months of probation, is irregular.
//
// Steps not covering day are history; a person with no step on day (or a
// full member with a regular history) has no item.
func Development(s Settings, history []hezuo.PartyStatus, day hezuo.Date) []DevItem {
	h := append([]hezuo.PartyStatus(nil), history...)
	sort.SliceStable(h, func(i, j int) bool { return h[i].From.Before(h[j].From) })
	var out []DevItem
	item := func(st hezuo.PartyStatus, step, state string, by hezuo.Date, rule, zh, en string) {
		out = append(out, DevItem{IDNumber: st.IDNumber, Status: st.Status, Since: st.From, Step: step, State: state, By: by,
			Reason: hezuo.Reason{Rule: rule, ZH: zh, EN: en}})
	}
	var activistFrom, probationFrom hezuo.Date
	for _, st := range h {
		if st.From.After(day) {
			break
		}
		switch st.Status {
		case hezuo.StatusActivist:
			activistFrom = st.From
		case hezuo.StatusCandidate:
			if !activistFrom.IsZero() {
				if min := activistFrom.AddPeriod(0, s.ActivistMinMonths); st.From.Before(min) {
					item(st, StepActivistMn, DevIrregular, min, "activist_min_months",
						fmt.Sprintf("%s 确定为发展对象，距列为积极分子（%s）不满 %d 个月", st.From, activistFrom, s.ActivistMinMonths),
						fmt.Sprintf("named a development object on %s, less than %d months after becoming an activist (%s)", st.From, s.ActivistMinMonths, activistFrom))
				}
			}
		case hezuo.StatusProbationary:
			probationFrom = st.From
		case hezuo.StatusFull:
			if !probationFrom.IsZero() {
				if end := probationFrom.AddPeriod(0, s.ProbationMonths); st.From.Before(end) {
					item(st, StepProbation, DevIrregular, end, "probation_months",
						fmt.Sprintf("%s 转正，预备期（自 %s）不满 %d 个月", st.From, probationFrom, s.ProbationMonths),
						fmt.Sprintf("converted on %s, before %d months of probation (from %s)", st.From, s.ProbationMonths, probationFrom))
				}
			}
		}
		if !st.To.IsZero() && !day.Before(st.To) {
			continue // not the step on day
		}
		current(s, st, day, item)
	}
	return out
}

// current adds the items of the step st covering day.
func current(s Settings, st hezuo.PartyStatus, day hezuo.Date, item func(hezuo.PartyStatus, string, string, hezuo.Date, string, string, string)) {
	switch st.Status {
	case hezuo.StatusApplicant:
		by := st.From.AddPeriod(0, s.TalkWithinMonths)
		state := DevDue
		if day.After(by) {
			state = DevOverdue
		}
		item(st, StepTalk, state, by, "talk_within_months",
			fmt.Sprintf("%s 提出入党申请，应在 %d 个月内（%s 前）派人谈话", st.From, s.TalkWithinMonths, by),
			fmt.Sprintf("applied on %s: a talk is due within %d months (by %s)", st.From, s.TalkWithinMonths, by))
	case hezuo.StatusActivist:
		ready := st.From.AddPeriod(0, s.ActivistMinMonths)
		next := st.From.AddPeriod(0, s.ActivistReviewMonths)
		for k := 2; next.Before(day); k++ {
			next = st.From.AddPeriod(0, k*s.ActivistReviewMonths)
		}
		item(st, StepAssessment, DevDue, next, "activist_review_months",
			fmt.Sprintf("入党积极分子（自 %s）每 %d 个月考察一次，下次 %s", st.From, s.ActivistReviewMonths, next),
			fmt.Sprintf("activist since %s: assessed every %d months, next on %s", st.From, s.ActivistReviewMonths, next))
		if !day.Before(ready) {
			item(st, StepCandidate, DevReady, ready, "activist_min_months",
				fmt.Sprintf("列为入党积极分子已满 %d 个月（%s 起），经考察合格可确定为发展对象", s.ActivistMinMonths, ready),
				fmt.Sprintf("an activist for %d months (since %s): may be named a development object after assessment", s.ActivistMinMonths, ready))
		}
	case hezuo.StatusProbationary:
		end := st.From.AddPeriod(0, s.ProbationMonths)
		approve := end.AddPeriod(0, s.ApprovalMaxMonths)
		limit := end.AddPeriod(0, s.ProbationExtensionMaxMonths)
		switch {
		case day.After(limit):
			item(st, StepConversion, DevOverdue, limit, "probation_extension_max_months",
				fmt.Sprintf("预备期 %s 届满，已超过最长延长期 %d 个月仍未转正：应转正或取消预备党员资格", end, s.ProbationExtensionMaxMonths),
				fmt.Sprintf("probation ended on %s and the longest extension of %d months has passed without conversion: convert or cancel", end, s.ProbationExtensionMaxMonths))
		case day.After(approve):
			item(st, StepConversion, DevOverdue, approve, "approval_max_months",
				fmt.Sprintf("预备期 %s 届满，超过 %d 个月仍未转正（或未作延长决定）", end, s.ApprovalMaxMonths),
				fmt.Sprintf("probation ended on %s, more than %d months ago, without conversion (or a decided extension)", end, s.ApprovalMaxMonths))
		default:
			item(st, StepConversion, DevDue, end, "probation_months",
				fmt.Sprintf("预备期 %d 个月，%s 届满，应及时讨论转正", s.ProbationMonths, end),
				fmt.Sprintf("probation of %d months ends on %s: conversion due", s.ProbationMonths, end))
		}
	}
}
