package web

import (
	"net/http"
	"strconv"
	"strings"

	"hezuo"
)

// membershipNewView is the form recording that a person joined an org, both
// chosen in pickers by name (issue 18); ?org_id= or ?person= prefill one.
type membershipNewView struct {
	Page
	Form    membershipNewForm
	Errors  map[string]string
	General string
}

// membershipNewForm: Person is a person picker's value ("#" and a database
// id) or a typed ID number.
type membershipNewForm struct{ Person, OrgNo, Role, From, To string }

var _ = pageRoute("GET /memberships/new", (*Server).membershipNewPage)

func (s *Server) membershipNewPage(w http.ResponseWriter, r *http.Request) error {
	if err := writerOnly(r); err != nil {
		return err
	}
	q := r.URL.Query()
	f := membershipNewForm{Person: q.Get("person"), OrgNo: q.Get("org_id"), From: s.today().String()}
	return s.render(w, http.StatusOK, "membershipnew", s.membershipNewView(r, f))
}

func (s *Server) membershipNewView(r *http.Request, f membershipNewForm) membershipNewView {
	return membershipNewView{Page: s.pageOf(r, "people", "new_membership"), Form: f, Errors: map[string]string{}}
}

var _ = pageRoute("POST /memberships/new", (*Server).membershipNewSubmit)

// membershipNewSubmit saves the membership through the same write as the
// person page's join form (SaveMembership: the org and the person within
// the writer's reach, the period valid and not overlapping).
func (s *Server) membershipNewSubmit(w http.ResponseWriter, r *http.Request) error {
	if err := writerOnly(r); err != nil {
		return err
	}
	fv := formValues{r}
	lang := langOf(r)
	f := membershipNewForm{Person: strings.ToUpper(fv.get("person")), OrgNo: fv.get("org_id"), Role: fv.get("role"), From: fv.get("from"), To: fv.get("to")}
	errs := map[string]string{}
	if f.Person == "" {
		errs["person"] = tr(lang, "pick_person_missing")
	}
	if f.OrgNo == "" {
		errs["org_id"] = tr(lang, "pick_org_missing")
	}
	a := accessOf(r)
	m := hezuo.MembershipRecord{}
	m.IDNumber, m.OrgNo, m.Role = s.personRef(r, errs, "person", f.Person), f.OrgNo, f.Role
	m.From, m.To = fv.date("from", errs), fv.date("to", errs)
	return s.submit(w, r, formSave{errs: errs, fields: []string{"person", "org_id", "role", "from", "to"},
		save: func() (string, error) {
			_, err := s.db.SaveMembership(r.Context(), a, &m, 0, s.opt.Now())
			return "/people/" + strconv.FormatInt(m.PersonID, 10) + "?saved=1", renameFields(err, map[string]string{"id_number": "person"})
		},
		check: func() error { return membershipChecks(&m) },
		show: func(general string, _ error) error {
			v := s.membershipNewView(r, f)
			v.Errors, v.General = errs, general
			return s.render(w, http.StatusUnprocessableEntity, "membershipnew", v)
		}})
}
