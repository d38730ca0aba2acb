package sqldb

import (
	"fmt"
	"sort"

	"hezuo"
	"hezuo/rules"
)

func (p *platformLoader) loadGuarantors(ds *hezuo.Dataset) error {
	for _, g := range ds.Guarantors {
		rec := "担保人 " + hezuo.MaskIDNumber(g.IDNumber)
		pid, err := p.personID(rec, "id_number", g.IDNumber)
		if err != nil {
			return err
		}
		uid, err := p.unitID(rec, "unit", g.Unit)
		if err != nil {
			return err
		}
		id, err := p.returning(`INSERT INTO guarantors (county, person_id, unit_id, post) VALUES (?, ?, ?, ?)
			ON CONFLICT (person_id) DO UPDATE SET unit_id = excluded.unit_id, post = excluded.post RETURNING id`,
			p.countyOf(`SELECT county FROM units WHERE id = ?`, uid), pid, uid, g.Post)
		if err != nil {
			return fmt.Errorf("%s: %w", rec, err)
		}
		p.guarantors[p.db.idHash(g.IDNumber)] = id
	}
	return nil
}

func (p *platformLoader) loanID(rec, no string) (int64, error) {
	return p.resolve(p.loans, `SELECT id FROM loans WHERE no = ?`, rec, "loan", no, "贷款编号", "loan")
}

func (p *platformLoader) loadLoans(ds *hezuo.Dataset) error {
	for i := range ds.Loans {
		l := &ds.Loans[i]
		if err := l.Validate(); err != nil {
			return err
		}
		rec := "贷款 " + l.No
		var borrower, po, org int64
		var village string
		var err error
		if l.OrgNo != "" {
			if org, err = p.orgID(rec, "org_id", l.OrgNo); err != nil {
				return err
			}
			if err := p.scan(`SELECT village FROM orgs WHERE id = ?`, []any{org}, &village); err != nil {
				return err
			}
		}
		if l.Borrower != "" {
			if borrower, err = p.partyMember(rec, l.Borrower, l.AppliedOn, "申请党员农贷", "apply for a party-member loan"); err != nil {
				return err
			}
			if village == "" {
				var v *string
				if err := p.scan(`SELECT village FROM people WHERE id = ?`, []any{borrower}, &v); err != nil {
					return err
				}
				if v != nil {
					village = *v
				}
			}
		} else {
			if po, err = p.partyOrgID(rec, "party_org", l.PartyOrg); err != nil {
				return err
			}
		}
		if village == "" && po != 0 {
			if err := p.scan(`SELECT seat FROM party_orgs WHERE id = ?`, []any{po}, &village); err != nil {
				return err
			}
		}
		if village == "" {
			return hezuo.Invalid(rec, "org_id", "无法确定贷款所属区划：请填写组织编号", "cannot place the loan in a division: give its org")
		}
		id, err := p.returning(`INSERT INTO loans (county, village, no, borrower_id, party_org_id, org_id, purpose, for_cooperative,
				lender, amount_fen, rate_ppm, term_months, applied_on, approved_on, rejected_on, disbursed_on, due_on,
				households_driven, note)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
			ON CONFLICT (no) DO UPDATE SET county = excluded.county, village = excluded.village, borrower_id = excluded.borrower_id,
				party_org_id = excluded.party_org_id, org_id = excluded.org_id, purpose = excluded.purpose,
				for_cooperative = excluded.for_cooperative, lender = excluded.lender, amount_fen = excluded.amount_fen,
				rate_ppm = excluded.rate_ppm, term_months = excluded.term_months, applied_on = excluded.applied_on,
				approved_on = excluded.approved_on, rejected_on = excluded.rejected_on, disbursed_on = excluded.disbursed_on,
				due_on = excluded.due_on, households_driven = excluded.households_driven, note = excluded.note,
				version = loans.version + 1
			RETURNING id`,
			village[:6], village, l.No, nullID(borrower), nullID(po), nullID(org), l.Purpose, l.ForCooperative, l.Lender,
			l.AmountFen, l.RatePPM, l.TermMonths, l.AppliedOn, l.ApprovedOn, l.RejectedOn, l.DisbursedOn, l.Due(),
			l.HouseholdsDriven, l.Note)
		if err != nil {
			return fmt.Errorf("%s: %w", rec, err)
		}
		p.loans[l.No] = id
		p.touchedLoans[id] = true
	}
	return nil
}

