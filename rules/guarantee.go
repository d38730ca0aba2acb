package rules

import (
	"fmt"
	"sort"

	"hezuo"
)

// Exposure is what a guarantor stands for on one loan, from the loan's
// approval (or application) until it is repaid or rejected (To zero: still
// bound).
type Exposure struct {
	LoanNo    string
	AmountFen int64
	From, To  hezuo.Date
}

// ActiveOn reports whether the guarantee binds on day.
func (e Exposure) ActiveOn(day hezuo.Date) bool {
	return hezuo.Period{From: e.From, To: e.To}.ActiveOn(day)
}

// PeakExposure returns the most a guarantor stands for at once over the
// exposures, the first day it is reached and the loans making it up, in
// order of number. The peak is reached on the start of some exposure.
func PeakExposure(xs []Exposure) (int64, hezuo.Date, []string) {
	var peak int64
	var at hezuo.Date
	var loans []string
	for _, start := range xs {
		var sum int64
		var ls []string
		for _, e := range xs {
			if e.ActiveOn(start.From) {
				sum += e.AmountFen
				ls = append(ls, e.LoanNo)
			}
		}
		if sum > peak || (sum == peak && start.From.Before(at)) {
			peak, at, loans = sum, start.From, ls
		}
	}
	sort.Strings(loans)
	return peak, at, loans
}

// CheckGuarantor refuses exposures that add up, at any time, to more than
// the cap on what one public servant may guarantee at once.
func (s Settings) CheckGuarantor(name string, xs []Exposure) error {
	limit := int64(s.GuarantorMaxYuan) * 100
	if limit == 0 {
		return nil
	}
	peak, at, loans := PeakExposure(xs)
	if peak <= limit {
		return nil
	}
	src := source(KeyGuarantorMaxYuan)
	return hezuo.Invalid("担保人 "+name, "amount_fen",
		fmt.Sprintf("自 %s 起同时为贷款 %v 担保 %s 元，超过每名公职人员同时担保上限 %s 元（%s）", at, loans, hezuo.Yuan(peak), hezuo.Yuan(limit), src.zh),
		fmt.Sprintf("from %s guarantees %s yuan at once on loans %v, above the cap of %s yuan per public servant (%s)", at, hezuo.Yuan(peak), loans, hezuo.Yuan(limit), src.en))
}
