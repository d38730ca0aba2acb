package web

import (
	"net/http"
	"strconv"
	"strings"

	"hezuo"
	"hezuo/rules"
	"hezuo/store"
)

// loanQueueView is the queue of applications waiting, ordered by the three
// priorities with the reasons.
type loanQueueView struct {
	Page
	Scope    string
	AsOf     string
	Items    []rules.RankedView
	Priority int
}

var _ = pageRoute("GET /loans/queue", (*Server).loanQueuePage)

func (s *Server) loanQueuePage(w http.ResponseWriter, r *http.Request) error {
	q, day, err := scopedRead(r, s.db.ScopedLoanQueue)
	if err != nil {
		return err
	}
	v := loanQueueView{Page: s.pageOf(r, "loans", "loan_queue"), Scope: r.URL.Query().Get("scope"), AsOf: day.String()}
	for _, it := range q {
		v.Items = append(v.Items, it.View(v.Lang))
		if it.Priority {
			v.Priority++
		}
	}
	return s.render(w, http.StatusOK, "loanqueue", v)
}

// subsidyQuery reads ?scope=&year=&as_of= of the subsidy page: the year
// defaults to the as-of day's, the as-of day to the year's end or today,
// whichever comes first.
func subsidyQuery(r *http.Request, today hezuo.Date) (hezuo.Scope, int, hezuo.Date, error) {
	sc, err := scopeParam(r)
	if err != nil {
		return sc, 0, hezuo.Date{}, err
	}
	q := r.URL.Query()
	year := today.Year()
	if y := strings.TrimSpace(q.Get("year")); y != "" {
		if year, err = strconv.Atoi(y); err != nil || year < 1949 || year > 2200 {
			return sc, 0, hezuo.Date{}, hezuo.Invalid("", "year", "年度应为四位数字", "the year must have four digits")
		}
	}
	asOf := hezuo.DateOf(year, 12, 31)
	if today.Before(asOf) {
		asOf = today
	}
	if q.Get("as_of") != "" {
		if asOf, err = dayParam(r); err != nil {
			return sc, 0, hezuo.Date{}, err
		}
	}
	return sc, year, asOf, nil
}

// loanSubsidiesView is one year's interest subsidies, loan by loan, with
// the totals.
type loanSubsidiesView struct {
	Page
	Scope    string
	Year     int
	AsOf     string
	DayBasis int
	Items    []subsidyRow
	TotalFen int64
	CutFen   int64
	Rates    []hezuo.LendingRate // the reference rates by date (read only here)
}

// subsidyRow is one loan's subsidy with its reasons in the page's language.
type subsidyRow struct {
	store.LoanSubsidy
	Reasons []string
}

func (s *Server) loanSubsidies(r *http.Request) (loanSubsidiesView, error) {
	sc, year, asOf, err := subsidyQuery(r, s.today())
	if err != nil {
		return loanSubsidiesView{}, err
	}
	subs, err := s.db.ScopedLoanSubsidies(r.Context(), accessOf(r), sc, year, asOf)
	if err != nil {
		return loanSubsidiesView{}, err
	}
	st, err := s.db.Settings(r.Context())
	if err != nil {
		return loanSubsidiesView{}, err
	}
	rates, err := s.db.LendingRates(r.Context())
	if err != nil {
		return loanSubsidiesView{}, err
	}
	v := loanSubsidiesView{Page: s.pageOf(r, "loans", "loan_subsidies"), Scope: r.URL.Query().Get("scope"), Year: year, AsOf: asOf.String(),
		DayBasis: st.DayBasis(), Rates: rates}
	for _, sub := range subs {
		v.Items = append(v.Items, subsidyRow{LoanSubsidy: sub, Reasons: sub.View(v.Lang).Reasons})
		v.TotalFen += sub.SubsidyFen
		v.CutFen += sub.CutFen
	}
	return v, nil
}

var _ = pageRoute("GET /loans/subsidies", (*Server).loanSubsidiesPage)

func (s *Server) loanSubsidiesPage(w http.ResponseWriter, r *http.Request) error {
	v, err := s.loanSubsidies(r)
	if err != nil {
		return err
	}
	return s.render(w, http.StatusOK, "loansubsidies", v)
}

var _ = pageRoute("GET /loans/subsidies.xlsx", (*Server).loanSubsidiesDownload)

func (s *Server) loanSubsidiesDownload(w http.ResponseWriter, r *http.Request) error {
	v, err := s.loanSubsidies(r)
	if err != nil {
		return err
	}
	head := cols(v.Lang, [2]string{"贷款编号", "Loan"}, [2]string{"借款人", "Borrower"}, [2]string{"组织", "Org"},
		[2]string{"年度", "Year"}, [2]string{"贴息率", "Subsidy rate"}, [2]string{"计息期数", "Periods"},
		[2]string{"上限前贴息（元）", "Before caps (yuan)"}, [2]string{"核减（元）", "Cut (yuan)"}, [2]string{"贴息（元）", "Subsidy (yuan)"},
		[2]string{"计算依据", "Reasons"})
	rows := make([][]any, 0, len(v.Items)+1)
	for _, it := range v.Items {
		rows = append(rows, []any{it.LoanNo, it.ApplicantName, it.OrgName, it.Year, hezuo.Percent(it.RatePPM), len(it.Periods),
			yuanNumber(it.GrossFen), yuanNumber(it.CutFen), yuanNumber(it.SubsidyFen), strings.Join(it.Reasons, "\n")})
	}
	rows = append(rows, []any{tr(v.Lang, "total"), "", "", v.Year, "", "", "", yuanNumber(v.CutFen), yuanNumber(v.TotalFen), ""})
	return s.sendXLSX(w, "贴息"+strconv.Itoa(v.Year)+".xlsx", "贴息", head, rows)
}
