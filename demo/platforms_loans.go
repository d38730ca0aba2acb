package demo

import (
	"fmt"
	"sort"

	"hezuo"
	"hezuo/rules"
)

var _ = seedSteps.add(40, (*builder).loans)

// Lenders of party-member loans, with their weight and how far their rate
// floats above the benchmark (in percent, lowest and highest).
var lenders = []struct {
	name         string
	weight       int
	floatLo, fHi int
}{
	{"汪清县农村信用合作联社", 55, 20, 50}, {"农业银行汪清县支行", 30, 0, 10}, {"邮储银行汪清县支行", 15, 10, 20},
}

// benchmark is the one-year lending benchmark of each year (parts per
// million): the PBoC benchmark to 2019, the one-year LPR after.
var benchmark = map[int]int{2009: 53100, 2010: 53100, 2011: 63100, 2012: 63100, 2013: 60000, 2014: 60000,
	2015: 48500, 2016: 43500, 2017: 43500, 2018: 43500, 2019: 43500, 2020: 38500, 2021: 38500, 2022: 37000,
	2023: 36500, 2024: 34500, 2025: 31000, 2026: 30000}

// benchmarkOf is the benchmark of a year, the last one known for later years.
func benchmarkOf(year int) int {
	return benchmark[min(year, 2026)]
}

// loanPlan is a loan being made, before it is numbered.
type loanPlan struct {
	hezuo.Loan
	person int // borrower's person index, -1 for a party organization
	reps   []hezuo.Repayment
	repaid hezuo.Date // principal repaid in full (zero: not)
}

var (
	loansFrom    = hezuo.MustDate("2009-06-01")
	lastDisburse = hezuo.MustDate("2022-05-20")
)

// loans makes the party-member loans (党员农贷): 李亚今's one million for the
// processing plant, loans for cooperative organizations' development
// adding up (with it) to the seed's 1100余万元, loans to party members'
// own industries making up the 2275万元, their repayments (a few late, a
// few overdue on the day), guarantees by public servants within the cap,
// party-fee subsidies, and applications still waiting, rejected or
// approved but not yet disbursed.
func (b *builder) loans(ps *platformSet) {
	var plans []*loanPlan
	suifen := b.orgNamed(SuifenName)
	li := suifen.fullIDs[0]
	plant := b.loan(ps, li, suifen, ps.t.PlantLoanFen, true, later(hezuo.MustDate("2012-04-16"), ps.since(li).AddDays(90)))
	plant.Purpose, plant.HouseholdsDriven, plant.TermMonths = "建设农产品加工厂", ps.t.PlantHouseholds, 36
	plant.Lender, plant.RatePPM = lenders[1].name, benchmark[plant.DisbursedOn.Year()]
	plant.Note = "以厂房、设备抵押"
	plans = append(plans, plant)

	const coopLoans, ownLoans = 44, 110
	coopWan := apportion(int((ps.t.CooperativeLoansFen-ps.t.PlantLoanFen)/1_000_000), b.weights(coopLoans, 0.5), fill(coopLoans, 10))
	ownWan := apportion(int((ps.t.LoansFen-ps.t.CooperativeLoansFen)/1_000_000), b.weights(ownLoans, 0.5), fill(ownLoans, 3))
	branches := b.partyMembers("", catBranch, catJointVillage, catJointCross)
	by := lastDisburse.AddDays(-90)
	for _, wan := range coopWan {
		o := b.coopForLoan(ps, by)
		p := b.eligible(ps, o.fullIDs, by)
		plans = append(plans, b.loan(ps, p, o, int64(wan)*1_000_000, true, hezuo.Date{}))
	}
	for _, wan := range ownWan {
		p := b.eligible(ps, branches, by)
		plans = append(plans, b.loan(ps, p, b.orgOf(p), int64(wan)*1_000_000, false, hezuo.Date{}))
	}
	overdue := b.repay(plans)
	plans = append(plans, b.pendingLoans(ps, overdue)...)
	sort.SliceStable(plans, func(i, j int) bool { return plans[i].AppliedOn.Before(plans[j].AppliedOn) })
	seq := map[int]int{}
	for _, l := range plans {
		y := l.AppliedOn.Year()
		seq[y]++
		l.No = fmt.Sprintf("WQ-DK-%d-%03d", y, seq[y])
		for i := range l.reps {
			l.reps[i].LoanNo = l.No
		}
		ps.ds.Loans = append(ps.ds.Loans, l.Loan)
		ps.ds.Repayments = append(ps.ds.Repayments, l.reps...)
	}
	b.guarantees(ps, plans)
	b.feeSubsidies(ps, plans)
}

