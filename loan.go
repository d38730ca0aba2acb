package hezuo

import (
	"fmt"
	"strconv"
	"strings"
)

// Loan statuses on a day, in the order a loan goes through them. A loan's
// status is never stored: StatusOn derives it from its dates and repayments.
const (
	LoanApplied   = "applied"   // 已申请
	LoanApproved  = "approved"  // 已审批
	LoanRejected  = "rejected"  // 未获批准
	LoanDisbursed = "disbursed" // 已发放（未到期）
	LoanOverdue   = "overdue"   // 逾期
	LoanRepaid    = "repaid"    // 已还清
)

// LoanStatusNames gives each loan status's Chinese name.
var LoanStatusNames = map[string]string{
	LoanApplied: "已申请", LoanApproved: "已审批", LoanRejected: "未获批准",
	LoanDisbursed: "已发放", LoanOverdue: "逾期", LoanRepaid: "已还清",
}

// Loan is a party-member agricultural loan (党员农贷), keyed by No. The
// applicant is a party member (Borrower, an ID number) or an org's party
// organization (PartyOrg); exactly one is set. OrgNo is the org the loan
// serves; ForCooperative marks a loan made for the org's development
// (用于合作组织发展). Money is in fen; RatePPM is the annual rate in parts per
// million (4.35% = 43500). DueOn, when zero, is TermMonths after DisbursedOn.
type Loan struct {
	No               string `json:"no" bound:"key"`
	Borrower         string `json:"borrower,omitempty" bound:"id"`
	PartyOrg         string `json:"party_org,omitempty" bound:"key"`
	OrgNo            string `json:"org_id,omitempty" bound:"key"`
	Purpose          string `json:"purpose" bound:"note:2000"`
	ForCooperative   bool   `json:"for_cooperative" bound:"-"`
	Lender           string `json:"lender" bound:"name"` // 农行, 农村信用社, 邮储银行…
	AmountFen        int64  `json:"amount_fen" bound:"fen"`
	RatePPM          int    `json:"rate_ppm" bound:"ppm"`
	TermMonths       int    `json:"term_months" bound:"int:0:600"`
	AppliedOn        Date   `json:"applied_on" bound:"date"`
	ApprovedOn       Date   `json:"approved_on,omitempty" bound:"date"`
	RejectedOn       Date   `json:"rejected_on,omitempty" bound:"date"`
	DisbursedOn      Date   `json:"disbursed_on,omitempty" bound:"date"`
	DueOn            Date   `json:"due_on,omitempty" bound:"far"`
	HouseholdsDriven int    `json:"households_driven" bound:"int:0:1000000"` // households the funded project drives
	Note             string `json:"note,omitempty" bound:"note:2000"`
}

// Due returns the day the principal falls due (zero before disbursement).
func (l *Loan) Due() Date {
	if !l.DueOn.IsZero() || l.DisbursedOn.IsZero() {
		return l.DueOn
	}
	return l.DisbursedOn.AddPeriod(0, l.TermMonths) // 民法典 Art. 202
}

// Applicant returns the borrower's ID number or the party organization's number.
func (l *Loan) Applicant() string {
	if l.Borrower != "" {
		return l.Borrower
	}
	return l.PartyOrg
}

// StatusOn returns the loan's status on day, given the principal repaid up
// to and including day; "" before the application. A loan not repaid by the
// end of its due day is overdue.
func (l *Loan) StatusOn(day Date, repaidFen int64) string {
	on := func(d Date) bool { return !d.IsZero() && !day.Before(d) }
	switch {
	case !on(l.AppliedOn):
		return ""
	case on(l.RejectedOn):
		return LoanRejected
	case on(l.DisbursedOn) && repaidFen >= l.AmountFen:
		return LoanRepaid
	case on(l.DisbursedOn) && day.After(l.Due()):
		return LoanOverdue
	case on(l.DisbursedOn):
		return LoanDisbursed
	case on(l.ApprovedOn):
		return LoanApproved
	}
	return LoanApplied
}

