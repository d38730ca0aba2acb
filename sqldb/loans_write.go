package sqldb

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"hezuo"
	"hezuo/store"
)

// The web application's loan writes. Each runs in one transaction that
// writes the record through the Load path's steps (the same validation,
// natural-key resolution and guarantor-cap check as an import), its audit
// entry and the summaries' upkeep, and refuses what lies outside the
// writer's reach as the registry forms do.

// newPlatformLoader returns the platform steps of a Load writing through l.
func newPlatformLoader(l *loader) *platformLoader {
	return &platformLoader{loader: l, units: map[string]int64{}, households: map[string]int64{}, loans: map[string]int64{},
		trainings: map[string]int64{}, guarantors: map[string]int64{}, meetings: map[string]int64{},
		touchedLoans: map[int64]bool{}, touchedGuarantors: map[int64]bool{}}
}

// refield returns err with its field renamed by rename (a form's names for
// the Load path's), or set to field when rename has no entry and field is
// not "".
func refield(err error, field string, rename map[string]string) error {
	var es hezuo.Errors
	if field == "" && errors.As(err, &es) { // every field's error at once: rename each
		out := make(hezuo.Errors, len(es))
		for i, e := range es {
			c := *e
			if f, ok := rename[c.Field]; ok {
				c.Field = f
			}
			out[i] = &c
		}
		return out
	}
	var e *hezuo.Error
	if !errors.As(err, &e) {
		return err
	}
	c := *e
	if f, ok := rename[c.Field]; ok {
		c.Field = f
	} else if field != "" {
		c.Field = field
	}
	return &c
}

// loanAuditView is a loan as its audit entry records it: the borrower's ID
// number masked.
func loanAuditView(l hezuo.Loan) hezuo.Loan {
	if l.Borrower != "" {
		l.Borrower = hezuo.MaskIDNumber(l.Borrower)
	}
	return l
}

// CreateLoan records a new loan application (and any approval or
// disbursement it already carries) with its guarantees, in one transaction
// with its audit entry. Only roles that write; the org must be one a may
// see (ENOTFOUND beside org_id) and the loan must count inside a's scope
// (ENOTFOUND beside borrower or party_org); an existing number is
// ECONFLICT. The applicant must be a party member on the day of
// application and each guarantor a registered guarantor who stays within
// the cap with this loan; errors about the i-th guarantee name
// GuarantorField(i). A blank number is proposed (numbers.go): the next of
// the series of the loan's township (its org's, else its borrower's home
// village's; else the writer's scope) and year of application, set in app
// once saved.
func (db *DB) CreateLoan(ctx context.Context, a *hezuo.Access, app *store.LoanApplication, today hezuo.Date, now time.Time) error {
	return db.write(ctx, registry, a, clockOn(today, now), func(w *unit) error {
		l := app.Loan
		propose := strings.TrimSpace(l.No) == ""
		if propose {
			l.No = proposedPlaceholder // every other field checked as the numbered loan's
		}
		rec := "贷款 " + l.No
		if err := l.Validate(); err != nil {
			return refield(err, "", map[string]string{"no": "no"})
		}
		if err := notAfterToday(rec, "applied_on", "申请日期", "the application date", l.AppliedOn, today); err != nil {
			return err
		}
		tx := w.tx
		var err error
		var n int
		if propose {
			// drawn below, once the loan's township is known
		} else if err := tx.QueryRowContext(ctx, db.rebind(`SELECT count(*) FROM loans WHERE no = ?`), l.No).Scan(&n); err != nil {
			return err
		} else if n > 0 {
			return fieldError(hezuo.ECONFLICT, rec, "no", "贷款编号 "+l.No+" 已存在", "loan number "+l.No+" already exists")
		}
		var area string // the village the proposed number is named by
		if l.OrgNo != "" {
			it, err := db.dispatchOrg(ctx, tx, a, rec, l.OrgNo, today)
			if err != nil {
				return err
			}
			area = it.Village
		}
		p := w.platform()
		applicant := "borrower"
		if l.Borrower == "" {
			applicant = "party_org"
		}
		if l.Borrower != "" {
			// The borrower first, before any rule reads their party status:
			// a person outside a's scope is not found, and nothing more is
			// said of them (hezuo reach.go).
			pid, err := db.referredPerson(ctx, tx, a, l.Borrower, rec, "borrower")
			if err != nil {
				return err
			}
			if area == "" {
				var v sql.NullString
				if err := tx.QueryRowContext(ctx, db.rebind(`SELECT village FROM people WHERE id = ?`), pid).Scan(&v); err != nil {
					return err
				}
				area = v.String
			}
		}
		if propose {
			if l.No, err = db.proposeNumber(ctx, tx, loanNumberPrefix(seriesArea(area, a), l.AppliedOn), "loans", "no"); err != nil {
				return err
			}
			rec = "贷款 " + l.No
		}
		if err := p.loadLoans(&hezuo.Dataset{Loans: []hezuo.Loan{l}}); err != nil {
			return refield(err, "", map[string]string{"id_number": "borrower"})
		}
		var village string
		if err := tx.QueryRowContext(ctx, db.rebind(`SELECT village FROM loans WHERE id = ?`), p.loans[l.No]).Scan(&village); err != nil {
			return err
		}
		if !a.Scope.Contains(village) {
			return hezuo.OutOfReach(rec, applicant)
		}
		seen := map[string]bool{}
		for i, g := range app.Guarantees {
			field := store.GuarantorField(i)
			if seen[g.IDNumber] {
				return fieldError(hezuo.EINVALID, rec, field, "同一担保人重复填写", "the same guarantor is given twice")
			}
			seen[g.IDNumber] = true
			if g.AmountFen < 0 {
				return fieldError(hezuo.EINVALID, rec, field, "担保金额应大于零", "the guaranteed amount must be positive")
			}
			g.LoanNo = l.No
			if err := p.loadGuarantees(&hezuo.Dataset{Guarantees: []hezuo.Guarantee{g}}); err != nil {
				return refield(err, field, nil)
			}
			if err := p.checkLoans(nil); err != nil {
				return refield(err, field, nil)
			}
			p.touchedGuarantors = map[int64]bool{}
		}
		after := struct {
			hezuo.Loan
			Guarantees []hezuo.Guarantee `json:"guarantees,omitempty"`
		}{Loan: loanAuditView(l)}
		for _, g := range app.Guarantees {
			g.LoanNo, g.IDNumber = l.No, hezuo.MaskIDNumber(g.IDNumber)
			after.Guarantees = append(after.Guarantees, g)
		}
		w.committed(func() { app.No = l.No })
		return w.audit(hezuo.ActionCreate, "loan", l.No, village, nil, after, "")
	})
}

