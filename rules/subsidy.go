package rules

import (
	"fmt"
	"sort"

	"hezuo"
)

// Rule identifiers of subsidy reasons that no single setting decides.
const (
	RuleSubsidyUnpaid      = "subsidy_interest_unpaid" // pay only on interest actually paid
	RuleSubsidyPartial     = "subsidy_interest_partly" // interest paid in part: subsidy in proportion
	RuleSubsidyOverdue     = "subsidy_overdue"         // no subsidy for overdue periods
	RuleSubsidyRateUnknown = "subsidy_rate_unknown"    // no reference rate known for some days
)

// bankYear is the day count banks use for daily interest (日利率＝年利率÷360).
const bankYear = 360

// SubsidyLoan is what the subsidy rule needs of one disbursed loan: its
// principal, rate and dates, and every repayment (in any order). Borrower
// is the key the per-borrower cap adds up by.
type SubsidyLoan struct {
	No, Borrower string
	AmountFen    int64
	RatePPM      int
	DisbursedOn  hezuo.Date
	DueOn        hezuo.Date
	Repayments   []hezuo.Repayment
}

// SubsidyPeriod is one interest period of a loan: the days [From, To)
// whose interest was paid on To. Days on or after the due date are overdue
// and get no subsidy; PrincipalDays sums fen × day over the other days.
type SubsidyPeriod struct {
	From            hezuo.Date `json:"from"`
	To              hezuo.Date `json:"to"`
	Days            int        `json:"days"`
	OverdueDays     int        `json:"overdue_days"`
	PrincipalDays   int64      `json:"principal_fen_days"`
	InterestDueFen  int64      `json:"interest_due_fen"`
	InterestPaidFen int64      `json:"interest_paid_fen"`
	SubsidyFen      int64      `json:"subsidy_fen"` // before caps
	// Rates are the period's days split at every change of the reference
	// rate, each part at the subsidy rate of the rate then in force.
	Rates []SubsidyRatePart `json:"rates"`
	spans []principalSpan   // the days subsidised, with the principal on them
}

// SubsidyRatePart is a stretch [From, To) of a period's subsidised days
// over which one reference rate was in force (none in the fixed-rate
// mode): that rate, its kind and day, the subsidy rate it gives, the
// principal × days and the subsidy (before the proportion for interest
// paid in part, and before caps).
type SubsidyRatePart struct {
	From          hezuo.Date `json:"from"`
	To            hezuo.Date `json:"to"`
	Kind          string     `json:"kind,omitempty"` // benchmark | lpr
	ReferenceFrom hezuo.Date `json:"reference_from,omitempty"`
	ReferencePPM  int        `json:"reference_ppm,omitempty"`
	RatePPM       int        `json:"rate_ppm"`
	PrincipalDays int64      `json:"principal_fen_days"`
	SubsidyFen    int64      `json:"subsidy_fen"`
}

// principalSpan is a stretch of days [from, to) on which principal fen
// were outstanding and not overdue.
type principalSpan struct {
	from, to  hezuo.Date
	principal int64
}

// Subsidy is one loan's interest subsidy for a year: the periods whose
// interest was paid that year, the subsidy before caps (GrossFen), what the
// caps cut, and what is due (SubsidyFen), with the reasons.
//
// RatePPM is the subsidy rate of the year's last subsidised day. RateUnknown
// says that no reference rate is known for some of the days (before the
// table's first row): the subsidy is then not computed (zero), never taken
// at a later rate.
type Subsidy struct {
	LoanNo      string          `json:"loan"`
	Borrower    string          `json:"borrower"`
	Year        int             `json:"year"`
	RatePPM     int             `json:"rate_ppm"`
	RateUnknown bool            `json:"rate_unknown,omitempty"`
	Periods     []SubsidyPeriod `json:"periods"`
	GrossFen    int64           `json:"gross_fen"`
	CutFen      int64           `json:"cut_fen"`
	SubsidyFen  int64           `json:"subsidy_fen"`
	Reasons     []hezuo.Reason  `json:"-"`
}

// DayBasis returns the days of the subsidy year: 360 or 365.
func (s Settings) DayBasis() int {
	if s.SubsidyDays365 {
		return 365
	}
	return 360
}

