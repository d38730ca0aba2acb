package web

import (
	"errors"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"hezuo"
)

// orgFormView is the create/edit form; Errors holds a message per field,
// shown beside it.
type orgFormView struct {
	Page
	New      bool
	Form     orgForm
	Errors   map[string]string
	General  string
	Villages []hezuo.DivisionItem
	Kinds    []string
}

// orgForm is the form's fields as typed (strings, so a bad value is shown
// back as it was typed).
type orgForm struct {
	OrgNo, Name, Kind, RegisteredOn, CreditCode, Village, Villages, Industry string
	Households, Founded, Dissolved, ModelNote, Version                       string
	Model                                                                    bool
}

func formOf(o hezuo.OrgItem) orgForm {
	return orgForm{OrgNo: o.OrgNo, Name: o.Name, Kind: o.Kind, RegisteredOn: o.RegisteredOn.String(), CreditCode: o.CreditCode,
		Village: o.Village, Villages: strings.Join(o.Villages, "; "), Industry: o.Industry, Households: strconv.Itoa(o.HouseholdsDriven),
		Founded: o.Founded.String(), Dissolved: o.Dissolved.String(), Model: o.Model, ModelNote: o.ModelNote, Version: strconv.Itoa(o.Version)}
}

func readOrgForm(r *http.Request) orgForm {
	g := func(k string) string { return strings.TrimSpace(r.PostFormValue(k)) }
	return orgForm{OrgNo: g("org_id"), Name: g("name"), Kind: g("kind"), RegisteredOn: g("registered_on"), CreditCode: strings.ToUpper(g("credit_code")),
		Village: g("village"), Villages: g("villages"), Industry: g("industry"), Households: g("households_driven"),
		Founded: g("founded"), Dissolved: g("dissolved"), Model: g("model") != "", ModelNote: g("model_note"), Version: g("version")}
}

// org parses the form into an Org; parse errors are returned per field.
func (f orgForm) org() (hezuo.Org, map[string]string) {
	errs := map[string]string{}
	o := hezuo.Org{OrgNo: f.OrgNo, Name: f.Name, Kind: f.Kind, CreditCode: f.CreditCode, Village: f.Village,
		Industry: f.Industry, Model: f.Model, ModelNote: f.ModelNote}
	date := func(field, v string) hezuo.Date {
		if v == "" {
			return hezuo.Date{}
		}
		d, err := hezuo.ParseDate(v)
		if err != nil {
			errs[field] = err.Error()
		}
		return d
	}
	o.RegisteredOn = date("registered_on", f.RegisteredOn)
	o.Founded = date("founded", f.Founded)
	o.Dissolved = date("dissolved", f.Dissolved)
	if f.Households != "" {
		n, err := strconv.Atoi(f.Households)
		if err != nil {
			errs["households_driven"] = "应为整数 / must be a whole number"
		}
		o.HouseholdsDriven = n
	}
	for _, v := range strings.FieldsFunc(f.Villages, func(r rune) bool { return r == ';' || r == '；' || r == '、' || r == ',' || r == ' ' }) {
		o.Villages = append(o.Villages, v)
	}
	return o, errs
}

func (s *Server) orgFormView(r *http.Request, isNew bool, f orgForm) (orgFormView, error) {
	v := orgFormView{Page: s.pageOf(r, "orgs", "new_org"), New: isNew, Form: f, Errors: map[string]string{},
		Kinds: []string{hezuo.KindCooperative, hezuo.KindAssociation, hezuo.KindUnion}}
	if !isNew {
		v.Title = tr(v.Lang, "edit") + " " + f.Name + " (" + f.OrgNo + ")" // the name, the number as detail
	}
	vs, _, err := s.db.ListDivisions(r.Context(), accessOf(r), hezuo.ListFilter{Form: hezuo.LevelVillage, PerPage: 500}, s.today())
	v.Villages = vs
	return v, err
}

var _ = pageRoute("GET /orgs/new", (*Server).orgNewPage)

func (s *Server) orgNewPage(w http.ResponseWriter, r *http.Request) error {
	v, err := s.orgFormView(r, true, orgForm{Kind: hezuo.KindCooperative, Version: "0", Households: "0"})
	if err != nil {
		return err
	}
	return s.render(w, http.StatusOK, "orgform", v)
}

var _ = pageRoute("GET /orgs/{org_id}/edit", (*Server).orgEditPage)