// loanState is what a status change reads of a loan in its transaction.
type loanState struct {
	id, borrower, partyOrg, org int64
	village                     string
	version                     int
	loan                        hezuo.Loan
}

// loanForWrite reads loan no in tx if a may see it (ENOTFOUND otherwise).
func (db *DB) loanForWrite(ctx context.Context, tx *sql.Tx, a *hezuo.Access, no string, today hezuo.Date) (*loanState, error) {
	w := loanAccess(a, today)
	w.add("l.no = ?", no)
	s := &loanState{}
	var borrower, po, org sql.NullInt64
	l := &s.loan
	err := tx.QueryRowContext(ctx, db.rebind(`SELECT l.id, l.borrower_id, l.party_org_id, l.org_id, l.village, l.version, l.no, l.purpose,
		l.for_cooperative, l.lender, l.amount_fen, l.rate_ppm, l.term_months, l.applied_on, l.approved_on, l.rejected_on, l.disbursed_on,
		l.due_on, l.households_driven, l.note FROM loans l WHERE `+w.String()), w.args...).Scan(&s.id, &borrower, &po, &org, &s.village,
		&s.version, &l.No, &l.Purpose, &l.ForCooperative, &l.Lender, &l.AmountFen, &l.RatePPM, &l.TermMonths, &l.AppliedOn,
		&l.ApprovedOn, &l.RejectedOn, &l.DisbursedOn, &l.DueOn, &l.HouseholdsDriven, &l.Note)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, notFound("贷款", "loan", no)
	} else if err != nil {
		return nil, err
	}
	s.borrower, s.partyOrg, s.org = borrower.Int64, po.Int64, org.Int64
	// The keys stand in for the applicant and org in Validate: only their
	// presence matters to it, and they do not change here.
	if s.borrower != 0 {
		l.Borrower = itoa(s.borrower)
	} else {
		l.PartyOrg = itoa(s.partyOrg)
	}
	if s.org != 0 {
		l.OrgNo = itoa(s.org)
	}
	return s, nil
}