// SubsidyRate returns the subsidy rate (parts per million) for a loan at
// loanPPM while ref was the reference rate in force, and why: the fixed
// rate, never above the loan's (ref unused), or a share of the lower of the
// loan's rate and ref's.
func (s Settings) SubsidyRate(loanPPM int, ref hezuo.LendingRate) (int, hezuo.Reason) {
	if s.SubsidyFixedRate {
		fixed := s.SubsidyFixedRateBP * 100
		src := source(KeySubsidyFixedRate)
		if loanPPM < fixed {
			return loanPPM, hezuo.Reason{Rule: KeySubsidyFixedRateBP,
				ZH: fmt.Sprintf("贴息率按贷款利率 %s（低于固定贴息率 %s，贴息不超过实际利率）（%s）", hezuo.Percent(loanPPM), hezuo.Percent(fixed), src.zh),
				EN: fmt.Sprintf("subsidy rate %s, the loan's rate, below the fixed %s (never above the actual rate) (%s)", hezuo.Percent(loanPPM), hezuo.Percent(fixed), src.en)}
		}
		return fixed, hezuo.Reason{Rule: KeySubsidyFixedRateBP,
			ZH: fmt.Sprintf("贴息率为固定贴息率 %s（%s）", hezuo.Percent(fixed), src.zh),
			EN: fmt.Sprintf("subsidy rate: the fixed %s (%s)", hezuo.Percent(fixed), src.en)}
	}
	refPPM := ref.RatePPM
	name, nameEN := hezuo.RateKindNames[ref.Kind], "the 1-year LPR"
	if ref.Kind == hezuo.RateBenchmark {
		nameEN = "the 1-year benchmark lending rate"
	}
	base, which, whichEN := refPPM, name, nameEN
	if loanPPM < refPPM {
		base, which, whichEN = loanPPM, "贷款利率", "the loan's rate"
	}
	rate := base * s.SubsidyShareOfRefPct / 100
	src := source(KeySubsidyShareOfRefPct)
	return rate, hezuo.Reason{Rule: KeySubsidyShareOfRefPct,
		ZH: fmt.Sprintf("贴息率 %s＝贷款利率 %s 与%s %s（%s 起执行，%s）中的低者（%s）×%d%%（%s）", hezuo.Percent(rate), hezuo.Percent(loanPPM),
			name, hezuo.Percent(refPPM), ref.EffectiveFrom, ref.Source, which, s.SubsidyShareOfRefPct, src.zh),
		EN: fmt.Sprintf("subsidy rate %s = %d%% of the lower of the loan's rate %s and %s %s (in force from %s, %s) (%s) (%s)", hezuo.Percent(rate),
			s.SubsidyShareOfRefPct, hezuo.Percent(loanPPM), nameEN, hezuo.Percent(refPPM), ref.EffectiveFrom, ref.Source, whichEN, src.en)}
}

// Subsidies computes each loan's interest subsidy for year from the interest
// paid in that year up to and including asOf: principal on which interest
// was paid × subsidy rate × days / day basis, leaving out overdue days,
// reduced in proportion when the interest was paid only in part, then cut
// to the caps per loan and per borrower and year (loans taking their share
// of a borrower's cap in the order of disbursement). Loans with no interest
// paid in the year are left out. The subsidy rate of each day is that of
// the reference rate in force that day (rates): a period spanning a change
// of the rate is split at it. A loan with days before the table's first
// row is listed with RateUnknown and no subsidy.
func (s Settings) Subsidies(loans []SubsidyLoan, year int, asOf hezuo.Date, rates RateTable) []Subsidy {
	sorted := append([]SubsidyLoan(nil), loans...)
	sort.SliceStable(sorted, func(i, j int) bool {
		if !sorted[i].DisbursedOn.Equal(sorted[j].DisbursedOn) {
			return sorted[i].DisbursedOn.Before(sorted[j].DisbursedOn)
		}
		return sorted[i].No < sorted[j].No
	})
	used := map[string]int64{} // borrower → subsidy granted this year
	var out []Subsidy
	for _, l := range sorted {
		sub, ok := s.subsidy(l, year, asOf, rates)
		if !ok {
			continue
		}
		s.applyCaps(&sub, used)
		out = append(out, sub)
	}
	return out
}

