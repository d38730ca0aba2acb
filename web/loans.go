package web

import (
	"net/http"
	"strconv"
	"strings"

	"hezuo"
	"hezuo/store"
)

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
		AsOf: f.Day.String(), List: list, Pager: pager(r, list.Total, f.Page), Sorts: map[string]string{}, Statuses: loanStatuses}
	for _, k := range []string{"no", "applied", "disbursed", "amount", "org", "applicant"} {
		v.Sorts[k] = sortURL(r, k)
	}
	if a.ByDivision() {
		v.Townships, _, err = s.db.ListDivisions(r.Context(), a, hezuo.ListFilter{Form: hezuo.LevelTownship, PerPage: 500}, s.today())
		if err != nil {
			return err
		}
	}
	return s.render(w, http.StatusOK, "loans", v)
}

func (s *Server) loansDownload(w http.ResponseWriter, r *http.Request) error {
	f, err := loanFilter(r)
	if err != nil {
		return err
	}
	items, err := collect(func(n int) ([]store.LoanRow, int, error) {
		f.Page, f.PerPage = n, downloadPer
		l, err := s.db.ListLoans(r.Context(), accessOf(r), f, s.today())
		if err != nil {
			return nil, 0, err
		}
		return l.Items, l.Total, nil
	})
	if err != nil {
		return err
	}
	lang := langOf(r)
	head := cols(lang, [2]string{"贷款编号", "Loan"}, [2]string{"状态", "Status"}, [2]string{"申请人", "Applicant"},
		[2]string{"申请党组织编号", "Party organization"}, [2]string{"组织编号", "Org ID"}, [2]string{"组织名称", "Org"},
		[2]string{"乡镇", "Township"}, [2]string{"用途", "Purpose"}, [2]string{"用于合作组织发展", "For the org"},
		[2]string{"贷款机构", "Lender"}, [2]string{"金额（元）", "Amount (yuan)"}, [2]string{"年利率", "Rate"},
		[2]string{"期限（月）", "Term (months)"}, [2]string{"申请日期", "Applied"}, [2]string{"审批日期", "Approved"},
		[2]string{"发放日期", "Disbursed"}, [2]string{"到期日", "Due"}, [2]string{"已还本金（元）", "Repaid (yuan)"},
		[2]string{"未还本金（元）", "Outstanding (yuan)"}, [2]string{"担保人数", "Guarantors"},
		[2]string{"党费补贴（元）", "Fee subsidy (yuan)"}, [2]string{"带动农户", "Households driven"})
	rows := make([][]any, len(items))
	for i, l := range items {
		rows[i] = []any{l.No, label(lang, "loan", l.Status), l.ApplicantName, l.PartyOrg, l.OrgNo, l.OrgName,
			l.TownshipName, l.Purpose, l.ForCooperative, l.Lender, yuanNumber(l.AmountFen), hezuo.Percent(l.RatePPM), l.TermMonths,
			l.AppliedOn, l.ApprovedOn, l.DisbursedOn, l.DueOn, yuanNumber(l.RepaidFen), yuanNumber(l.OutstandingFen), l.Guarantors,
			yuanNumber(l.FeeSubsidyFen), l.HouseholdsDriven}
	}
	return s.sendXLSX(w, "党员农贷.xlsx", "党员农贷", head, rows)
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
