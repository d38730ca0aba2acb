package web

import (
	"errors"
	"net/http"
	"net/url"
	"strconv"

	"hezuo"
	"hezuo/rules"
	"hezuo/store"
)

// loanView is a loan's page: its terms, status history, repayments,
// guarantors against the cap, the interest subsidy computed year by year,
// the party-fee subsidies apart, and its place among the three priorities;
// for writers, the status and repayment forms (Errors beside their fields,
// Form as typed).
type loanView struct {
	Page
	AsOf      string
	Today     string
	L         *store.LoanDetail
	Subsidies []rules.SubsidyView
	Queue     *rules.RankedView
	Actions   []string
	Errors    map[string]string
	General   string
	Form      map[string]string
}

// EventText is a status-history event's name in the page's language.
func (v loanView) EventText(event string) string { return eventText(v.Lang, event) }

// SourceName is a party-fee subsidy's funding source in the page's language.
func (v loanView) SourceName(src string) string { return label(v.Lang, "source", src) }

// loanView reads loan no as of the request's day into its page's view.
func (s *Server) loanView(r *http.Request, no string) (loanView, error) {
	day, err := dayParam(r)
	if err != nil {
		return loanView{}, err
	}
	d, err := s.db.GetLoan(r.Context(), accessOf(r), no, day, s.today())
	if err != nil {
		return loanView{}, err
	}
	v := loanView{Page: s.pageOf(r, "loans", "loan"), AsOf: day.String(), Today: s.today().String(), L: d,
		Errors: map[string]string{}, Form: map[string]string{}}
	v.Title = tr(v.Lang, "loan") + " " + d.No
	for _, sub := range d.Subsidies {
		v.Subsidies = append(v.Subsidies, sub.View(v.Lang))
	}
	if d.Queue != nil {
		q := d.Queue.View(v.Lang)
		v.Queue = &q
	}
	switch {
	case d.ApprovedOn.IsZero() && d.RejectedOn.IsZero():
		v.Actions = []string{store.LoanActionApprove, store.LoanActionReject}
	case !d.ApprovedOn.IsZero() && d.DisbursedOn.IsZero():
		v.Actions = []string{store.LoanActionDisburse}
	case !d.DisbursedOn.IsZero():
		v.Actions = []string{store.LoanActionDue}
	}
	return v, nil
}

var _ = pageRoute("GET /loans/{no}", (*Server).loanPage)

func (s *Server) loanPage(w http.ResponseWriter, r *http.Request) error {
	v, err := s.loanView(r, r.PathValue("no"))
	if err != nil {
		return err
	}
	return s.render(w, http.StatusOK, "loan", v)
}

// loanFormFailed shows the loan's page again with err beside its field
// (the form's values as typed), or returns err for the error page.
func (s *Server) loanFormFailed(w http.ResponseWriter, r *http.Request, err error, form map[string]string, fields ...string) error {
	if _, shown := formError(langOf(r), err, map[string]string{}, fields...); !shown {
		return err // a refusal of the request itself (403, 404…), before the page is read
	}
	v, verr := s.loanView(r, r.PathValue("no"))
	if verr != nil {
		return verr
	}
	v.General, _ = formError(v.Lang, err, v.Errors, fields...)
	v.Form = form
	return s.render(w, s.statusOf(err), "loan", v)
}

var _ = pageRoute("POST /loans/{no}/status", (*Server).loanStatusSubmit)