// subsidy computes one loan's subsidy before the borrower's cap.
func (s Settings) subsidy(l SubsidyLoan, year int, asOf hezuo.Date, rates RateTable) (Subsidy, bool) {
	sub := Subsidy{LoanNo: l.No, Borrower: l.Borrower, Year: year}
	periods, unpaidFrom, outstanding := interestPeriods(l, asOf)
	overdue := 0
	said := map[string]bool{} // rate reasons given
	for _, p := range periods {
		if p.To.Year() != year {
			continue
		}
		if err := s.rateParts(&p, l.RatePPM, rates, &sub, said); err != nil {
			sub.RateUnknown = true
			sub.Reasons = append(sub.Reasons, hezuo.Reason{Rule: RuleSubsidyRateUnknown,
				ZH: fmt.Sprintf("%s至%s：%s，无法计算贴息；请在参考利率表中补充当时的利率", p.From, p.To, hezuo.ErrorMessage(err, "zh")),
				EN: fmt.Sprintf("%s to %s: %s, so the subsidy cannot be computed; add the rate then in force to the table of reference rates", p.From, p.To, hezuo.ErrorMessage(err, "en"))})
		}
		if p.InterestPaidFen < p.InterestDueFen {
			p.SubsidyFen = p.SubsidyFen * p.InterestPaidFen / p.InterestDueFen
			sub.Reasons = append(sub.Reasons, hezuo.Reason{Rule: RuleSubsidyPartial,
				ZH: fmt.Sprintf("%s至%s 应付利息 %s 元，实付 %s 元，按实付比例贴息", p.From, p.To, hezuo.Yuan(p.InterestDueFen), hezuo.Yuan(p.InterestPaidFen)),
				EN: fmt.Sprintf("%s to %s: interest due %s yuan, paid %s yuan: subsidy in proportion to what was paid", p.From, p.To, hezuo.Yuan(p.InterestDueFen), hezuo.Yuan(p.InterestPaidFen))})
		}
		overdue += p.OverdueDays
		sub.GrossFen += p.SubsidyFen
		sub.Periods = append(sub.Periods, p)
	}
	if sub.RateUnknown {
		sub.GrossFen = 0
	}
	if len(sub.Periods) == 0 {
		return sub, false
	}
	sub.Reasons = append(sub.Reasons, hezuo.Reason{Rule: KeySubsidyDays365,
		ZH: fmt.Sprintf("贴息＝实付利息的本金×贴息率×实际计息天数÷%d，共 %s 元（%s）", s.DayBasis(), hezuo.Yuan(sub.GrossFen), source(KeySubsidyDays365).zh),
		EN: fmt.Sprintf("subsidy = principal on which interest was paid × rate × days / %d: %s yuan (%s)", s.DayBasis(), hezuo.Yuan(sub.GrossFen), source(KeySubsidyDays365).en)})
	if overdue > 0 {
		sub.Reasons = append(sub.Reasons, hezuo.Reason{Rule: RuleSubsidyOverdue,
			ZH: fmt.Sprintf("逾期 %d 天不予贴息（%s）", overdue, citeNoOverdueSubsidy.zh),
			EN: fmt.Sprintf("%d overdue days get no subsidy (%s)", overdue, citeNoOverdueSubsidy.en)})
	}
	if outstanding && unpaidFrom.Year() <= year && unpaidFrom.Before(asOf) {
		sub.Reasons = append(sub.Reasons, hezuo.Reason{Rule: RuleSubsidyUnpaid,
			ZH: fmt.Sprintf("%s 以来的利息尚未支付，付息后方可贴息", unpaidFrom),
			EN: fmt.Sprintf("interest since %s is not paid yet: subsidy only after it is paid", unpaidFrom)})
	}
	return sub, true
}

// interestPeriods splits a loan's life up to asOf into the periods ended by
// an interest payment. It also returns the start of the days whose interest
// is not paid yet and whether principal is still outstanding on asOf.
func interestPeriods(l SubsidyLoan, asOf hezuo.Date) ([]SubsidyPeriod, hezuo.Date, bool) {
	reps := append([]hezuo.Repayment(nil), l.Repayments...)
	sort.SliceStable(reps, func(i, j int) bool { return reps[i].PaidOn.Before(reps[j].PaidOn) })
	var out []SubsidyPeriod
	cur, principal := l.DisbursedOn, l.AmountFen
	p := SubsidyPeriod{From: cur}
	var allDays int64 // fen × day over every day of the period, overdue ones included
	for _, r := range reps {
		if r.PaidOn.After(asOf) || r.PaidOn.Before(l.DisbursedOn) {
			continue
		}
		days := cur.DaysUntil(r.PaidOn)
		overdue := 0
		if !l.DueOn.IsZero() && r.PaidOn.After(l.DueOn) {
			overdue = min(days, later(cur, l.DueOn).DaysUntil(r.PaidOn))
		}
		p.Days += days
		p.OverdueDays += overdue
		p.PrincipalDays += principal * int64(days-overdue)
		if days > overdue && principal > 0 {
			p.spans = append(p.spans, principalSpan{from: cur, to: cur.AddDays(days - overdue), principal: principal})
		}
		allDays += principal * int64(days)
		principal -= r.PrincipalFen
		cur = r.PaidOn
		if r.InterestFen > 0 {
			p.To, p.InterestPaidFen = r.PaidOn, r.InterestFen
			p.InterestDueFen = hezuo.InterestFen(allDays, l.RatePPM, bankYear)
			out = append(out, p)
			p, allDays = SubsidyPeriod{From: cur}, 0
		}
	}
	return out, p.From, principal > 0
}