// scan runs a one-row query in the transaction.
func (p *platformLoader) scan(q string, args []any, dest ...any) error {
	s, err := p.stmt(q)
	if err != nil {
		return err
	}
	return s.QueryRowContext(p.ctx, args...).Scan(dest...)
}

// disbursed returns a loan's disbursement day, refusing a record dated
// before it (or any record of a loan not disbursed).
func (p *platformLoader) disbursed(rec string, loan int64, on hezuo.Date, whatZH, whatEN string) error {
	var d hezuo.Date
	if err := p.scan(`SELECT disbursed_on FROM loans WHERE id = ?`, []any{loan}, &d); err != nil {
		return err
	}
	if d.IsZero() || on.Before(d) {
		return hezuo.Invalid(rec, "paid_on", fmt.Sprintf("%s日期 %s 早于贷款发放日期（%s）", whatZH, on, orNone(d, "未发放")),
			fmt.Sprintf("%s on %s, before the loan was disbursed (%s)", whatEN, on, orNone(d, "not disbursed")))
	}
	return p.notAfterToday(rec, "paid_on", on, whatZH, whatEN)
}

func orNone(d hezuo.Date, none string) string {
	if d.IsZero() {
		return none
	}
	return d.String()
}

func (p *platformLoader) loadRepayments(ds *hezuo.Dataset) error {
	for _, r := range ds.Repayments {
		rec := fmt.Sprintf("还款 %s/%s", r.LoanNo, r.PaidOn)
		id, err := p.loanID(rec, r.LoanNo)
		if err != nil {
			return err
		}
		if r.PrincipalFen < 0 || r.InterestFen < 0 || r.PrincipalFen+r.InterestFen == 0 {
			return hezuo.Invalid(rec, "principal_fen", "还款本金和利息不能为负数，且不能都为零", "principal and interest cannot be negative or both zero")
		}
		if err := p.disbursed(rec, id, r.PaidOn, "还款", "a repayment"); err != nil {
			return err
		}
		if err := p.exec(`INSERT INTO loan_repayments (county, loan_id, paid_on, principal_fen, interest_fen) VALUES (?, ?, ?, ?, ?)
			ON CONFLICT (loan_id, paid_on) DO UPDATE SET principal_fen = excluded.principal_fen, interest_fen = excluded.interest_fen`,
			p.countyOf(`SELECT county FROM loans WHERE id = ?`, id), id, r.PaidOn, r.PrincipalFen, r.InterestFen); err != nil {
			return fmt.Errorf("%s: %w", rec, err)
		}
		p.touchedLoans[id] = true
	}
	return nil
}

func (p *platformLoader) loadGuarantees(ds *hezuo.Dataset) error {
	for _, g := range ds.Guarantees {
		rec := fmt.Sprintf("担保 %s/%s", g.LoanNo, hezuo.MaskIDNumber(g.IDNumber))
		id, err := p.loanID(rec, g.LoanNo)
		if err != nil {
			return err
		}
		gid, ok, err := p.lookup(p.guarantors, `SELECT g.id FROM guarantors g JOIN people pe ON pe.id = g.person_id WHERE pe.id_hash = ?`, p.db.idHash(g.IDNumber))
		if err != nil {
			return err
		} else if !ok {
			return hezuo.Invalid(rec, "id_number", "担保人不是登记的公职人员担保人", "the guarantor is not a registered public-servant guarantor")
		}
		var amount int64
		if err := p.scan(`SELECT amount_fen FROM loans WHERE id = ?`, []any{id}, &amount); err != nil {
			return err
		}
		if g.AmountFen < 0 || g.AmountFen > amount {
			return hezuo.Invalid(rec, "amount_fen", "担保金额应在零到贷款金额之间", "the guaranteed amount must lie between zero and the loan's amount")
		}
		if g.AmountFen > 0 {
			amount = g.AmountFen
		}
		if err := p.exec(`INSERT INTO loan_guarantees (loan_id, guarantor_id, county, amount_fen) VALUES (?, ?, ?, ?)
			ON CONFLICT (loan_id, guarantor_id) DO UPDATE SET amount_fen = excluded.amount_fen`,
			id, gid, p.countyOf(`SELECT county FROM loans WHERE id = ?`, id), amount); err != nil {
			return fmt.Errorf("%s: %w", rec, err)
		}
		p.touchedGuarantors[gid] = true
	}
	return nil
}

