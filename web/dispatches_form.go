package web

import (
	"net/http"
	"net/url"
	"strconv"

	"hezuo"
)

// dispatchFormView is the form sending an instructor to an org.
type dispatchFormView struct {
	Page
	Form        dispatchForm
	Instructors []hezuo.InstructorItem
	Errors      map[string]string
	General     string
}

// dispatchForm is the form's fields as typed; Instructor is the
// instructor's database id (ID numbers never travel in forms or URLs).
type dispatchForm struct{ Instructor, OrgNo, From, To string }

var dispatchFields = []string{"instructor", "org_id", "from", "to"}

func (s *Server) dispatchFormView(r *http.Request, f dispatchForm) (dispatchFormView, error) {
	v := dispatchFormView{Page: s.pageOf(r, "instructors", "new_dispatch"), Form: f, Errors: map[string]string{}}
	ins, _, err := s.db.ListInstructors(r.Context(), accessOf(r), hezuo.ListFilter{PerPage: 500}, s.today())
	v.Instructors = ins
	return v, err
}

var _ = pageRoute("GET /dispatches/new", (*Server).dispatchNewPage)

func (s *Server) dispatchNewPage(w http.ResponseWriter, r *http.Request) error {
	if err := mayWrite(r); err != nil {
		return err
	}
	v, err := s.dispatchFormView(r, dispatchForm{OrgNo: r.URL.Query().Get("org_id"), From: s.today().String()})
	if err != nil {
		return err
	}
	return s.render(w, http.StatusOK, "dispatchform", v)
}

var _ = pageRoute("POST /dispatches/new", (*Server).dispatchNewSubmit)

// dispatchNewSubmit starts a dispatch; on error the form is shown again
// with the message beside its field.
func (s *Server) dispatchNewSubmit(w http.ResponseWriter, r *http.Request) error {
	fv := formValues{r}
	f := dispatchForm{Instructor: fv.get("instructor"), OrgNo: fv.get("org_id"), From: fv.get("from"), To: fv.get("to")}
	errs := map[string]string{}
	p := hezuo.Period{From: fv.date("from", errs), To: fv.date("to", errs)}
	insID, err := strconv.ParseInt(f.Instructor, 10, 64)
	if err != nil {
		errs["instructor"] = tr(langOf(r), "choose_instructor")
	}
	return s.submit(w, r, formSave{errs: errs, fields: dispatchFields,
		save: func() (string, error) {
			err := s.db.StartDispatch(r.Context(), accessOf(r), insID, f.OrgNo, p, s.opt.Now())
			return "/orgs/" + url.PathEscape(f.OrgNo) + "?saved=1", err
		},
		check: func() error {
			if f.OrgNo == "" && errs["org_id"] == "" {
				errs["org_id"] = tr(langOf(r), "pick_org_missing")
			}
			return p.Validate("派驻")
		},
		show: func(general string, _ error) error {
			v, err := s.dispatchFormView(r, f)
			if err != nil {
				return err
			}
			v.Errors, v.General = errs, general
			return s.render(w, http.StatusUnprocessableEntity, "dispatchform", v)
		}})
}

var _ = pageRoute("POST /dispatches/end", (*Server).dispatchEndSubmit)

// dispatchEndSubmit ends a dispatch (instructor id, org, start date) on the
// day given, once confirmed (askFirst).
func (s *Server) dispatchEndSubmit(w http.ResponseWriter, r *http.Request) error {
	fv := formValues{r}
	insID, err := strconv.ParseInt(fv.get("instructor"), 10, 64)
	if err != nil {
		return hezuo.Errorf(hezuo.ENOTFOUND, "找不到该派驻", "no such dispatch")
	}
	from, err := hezuo.ParseDate(fv.get("from"))
	if err != nil {
		return err
	}
	day, err := hezuo.ParseDate(fv.get("to"))
	if err != nil {
		return err
	}
	orgNo := fv.get("org_id")
	if !confirmed(r) {
		return s.askEndDispatch(w, r, insID, orgNo, from, day)
	}
	if err := s.db.EndDispatch(r.Context(), accessOf(r), insID, orgNo, from, day, s.opt.Now()); err != nil {
		return err
	}
	http.Redirect(w, r, "/orgs/"+url.PathEscape(orgNo)+"?saved=1", http.StatusSeeOther)
	return nil
}