func later(a, b hezuo.Date) hezuo.Date {
	if a.Before(b) {
		return b
	}
	return a
}

// applyCaps cuts sub to the cap per loan and year, then to what is left of
// its borrower's cap for the year, recording the borrower's use in used.
func (s Settings) applyCaps(sub *Subsidy, used map[string]int64) {
	sub.SubsidyFen = sub.GrossFen
	if c := int64(s.SubsidyMaxPerLoanYuan) * 100; c > 0 && sub.SubsidyFen > c {
		src := source(KeySubsidyMaxPerLoanYuan)
		sub.Reasons = append(sub.Reasons, hezuo.Reason{Rule: KeySubsidyMaxPerLoanYuan,
			ZH: fmt.Sprintf("超过每笔贷款每年贴息上限 %s 元，按上限贴息（%s）", hezuo.Yuan(c), src.zh),
			EN: fmt.Sprintf("above the cap of %s yuan per loan and year: capped (%s)", hezuo.Yuan(c), src.en)})
		sub.SubsidyFen = c
	}
	if c := int64(s.SubsidyMaxPerBorrowerYuan) * 100; c > 0 && used[sub.Borrower]+sub.SubsidyFen > c {
		left := max(0, c-used[sub.Borrower])
		src := source(KeySubsidyMaxPerBorrower)
		sub.Reasons = append(sub.Reasons, hezuo.Reason{Rule: KeySubsidyMaxPerBorrower,
			ZH: fmt.Sprintf("借款人本年度贴息已达 %s 元，每人每年上限 %s 元，本笔贴息 %s 元（%s）", hezuo.Yuan(used[sub.Borrower]), hezuo.Yuan(c), hezuo.Yuan(left), src.zh),
			EN: fmt.Sprintf("the borrower has had %s yuan this year, cap %s yuan a year: %s yuan on this loan (%s)", hezuo.Yuan(used[sub.Borrower]), hezuo.Yuan(c), hezuo.Yuan(left), src.en)})
		sub.SubsidyFen = left
	}
	used[sub.Borrower] += sub.SubsidyFen
	sub.CutFen = sub.GrossFen - sub.SubsidyFen
}

// rateParts fills p.Rates and p.SubsidyFen: each subsidised span split at
// the changes of the reference rate, consecutive pieces under the same
// reference row merged, each part's subsidy rounded on its own. The rate
// reasons go to sub once per reference row (said), and sub.RatePPM is the
// rate of the last part. In the fixed-rate mode nothing is split. A span
// with days before the table's first row leaves the period without a
// subsidy and returns the error.
func (s Settings) rateParts(p *SubsidyPeriod, loanPPM int, rates RateTable, sub *Subsidy, said map[string]bool) error {
	add := func(from, to hezuo.Date, ref hezuo.LendingRate, fenDays int64) {
		rate, why := s.SubsidyRate(loanPPM, ref)
		if !said[why.ZH] {
			said[why.ZH] = true
			sub.Reasons = append(sub.Reasons, why)
		}
		sub.RatePPM = rate
		if n := len(p.Rates); n > 0 && p.Rates[n-1].To.Equal(from) && p.Rates[n-1].RatePPM == rate &&
			p.Rates[n-1].ReferenceFrom.Equal(ref.EffectiveFrom) {
			p.Rates[n-1].To = to
			p.Rates[n-1].PrincipalDays += fenDays
			return
		}
		p.Rates = append(p.Rates, SubsidyRatePart{From: from, To: to, Kind: ref.Kind, ReferenceFrom: ref.EffectiveFrom,
			ReferencePPM: ref.RatePPM, RatePPM: rate, PrincipalDays: fenDays})
	}
	for _, sp := range p.spans {
		if s.SubsidyFixedRate {
			add(sp.from, sp.to, hezuo.LendingRate{}, sp.principal*int64(sp.from.DaysUntil(sp.to)))
			continue
		}
		parts, err := rates.Split(sp.from, sp.to)
		if err != nil {
			p.Rates, p.SubsidyFen = nil, 0
			return err
		}
		for _, pt := range parts {
			add(pt.From, pt.To, pt.Row, sp.principal*int64(pt.From.DaysUntil(pt.To)))
		}
	}
	p.SubsidyFen = 0
	for i := range p.Rates {
		r := &p.Rates[i]
		r.SubsidyFen = hezuo.InterestFen(r.PrincipalDays, r.RatePPM, s.DayBasis())
		p.SubsidyFen += r.SubsidyFen
	}
	return nil
}