// loanStatusSubmit applies a status change from the loan's page.
func (s *Server) loanStatusSubmit(w http.ResponseWriter, r *http.Request) error {
	fv := formValues{r}
	no := r.PathValue("no")
	form := map[string]string{"action": fv.get("action"), "on": fv.get("on"), "lender": fv.get("lender")}
	errs := map[string]string{}
	day := fv.date("on", errs)
	if len(errs) > 0 {
		return s.loanFormFailed(w, r, hezuo.Invalid("", "on", errs["on"], errs["on"]), form, "on")
	}
	if form["action"] == store.LoanActionReject && !confirmed(r) {
		return s.askRejectLoan(w, r, no, day)
	}
	err := s.db.ChangeLoanStatus(r.Context(), accessOf(r), no, form["action"], day, form["lender"], fv.version(), s.today(), s.opt.Now())
	if err != nil {
		return s.loanFormFailed(w, r, err, form, "on", "action", "lender")
	}
	http.Redirect(w, r, "/loans/"+url.PathEscape(no)+"?saved=1", http.StatusSeeOther)
	return nil
}

var _ = pageRoute("POST /loans/{no}/repayments", (*Server).loanRepaymentSubmit)

// loanRepaymentSubmit records a repayment from the loan's page; "all"
// repays the principal outstanding today.
func (s *Server) loanRepaymentSubmit(w http.ResponseWriter, r *http.Request) error {
	fv := formValues{r}
	no := r.PathValue("no")
	form := map[string]string{"paid_on": fv.get("paid_on"), "principal": fv.get("principal"), "interest": fv.get("interest")}
	rep, errs := readRepayment(fv)
	if fv.get("all") != "" && len(errs) == 0 {
		d, err := s.db.GetLoan(r.Context(), accessOf(r), no, s.today(), s.today())
		if err != nil {
			return err
		}
		rep.PrincipalFen = d.OutstandingFen
	}
	var bad []error // every unreadable field at once
	for _, f := range []string{"paid_on", "principal", "interest"} {
		if errs[f] != "" {
			bad = append(bad, hezuo.Invalid("", f, errs[f], errs[f]))
		}
	}
	if err := hezuo.JoinErrors(bad...); err != nil {
		return s.loanFormFailed(w, r, err, form, "paid_on", "principal", "interest")
	}
	if err := s.db.AddRepayment(r.Context(), accessOf(r), no, rep, s.today(), s.opt.Now()); err != nil {
		return s.loanFormFailed(w, r, renameFields(err, map[string]string{"principal_fen": "principal", "interest_fen": "interest"}),
			form, "paid_on", "principal", "interest")
	}
	http.Redirect(w, r, "/loans/"+url.PathEscape(no)+"?saved=1", http.StatusSeeOther)
	return nil
}

// readRepayment reads a repayment's date and amounts (yuan); bad values are
// noted per field.
func readRepayment(fv formValues) (hezuo.Repayment, map[string]string) {
	errs := map[string]string{}
	rep := hezuo.Repayment{PaidOn: fv.date("paid_on", errs)}
	for _, f := range []struct {
		field string
		dst   *int64
	}{{"principal", &rep.PrincipalFen}, {"interest", &rep.InterestFen}} {
		v := fv.get(f.field)
		if v == "" {
			continue
		}
		fen, ok := parseYuan(v)
		if !ok {
			errs[f.field] = "金额应为不小于零的数字（元，最多两位小数） / an amount in yuan, not negative, at most two decimals"
		}
		*f.dst = fen
	}
	return rep, errs
}

// renameFields returns err with its field renamed by m (the store's names
// to a form's).
func renameFields(err error, m map[string]string) error {
	var es hezuo.Errors
	if errors.As(err, &es) { // every field's error at once: rename each
		out := make(hezuo.Errors, len(es))
		for i, e := range es {
			c := *e
			if f, ok := m[e.Field]; ok {
				c.Field = f
			}
			out[i] = &c
		}
		return out
	}
	var e *hezuo.Error
	if errors.As(err, &e) {
		if f, ok := m[e.Field]; ok {
			c := *e
			c.Field = f
			return &c
		}
	}
	return err
}

// atoiOr reads a whole number (def when empty), reporting a bad one.
func atoiOr(s string, def int) (int, bool) {
	if s == "" {
		return def, true
	}
	n, err := strconv.Atoi(s)
	return n, err == nil
}
