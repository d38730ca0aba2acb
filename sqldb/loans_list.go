package sqldb

import (
	"context"

	"hezuo"
	"hezuo/rules"
)

// loanSelect reads the loans of a scope with the applicant's and the org's
// names, and what was repaid, guaranteed and paid as party-fee subsidy up
// to a day (four arguments: the day four times), before the WHERE clause.
const loanSelect = `SELECT l.no, coalesce(pe.id_sealed, ''), coalesce(po.no, ''), coalesce(o.org_no, ''), l.purpose,
		l.for_cooperative, l.lender, l.amount_fen, l.rate_ppm, l.term_months, l.applied_on, l.approved_on, l.rejected_on,
		l.disbursed_on, l.due_on, l.households_driven, l.note, coalesce(pe.name, po.name, ''), coalesce(o.name, ''),
		coalesce(r.principal, 0), coalesce(r.interest, 0),
		(SELECT count(*) FROM loan_guarantees g WHERE g.loan_id = l.id),
		coalesce((SELECT sum(CASE WHEN f.amount_fen < 0 THEN 0 WHEN f.amount_fen > 10000000000 THEN 10000000000 ELSE f.amount_fen END) FROM loan_fee_subsidies f WHERE f.loan_id = l.id AND f.paid_on <= ?), 0),
		coalesce((SELECT sum(CASE WHEN f.amount_fen < 0 THEN 0 WHEN f.amount_fen > 10000000000 THEN 10000000000 ELSE f.amount_fen END) FROM loan_fee_subsidies f WHERE f.loan_id = l.id AND f.paid_on <= ?
			AND f.source = 'party_dues'), 0)
	FROM loans l
	LEFT JOIN people pe ON pe.id = l.borrower_id
	LEFT JOIN party_orgs po ON po.id = l.party_org_id
	LEFT JOIN orgs o ON o.id = l.org_id
	LEFT JOIN (SELECT loan_id, sum(CASE WHEN principal_fen < 0 THEN 0 WHEN principal_fen > 10000000000 THEN 10000000000 ELSE principal_fen END) AS principal, sum(CASE WHEN interest_fen < 0 THEN 0 WHEN interest_fen > 10000000000 THEN 10000000000 ELSE interest_fen END) AS interest FROM loan_repayments
		WHERE paid_on <= ? GROUP BY loan_id) r ON r.loan_id = l.id`

// Loans lists the loans of scope applied for up to day, in order of
// number, with their status on day. The applicant's ID number is whole:
// callers mask it for roles that may not see it.
func (db *DB) Loans(ctx context.Context, scope hezuo.Scope, day hezuo.Date) ([]hezuo.LoanItem, error) {
	sa := scopeArgs(scope)
	var out []hezuo.LoanItem
	err := db.eachRow(ctx, loanSelect+` WHERE l.applied_on <= ? AND l.village BETWEEN ? AND ? ORDER BY l.no`,
		[]any{day, day, day, day, sa[0], sa[1]}, func(r rowScanner) error {
			var it hezuo.LoanItem
			l := &it.Loan
			if err := r.Scan(&l.No, db.opened(&l.Borrower), &l.PartyOrg, &l.OrgNo, &l.Purpose, &l.ForCooperative, &l.Lender, &l.AmountFen,
				&l.RatePPM, &l.TermMonths, &l.AppliedOn, &l.ApprovedOn, &l.RejectedOn, &l.DisbursedOn, &l.DueOn,
				&l.HouseholdsDriven, &l.Note, &it.ApplicantName, &it.OrgName, &it.RepaidFen, &it.InterestPaidFen,
				&it.Guarantors, &it.FeeSubsidyFen, &it.FeeFromDuesFen); err != nil {
				return err
			}
			it.Status, it.OutstandingFen = l.AsOf(day, it.RepaidFen)
			out = append(out, it)
			return nil
		})
	return out, err
}

