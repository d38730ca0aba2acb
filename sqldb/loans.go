package sqldb

import (
	"context"
	"database/sql"
	"errors"
	"strings"

	"hezuo"
	"hezuo/store"
)

// The web application's reads of party-member loans (党员农贷, issue 5):
// scoped lists and one loan's page. Unlike Loans (the CLI's county list),
// nothing here reads ID numbers: a borrower is shown by name and linked to
// /people/{id}, where whole ID numbers are shown (and audited) to the
// roles that may see them.

// loanRowSelect reads a LoanRow; its four arguments are the day (sums up to
// it), before the WHERE clause's.
const loanRowSelect = `SELECT l.id, l.no, coalesce(pe.id, 0), coalesce(po.no, ''), coalesce(o.org_no, ''), l.purpose,
		l.for_cooperative, l.lender, l.amount_fen, l.rate_ppm, l.term_months, l.applied_on, l.approved_on, l.rejected_on,
		l.disbursed_on, l.due_on, l.households_driven, l.note, coalesce(pe.name, po.name, ''), coalesce(o.name, ''),
		l.village, coalesce(t.name, ''), l.version,
		coalesce((SELECT sum(CASE WHEN r.principal_fen < 0 THEN 0 WHEN r.principal_fen > 10000000000 THEN 10000000000 ELSE r.principal_fen END) FROM loan_repayments r WHERE r.loan_id = l.id AND r.paid_on <= ?), 0),
		coalesce((SELECT sum(CASE WHEN r.interest_fen < 0 THEN 0 WHEN r.interest_fen > 10000000000 THEN 10000000000 ELSE r.interest_fen END) FROM loan_repayments r WHERE r.loan_id = l.id AND r.paid_on <= ?), 0),
		(SELECT count(*) FROM loan_guarantees g WHERE g.loan_id = l.id),
		coalesce((SELECT sum(CASE WHEN f.amount_fen < 0 THEN 0 WHEN f.amount_fen > 10000000000 THEN 10000000000 ELSE f.amount_fen END) FROM loan_fee_subsidies f WHERE f.loan_id = l.id AND f.paid_on <= ?), 0),
		coalesce((SELECT sum(CASE WHEN f.amount_fen < 0 THEN 0 WHEN f.amount_fen > 10000000000 THEN 10000000000 ELSE f.amount_fen END) FROM loan_fee_subsidies f WHERE f.loan_id = l.id AND f.paid_on <= ?
			AND f.source = 'party_dues'), 0)
	` + loanFrom

// loanFrom joins a loan's applicant and org (for the text search).
const loanFrom = `FROM loans l
	LEFT JOIN people pe ON pe.id = l.borrower_id
	LEFT JOIN party_orgs po ON po.id = l.party_org_id
	LEFT JOIN orgs o ON o.id = l.org_id
	LEFT JOIN divisions t ON t.code = substr(l.village, 1, 9) || '000'`

func scanLoanRow(r rowScanner, day hezuo.Date) (store.LoanRow, error) {
	var it store.LoanRow
	l := &it.Loan
	if err := r.Scan(&it.ID, &l.No, &it.BorrowerID, &l.PartyOrg, &l.OrgNo, &l.Purpose, &l.ForCooperative, &l.Lender, &l.AmountFen,
		&l.RatePPM, &l.TermMonths, &l.AppliedOn, &l.ApprovedOn, &l.RejectedOn, &l.DisbursedOn, &l.DueOn,
		&l.HouseholdsDriven, &l.Note, &it.ApplicantName, &it.OrgName, &it.Village, &it.TownshipName, &it.Version,
		&it.RepaidFen, &it.InterestPaidFen, &it.Guarantors, &it.FeeSubsidyFen, &it.FeeFromDuesFen); err != nil {
		return it, err
	}
	it.Status, it.OutstandingFen = l.AsOf(day, it.RepaidFen)
	return it, nil
}

// loanAccess returns the condition "loan l is one a may see": for division
// roles, a loan counting in their scope (where its org is, else its
// borrower or party organization: the same place orgAccess puts the org);
// for the roles bound to orgs, a loan of an org orgAccess lets them see.
func loanAccess(a *hezuo.Access, day hezuo.Date) *where {
	w := &where{}
	if a != nil && a.ByDivision() {
		return w.add("l.village BETWEEN ? AND ?", scopeArgs(a.Scope)...)
	}
	vis, va := visibleOrgIDs(a, day)
	return w.add("l.org_id IN ("+vis+")", va...)
}