// ChangeLoanStatus applies action (LoanAction…) to loan no on day, in one
// transaction with its audit entry: approval or rejection of an
// application, disbursement of an approved loan (lender, when not "",
// replaces the recorded one; the due date follows from the term), or a due
// date for a disbursed loan (a loan not repaid by then is overdue; statuses
// are never stored). version is the loan's version as read (a stale one is
// ECONFLICT). Errors about the day name the field "on".
func (db *DB) ChangeLoanStatus(ctx context.Context, a *hezuo.Access, no, action string, day hezuo.Date, lender string, version int,
	today hezuo.Date, now time.Time) error {
	return db.write(ctx, registry, a, clockOn(today, now), func(w *unit) error {
		rec := "贷款 " + no
		if day.IsZero() {
			return fieldError(hezuo.EINVALID, rec, "on", "请填写日期", "the date is missing")
		}
		if day.After(today) && action != store.LoanActionDue {
			return fieldError(hezuo.EINVALID, rec, "on", fmt.Sprintf("日期 %s 晚于今天 %s，尚未发生", day, today),
				fmt.Sprintf("%s is after today (%s): it has not happened", day, today))
		}
		tx := w.tx
		s, err := db.loanForWrite(ctx, tx, a, no, today)
		if err != nil {
			return err
		}
		if version != s.version {
			return hezuo.Errorf(hezuo.ECONFLICT, "贷款 %s 已被他人修改，请刷新后重试", "loan %s was changed by someone else: reload and try again", no)
		}
		before, l := s.loan, s.loan
		conflict := func(zh, en string) error { return fieldError(hezuo.ECONFLICT, rec, "action", zh, en) }
		decided := !l.ApprovedOn.IsZero() || !l.RejectedOn.IsZero()
		switch action {
		case store.LoanActionApprove, store.LoanActionReject:
			if decided {
				return conflict("该申请已审批，不能再次审批", "the application was already decided")
			}
			if action == store.LoanActionApprove {
				l.ApprovedOn = day
			} else {
				l.RejectedOn = day
			}
		case store.LoanActionDisburse:
			if l.ApprovedOn.IsZero() || !l.DisbursedOn.IsZero() {
				return conflict("只有已审批、尚未发放的贷款可以发放", "only an approved loan not yet disbursed can be disbursed")
			}
			l.DisbursedOn, l.DueOn = day, hezuo.Date{}
			if lender != "" {
				l.Lender = lender
			}
			l.DueOn = l.Due()
		case store.LoanActionDue:
			if l.DisbursedOn.IsZero() {
				return conflict("贷款尚未发放，没有到期日", "the loan is not disbursed: it has no due date")
			}
			l.DueOn = day
		default:
			return fieldError(hezuo.EINVALID, rec, "action", "未知的操作 "+action, "unknown action "+action)
		}
		if err := l.Validate(); err != nil {
			return refield(err, "", map[string]string{"approved_on": "on", "rejected_on": "on", "disbursed_on": "on", "due_on": "on"})
		}
		res, err := tx.ExecContext(ctx, db.rebind(`UPDATE loans SET approved_on = ?, rejected_on = ?, disbursed_on = ?, due_on = ?, lender = ?,
			version = version + 1 WHERE id = ? AND version = ?`), l.ApprovedOn, l.RejectedOn, l.DisbursedOn, l.DueOn, l.Lender, s.id, version)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n != 1 { // saved by another in between (PostgreSQL's READ COMMITTED)
			return hezuo.Errorf(hezuo.ECONFLICT, "贷款 %s 已被他人修改，请刷新后重试", "loan %s was changed by someone else: reload and try again", no)
		}
		return w.audit(hezuo.ActionUpdate, "loan", no, s.village, loanAuditView(before), loanAuditView(l), action)
	})
}

// AddRepayment records a repayment of loan no, in one transaction with its
// audit entry: through the Load path, which refuses a repayment before the
// disbursement or after today, amounts that are negative or both zero, and
// principal repaid beyond the loan (errors name paid_on or principal_fen).
// A second repayment on the same day is ECONFLICT (correct it by import).
func (db *DB) AddRepayment(ctx context.Context, a *hezuo.Access, no string, r hezuo.Repayment, today hezuo.Date, now time.Time) error {
	return db.write(ctx, registry, a, clockOn(today, now), func(w *unit) error {
		rec := fmt.Sprintf("还款 %s/%s", no, r.PaidOn)
		if r.PaidOn.IsZero() {
			return fieldError(hezuo.EINVALID, rec, "paid_on", "请填写还款日期", "the repayment date is missing")
		}
		tx := w.tx
		s, err := db.loanForWrite(ctx, tx, a, no, today)
		if err != nil {
			return err
		}
		var n int
		if err := tx.QueryRowContext(ctx, db.rebind(`SELECT count(*) FROM loan_repayments WHERE loan_id = ? AND paid_on = ?`), s.id, r.PaidOn).Scan(&n); err != nil {
			return err
		} else if n > 0 {
			return fieldError(hezuo.ECONFLICT, rec, "paid_on", "该日已有一笔还款记录", "a repayment is already recorded on that day")
		}
		r.LoanNo = no
		p := w.platform()
		if err := p.loadRepayments(&hezuo.Dataset{Repayments: []hezuo.Repayment{r}}); err != nil {
			return err
		}
		if err := p.checkLoans(nil); err != nil {
			return err
		}
		return w.audit(hezuo.ActionCreate, "repayment", no+" "+r.PaidOn.String(), s.village, nil, r, "")
	})
}