func (p *platformLoader) loadFeeSubsidies(ds *hezuo.Dataset) error {
	for _, f := range ds.FeeSubsidies {
		rec := fmt.Sprintf("党费补贴 %s/%s", f.LoanNo, f.PaidOn)
		id, err := p.loanID(rec, f.LoanNo)
		if err != nil {
			return err
		}
		if f.AmountFen <= 0 {
			return hezuo.Invalid(rec, "amount_fen", "补贴金额应大于零", "the amount must be positive")
		}
		if hezuo.SourceNames[f.Source] == "" {
			return hezuo.Invalid(rec, "source", "资金来源应为 party_dues（党费）、finance（财政）或 other", "source must be party_dues, finance or other")
		}
		if err := p.disbursed(rec, id, f.PaidOn, "补贴", "a subsidy"); err != nil {
			return err
		}
		if err := p.exec(`INSERT INTO loan_fee_subsidies (county, loan_id, paid_on, amount_fen, source, note) VALUES (?, ?, ?, ?, ?, ?)
			ON CONFLICT (loan_id, paid_on, source) DO UPDATE SET amount_fen = excluded.amount_fen, note = excluded.note`,
			p.countyOf(`SELECT county FROM loans WHERE id = ?`, id), id, f.PaidOn, f.AmountFen, f.Source, f.Note); err != nil {
			return fmt.Errorf("%s: %w", rec, err)
		}
	}
	return nil
}

// checkLoans checks what only the whole of the loaded data shows: no loan
// repaid beyond its principal, no guarantor over the cap at any time.
func (p *platformLoader) checkLoans(*hezuo.Dataset) error {
	for _, id := range sortedIDs(p.touchedLoans) {
		var no string
		var amount, repaid int64
		if err := p.scan(`SELECT l.no, l.amount_fen, coalesce(sum(CASE WHEN r.principal_fen < 0 THEN 0 WHEN r.principal_fen > 10000000000 THEN 10000000000 ELSE r.principal_fen END), 0) FROM loans l
			LEFT JOIN loan_repayments r ON r.loan_id = l.id WHERE l.id = ? GROUP BY l.no, l.amount_fen`, []any{id}, &no, &amount, &repaid); err != nil {
			return err
		}
		if repaid > amount {
			return hezuo.Invalid("贷款 "+no, "principal_fen", fmt.Sprintf("已还本金 %s 元超过贷款金额 %s 元", hezuo.Yuan(repaid), hezuo.Yuan(amount)),
				fmt.Sprintf("principal repaid (%s yuan) exceeds the loan (%s yuan)", hezuo.Yuan(repaid), hezuo.Yuan(amount)))
		}
	}
	if len(p.touchedGuarantors) == 0 {
		return nil
	}
	st, err := p.settingsInTx()
	if err != nil {
		return err
	}
	for _, gid := range sortedIDs(p.touchedGuarantors) {
		if err := p.checkGuarantor(gid, st); err != nil {
			return err
		}
	}
	return nil
}

// settingsInTx reads the settings as the transaction sees them.
func (p *platformLoader) settingsInTx() (rules.Settings, error) {
	vals := map[string]string{}
	rows, err := p.tx.QueryContext(p.ctx, `SELECT key, value FROM settings`)
	if err != nil {
		return rules.Settings{}, err
	}
	defer rows.Close()
	for rows.Next() {
		var k, v string
		if err := rows.Scan(&k, &v); err != nil {
			return rules.Settings{}, err
		}
		vals[k] = v
	}
	if err := rows.Err(); err != nil {
		return rules.Settings{}, err
	}
	return rules.FromValues(known(vals))
}

func sortedIDs(m map[int64]bool) []int64 {
	out := make([]int64, 0, len(m))
	for id := range m {
		out = append(out, id)
	}
	sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	return out
}
