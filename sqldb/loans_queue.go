package sqldb

import (
	"context"
	"slices"

	"hezuo"
	"hezuo/rules"
	"hezuo/store"
)

// visibleLoans returns the numbers of the loans a may see in scope (nil
// for division roles, who see every loan of their scope).
func (db *DB) visibleLoans(ctx context.Context, a *hezuo.Access, scope hezuo.Scope, day hezuo.Date) (map[string]bool, error) {
	if a.ByDivision() {
		return nil, nil
	}
	w := loanAccess(a, day)
	w.add("l.village BETWEEN ? AND ?", scopeArgs(scope)...)
	return db.stringSet(ctx, db, `SELECT l.no FROM loans l WHERE `+w.String(), w.args)
}

// ScopedLoanQueue is LoanQueue for a user: the applications waiting on day
// in the requested scope (narrowed by a's, EFORBIDDEN outside it), only
// those a may see, ranked by the three priorities over the whole scope.
func (db *DB) ScopedLoanQueue(ctx context.Context, a *hezuo.Access, req hezuo.Scope, day hezuo.Date) ([]rules.Ranked, error) {
	scope, err := requestScope(a, req)
	if err != nil {
		return nil, err
	}
	q, err := db.LoanQueue(ctx, scope, day)
	if err != nil {
		return nil, err
	}
	vis, err := db.visibleLoans(ctx, a, scope, day)
	if err != nil || vis == nil {
		return q, err
	}
	return slices.DeleteFunc(q, func(r rules.Ranked) bool { return !vis[r.LoanNo] }), nil
}

// ScopedLoanSubsidies is LoanSubsidies for a user: the interest subsidies
// of year (interest paid up to asOf) of the loans of the requested scope
// that a may see. Borrowers' yearly caps are shared over the whole scope.
func (db *DB) ScopedLoanSubsidies(ctx context.Context, a *hezuo.Access, req hezuo.Scope, year int, asOf hezuo.Date) ([]store.LoanSubsidy, error) {
	scope, err := requestScope(a, req)
	if err != nil {
		return nil, err
	}
	subs, err := db.LoanSubsidies(ctx, scope, year, asOf)
	if err != nil {
		return nil, err
	}
	w := loanAccess(a, asOf)
	w.add("l.village BETWEEN ? AND ?", scopeArgs(scope)...)
	w.add("l.disbursed_on <= ?", asOf)
	names := map[string][2]string{}
	err = db.eachRow(ctx, `SELECT l.no, coalesce(pe.name, po.name, ''), coalesce(o.name, '') `+loanFrom+` WHERE `+w.String(), w.args,
		func(r rowScanner) error {
			var no, applicant, org string
			err := r.Scan(&no, &applicant, &org)
			names[no] = [2]string{applicant, org}
			return err
		})
	if err != nil {
		return nil, err
	}
	out := []store.LoanSubsidy{}
	for _, s := range subs {
		n, ok := names[s.LoanNo]
		if !ok {
			continue
		}
		s.Borrower = n[0] // never the ID number
		out = append(out, store.LoanSubsidy{Subsidy: s, ApplicantName: n[0], OrgName: n[1]})
	}
	return out, nil
}
