package sqldb

import (
	"context"

	"hezuo"
	"hezuo/rules"
)

// LoanSubsidies computes the interest subsidy (贴息) of year for the loans of
// scope disbursed by asOf, from the interest paid up to asOf, with the
// settings in force (domain-rules.md §8) and each day's reference rate from
// the table lending_rates (§12). A borrower's cap is shared among the
// borrower's loans in scope.
func (db *DB) LoanSubsidies(ctx context.Context, scope hezuo.Scope, year int, asOf hezuo.Date) ([]rules.Subsidy, error) {
	st, err := db.Settings(ctx)
	if err != nil {
		return nil, err
	}
	rates, err := db.LendingRates(ctx)
	if err != nil {
		return nil, err
	}
	sa := scopeArgs(scope)
	var loans []rules.SubsidyLoan
	index := map[string]int{}
	err = db.eachRow(ctx, `SELECT l.no, coalesce(pe.id_sealed, po.no, ''), l.amount_fen, l.rate_ppm, l.disbursed_on, l.due_on
		FROM loans l LEFT JOIN people pe ON pe.id = l.borrower_id LEFT JOIN party_orgs po ON po.id = l.party_org_id
		WHERE l.disbursed_on <= ? AND l.village BETWEEN ? AND ? ORDER BY l.no`, []any{asOf, sa[0], sa[1]}, func(r rowScanner) error {
		var l rules.SubsidyLoan
		if err := r.Scan(&l.No, db.openedOr(&l.Borrower), &l.AmountFen, &l.RatePPM, &l.DisbursedOn, &l.DueOn); err != nil {
			return err
		}
		index[l.No] = len(loans)
		loans = append(loans, l)
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = db.eachRow(ctx, `SELECT l.no, r.paid_on, r.principal_fen, r.interest_fen FROM loan_repayments r
		JOIN loans l ON l.id = r.loan_id WHERE r.paid_on <= ? AND l.village BETWEEN ? AND ? ORDER BY l.no, r.paid_on`,
		[]any{asOf, sa[0], sa[1]}, func(r rowScanner) error {
			var rep hezuo.Repayment
			if err := r.Scan(&rep.LoanNo, &rep.PaidOn, &rep.PrincipalFen, &rep.InterestFen); err != nil {
				return err
			}
			if i, ok := index[rep.LoanNo]; ok {
				loans[i].Repayments = append(loans[i].Repayments, rep)
			}
			return nil
		})
	if err != nil {
		return nil, err
	}
	return st.Subsidies(loans, year, asOf, rates), nil
}
