package sqldb

import (
	"hezuo"
	"hezuo/rules"
)

// exposures returns what a guarantor stands for on each loan: from the
// loan's approval (or application) until its principal is repaid in full
// or it is rejected.
func (p *platformLoader) exposures(gid int64) ([]rules.Exposure, error) {
	type loanRow struct {
		id                          int64
		no                          string
		amount, guaranteed          int64
		applied, approved, rejected hezuo.Date
	}
	var ls []loanRow
	rows, err := p.tx.QueryContext(p.ctx, p.db.rebind(`SELECT l.id, l.no, l.amount_fen, g.amount_fen, l.applied_on, l.approved_on, l.rejected_on
		FROM loan_guarantees g JOIN loans l ON l.id = g.loan_id WHERE g.guarantor_id = ? ORDER BY l.no`), gid)
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var r loanRow
		if err := rows.Scan(&r.id, &r.no, &r.amount, &r.guaranteed, &r.applied, &r.approved, &r.rejected); err != nil {
			rows.Close()
			return nil, err
		}
		ls = append(ls, r)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	out := make([]rules.Exposure, 0, len(ls))
	for _, l := range ls {
		e := rules.Exposure{LoanNo: l.no, AmountFen: l.guaranteed, From: l.approved, To: l.rejected}
		if e.From.IsZero() {
			e.From = l.applied
		}
		if e.To.IsZero() {
			if e.To, err = p.repaidOn(l.id, l.amount); err != nil {
				return nil, err
			}
		}
		if !e.To.IsZero() && !e.From.Before(e.To) {
			continue // bound for no day at all
		}
		out = append(out, e)
	}
	return out, nil
}

// repaidOn returns the day a loan's principal was repaid in full (zero
// while it is not).
func (p *platformLoader) repaidOn(loan, amount int64) (hezuo.Date, error) {
	rows, err := p.tx.QueryContext(p.ctx, p.db.rebind(`SELECT paid_on, principal_fen FROM loan_repayments WHERE loan_id = ? ORDER BY paid_on`), loan)
	if err != nil {
		return hezuo.Date{}, err
	}
	defer rows.Close()
	var sum int64
	for rows.Next() {
		var on hezuo.Date
		var fen int64
		if err := rows.Scan(&on, &fen); err != nil {
			return hezuo.Date{}, err
		}
		if sum += fen; sum >= amount {
			return on, nil
		}
	}
	return hezuo.Date{}, rows.Err()
}

// checkGuarantor refuses a guarantor standing, at any time, for more than
// the cap.
func (p *platformLoader) checkGuarantor(gid int64, st rules.Settings) error {
	xs, err := p.exposures(gid)
	if err != nil {
		return err
	}
	var id string
	if err := p.scan(`SELECT pe.id_sealed FROM guarantors g JOIN people pe ON pe.id = g.person_id WHERE g.id = ?`, []any{gid}, p.db.opened(&id)); err != nil {
		return err
	}
	return st.CheckGuarantor(hezuo.MaskIDNumber(id), xs)
}
