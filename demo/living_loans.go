package demo

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"hezuo"
)

var _ = liveSteps.add(70, (*living).loans)

// loans repays the loans of the seed day as they fall due (the overdue
// ones late, that summer and autumn), settles the applications waiting on
// the seed day (those approved are disbursed, the rest closed), and makes about two dozen new loans a year with their
// repayments: two that fell due lately are overdue today, one was repaid
// late, and a few applications of the last weeks wait in the queue.
func (lv *living) loans() {
	b, ps := lv.b, lv.ps
	paid := map[string]hezuo.Date{}
	repaid := map[string]bool{}
	for _, r := range ps.ds.Repayments {
		paid[r.LoanNo] = later(paid[r.LoanNo], r.PaidOn)
		if r.PrincipalFen > 0 {
			repaid[r.LoanNo] = true
		}
	}
	seq := map[int]int{}
	for i := range ps.ds.Loans {
		l := &ps.ds.Loans[i]
		y, _ := strconv.Atoi(strings.Split(l.No, "-")[2])
		n, _ := strconv.Atoi(strings.Split(l.No, "-")[3])
		seq[y] = max(seq[y], n)
		switch {
		case !l.RejectedOn.IsZero() || repaid[l.No]:
		case l.DisbursedOn.IsZero() && l.ApprovedOn.IsZero():
			// Closed unapproved after the seed day: the lender a later
			// approval names is not dated, so it would show on the seed day.
			if on := lv.after(l.AppliedOn.AddDays(20), l.AppliedOn.AddDays(80)); !on.After(lv.today) {
				l.RejectedOn = on
			}
		case l.DisbursedOn.IsZero():
			if on := lv.after(l.ApprovedOn.AddDays(5), l.ApprovedOn.AddDays(20)); !l.ApprovedOn.IsZero() && !on.After(lv.today) {
				l.DisbursedOn = on
				lv.repay(l, on, false, false)
			}
		default:
			cur := paid[l.No]
			if cur.IsZero() {
				cur = l.DisbursedOn
			}
			lv.repay(l, cur, l.Due().Before(lv.seed), false)
		}
	}
	branches := b.partyMembers("", catBranch, catJointVillage, catJointCross)
	first, lastDisb := lv.from.AddDays(75), lv.today.AddDays(-5)
	n := max(0, first.DaysUntil(lastDisb)*loansPerYear/365)
	var plans []*loanPlan
	for i := 0; i < n; i++ {
		day := b.between(first, lastDisb)
		var l *loanPlan
		if b.chance(0.3) {
			o := b.coopForLoan(lv.ps, day)
			l = b.loan(ps, b.eligible(ps, o.fullIDs, day), o, int64(10+b.r.IntN(51))*1_000_000, true, day)
		} else {
			p := b.eligible(ps, branches, day)
			l = b.loan(ps, p, b.orgOf(p), int64(3+b.r.IntN(18))*1_000_000, false, day)
		}
		plans = append(plans, l)
	}
	for i := 0; i < 3; i++ {
		p := b.eligible(ps, branches, lv.today.AddDays(-30))
		l := b.loan(ps, p, b.orgOf(p), int64(3+b.r.IntN(15))*1_000_000, false, lv.today)
		l.ApprovedOn, l.DisbursedOn, l.Lender = hezuo.Date{}, hezuo.Date{}, ""
		l.AppliedOn = lv.today.AddDays(-b.r.IntN(25))
		plans = append(plans, l)
	}
	sort.SliceStable(plans, func(i, j int) bool { return plans[i].AppliedOn.Before(plans[j].AppliedOn) })
	var recent []int // due in the last half year
	for i, l := range plans {
		if d := l.Due(); !l.DisbursedOn.IsZero() && d.Before(lv.today.AddDays(-10)) && d.After(lv.today.AddDays(-200)) {
			recent = append(recent, i)
		}
	}
	overdue, late := map[int]bool{}, map[int]bool{}
	for k, i := range b.r.Perm(len(recent))[:min(3, len(recent))] {
		if k < 2 {
			overdue[recent[i]] = true
		} else {
			late[recent[i]] = true
		}
	}
	for i, l := range plans {
		y := l.AppliedOn.Year()
		seq[y]++
		l.No = fmt.Sprintf("WQ-DK-%d-%03d", y, seq[y])
		ps.ds.Loans = append(ps.ds.Loans, l.Loan)
		if !l.DisbursedOn.IsZero() && !overdue[i] {
			lv.repay(&ps.ds.Loans[len(ps.ds.Loans)-1], l.DisbursedOn, late[i], false)
		} else if overdue[i] {
			lv.repay(&ps.ds.Loans[len(ps.ds.Loans)-1], l.DisbursedOn, false, true)
		}
	}
}

// repay adds l's repayments after cur, the last one before the seed day:
// interest on each anniversary, the principal with the last interest when
// due (some time after it when late; never when unpaid), up to today.
func (lv *living) repay(l *hezuo.Loan, cur hezuo.Date, late, unpaid bool) {
	b := lv.b
	due := l.Due()
	for k := 1; ; k++ {
		next := l.DisbursedOn.AddPeriod(k, 0)
		if !next.Before(due) || next.After(lv.today) {
			break
		}
		if !next.After(cur) || !next.After(lv.seed) {
			continue
		}
		lv.ps.ds.Repayments = append(lv.ps.ds.Repayments, hezuo.Repayment{LoanNo: l.No, PaidOn: next,
			InterestFen: interest(l.AmountFen, cur, next, l.RatePPM)})
		cur = next
	}
	if unpaid {
		return
	}
	end := due
	if late {
		base := later(due, lv.seed)
		end = b.between(base.AddDays(30), base.AddDays(150))
	}
	if end.After(lv.today) || !end.After(lv.seed) {
		return
	}
	lv.ps.ds.Repayments = append(lv.ps.ds.Repayments, hezuo.Repayment{LoanNo: l.No, PaidOn: end, PrincipalFen: l.AmountFen,
		InterestFen: interest(l.AmountFen, cur, end, l.RatePPM)})
}
