package web

import (
	"context"
	"net/http"
	"strconv"
	"strings"

	"hezuo"
	"hezuo/store"
)

// The party members' loans: the list, a loan's page and forms, the
// approval queue, the subsidies.
var _ = addArea(area{Nav: "loans", Path: "/loans", Texts: "loans", ID: "nav-loans", At: 110, Audit: []string{"loan", "repayment"}})

// loanStatuses are the statuses the loan list filters by, in the order a
// loan goes through them.
var loanStatuses = []string{hezuo.LoanApplied, hezuo.LoanApproved, hezuo.LoanRejected, hezuo.LoanDisbursed, hezuo.LoanOverdue, hezuo.LoanRepaid}

// loanFilter reads a loan list's query: scope, status, year, priority, q,
// sort, page, as_of.
func loanFilter(r *http.Request) (store.LoanFilter, error) {
	q := r.URL.Query()
	sc, err := scopeParam(r)
	if err != nil {
		return store.LoanFilter{}, err
	}
	day, err := dayParam(r)
	if err != nil {
		return store.LoanFilter{}, err
	}
	f := store.LoanFilter{Scope: sc, Status: q.Get("status"), Priority: q.Get("priority") != "", Q: q.Get("q"),
		Sort: q.Get("sort"), Page: intParam(r, "page", 1), Day: day, Disbursed: q.Get("disbursed") != ""}
	if y := strings.TrimSpace(q.Get("year")); y != "" {
		n, err := strconv.Atoi(y)
		if err != nil || n < 1949 || n > 2200 {
			return f, hezuo.Invalid("", "year", "年度应为四位数字", "the year must have four digits")
		}
		f.Year = n
	}
	return f, nil
}

// loansView is the loan list with its filters.
type loansView struct {
	Page
	F         store.LoanFilter
	Scope     string
	Year      string
	AsOf      string
	List      *store.LoanList
	Pager     Pager
	Sorts     map[string]string
	Statuses  []string
	Townships []hezuo.DivisionItem
}

// LoanStatus returns a loan status's name in the page's language.
func (p Page) LoanStatus(st string) string { return label(p.Lang, "loan", st) }

var _ = pageRoute("GET /loans", (*Server).loansPage)

func (s *Server) loansPage(w http.ResponseWriter, r *http.Request) error {
	f, err := loanFilter(r)
	if err != nil {
		return err
	}
	a := accessOf(r)
	list, err := s.db.ListLoans(r.Context(), a, f, s.today())
	if err != nil {
		return err
	}
	v := loansView{Page: s.pageOf(r, "loans", "loans"), F: f, Scope: r.URL.Query().Get("scope"), Year: r.URL.Query().Get("year"),
		AsOf: f.Day.String(), List: list, Pager: pager(r, list.Total, f.Page), Sorts: sortURLs(r, s.loanList().sorts...), Statuses: loanStatuses}
	if a.ByDivision() {
		v.Townships, _, err = s.db.ListDivisions(r.Context(), a, hezuo.ListFilter{Form: hezuo.LevelTownship, PerPage: 500}, s.today())
		if err != nil {
			return err
		}
	}
	return s.render(w, http.StatusOK, "loans", v)
}

// loanList is the loan list of /loans.xlsx (the page and the API read
// the whole LoanList, with its sums).
func (s *Server) loanList() listSpec[store.LoanFilter, store.LoanRow] {
	return listSpec[store.LoanFilter, store.LoanRow]{filter: loanFilter,
		paging: func(f *store.LoanFilter) (*int, *int) { return &f.Page, &f.PerPage },
		fetch: func(ctx context.Context, a *hezuo.Access, f store.LoanFilter, today hezuo.Date) ([]store.LoanRow, int, error) {
			l, err := s.db.ListLoans(ctx, a, f, today)
			if err != nil {
				return nil, 0, err
			}
			return l.Items, l.Total, nil
		},
		sorts: []string{"no", "applied", "disbursed", "amount", "org", "applicant"},
		sheet: sheet[store.LoanRow]{name: "党员农贷",
			cols: [][2]string{{"贷款编号", "Loan"}, {"状态", "Status"}, {"申请人", "Applicant"},
				{"申请党组织编号", "Party organization"}, {"组织编号", "Org ID"}, {"组织名称", "Org"},
				{"乡镇", "Township"}, {"用途", "Purpose"}, {"用于合作组织发展", "For the org"},
				{"贷款机构", "Lender"}, {"金额（元）", "Amount (yuan)"}, {"年利率", "Rate"},
				{"期限（月）", "Term (months)"}, {"申请日期", "Applied"}, {"审批日期", "Approved"},
				{"发放日期", "Disbursed"}, {"到期日", "Due"}, {"已还本金（元）", "Repaid (yuan)"},
				{"未还本金（元）", "Outstanding (yuan)"}, {"担保人数", "Guarantors"},
				{"党费补贴（元）", "Fee subsidy (yuan)"}, {"带动农户", "Households driven"}},
			row: func(lang string, l store.LoanRow) []any {
				return []any{l.No, label(lang, "loan", l.Status), l.ApplicantName, l.PartyOrg, l.OrgNo, l.OrgName,
					l.TownshipName, l.Purpose, l.ForCooperative, l.Lender, yuanNumber(l.AmountFen), hezuo.Percent(l.RatePPM), l.TermMonths,
					l.AppliedOn, l.ApprovedOn, l.DisbursedOn, l.DueOn, yuanNumber(l.RepaidFen), yuanNumber(l.OutstandingFen), l.Guarantors,
					yuanNumber(l.FeeSubsidyFen), l.HouseholdsDriven}
			}}}
}

var _ = pageRoute("GET /loans.xlsx", (*Server).loansDownload)

func (s *Server) loansDownload(w http.ResponseWriter, r *http.Request) error {
	return s.loanList().download(s, w, r)
}

// yuanNumber is fen as a number of yuan for a spreadsheet cell.
func yuanNumber(fen int64) float64 { return float64(fen) / 100 }

// parseYuan reads an amount typed in yuan (up to two decimals, thousands
// separators allowed) as fen.
func parseYuan(s string) (int64, bool) {
	s = strings.NewReplacer(",", "", "，", "", " ", "").Replace(strings.TrimSpace(s))
	whole, frac, _ := strings.Cut(s, ".")
	if whole == "" || len(frac) > 2 || strings.HasPrefix(whole, "-") {
		return 0, false
	}
	for len(frac) < 2 {
		frac += "0"
	}
	w, err1 := strconv.ParseInt(whole, 10, 64)
	f, err2 := strconv.ParseInt(frac, 10, 64)
	if err1 != nil || err2 != nil || w > 1e12 {
		return 0, false
	}
	return w*100 + f, true
}

// parsePercent reads an annual rate typed in percent ("4.35") as parts per
// million (43500).
func parsePercent(s string) (int, bool) { return hezuo.ParsePercent(s) }
