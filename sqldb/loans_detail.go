package sqldb

import (
	"context"
	"sort"
	"strings"

	"hezuo"
	"hezuo/rules"
	"hezuo/store"
)

// GetLoan returns loan no as of day with everything its page shows; a loan
// a may not see today is ENOTFOUND (a zero day is today).
func (db *DB) GetLoan(ctx context.Context, a *hezuo.Access, no string, day, today hezuo.Date) (*store.LoanDetail, error) {
	day = dayOr(day, today)
	row, err := db.loanRow(ctx, db, a, no, day, today)
	if err != nil {
		return nil, err
	}
	st, err := db.Settings(ctx)
	if err != nil {
		return nil, err
	}
	d := &store.LoanDetail{LoanRow: row, Repayments: []hezuo.Repayment{}, Guarantees: []store.GuaranteeRow{}, FeeSubsidies: []hezuo.FeeSubsidy{},
		Subsidies: []rules.Subsidy{}, DayBasis: st.DayBasis(), GuarantorCapFen: int64(st.GuarantorMaxYuan) * 100}
	err = db.eachRow(ctx, `SELECT paid_on, principal_fen, interest_fen FROM loan_repayments WHERE loan_id = ? AND paid_on <= ? ORDER BY paid_on`,
		[]any{row.ID, day}, func(r rowScanner) error {
			rep := hezuo.Repayment{LoanNo: no}
			err := r.Scan(&rep.PaidOn, &rep.PrincipalFen, &rep.InterestFen)
			d.Repayments = append(d.Repayments, rep)
			return err
		})
	if err != nil {
		return nil, err
	}
	err = db.eachRow(ctx, `SELECT paid_on, amount_fen, source, note FROM loan_fee_subsidies WHERE loan_id = ? AND paid_on <= ? ORDER BY paid_on, source`,
		[]any{row.ID, day}, func(r rowScanner) error {
			f := hezuo.FeeSubsidy{LoanNo: no}
			err := r.Scan(&f.PaidOn, &f.AmountFen, &f.Source, &f.Note)
			d.FeeSubsidies = append(d.FeeSubsidies, f)
			return err
		})
	if err != nil {
		return nil, err
	}
	d.Events = loanEvents(&row.Loan, d.Repayments, day)
	if d.Guarantees, err = db.loanGuarantees(ctx, row.ID, d.GuarantorCapFen); err != nil {
		return nil, err
	}
	if err := db.hidePeakLoans(ctx, a, d.Guarantees, day); err != nil {
		return nil, err
	}
	if err := db.loanSubsidies(ctx, d, day); err != nil {
		return nil, err
	}
	if row.Status == hezuo.LoanApplied {
		township, err := hezuo.ParseScope(row.Village[:9])
		if err != nil {
			return nil, err
		}
		q, err := db.LoanQueue(ctx, township, day)
		if err != nil {
			return nil, err
		}
		for i := range q {
			if q[i].LoanNo == no {
				d.Queue = &q[i]
			}
		}
	}
	return d, nil
}

// HiddenLoan stands, in a guarantor's peak, for a loan outside the
// user's reach (its number is not shown).
const HiddenLoan = "…"

// hidePeakLoans replaces, in the guarantors' peaks, the numbers of loans a
// may not see by HiddenLoan: the amounts count, the numbers stay private.
func (db *DB) hidePeakLoans(ctx context.Context, a *hezuo.Access, gs []store.GuaranteeRow, day hezuo.Date) error {
	var marks []string
	var args []any
	for _, g := range gs {
		for _, no := range g.PeakLoans {
			marks, args = append(marks, "?"), append(args, no)
		}
	}
	if len(marks) == 0 {
		return nil
	}
	w := loanAccess(a, day)
	w.add("l.no IN ("+strings.Join(marks, ", ")+")", args...)
	vis, err := db.stringSet(ctx, db, `SELECT l.no FROM loans l WHERE `+w.String(), w.args)
	if err != nil {
		return err
	}
	for i := range gs {
		for j, no := range gs[i].PeakLoans {
			if !vis[no] {
				gs[i].PeakLoans[j] = HiddenLoan
			}
		}
	}
	return nil
}

// loanEvents derives a loan's status history up to day from its dates and
// repayments.
func loanEvents(l *hezuo.Loan, reps []hezuo.Repayment, day hezuo.Date) []store.LoanEvent {
	var out []store.LoanEvent
	add := func(on hezuo.Date, status, event string, fen int64) {
		if !on.IsZero() && !on.After(day) {
			out = append(out, store.LoanEvent{On: on, Status: status, Event: event, AmountFen: fen})
		}
	}
	add(l.AppliedOn, hezuo.LoanApplied, "applied", l.AmountFen)
	add(l.ApprovedOn, hezuo.LoanApproved, "approved", 0)
	add(l.RejectedOn, hezuo.LoanRejected, "rejected", 0)
	add(l.DisbursedOn, hezuo.LoanDisbursed, "disbursed", l.AmountFen)
	var repaid int64
	var repaidOn hezuo.Date
	for _, r := range reps {
		repaid += r.PrincipalFen
		add(r.PaidOn, l.StatusOn(r.PaidOn, repaid), "repayment", r.PrincipalFen+r.InterestFen)
		if repaidOn.IsZero() && repaid >= l.AmountFen {
			repaidOn = r.PaidOn
			add(r.PaidOn, hezuo.LoanRepaid, "repaid", repaid)
		}
	}
	if due := l.Due(); !due.IsZero() && (repaidOn.IsZero() || repaidOn.After(due)) {
		add(due.AddDays(1), hezuo.LoanOverdue, "overdue", 0)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].On.Before(out[j].On) })
	return out
}