// weights returns n random weights in [lo, lo+1).
func (b *builder) weights(n int, lo float64) []float64 {
	w := make([]float64, n)
	for i := range w {
		w[i] = lo + b.r.Float64()
	}
	return w
}

func fill(n, v int) []int {
	out := make([]int, n)
	for i := range out {
		out[i] = v
	}
	return out
}

func (b *builder) orgNamed(name string) *orgPlan {
	for _, o := range b.orgs {
		if o.Name == name {
			return o
		}
	}
	panic("demo: no org " + name)
}

// eligible picks a party member among ps who could act as one in their
// org before by (it panics when none can).
func (b *builder) eligible(ps *platformSet, list []int, by hezuo.Date) int {
	for _, k := range b.r.Perm(len(list)) {
		if ps.since(list[k]).Before(by) {
			return list[k]
		}
	}
	panic("demo: no party member eligible before " + by.String())
}

// coopForLoan picks an org with full members, one of them a member before
// by, for a development loan: mostly cooperatives.
func (b *builder) coopForLoan(ps *platformSet, by hezuo.Date) *orgPlan {
	for {
		o := b.orgs[b.r.IntN(len(b.orgs))]
		if len(o.fullIDs) == 0 || o.cat == catInstructor || !ps.since(o.fullIDs[0]).Before(by) {
			continue
		}
		if o.Kind == hezuo.KindCooperative || b.chance(0.2) {
			return o
		}
	}
}

// loan makes a disbursed loan of fen to party member p for org o (or, for a
// development loan of an org with its own branch, sometimes to the branch),
// disbursed on day (random when zero) once p could apply.
func (b *builder) loan(ps *platformSet, p int, o *orgPlan, fen int64, forCoop bool, day hezuo.Date) *loanPlan {
	if day.IsZero() {
		day = b.between(later(loansFrom, ps.since(p).AddDays(75)), lastDisburse)
	}
	lender := lenders[b.pickIndex()]
	rate := benchmarkOf(day.Year()) * (100 + lender.floatLo + b.r.IntN(lender.fHi-lender.floatLo+1)) / 100
	l := &loanPlan{person: p}
	l.Borrower, l.OrgNo, l.ForCooperative, l.Lender = b.people[p].IDNumber, o.OrgNo, forCoop, lender.name
	l.AmountFen, l.RatePPM = fen, rate/100*100
	l.DisbursedOn = day
	l.ApprovedOn = day.AddDays(-3 - b.r.IntN(12))
	l.AppliedOn = l.ApprovedOn.AddDays(-15 - b.r.IntN(40))
	l.TermMonths = []int{12, 12, 24}[b.r.IntN(3)]
	l.Purpose = "发展" + noun(o.Industry)
	l.HouseholdsDriven = 2 + b.r.IntN(12)
	if forCoop {
		l.TermMonths = []int{24, 36}[b.r.IntN(2)]
		l.Purpose = o.Name + "扩大生产、购置设备"
		l.HouseholdsDriven = 10 + b.r.IntN(90)
		if o.cat == catBranch && b.chance(0.35) && !b.poFrom(o.cover).After(l.AppliedOn) {
			l.Borrower, l.PartyOrg, l.person = "", o.cover, -1
		}
	}
	return l
}

// pickIndex picks a lender by weight.
func (b *builder) pickIndex() int {
	n := b.r.IntN(100)
	for i, l := range lenders {
		if n < l.weight {
			return i
		}
		n -= l.weight
	}
	return 0
}

// poFrom returns when a party organization was founded.
func (b *builder) poFrom(no string) hezuo.Date {
	for _, p := range b.pos {
		if p.No == no {
			return p.From
		}
	}
	panic("demo: no party organization " + no)
}

// interest is the interest on fen for the days [from, to) at ppm, as the
// bank charges it (a 360-day year).
func interest(fen int64, from, to hezuo.Date, ppm int) int64 {
	return hezuo.InterestFen(fen*int64(from.DaysUntil(to)), ppm, 360)
}

