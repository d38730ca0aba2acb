package store

import (
	"context"
	"hezuo"
	"hezuo/rules"
	"time"
)

// Loans is the door to the party-member loans (党员创业贷款) with their guarantees, repayments and interest subsidies.
//
// Errors are *hezuo.Error with a code: EINVALID (a field out of its bounds or
// its rules, with the field named), EFORBIDDEN (the role may not do it),
// ENOTFOUND (no such record, or one outside the user's scope: the two are
// never told apart), ECONFLICT (a stale version, a taken number); any other
// error is the database's.
type Loans interface {
	// ListLoans returns one page of the loans a may see that the filter
	// selects (applied for by the filter's day), their number and amount. A
	// filter scope outside a's is EFORBIDDEN.
	ListLoans(ctx context.Context, a *hezuo.Access, f LoanFilter, today hezuo.Date) (*LoanList, error)
	// GetLoan returns loan no as of day with everything its page shows; a loan
	// a may not see today is ENOTFOUND (a zero day is today).
	GetLoan(ctx context.Context, a *hezuo.Access, no string, day, today hezuo.Date) (*LoanDetail, error)
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
	CreateLoan(ctx context.Context, a *hezuo.Access, app *LoanApplication, today hezuo.Date, now time.Time) error
	// ChangeLoanStatus applies action (LoanAction…) to loan no on day, in one
	// transaction with its audit entry: approval or rejection of an
	// application, disbursement of an approved loan (lender, when not "",
	// replaces the recorded one; the due date follows from the term), or a due
	// date for a disbursed loan (a loan not repaid by then is overdue; statuses
	// are never stored). version is the loan's version as read (a stale one is
	// ECONFLICT). Errors about the day name the field "on".
	ChangeLoanStatus(ctx context.Context, a *hezuo.Access, no, action string, day hezuo.Date, lender string, version int,
		today hezuo.Date, now time.Time) error
	// AddRepayment records a repayment of loan no, in one transaction with its
	// audit entry: through the Load path, which refuses a repayment before the
	// disbursement or after today, amounts that are negative or both zero, and
	// principal repaid beyond the loan (errors name paid_on or principal_fen).
	// A second repayment on the same day is ECONFLICT (correct it by import).
	AddRepayment(ctx context.Context, a *hezuo.Access, no string, r hezuo.Repayment, today hezuo.Date, now time.Time) error
	// ScopedLoanQueue is LoanQueue for a user: the applications waiting on day
	// in the requested scope (narrowed by a's, EFORBIDDEN outside it), only
	// those a may see, ranked by the three priorities over the whole scope.
	ScopedLoanQueue(ctx context.Context, a *hezuo.Access, req hezuo.Scope, day hezuo.Date) ([]rules.Ranked, error)
	// ScopedLoanSubsidies is LoanSubsidies for a user: the interest subsidies
	// of year (interest paid up to asOf) of the loans of the requested scope
	// that a may see. Borrowers' yearly caps are shared over the whole scope.
	ScopedLoanSubsidies(ctx context.Context, a *hezuo.Access, req hezuo.Scope, year int, asOf hezuo.Date) ([]LoanSubsidy, error)
	// LendingRates returns the table of reference lending rates
	// (lending_rates, migration 0011) in order of their days.
	LendingRates(ctx context.Context) (rules.RateTable, error)
}

// LoanFilter selects loans for a list: a scope inside the user's, a status
// on Day, a year (of disbursement, else of application), applications the
// three priorities put first, free text matched against the loan number,
// the org's and the applicant's names; a sort key and a page.
type LoanFilter struct {
	Scope    hezuo.Scope
	Status   string
	Year     int
	Priority bool
	Q        string
	Sort     string // "no" (default), "applied", "disbursed", "amount", "org", "applicant"; "-" prefix for descending
	Page     int
	PerPage  int
	Day      hezuo.Date // statuses and sums as of this day (zero: today)
	// Disbursed keeps the loans disbursed by the day to an org in scope:
	// the loans the figures loans.count and loans.total_fen count.
	Disbursed bool
}