// loanStatusCond returns the condition "loan l has status st on day"
// (hezuo.Loan.StatusOn in SQL), EINVALID for an unknown status.
func loanStatusCond(st string, day hezuo.Date) (string, []any, error) {
	notRejected := "(l.rejected_on IS NULL OR l.rejected_on > ?)"
	switch st {
	case hezuo.LoanApplied:
		return "(l.approved_on IS NULL OR l.approved_on > ?) AND " + notRejected, []any{day, day}, nil
	case hezuo.LoanApproved:
		return "l.approved_on <= ? AND (l.disbursed_on IS NULL OR l.disbursed_on > ?) AND " + notRejected, []any{day, day, day}, nil
	case hezuo.LoanRejected:
		return "l.rejected_on <= ?", []any{day}, nil
	case hezuo.LoanDisbursed:
		return "l.disbursed_on <= ? AND l.amount_fen > " + repaidBy + " AND (l.due_on IS NULL OR l.due_on >= ?)", []any{day, day, day}, nil
	case hezuo.LoanOverdue:
		return "l.disbursed_on <= ? AND l.amount_fen > " + repaidBy + " AND l.due_on < ?", []any{day, day, day}, nil
	case hezuo.LoanRepaid:
		return "l.disbursed_on <= ? AND l.amount_fen <= " + repaidBy, []any{day, day}, nil
	}
	return "", nil, hezuo.Invalid("", "status", "贷款状态无效", "invalid loan status")
}

// loanSorts maps the loan list's sort keys to ORDER BY columns.
var loanSorts = map[string]string{
	"no": "l.no", "applied": "l.applied_on", "disbursed": "l.disbursed_on", "amount": "l.amount_fen",
	"org": "o.name", "applicant": "coalesce(pe.name, po.name)",
}

// ListLoans returns one page of the loans a may see that the filter
// selects (applied for by the filter's day), their number and amount. A
// filter scope outside a's is EFORBIDDEN.
func (db *DB) ListLoans(ctx context.Context, a *hezuo.Access, f store.LoanFilter, today hezuo.Date) (*store.LoanList, error) {
	scope, err := requestScope(a, f.Scope)
	if err != nil {
		return nil, err
	}
	day := dayOr(f.Day, today)
	w := loanAccess(a, day)
	w.add("l.village BETWEEN ? AND ?", scopeArgs(scope)...)
	w.add("l.applied_on <= ?", day)
	if f.Status != "" {
		c, args, err := loanStatusCond(f.Status, day)
		if err != nil {
			return nil, err
		}
		w.add(c, args...)
	}
	if f.Disbursed {
		w.add("l.disbursed_on <= ? AND l.org_id IN (SELECT o2.id FROM orgs o2 WHERE o2.village BETWEEN ? AND ?)", append([]any{day}, scopeArgs(scope)...)...)
	}
	if f.Year != 0 {
		w.add("coalesce(l.disbursed_on, l.applied_on) BETWEEN ? AND ?", hezuo.DateOf(f.Year, 1, 1), hezuo.DateOf(f.Year, 12, 31))
	}
	w.like(strings.TrimSpace(f.Q), "l.no", "o.name", "pe.name", "po.name")
	if f.Priority {
		q, err := db.LoanQueue(ctx, scope, day)
		if err != nil {
			return nil, err
		}
		var nos []string
		var args []any
		for _, r := range q {
			if r.Priority {
				nos = append(nos, "?")
				args = append(args, r.LoanNo)
			}
		}
		if len(nos) == 0 {
			w.add("1 = 0")
		} else {
			w.add("l.no IN ("+strings.Join(nos, ", ")+")", args...)
		}
	}
	list := &store.LoanList{Items: []store.LoanRow{}}
	if err := db.QueryRowContext(ctx, db.rebind(`SELECT count(*), coalesce(sum(CASE WHEN l.amount_fen < 0 THEN 0 WHEN l.amount_fen > 10000000000 THEN 10000000000 ELSE l.amount_fen END), 0) `+loanFrom+` WHERE `+w.String()),
		w.args...).Scan(&list.Total, &list.AmountFen); err != nil {
		return nil, err
	}
	per, off := pageBounds(f.Page, f.PerPage)
	args := append([]any{day, day, day, day}, w.args...)
	err = db.eachRow(ctx, loanRowSelect+` WHERE `+w.String()+orderBy(loanSorts, f.Sort, "no", "l.no")+` LIMIT ? OFFSET ?`,
		append(args, per, off), func(r rowScanner) error {
			it, err := scanLoanRow(r, day)
			list.Items = append(list.Items, it)
			return err
		})
	return list, err
}

// loanRow returns loan no as of day if a may see it (ENOTFOUND otherwise).
func (db *DB) loanRow(ctx context.Context, q querier, a *hezuo.Access, no string, day, today hezuo.Date) (store.LoanRow, error) {
	w := loanAccess(a, today) // reach is today's, whatever day is shown (as GetOrg)
	w.add("l.no = ?", no)
	args := append([]any{day, day, day, day}, w.args...)
	it, err := scanLoanRow(q.QueryRowContext(ctx, db.rebind(loanRowSelect+` WHERE `+w.String()), args...), day)
	if errors.Is(err, sql.ErrNoRows) {
		return it, notFound("贷款", "loan", no)
	}
	return it, err
}
