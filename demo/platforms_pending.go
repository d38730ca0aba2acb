package demo

import "hezuo"

// pendingLoans makes the applications not (yet) disbursed: fourteen waiting
// in the queue on the day — from members of the model orgs, from 致富先锋
// (leaders), from borrowers with an overdue loan and from others — three
// rejected earlier and two approved but not yet disbursed.
func (b *builder) pendingLoans(ps *platformSet, overdue []*loanPlan) []*loanPlan {
	var out []*loanPlan
	queueFrom, queueTo := hezuo.MustDate("2022-03-01"), hezuo.MustDate("2022-05-31")
	apply := func(p int, o *orgPlan, wan int, forCoop bool, lo, hi hezuo.Date) *loanPlan {
		l := &loanPlan{person: p}
		l.Borrower, l.OrgNo, l.ForCooperative = b.people[p].IDNumber, o.OrgNo, forCoop
		l.AmountFen, l.TermMonths = int64(wan)*1_000_000, 12
		l.RatePPM = benchmark[2022] * (120 + b.r.IntN(30)) / 100 / 100 * 100
		l.AppliedOn = b.between(later(lo, ps.since(p).AddDays(1)), hi)
		l.Purpose = "发展" + noun(o.Industry)
		l.HouseholdsDriven = 2 + b.r.IntN(20)
		if forCoop {
			l.TermMonths = 36
			l.Purpose = o.Name + "新建冷库、扩大加工"
			l.HouseholdsDriven = 60 + b.r.IntN(90)
		}
		out = append(out, l)
		return l
	}
	for _, name := range []string{SuifenName, TianqiaolingName, DongxinName} {
		o := b.orgNamed(name)
		apply(b.eligible(ps, o.fullIDs[1:], queueFrom), o, 30+b.r.IntN(50), true, queueFrom, queueTo)
	}
	branches := b.partyMembers("", catBranch, catJointVillage, catJointCross)
	for n := 0; n < 4; {
		p := b.eligible(ps, branches, queueFrom)
		if !b.people[p].LeaderSince.IsZero() && !b.orgOf(p).Model {
			apply(p, b.orgOf(p), 5+b.r.IntN(16), false, queueFrom, queueTo)
			n++
		}
	}
	for _, l := range overdue[:min(2, len(overdue))] {
		apply(l.person, b.orgOf(l.person), 5+b.r.IntN(10), false, queueFrom, queueTo)
	}
	for i := 0; i < 5; i++ {
		p := b.eligible(ps, branches, queueFrom)
		apply(p, b.orgOf(p), 3+b.r.IntN(10), false, queueFrom, queueTo)
	}
	for i := 0; i < 3; i++ {
		p := b.eligible(ps, branches, hezuo.MustDate("2019-01-01"))
		l := apply(p, b.orgOf(p), 5+b.r.IntN(20), false, hezuo.MustDate("2019-01-01"), hezuo.MustDate("2021-10-31"))
		l.RejectedOn = l.AppliedOn.AddDays(10 + b.r.IntN(20))
		l.Note = "经营项目可行性不足，未予批准"
	}
	for i := 0; i < 2; i++ {
		p := b.eligible(ps, branches, hezuo.MustDate("2022-04-20"))
		l := apply(p, b.orgOf(p), 5+b.r.IntN(10), false, hezuo.MustDate("2022-04-20"), hezuo.MustDate("2022-05-10"))
		l.ApprovedOn = l.AppliedOn.AddDays(10 + b.r.IntN(11))
		l.Lender = lenders[b.pickIndex()].name
	}
	return out
}