// AsOf makes l the loan as known on day, given the principal repaid up to
// and including day: approval, rejection and disbursement after day are
// not known on it, nor a due date before disbursement. It returns the
// status on day (StatusOn) and the principal outstanding (0 until
// disbursed).
func (l *Loan) AsOf(day Date, repaidFen int64) (status string, outstandingFen int64) {
	for _, d := range []*Date{&l.ApprovedOn, &l.RejectedOn, &l.DisbursedOn} {
		if d.After(day) {
			*d = Date{}
		}
	}
	if l.DisbursedOn.IsZero() {
		l.DueOn = Date{}
		return l.StatusOn(day, repaidFen), 0
	}
	return l.StatusOn(day, repaidFen), l.AmountFen - repaidFen
}

// Validate checks the loan's own fields and the order of its dates:
// application, then approval or rejection, then disbursement.
func (l *Loan) Validate() error {
	rec := "贷款 " + l.No
	c := boundsOf(rec, l, Today(China))
	before := func(a, b Date) bool { return !a.IsZero() && !b.IsZero() && b.Before(a) }
	c.required("贷款", "no", l.No, "缺少贷款编号", "loan number missing")
	if (l.Borrower == "") == (l.PartyOrg == "") {
		c.add(Invalid(rec, "borrower", "申请人应为一名党员或一个合作组织党组织（只填一个）", "the applicant is one party member or one org's party organization (give exactly one)"))
	}
	if l.PartyOrg != "" && l.OrgNo == "" {
		c.add(Invalid(rec, "org_id", "党组织申请贷款时应填写所服务的合作组织", "a loan to a party organization must name the org it serves"))
	}
	if l.ForCooperative && l.OrgNo == "" {
		c.add(Invalid(rec, "org_id", "用于合作组织发展的贷款应填写组织编号", "a loan for an org's development must name the org"))
	}
	if l.AmountFen <= 0 {
		c.add(Invalid(rec, "amount_fen", "贷款金额应大于零", "the amount must be positive"))
	}
	if l.RatePPM < 0 || l.RatePPM > 360000 {
		c.add(Invalid(rec, "rate_ppm", "年利率应在 0 到 36% 之间", "the annual rate must be between 0 and 36%"))
	}
	if l.TermMonths < 1 {
		c.add(Invalid(rec, "term_months", "贷款期限至少 1 个月", "the term is at least one month"))
	}
	if l.HouseholdsDriven < 0 {
		c.add(Invalid(rec, "households_driven", "带动农户数不能为负数", "households driven cannot be negative"))
	}
	if l.AppliedOn.IsZero() {
		c.add(Invalid(rec, "applied_on", "缺少申请日期", "application date missing"))
	}
	if !l.ApprovedOn.IsZero() && !l.RejectedOn.IsZero() {
		c.add(Invalid(rec, "rejected_on", "同一笔贷款不能既获批准又被拒绝", "a loan cannot be both approved and rejected"))
	}
	if before(l.AppliedOn, l.ApprovedOn) || before(l.AppliedOn, l.RejectedOn) {
		c.add(Invalid(rec, "approved_on", "审批日期早于申请日期", "decided before it was applied for"))
	}
	if !l.DisbursedOn.IsZero() && l.ApprovedOn.IsZero() {
		c.add(Invalid(rec, "disbursed_on", "未经审批的贷款不能发放", "a loan cannot be disbursed before it is approved"))
	}
	if before(l.ApprovedOn, l.DisbursedOn) {
		c.add(Invalid(rec, "disbursed_on", "发放日期早于审批日期", "disbursed before it was approved"))
	}
	if !l.DisbursedOn.IsZero() && strings.TrimSpace(l.Lender) == "" {
		c.add(Invalid(rec, "lender", "已发放的贷款应填写贷款机构", "a disbursed loan needs its lender"))
	}
	if !l.DueOn.IsZero() && (l.DisbursedOn.IsZero() || !l.DisbursedOn.Before(l.DueOn)) {
		c.add(Invalid(rec, "due_on", "到期日应晚于发放日期", "the due date must come after disbursement"))
	}
	return c.err()
}

