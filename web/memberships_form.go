package web

import (
	"net/http"
	"strconv"

	"hezuo"
)

// membershipFormView is the form changing one membership's role and dates.
type membershipFormView struct {
	Page
	M       *hezuo.MembershipRecord
	Form    joinForm
	Version string
	Errors  map[string]string
	General string
}

var membershipFields = []string{"org_id", "id_number", "role", "from", "to"}

var _ = pageRoute("POST /people/{id}/memberships", (*Server).personJoinSubmit)

// personJoinSubmit records that the person on the page joined an org; on
// error the person page shows the join form again with the messages.
func (s *Server) personJoinSubmit(w http.ResponseWriter, r *http.Request) error {
	id, err := idParam(r, "id")
	if err != nil {
		return err
	}
	fv := formValues{r}
	f := joinForm{OrgNo: fv.get("org_id"), Role: fv.get("role"), From: fv.get("from"), To: fv.get("to")}
	errs := map[string]string{}
	m := hezuo.MembershipRecord{PersonID: id}
	m.OrgNo, m.Role, m.From, m.To = f.OrgNo, f.Role, fv.date("from", errs), fv.date("to", errs)
	return s.submit(w, r, formSave{errs: errs, fields: membershipFields,
		save: func() (string, error) {
			_, err := s.db.SaveMembership(r.Context(), accessOf(r), &m, 0, s.opt.Now())
			return "/people/" + strconv.FormatInt(id, 10) + "?saved=1", err
		},
		check: func() error { return membershipChecks(&m) },
		show: func(general string, _ error) error {
			return s.renderPerson(w, r, http.StatusUnprocessableEntity, f, errs, general)
		}})
}

var _ = pageRoute("GET /memberships/{id}/edit", (*Server).membershipEditPage)

func (s *Server) membershipEditPage(w http.ResponseWriter, r *http.Request) error {
	m, err := byID(s, r, s.db.MembershipForEdit)
	if err != nil {
		return err
	}
	f := joinForm{OrgNo: m.OrgNo, Role: m.Role, From: m.From.String(), To: m.To.String()}
	return s.render(w, http.StatusOK, "membershipform", s.membershipView(r, m, f, strconv.Itoa(m.Version)))
}

func (s *Server) membershipView(r *http.Request, m *hezuo.MembershipRecord, f joinForm, version string) membershipFormView {
	v := membershipFormView{Page: s.pageOf(r, "people", "edit_membership"), M: m, Form: f, Version: version, Errors: map[string]string{}}
	v.Title = tr(v.Lang, "edit_membership") + " · " + m.PersonName + " · " + m.OrgName
	return v
}

var _ = pageRoute("POST /memberships/{id}/edit", (*Server).membershipEditSubmit)

// membershipEditSubmit saves a membership's role and dates (version
// checked); ending one is setting its end date.
func (s *Server) membershipEditSubmit(w http.ResponseWriter, r *http.Request) error {
	m, err := byID(s, r, s.db.MembershipForEdit)
	if err != nil {
		return err
	}
	a := accessOf(r)
	fv := formValues{r}
	f := joinForm{OrgNo: m.OrgNo, Role: fv.get("role"), From: fv.get("from"), To: fv.get("to")}
	errs := map[string]string{}
	leaving := m.To.IsZero()
	m.Role, m.From, m.To = f.Role, fv.date("from", errs), fv.date("to", errs)
	// Giving an active membership an end date is leaving the org: asked
	// first as 退出 is (askFirst), unless the dates are wrong anyway.
	if leaving && !m.To.IsZero() && len(errs) == 0 && !confirmed(r) && m.Period.Validate("") == nil {
		return s.askEndMembership(w, r, m, m.To)
	}
	return s.submit(w, r, formSave{errs: errs, fields: membershipFields,
		save: func() (string, error) {
			_, err := s.db.SaveMembership(r.Context(), a, m, fv.version(), s.opt.Now())
			return "/people/" + strconv.FormatInt(m.PersonID, 10) + "?saved=1", err
		},
		check: func() error { return membershipChecks(m) },
		show: func(general string, _ error) error {
			v := s.membershipView(r, m, f, fv.get("version"))
			v.Errors, v.General = errs, general
			return s.render(w, http.StatusUnprocessableEntity, "membershipform", v)
		}})
}

var _ = pageRoute("POST /memberships/{id}/end", (*Server).membershipEndSubmit)

// membershipEndSubmit ends a membership on the day given (the person left
// the org), version checked, once confirmed (askFirst).
func (s *Server) membershipEndSubmit(w http.ResponseWriter, r *http.Request) error {
	id, err := idParam(r, "id")
	if err != nil {
		return err
	}
	fv := formValues{r}
	day, err := hezuo.ParseDate(fv.get("to"))
	if err != nil {
		return err
	}
	a := accessOf(r)
	m, err := s.db.MembershipForEdit(r.Context(), a, id, s.today())
	if err != nil {
		return err
	}
	if !confirmed(r) {
		return s.askEndMembership(w, r, m, day)
	}
	if _, err := s.db.EndMembership(r.Context(), a, id, day, fv.version(), s.opt.Now()); err != nil {
		return err
	}
	http.Redirect(w, r, "/people/"+strconv.FormatInt(m.PersonID, 10)+"?saved=1", http.StatusSeeOther)
	return nil
}

// membershipChecks is what a membership's form checks of its own before
// the store looks anything up: an org chosen and a valid period.
func membershipChecks(m *hezuo.MembershipRecord) error {
	rec := "成员关系 " + m.OrgNo
	var org error
	if m.OrgNo == "" {
		org = hezuo.Invalid(rec, "org_id", "缺少组织", "org missing")
	}
	return hezuo.JoinErrors(org, m.Period.Validate(rec))
}