// LoanRow is a loan as the web lists show it: the list item (with the
// borrower's ID number left empty), its database id, the borrower's person
// id, where it counts and its version.
type LoanRow struct {
	hezuo.LoanItem
	ID           int64  `json:"id"`
	BorrowerID   int64  `json:"borrower_person_id,omitempty"`
	Village      string `json:"village"`
	TownshipName string `json:"township_name"`
	Version      int    `json:"version"`
}

// LoanList is one page of loans, the number the filter selects and their
// amount.
type LoanList struct {
	Items     []LoanRow `json:"items"`
	Total     int       `json:"total"`
	AmountFen int64     `json:"amount_fen"`
}

// LoanDetail is one loan's page: the row, its status history, repayments,
// guarantors (each with the most it stands for at once over all its loans,
// against the cap), party-fee subsidies, the interest subsidy of every year
// with interest paid (with the computation), and its place in the queue of
// the three priorities while it waits for a decision.
type LoanDetail struct {
	LoanRow
	Events          []LoanEvent        `json:"events"`
	Repayments      []hezuo.Repayment  `json:"repayments"`
	Guarantees      []GuaranteeRow     `json:"guarantees"`
	GuarantorCapFen int64              `json:"guarantor_cap_fen"`
	FeeSubsidies    []hezuo.FeeSubsidy `json:"fee_subsidies"`
	Subsidies       []rules.Subsidy    `json:"interest_subsidies"`
	DayBasis        int                `json:"day_basis"`
	Queue           *rules.Ranked      `json:"queue,omitempty"`
}

// LoanEvent is one step of a loan's status history: the day and the status
// it entered (or, for a repayment, the status it stays in), with the amount
// concerned.
type LoanEvent struct {
	On        hezuo.Date `json:"on"`
	Status    string     `json:"status"`
	Event     string     `json:"event"` // applied, approved, rejected, disbursed, repayment, overdue, repaid
	AmountFen int64      `json:"amount_fen,omitempty"`
}

// GuaranteeRow is a guarantor of a loan: the public servant (by name, with
// the person's database id), the unit and post, what the guarantor stands
// for on this loan, and the peak of what it stands for at once over all its
// loans, from when and on which loans.
type GuaranteeRow struct {
	PersonID  int64      `json:"person_id"`
	Name      string     `json:"name"`
	Unit      string     `json:"unit"`
	Post      string     `json:"post,omitempty"`
	AmountFen int64      `json:"amount_fen"`
	PeakFen   int64      `json:"peak_fen"`
	PeakOn    hezuo.Date `json:"peak_on"`
	PeakLoans []string   `json:"peak_loans"`
	OverCap   bool       `json:"over_cap"`
}

// LoanSubsidy is one loan's interest subsidy for a year as the web shows
// it: the computation, with the applicant's and the org's names in place of
// the borrower's ID number.
type LoanSubsidy struct {
	rules.Subsidy
	ApplicantName string `json:"applicant_name"`
	OrgName       string `json:"org_name,omitempty"`
}

// GuarantorField is the form field of the i-th guarantor of a new loan
// (guarantor_a, guarantor_b…): errors about that guarantee name it.
func GuarantorField(i int) string { return "guarantor_" + string(rune('a'+i)) }

// LoanApplication is a new loan application: the loan and the guarantors
// standing for it (Guarantee.LoanNo is ignored).
type LoanApplication struct {
	hezuo.Loan
	Guarantees []hezuo.Guarantee `json:"guarantees"`
}

// Loan status changes a form or the API asks for.
const (
	LoanActionApprove  = "approve"  // 审批通过
	LoanActionReject   = "reject"   // 不予批准
	LoanActionDisburse = "disburse" // 发放
	LoanActionDue      = "due"      // 登记（调整）到期日：到期未还清即逾期
)