// repay makes the repayments of each disbursed loan: interest on every
// anniversary, principal with the last interest when due. Four loans due
// before the day are left overdue and three were repaid late; it returns
// the borrowers of the overdue ones.
func (b *builder) repay(plans []*loanPlan) []*loanPlan {
	var pastDue []int
	for i, l := range plans {
		// The draw below keeps the seed's choice of loans, made when a
		// term was counted with AddDate: a loan of 29 February 2020 now
		// falls due on 28 February 2022 (民法典 Art. 202, Loan.Due), which
		// would enter the window and change every later draw.
		if d := l.DisbursedOn.AddDate(0, l.TermMonths, 0); d.Before(hezuo.MustDate("2022-03-01")) && d.After(hezuo.MustDate("2020-06-30")) && l.person >= 0 {
			pastDue = append(pastDue, i)
		}
	}
	late, overdue := map[int]bool{}, map[int]bool{}
	for k, i := range b.r.Perm(len(pastDue))[:min(7, len(pastDue))] {
		if k < 4 {
			overdue[pastDue[i]] = true
		} else {
			late[pastDue[i]] = true
		}
	}
	var out []*loanPlan
	for i, l := range plans {
		due, cur := l.Due(), l.DisbursedOn
		for k := 1; ; k++ {
			next := l.DisbursedOn.AddDate(k, 0, 0)
			if !next.Before(due) || next.After(lastDay) {
				break
			}
			in := interest(l.AmountFen, cur, next, l.RatePPM)
			if b.chance(0.02) {
				in = in * 7 / 10 // paid in part: the subsidy follows what was paid
			}
			l.reps = append(l.reps, hezuo.Repayment{PaidOn: next, InterestFen: in})
			cur = next
		}
		switch {
		case overdue[i]:
			out = append(out, l)
			continue
		case due.After(b.t.Day):
			continue
		}
		end := earlier(due, lastDay) // due in the first days of June: repaid early
		if late[i] {
			end = earlier(due.AddDays(30+b.r.IntN(120)), lastDay)
		}
		l.reps = append(l.reps, hezuo.Repayment{PaidOn: end, PrincipalFen: l.AmountFen, InterestFen: interest(l.AmountFen, cur, end, l.RatePPM)})
		l.repaid = end
	}
	return out
}

// guarantees has public servants guarantee most party members' own loans
// of up to 200,000 yuan, each guarantor within the cap at all times.
func (b *builder) guarantees(ps *platformSet, plans []*loanPlan) {
	s := rules.Defaults()
	var ids []string
	exposures := map[string][]rules.Exposure{}
	for i := 0; i < 40; i++ {
		p := b.newPerson(b.towns[0].villages[b.r.IntN(len(b.towns[0].villages))], 28, 58, 0.7, kindCadre, false)
		unit := ps.countyU[b.r.IntN(len(ps.countyU))]
		id := b.people[p].IDNumber
		ids = append(ids, id)
		ps.ds.Guarantors = append(ps.ds.Guarantors, hezuo.Guarantor{IDNumber: id, Unit: unit, Post: guarantorPosts[b.r.IntN(len(guarantorPosts))]})
	}
	for _, l := range plans {
		if l.person < 0 || l.ForCooperative || l.DisbursedOn.IsZero() || l.AmountFen > 20_000_000 || !b.chance(0.75) {
			continue
		}
		x := rules.Exposure{LoanNo: l.No, AmountFen: l.AmountFen, From: l.ApprovedOn, To: l.repaid}
		for _, k := range b.r.Perm(len(ids)) {
			xs := append(append([]rules.Exposure(nil), exposures[ids[k]]...), x)
			if peak, _, _ := rules.PeakExposure(xs); peak <= int64(s.GuarantorMaxYuan)*100 {
				exposures[ids[k]] = xs
				ps.ds.Guarantees = append(ps.ds.Guarantees, hezuo.Guarantee{LoanNo: l.No, IDNumber: ids[k]})
				break
			}
		}
	}
}

var guarantorPosts = []string{"科员", "副科长", "科长", "副局长", "主任科员", "干部"}

// feeSubsidies pays a party-fee subsidy (党费补贴) on some party members'
// own loans after their first interest payment, mostly from party dues.
func (b *builder) feeSubsidies(ps *platformSet, plans []*loanPlan) {
	for _, l := range plans {
		if l.person < 0 || l.ForCooperative || len(l.reps) == 0 || l.reps[0].InterestFen == 0 || !b.chance(0.4) {
			continue
		}
		on := l.reps[0].PaidOn.AddDays(20 + b.r.IntN(60))
		if on.After(lastDay) {
			continue
		}
		src := hezuo.SourcePartyDues
		if b.chance(0.2) {
			src = hezuo.SourceFinance
		}
		ps.ds.FeeSubsidies = append(ps.ds.FeeSubsidies, hezuo.FeeSubsidy{LoanNo: l.No, PaidOn: on,
			AmountFen: int64(5+b.r.IntN(16)) * 10_000, Source: src, Note: "党员农贷党费补贴"})
	}
}