// Repayment is one payment on a loan: principal and interest paid on PaidOn.
type Repayment struct {
	LoanNo       string `json:"loan" bound:"key"`
	PaidOn       Date   `json:"paid_on" bound:"date"`
	PrincipalFen int64  `json:"principal_fen" bound:"fen"`
	InterestFen  int64  `json:"interest_fen" bound:"fen"`
}

// Guarantor is a public servant (公职人员) who may guarantee party members'
// loans, working in Unit (Unit.Code) as Post.
type Guarantor struct {
	IDNumber string `json:"id_number" bound:"id"`
	Unit     string `json:"unit" bound:"code"`
	Post     string `json:"post,omitempty" bound:"text:100"`
}

// Guarantee is a guarantor standing for a loan, for AmountFen (zero: the
// whole loan). It binds from the loan's disbursement (or approval) until
// the loan is repaid.
type Guarantee struct {
	LoanNo    string `json:"loan" bound:"key"`
	IDNumber  string `json:"id_number" bound:"id"` // the guarantor
	AmountFen int64  `json:"amount_fen,omitempty" bound:"fen"`
}

// Funding sources of a party-fee subsidy.
const (
	SourcePartyDues = "party_dues" // 党费（县委组织部代管党费）
	SourceFinance   = "finance"    // 财政资金
	SourceOther     = "other"      // 其他
)

// SourceNames gives each funding source's Chinese name.
var SourceNames = map[string]string{SourcePartyDues: "党费", SourceFinance: "财政资金", SourceOther: "其他"}

// FeeSubsidy is a party-fee subsidy (党费补贴) paid to a loan's borrower on
// PaidOn, kept apart from the interest subsidy with its funding source.
type FeeSubsidy struct {
	LoanNo    string `json:"loan" bound:"key"`
	PaidOn    Date   `json:"paid_on" bound:"date"`
	AmountFen int64  `json:"amount_fen" bound:"fen"`
	Source    string `json:"source" bound:"enum"`
	Note      string `json:"note,omitempty" bound:"note:2000"`
}

// InterestFen returns the interest in fen on fenDays (principal in fen
// times days) at an annual rate of ratePPM over a year of basis days,
// rounded half up, without overflow (MulDivRound).
func InterestFen(fenDays int64, ratePPM, basis int) int64 {
	return MulDivRound(fenDays, int64(ratePPM), int64(1_000_000)*int64(basis))
}

// Yuan formats fen as yuan with thousands separators: 2275000000 → "22,750,000.00".
func Yuan(fen int64) string {
	sign := ""
	if fen < 0 {
		sign, fen = "-", -fen
	}
	s := strconv.FormatInt(fen/100, 10)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return fmt.Sprintf("%s%s.%02d", sign, s, fen%100)
}

// Percent formats a rate in parts per million as a percentage with two to
// four decimals: 43500 → "4.35%", 37000 → "3.70%", 47850 → "4.785%".
func Percent(ppm int) string {
	s := strconv.FormatFloat(float64(ppm)/10000, 'f', 4, 64)
	for strings.HasSuffix(s, "0") && len(s)-strings.IndexByte(s, '.') > 3 {
		s = s[:len(s)-1]
	}
	return s + "%"
}

// LoanItem is a loan as listed on a day: the record with the applicant's
// and the org's names, its status, the principal and interest repaid, the
// principal outstanding, its guarantors and the party-fee subsidies paid,
// all up to the day.
type LoanItem struct {
	Loan
	ApplicantName   string `json:"applicant_name"`
	OrgName         string `json:"org_name,omitempty"`
	Status          string `json:"status"`
	RepaidFen       int64  `json:"repaid_fen"`
	InterestPaidFen int64  `json:"interest_paid_fen"`
	OutstandingFen  int64  `json:"outstanding_fen"`
	Guarantors      int    `json:"guarantors"`
	FeeSubsidyFen   int64  `json:"fee_subsidy_fen"`
	FeeFromDuesFen  int64  `json:"fee_subsidy_from_dues_fen"` // of which paid from party dues
}
