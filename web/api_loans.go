package web

import (
	"net/http"

	"hezuo"
	"hezuo/rules"
	"hezuo/store"
)

var _ = apiRoute("GET /api/loans", (*Server).apiLoans)

// apiLoans: GET /api/loans?scope=&status=&year=&priority=&q=&sort=&page=&as_of=
// → {"items": [...], "total": N, "amount_fen": F}; money in fen (`_fen`
// keys), borrowers by name and person id, never by ID number.
func (s *Server) apiLoans(w http.ResponseWriter, r *http.Request) error {
	f, err := loanFilter(r)
	if err != nil {
		return err
	}
	list, err := s.db.ListLoans(r.Context(), accessOf(r), f, s.today())
	return replyJSON(w, list, err)
}

// loanDetailJSON is GET /api/loans/{no}: the loan page's content, the
// reasons in the request's language.
type loanDetailJSON struct {
	*store.LoanDetail
	Subsidies []rules.SubsidyView `json:"interest_subsidies"`
	Queue     *rules.RankedView   `json:"queue,omitempty"`
}

var _ = apiRoute("GET /api/loans/{no}", (*Server).apiLoan)

// apiLoan: GET /api/loans/{no}?as_of= → one loan (404 outside the user's reach).
func (s *Server) apiLoan(w http.ResponseWriter, r *http.Request) error {
	v, err := s.loanView(r, r.PathValue("no"))
	if err != nil {
		return err
	}
	out := loanDetailJSON{LoanDetail: v.L, Subsidies: v.Subsidies, Queue: v.Queue}
	if out.Subsidies == nil {
		out.Subsidies = []rules.SubsidyView{}
	}
	writeJSON(w, http.StatusOK, out)
	return nil
}

var _ = apiRoute("POST /api/loans", (*Server).apiLoanCreate)

// apiLoanCreate: POST /api/loans with a hezuo.Loan's keys plus
// "guarantees": [{"id_number", "amount_fen"}] → 201 and the loan; errors
// as every API error ({"error": {code, message, field}}; the i-th
// guarantee's field is guarantor_a, guarantor_b…).
func (s *Server) apiLoanCreate(w http.ResponseWriter, r *http.Request) error {
	return apiCreate(w, r, func(app *store.LoanApplication) (any, error) {
		if err := s.db.CreateLoan(r.Context(), accessOf(r), app, s.today(), s.opt.Now()); err != nil {
			return nil, err
		}
		return s.db.GetLoan(r.Context(), accessOf(r), app.No, s.today(), s.today())
	})
}

var _ = apiRoute("POST /api/loans/{no}/repayments", (*Server).apiLoanRepayment)

// apiLoanRepayment: POST /api/loans/{no}/repayments with {"paid_on",
// "principal_fen", "interest_fen"} → 201 and the loan as of today.
func (s *Server) apiLoanRepayment(w http.ResponseWriter, r *http.Request) error {
	no := r.PathValue("no")
	return apiCreate(w, r, func(rep *hezuo.Repayment) (any, error) {
		if err := s.db.AddRepayment(r.Context(), accessOf(r), no, *rep, s.today(), s.opt.Now()); err != nil {
			return nil, err
		}
		return s.db.GetLoan(r.Context(), accessOf(r), no, s.today(), s.today())
	})
}

var _ = apiRoute("GET /api/loans/queue", (*Server).apiLoanQueue)

// apiLoanQueue: GET /api/loans/queue?scope=&as_of= → the applications
// waiting, ranked by the three priorities, with reasons.
func (s *Server) apiLoanQueue(w http.ResponseWriter, r *http.Request) error {
	q, day, err := scopedRead(r, s.db.ScopedLoanQueue)
	out := make([]rules.RankedView, len(q))
	for i, it := range q {
		out[i] = it.View(langOf(r))
	}
	return replyJSON(w, loanQueueJSON{AsOf: day.String(), Items: out}, err)
}

var _ = apiRoute("GET /api/loans/subsidies", (*Server).apiLoanSubsidies)

// apiLoanSubsidies: GET /api/loans/subsidies?year=&scope=&as_of= → one
// year's interest subsidies loan by loan, with the totals.
func (s *Server) apiLoanSubsidies(w http.ResponseWriter, r *http.Request) error {
	v, err := s.loanSubsidies(r)
	if err != nil {
		return err
	}
	items := make([]loanSubsidyJSON, len(v.Items))
	for i, it := range v.Items {
		items[i] = loanSubsidyJSON{it.LoanSubsidy, it.Reasons}
	}
	writeJSON(w, http.StatusOK, loanSubsidiesJSON{Year: v.Year, AsOf: v.AsOf, DayBasis: v.DayBasis,
		TotalFen: v.TotalFen, CutFen: v.CutFen, Items: items})
	return nil
}
