package web

import (
	"net/http"
	"net/url"
	"strings"

	"hezuo"
	"hezuo/store"
)

// loanGuarantorRows is how many guarantors the new-loan form offers.
const loanGuarantorRows = 3

// loanForm is the new-loan form as typed (strings, so a bad value is shown
// back as it was typed). Money is typed in yuan and stored in fen; the rate
// in percent, stored in parts per million.
type loanForm struct {
	No, Borrower, PartyOrg, OrgNo, Purpose, Lender, Amount, Rate, Term, AppliedOn, Households, Note string
	ForCooperative                                                                                  bool
	Guarantors                                                                                      []guarantorInput
}

// guarantorInput is one guarantor row of the form: the field its errors
// show beside, the ID number and the amount (yuan, empty: the whole loan).
type guarantorInput struct{ Field, IDNumber, Amount string }

// loanFormView is the new-loan page.
type loanFormView struct {
	Page
	Form    loanForm
	Errors  map[string]string
	General string
	Orgs    []hezuo.OrgItem // offered for org_id (the first 500 the user reaches)
}

// loanFormView returns the new-loan page's view of form f.
func (s *Server) loanFormView(r *http.Request, f loanForm, errs map[string]string, general string) (loanFormView, error) {
	v := loanFormView{Page: s.pageOf(r, "loans", "new_loan"), Form: f, Errors: errs, General: general}
	orgs, err := s.db.ListOrgs(r.Context(), accessOf(r), hezuo.OrgFilter{PerPage: 500}, s.today())
	if err != nil {
		return v, err
	}
	v.Orgs = orgs.Items
	return v, nil
}

func blankLoanForm(today hezuo.Date) loanForm {
	f := loanForm{AppliedOn: today.String(), Term: "12", Households: "0"}
	for i := 0; i < loanGuarantorRows; i++ {
		f.Guarantors = append(f.Guarantors, guarantorInput{Field: store.GuarantorField(i)})
	}
	return f
}

func readLoanForm(r *http.Request) loanForm {
	fv := formValues{r}
	f := loanForm{No: fv.get("no"), Borrower: strings.ToUpper(fv.get("borrower")), PartyOrg: fv.get("party_org"), OrgNo: fv.get("org_id"),
		Purpose: fv.get("purpose"), Lender: fv.get("lender"), Amount: fv.get("amount"), Rate: fv.get("rate"), Term: fv.get("term_months"),
		AppliedOn: fv.get("applied_on"), Households: fv.get("households_driven"), Note: fv.get("note"), ForCooperative: fv.get("for_cooperative") != ""}
	for i := 0; i < loanGuarantorRows; i++ {
		field := store.GuarantorField(i)
		f.Guarantors = append(f.Guarantors, guarantorInput{Field: field, IDNumber: strings.ToUpper(fv.get(field)),
			Amount: fv.get("guarantee_" + field[len("guarantor_"):])})
	}
	return f
}

// application parses the form; parse errors are returned per field.
func (f loanForm) application(lang string) (*store.LoanApplication, map[string]string) {
	errs := map[string]string{}
	app := &store.LoanApplication{Loan: hezuo.Loan{No: f.No, Borrower: f.Borrower, PartyOrg: f.PartyOrg, OrgNo: f.OrgNo, Purpose: f.Purpose,
		ForCooperative: f.ForCooperative, Lender: f.Lender, Note: f.Note}}
	l := &app.Loan
	badAmount := tr(lang, "bad_amount")
	var ok bool
	if l.AmountFen, ok = parseYuan(f.Amount); !ok {
		errs["amount"] = badAmount
	}
	if l.RatePPM, ok = parsePercent(f.Rate); !ok {
		errs["rate"] = tr(lang, "bad_rate")
	}
	if l.TermMonths, ok = atoiOr(f.Term, 0); !ok {
		errs["term_months"] = tr(lang, "bad_int")
	}
	if l.HouseholdsDriven, ok = atoiOr(f.Households, 0); !ok {
		errs["households_driven"] = tr(lang, "bad_int")
	}
	if f.AppliedOn != "" {
		d, err := hezuo.ParseDate(f.AppliedOn)
		if err != nil {
			errs["applied_on"] = hezuo.ErrorMessage(err, lang)
		}
		l.AppliedOn = d
	}
	for _, g := range f.Guarantors {
		if g.IDNumber == "" && g.Amount == "" {
			continue
		}
		gu := hezuo.Guarantee{IDNumber: g.IDNumber}
		if g.Amount != "" {
			if gu.AmountFen, ok = parseYuan(g.Amount); !ok || gu.AmountFen == 0 {
				errs[g.Field] = badAmount
			}
		}
		if g.IDNumber == "" {
			errs[g.Field] = tr(lang, "guarantor_missing")
		}
		app.Guarantees = append(app.Guarantees, gu)
	}
	return app, errs
}

var _ = pageRoute("GET /loans/new", (*Server).loanNewPage)

func (s *Server) loanNewPage(w http.ResponseWriter, r *http.Request) error {
	if err := writerOnly(r); err != nil {
		return err
	}
	v, err := s.loanFormView(r, blankLoanForm(s.today()), map[string]string{}, "")
	if err != nil {
		return err
	}
	return s.render(w, http.StatusOK, "loanform", v)
}

var _ = pageRoute("POST /loans/new", (*Server).loanNewSubmit)

func (s *Server) loanNewSubmit(w http.ResponseWriter, r *http.Request) error {
	f := readLoanForm(r)
	lang := langOf(r)
	// People chosen in the pickers: their ID numbers, on the server only
	// (the form shown again keeps the pickers' values).
	refErrs := map[string]string{}
	resolved := f
	resolved.Borrower = s.personRef(r, refErrs, "borrower", f.Borrower)
	resolved.Guarantors = append([]guarantorInput(nil), f.Guarantors...)
	for i := range resolved.Guarantors {
		g := &resolved.Guarantors[i]
		g.IDNumber = s.personRef(r, refErrs, g.Field, g.IDNumber)
	}
	app, errs := resolved.application(lang)
	for k, msg := range refErrs {
		if errs[k] == "" {
			errs[k] = msg
		}
	}
	fields := []string{"no", "borrower", "party_org", "org_id", "purpose", "lender", "amount", "rate", "term_months", "applied_on", "households_driven"}
	for _, g := range f.Guarantors {
		fields = append(fields, g.Field)
	}
	return s.submit(w, r, formSave{errs: errs, fields: fields,
		save: func() (string, error) {
			err := s.db.CreateLoan(r.Context(), accessOf(r), app, s.today(), s.opt.Now())
			return "/loans/" + url.PathEscape(app.No) + "?saved=1",
				renameFields(err, map[string]string{"amount_fen": "amount", "rate_ppm": "rate", "approved_on": "applied_on"})
		},
		show: func(general string, err error) error {
			v, verr := s.loanFormView(r, f, errs, general)
			if verr != nil {
				return verr
			}
			st := http.StatusUnprocessableEntity
			if err != nil { // the store's refusal: a conflict is 409
				st = s.statusOf(err)
			}
			return s.render(w, st, "loanform", v)
		}})
}

// writerOnly refuses the form pages to roles that do not write (the store
// refuses their submissions anyway).
func writerOnly(r *http.Request) error {
	if accessOf(r).CanWrite() {
		return nil
	}
	return hezuo.Errorf(hezuo.EFORBIDDEN, "您的角色不能修改名录", "your role cannot change the registry")
}