// LoanQueue returns the applications of scope waiting on day (applied for,
// neither approved nor rejected), marked and ordered by the three
// priorities with the settings in force.
func (db *DB) LoanQueue(ctx context.Context, scope hezuo.Scope, day hezuo.Date) ([]rules.Ranked, error) {
	st, err := db.Settings(ctx)
	if err != nil {
		return nil, err
	}
	loans, err := db.Loans(ctx, scope, day)
	if err != nil {
		return nil, err
	}
	rows, err := db.Check(ctx, scope, day) // a loan counts where its org is
	if err != nil {
		return nil, err
	}
	status := map[string]string{}
	for _, r := range rows {
		status[r.OrgNo] = r.Status
	}
	model, err := db.stringSet(ctx, db, `SELECT org_no FROM orgs WHERE model = ?`, []any{true})
	if err != nil {
		return nil, err
	}
	overdue, err := db.overdueLoans(ctx, day)
	if err != nil {
		return nil, err
	}
	leaders, err := db.leadersAmong(ctx, loans, day)
	if err != nil {
		return nil, err
	}
	var apps []rules.Application
	for _, it := range loans {
		if it.Status != hezuo.LoanApplied {
			continue
		}
		a := rules.Application{LoanNo: it.No, AppliedOn: it.AppliedOn, AmountFen: it.AmountFen, Applicant: it.ApplicantName,
			OrgNo: it.OrgNo, OrgName: it.OrgName, OrgModel: model[it.OrgNo], PartyOrgOK: it.OrgNo != "" && status[it.OrgNo] == rules.StatusOK,
			Vanguard: leaders[it.Borrower], HouseholdsDriven: it.HouseholdsDriven}
		seen := map[string]bool{}
		for _, key := range []string{it.Applicant(), "org:" + it.OrgNo} {
			for _, no := range overdue[key] {
				if !seen[no] {
					seen[no] = true
					a.OverdueLoans++
				}
			}
		}
		apps = append(apps, a)
	}
	return st.Prioritize(apps), nil
}

// overdueLoans lists the loans overdue on day by applicant (ID number or
// party organization number) and by org ("org:" + org number), in every
// scope: an applicant's overdue loan elsewhere counts too.
func (db *DB) overdueLoans(ctx context.Context, day hezuo.Date) (map[string][]string, error) {
	out := map[string][]string{}
	err := db.eachRow(ctx, `SELECT l.no, coalesce(pe.id_sealed, po.no, ''), coalesce(o.org_no, '') FROM loans l
		LEFT JOIN people pe ON pe.id = l.borrower_id LEFT JOIN party_orgs po ON po.id = l.party_org_id
		LEFT JOIN orgs o ON o.id = l.org_id
		WHERE l.disbursed_on <= ? AND l.due_on < ? AND l.amount_fen > `+repaidBy, []any{day, day, day}, func(r rowScanner) error {
		var no, applicant, org string
		if err := r.Scan(&no, db.openedOr(&applicant), &org); err != nil {
			return err
		}
		out[applicant] = append(out[applicant], no)
		if org != "" {
			out["org:"+org] = append(out["org:"+org], no)
		}
		return nil
	})
	return out, err
}

// leadersAmong returns the borrowers among loans who are 致富能手 or 技术骨干
// (致富先锋) on day.
func (db *DB) leadersAmong(ctx context.Context, loans []hezuo.LoanItem, day hezuo.Date) (map[string]bool, error) {
	out := map[string]bool{}
	for _, it := range loans {
		if it.Status != hezuo.LoanApplied || it.Borrower == "" {
			continue
		}
		var since hezuo.Date
		if err := db.QueryRowContext(ctx, db.rebind(`SELECT leader_since FROM people WHERE id_hash = ?`), db.idHash(it.Borrower)).Scan(&since); err != nil {
			return nil, err
		}
		out[it.Borrower] = !since.IsZero() && !since.After(day)
	}
	return out, nil
}
