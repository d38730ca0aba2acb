package sqldb

import (
	"hezuo"
)

// The loan platform's kinds: guarantors, loans and their repayments,
// guarantees and party-fee subsidies, and the check of what only the whole
// of the loaded data shows (checkLoans).

const placeLoan = "loan"

// The loan a repayment, guarantee or subsidy hangs on: what places it
// (reach) and, after the writes, its audit entry (late: the loan writer
// works out a loan's village from its org, borrower or party
// organization).
var (
	repaymentLoan = func(x *hezuo.Repayment, r *reachRefs) { r.ref(placeLoan, x.LoanNo) }
	guaranteeLoan = func(x *hezuo.Guarantee, r *reachRefs) { r.ref(placeLoan, x.LoanNo) }
	subsidyLoan   = func(x *hezuo.FeeSubsidy, r *reachRefs) { r.ref(placeLoan, x.LoanNo) }
)

var (
	_ = addPlace(placeLoan, &placeKind{name: "贷款", queries: []string{`SELECT no, village FROM loans WHERE no IN (%s)`}})

	_ = addKind(kind{field: "Guarantors", rank: 140, platform: true, load: (*platformLoader).loadGuarantors,
		dump: func(d *dumping) error {
			return d.rows(`SELECT pe.id_sealed, u.code, g.post FROM guarantors g JOIN people pe ON pe.id = g.person_id JOIN units u ON u.id = g.unit_id
			WHERE u.county BETWEEN ? AND ? ORDER BY pe.id`, []any{d.lo6, d.hi6}, collect(&d.ds.Guarantors, func(r rowScanner, g *hezuo.Guarantor) error {
				return r.Scan(d.db.opened(&g.IDNumber), &g.Unit, &g.Post)
			}))
		},
		placed: func(_ *importer, ds, _ *hezuo.Dataset, p *auditPlaces) error { // imported as people too: by their unit
			for _, g := range ds.Guarantors {
				if p.at(placePerson, g.IDNumber) == "" {
					p.set(placePerson, g.IDNumber, p.at(placeUnit, g.Unit))
				}
			}
			return nil
		},
		none: map[string]string{"reach": "only county administrators import guarantors (importReach)"},
	}, records[hezuo.Guarantor]{list: func(d *hezuo.Dataset) []hezuo.Guarantor { return d.Guarantors }, entity: "guarantor",
		keys: func(g *hezuo.Guarantor) []string { return []string{g.IDNumber} },
		show: func(g *hezuo.Guarantor, p *auditPlaces) (string, string) { return g.IDNumber, p.at(placeUnit, g.Unit) },
	})

	_ = addKind(kind{field: "Loans", rank: 150, platform: true, load: (*platformLoader).loadLoans,
		dump: func(d *dumping) error {
			return d.rows(`SELECT l.no, coalesce(pe.id_sealed, ''), coalesce(po.no, ''), coalesce(o.org_no, ''), l.purpose,
			l.for_cooperative, l.lender, l.amount_fen, l.rate_ppm, l.term_months, l.applied_on, l.approved_on, l.rejected_on,
			l.disbursed_on, l.due_on, l.households_driven, l.note
		FROM loans l LEFT JOIN people pe ON pe.id = l.borrower_id LEFT JOIN party_orgs po ON po.id = l.party_org_id
		LEFT JOIN orgs o ON o.id = l.org_id WHERE l.village BETWEEN ? AND ? ORDER BY l.no`, d.sa, collect(&d.ds.Loans, func(r rowScanner, l *hezuo.Loan) error {
				return r.Scan(&l.No, d.db.opened(&l.Borrower), &l.PartyOrg, &l.OrgNo, &l.Purpose, &l.ForCooperative, &l.Lender, &l.AmountFen, &l.RatePPM,
					&l.TermMonths, &l.AppliedOn, &l.ApprovedOn, &l.RejectedOn, &l.DisbursedOn, &l.DueOn, &l.HouseholdsDriven, &l.Note)
			}))
		},
	}, records[hezuo.Loan]{list: func(d *hezuo.Dataset) []hezuo.Loan { return d.Loans }, entity: "loan",
		keys: func(l *hezuo.Loan) []string { return []string{l.No} },
		show: func(l *hezuo.Loan, p *auditPlaces) (string, string) { return l.No, p.at(placeLoan, l.No) },
		view: func(l hezuo.Loan) any { return loanAuditView(l) },
		late: func(l *hezuo.Loan, r *reachRefs) { r.ref(placeLoan, l.No) },
		reach: func(l *hezuo.Loan, r *reachRefs) {
			r.ref(placeLoan, l.No)
			r.ref(placeOrg, l.OrgNo)
			r.ref(placePartyOrg, l.PartyOrg)
			r.ref(placePerson, l.Borrower)
		},
	})

	_ = addKind(kind{field: "Repayments", rank: 160, platform: true, load: (*platformLoader).loadRepayments,
		dump: func(d *dumping) error {
			return d.rows(`SELECT l.no, r.paid_on, r.principal_fen, r.interest_fen FROM loan_repayments r JOIN loans l ON l.id = r.loan_id
		WHERE l.village BETWEEN ? AND ? ORDER BY l.no, r.paid_on`, d.sa, collect(&d.ds.Repayments, func(r rowScanner, x *hezuo.Repayment) error {
				return r.Scan(&x.LoanNo, &x.PaidOn, &x.PrincipalFen, &x.InterestFen)
			}))
		},
	}, records[hezuo.Repayment]{list: func(d *hezuo.Dataset) []hezuo.Repayment { return d.Repayments },
		reach: repaymentLoan, late: repaymentLoan,
		entity: "repayment",
		keys:   func(r *hezuo.Repayment) []string { return []string{key(r.LoanNo, r.PaidOn.String())} },
		show: func(r *hezuo.Repayment, p *auditPlaces) (string, string) {
			return r.LoanNo + " " + r.PaidOn.String(), p.at(placeLoan, r.LoanNo)
		},
	})

	_ = addKind(kind{field: "Guarantees", rank: 170, platform: true, load: (*platformLoader).loadGuarantees,
		dump: func(d *dumping) error {
			return d.rows(`SELECT l.no, pe.id_sealed, g.amount_fen FROM loan_guarantees g JOIN loans l ON l.id = g.loan_id
		JOIN guarantors gu ON gu.id = g.guarantor_id JOIN people pe ON pe.id = gu.person_id
		WHERE l.village BETWEEN ? AND ? ORDER BY l.no, pe.id`, d.sa, collect(&d.ds.Guarantees, func(r rowScanner, g *hezuo.Guarantee) error {
				return r.Scan(&g.LoanNo, d.db.opened(&g.IDNumber), &g.AmountFen)
			}))
		},
	}, records[hezuo.Guarantee]{list: func(d *hezuo.Dataset) []hezuo.Guarantee { return d.Guarantees },
		reach: guaranteeLoan, late: guaranteeLoan,
		entity: "guarantee",
		keys:   func(g *hezuo.Guarantee) []string { return []string{key(g.LoanNo, g.IDNumber)} },
		show: func(g *hezuo.Guarantee, p *auditPlaces) (string, string) {
			return g.LoanNo + " " + g.IDNumber, p.at(placeLoan, g.LoanNo)
		},
	})

	_ = addKind(kind{field: "FeeSubsidies", rank: 180, platform: true, load: (*platformLoader).loadFeeSubsidies,
		dump: func(d *dumping) error {
			return d.rows(`SELECT l.no, f.paid_on, f.amount_fen, f.source, f.note FROM loan_fee_subsidies f JOIN loans l ON l.id = f.loan_id
		WHERE l.village BETWEEN ? AND ? ORDER BY l.no, f.paid_on, f.source`, d.sa, collect(&d.ds.FeeSubsidies, func(r rowScanner, f *hezuo.FeeSubsidy) error {
				return r.Scan(&f.LoanNo, &f.PaidOn, &f.AmountFen, &f.Source, &f.Note)
			}))
		},
	}, records[hezuo.FeeSubsidy]{list: func(d *hezuo.Dataset) []hezuo.FeeSubsidy { return d.FeeSubsidies },
		reach: subsidyLoan, late: subsidyLoan,
		entity: "fee_subsidy",
		keys:   func(f *hezuo.FeeSubsidy) []string { return []string{key(f.LoanNo, f.PaidOn.String(), f.Source)} },
		show: func(f *hezuo.FeeSubsidy, p *auditPlaces) (string, string) {
			return f.LoanNo + " " + f.PaidOn.String() + " " + f.Source, p.at(placeLoan, f.LoanNo)
		},
	})

	// After the loans and what hangs on them, before the kinds after them.
	_ = addKind(kind{field: "", rank: 190, platform: true, load: (*platformLoader).checkLoans})
)