// loanGuarantees returns the guarantors of loan id, each with the peak of
// what it stands for at once over all its loans (rules.PeakExposure).
func (db *DB) loanGuarantees(ctx context.Context, id, capFen int64) ([]store.GuaranteeRow, error) {
	out := []store.GuaranteeRow{}
	var gids []int64
	err := db.eachRow(ctx, `SELECT g.guarantor_id, pe.id, pe.name, coalesce(u.name, ''), gr.post, g.amount_fen FROM loan_guarantees g
		JOIN guarantors gr ON gr.id = g.guarantor_id JOIN people pe ON pe.id = gr.person_id LEFT JOIN units u ON u.id = gr.unit_id
		WHERE g.loan_id = ? ORDER BY pe.name, pe.id`, []any{id}, func(r rowScanner) error {
		var g store.GuaranteeRow
		var gid int64
		err := r.Scan(&gid, &g.PersonID, &g.Name, &g.Unit, &g.Post, &g.AmountFen)
		gids = append(gids, gid)
		out = append(out, g)
		return err
	})
	if err != nil {
		return nil, err
	}
	for i, gid := range gids {
		xs, err := db.guarantorExposures(ctx, gid)
		if err != nil {
			return nil, err
		}
		g := &out[i]
		g.PeakFen, g.PeakOn, g.PeakLoans = rules.PeakExposure(xs)
		if g.PeakLoans == nil {
			g.PeakLoans = []string{}
		}
		g.OverCap = capFen > 0 && g.PeakFen > capFen
	}
	return out, nil
}

// guarantorExposures returns what guarantor gid stands for on each of its
// loans: from the loan's approval (or application) until its principal is
// repaid in full or it is rejected — the periods the loader checks the cap
// over (loans_guarantee.go), read outside a transaction.
func (db *DB) guarantorExposures(ctx context.Context, gid int64) ([]rules.Exposure, error) {
	type loanRow struct {
		id, amount int64
		x          rules.Exposure
		applied    hezuo.Date
	}
	var ls []loanRow
	err := db.eachRow(ctx, `SELECT l.id, l.no, l.amount_fen, g.amount_fen, l.applied_on, l.approved_on, l.rejected_on
		FROM loan_guarantees g JOIN loans l ON l.id = g.loan_id WHERE g.guarantor_id = ? ORDER BY l.no`, []any{gid}, func(r rowScanner) error {
		var l loanRow
		err := r.Scan(&l.id, &l.x.LoanNo, &l.amount, &l.x.AmountFen, &l.applied, &l.x.From, &l.x.To)
		if l.x.From.IsZero() {
			l.x.From = l.applied
		}
		ls = append(ls, l)
		return err
	})
	if err != nil {
		return nil, err
	}
	out := make([]rules.Exposure, 0, len(ls))
	for _, l := range ls {
		if l.x.To.IsZero() {
			var sum int64
			err := db.eachRow(ctx, `SELECT paid_on, principal_fen FROM loan_repayments WHERE loan_id = ? ORDER BY paid_on`, []any{l.id},
				func(r rowScanner) error {
					var on hezuo.Date
					var fen int64
					if err := r.Scan(&on, &fen); err != nil {
						return err
					}
					if sum += fen; sum >= l.amount && l.x.To.IsZero() {
						l.x.To = on
					}
					return nil
				})
			if err != nil {
				return nil, err
			}
		}
		if !l.x.To.IsZero() && !l.x.From.Before(l.x.To) {
			continue
		}
		out = append(out, l.x)
	}
	return out, nil
}

// loanSubsidies fills d's interest subsidies: one per year in which
// interest was paid up to day, computed over the loan's county so that the
// borrower's yearly cap is shared as the county's subsidy list shares it.
func (db *DB) loanSubsidies(ctx context.Context, d *store.LoanDetail, day hezuo.Date) error {
	if d.DisbursedOn.IsZero() {
		return nil
	}
	county, err := hezuo.ParseScope(d.Village[:6])
	if err != nil {
		return err
	}
	seen := map[int]bool{}
	for _, r := range d.Repayments {
		y := r.PaidOn.Year()
		if r.InterestFen == 0 || seen[y] {
			continue
		}
		seen[y] = true
		subs, err := db.LoanSubsidies(ctx, county, y, day)
		if err != nil {
			return err
		}
		for _, s := range subs {
			if s.LoanNo == d.No {
				s.Borrower = d.ApplicantName // never the ID number
				d.Subsidies = append(d.Subsidies, s)
			}
		}
	}
	return nil
}