func (s *Server) orgEditPage(w http.ResponseWriter, r *http.Request) error {
	d, err := s.db.GetOrg(r.Context(), accessOf(r), r.PathValue("org_id"), s.today(), s.today())
	if err != nil {
		return err
	}
	v, err := s.orgFormView(r, false, formOf(d.OrgItem))
	if err != nil {
		return err
	}
	return s.render(w, http.StatusOK, "orgform", v)
}

var _ = pageRoute("POST /orgs/new", (*Server).orgNewSubmit)

func (s *Server) orgNewSubmit(w http.ResponseWriter, r *http.Request) error {
	return s.saveOrg(w, r, true, readOrgForm(r))
}

var _ = pageRoute("POST /orgs/{org_id}/edit", (*Server).orgEditSubmit)

func (s *Server) orgEditSubmit(w http.ResponseWriter, r *http.Request) error {
	f := readOrgForm(r)
	f.OrgNo = r.PathValue("org_id") // the key comes from the URL, never the form
	// An edit that gives an active org a 注销日期 dissolves it: asked first
	// as 注销组织 is (askFirst), the confirmation posting the edit again.
	if day, err := hezuo.ParseDate(f.Dissolved); f.Dissolved != "" && err == nil && !confirmed(r) {
		d, err := s.db.GetOrg(r.Context(), accessOf(r), f.OrgNo, s.today(), s.today())
		if err != nil {
			return err
		}
		if d.Dissolved.IsZero() {
			return s.askEndOrg(w, r, f.OrgNo, day)
		}
	}
	return s.saveOrg(w, r, false, f)
}

// saveOrg validates and saves the form; on error it shows the form again
// with the message beside its field.
func (s *Server) saveOrg(w http.ResponseWriter, r *http.Request, isNew bool, f orgForm) error {
	o, errs := f.org()
	version, _ := strconv.Atoi(f.Version)
	if isNew {
		version = 0
	}
	var err error
	if len(errs) == 0 {
		_, err = s.db.SaveOrg(r.Context(), accessOf(r), &o, version, s.opt.Now())
		if err == nil {
			http.Redirect(w, r, "/orgs/"+url.PathEscape(o.OrgNo)+"?saved=1", http.StatusSeeOther)
			return nil
		}
	} else {
		// Nothing is saved, but the record's own checks run too, so that
		// every wrong field is shown at once, not one per submission.
		err = o.Validate()
	}
	var e *hezuo.Error
	if err != nil && (!errors.As(err, &e) || (e.Code != hezuo.EINVALID && e.Code != hezuo.ECONFLICT)) {
		return err
	}
	v, verr := s.orgFormView(r, isNew, f)
	if verr != nil {
		return verr
	}
	for k, m := range errs {
		v.Errors[k] = m
	}
	// Every field's error beside it; one of a field the form does not show
	// (or of none) above the form, named by the field's label.
	shown := []string{"org_id", "name", "kind", "registered_on", "credit_code", "village", "villages", "households_driven", "founded"}
	if !isNew {
		shown = append(shown, "dissolved")
	}
	var general []string
	for _, e := range hezuo.FieldErrors(err) {
		msg := e.ZH
		if v.Lang == "en" && e.EN != "" {
			msg = e.EN
		}
		switch {
		case e.Field != "" && slices.Contains(shown, e.Field):
			if v.Errors[e.Field] == "" {
				v.Errors[e.Field] = msg
			}
		case e.Field != "":
			general = append(general, tr(v.Lang, e.Field)+": "+msg)
		default:
			general = append(general, msg)
		}
	}
	v.General = strings.Join(general, "; ")
	return s.render(w, http.StatusUnprocessableEntity, "orgform", v)
}

var _ = pageRoute("POST /orgs/{org_id}/end", (*Server).orgEndSubmit)

// orgEndSubmit dissolves an org on the given day, once confirmed (askFirst).
func (s *Server) orgEndSubmit(w http.ResponseWriter, r *http.Request) error {
	day, err := hezuo.ParseDate(strings.TrimSpace(r.PostFormValue("dissolved")))
	if err != nil {
		return err
	}
	if !confirmed(r) {
		return s.askEndOrg(w, r, r.PathValue("org_id"), day)
	}
	version, _ := strconv.Atoi(r.PostFormValue("version"))
	if _, err := s.db.EndOrg(r.Context(), accessOf(r), r.PathValue("org_id"), day, version, s.opt.Now()); err != nil {
		return err
	}
	http.Redirect(w, r, "/orgs/"+url.PathEscape(r.PathValue("org_id"))+"?saved=1", http.StatusSeeOther)
	return nil
}
