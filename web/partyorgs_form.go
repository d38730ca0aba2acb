package web

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"hezuo"
)

// partyOrgFormView is the party organization create/edit form.
type partyOrgFormView struct {
	Page
	New       bool
	Form      partyOrgForm
	Errors    map[string]string
	General   string
	Seats     []hezuo.DivisionItem
	Forms     []string
	Methods   []string
	JointKind []string
	Today     string
	Ended     bool
	officersSection
	electionsSection
}

// partyOrgForm is the form's fields as typed; Orgs holds org numbers
// separated by spaces, commas or 、.
type partyOrgForm struct {
	No, Name, Form, JointKind, Seat, Parent, Manager, FoundingMethod, TermYears, ElectedOn, From, To, Orgs, Effective, Version string
}

var partyOrgFields = []string{"no", "name", "form", "joint_kind", "seat", "parent", "manager", "founding_method", "term_years", "elected_on", "from", "to", "orgs", "effective"}

func partyOrgFormOf(p hezuo.PartyOrgRecord, today string) partyOrgForm {
	return partyOrgForm{No: p.No, Name: p.Name, Form: p.Form, JointKind: p.JointKind, Seat: p.Seat, Parent: p.Parent, Manager: p.Manager,
		FoundingMethod: p.FoundingMethod, TermYears: strconv.Itoa(p.TermYears), ElectedOn: p.ElectedOn.String(), From: p.From.String(),
		To: p.To.String(), Orgs: strings.Join(p.Orgs, " "), Effective: today, Version: strconv.Itoa(p.Version)}
}

// partyOrg parses the form; parse errors are noted per field.
func (f partyOrgForm) partyOrg(r *http.Request, errs map[string]string) (hezuo.PartyOrg, hezuo.Date) {
	fv := formValues{r}
	p := hezuo.PartyOrg{No: f.No, Name: f.Name, Form: f.Form, JointKind: f.JointKind, Seat: f.Seat, Parent: f.Parent, Manager: f.Manager,
		FoundingMethod: f.FoundingMethod, ElectedOn: fv.date("elected_on", errs),
		Period: hezuo.Period{From: fv.date("from", errs), To: fv.date("to", errs)}}
	if f.TermYears != "" {
		n, err := strconv.Atoi(f.TermYears)
		if err != nil {
			errs["term_years"] = tr(langOf(r), "whole_number")
		}
		p.TermYears = n
	}
	p.Orgs = strings.FieldsFunc(f.Orgs, func(c rune) bool {
		return c == ' ' || c == ',' || c == '，' || c == '、' || c == ';' || c == '；' || c == '\n' || c == '\r'
	})
	return p, fv.date("effective", errs)
}

func readPartyOrgForm(r *http.Request) partyOrgForm {
	g := formValues{r}.get
	return partyOrgForm{No: g("no"), Name: g("name"), Form: g("form"), JointKind: g("joint_kind"), Seat: g("seat"), Parent: g("parent"),
		Manager: g("manager"), FoundingMethod: g("founding_method"), TermYears: g("term_years"), ElectedOn: g("elected_on"),
		From: g("from"), To: g("to"), Orgs: g("orgs"), Effective: g("effective"), Version: g("version")}
}

func (s *Server) partyOrgFormView(r *http.Request, isNew bool, f partyOrgForm) (partyOrgFormView, error) {
	v := partyOrgFormView{Page: s.pageOf(r, "partyorgs", "new_partyorg"), New: isNew, Form: f, Errors: map[string]string{},
		Forms: []string{hezuo.FormBranch, hezuo.FormGeneralBranch, hezuo.FormCommittee, hezuo.FormJointBranch, hezuo.FormPartyGroup,
			hezuo.FormVillage, hezuo.FormTownship, hezuo.FormDepartment},
		Methods: hezuo.FoundingMethods, JointKind: []string{hezuo.JointVillageOrg, hezuo.JointCrossVill}, Today: s.today().String(),
		Ended: f.To != ""}
	if !isNew {
		v.Title = tr(v.Lang, "edit") + " " + f.Name + " (" + f.No + ")" // the name, the number as detail
	}
	seats, _, err := s.db.ListDivisions(r.Context(), accessOf(r), hezuo.ListFilter{PerPage: 500}, s.today())
	v.Seats = seats
	return v, err
}

var _ = pageRoute("GET /partyorgs/new", (*Server).partyOrgNewPage)

func (s *Server) partyOrgNewPage(w http.ResponseWriter, r *http.Request) error {
	if err := mayWrite(r); err != nil {
		return err
	}
	st, err := s.db.Settings(r.Context())
	if err != nil {
		return err
	}
	f := partyOrgForm{Form: hezuo.FormBranch, Version: "0", From: s.today().String(), TermYears: strconv.Itoa(st.TermYears(hezuo.FormBranch)),
		Orgs: r.URL.Query().Get("org_id")}
	v, err := s.partyOrgFormView(r, true, f)
	if err != nil {
		return err
	}
	return s.render(w, http.StatusOK, "partyorgform", v)
}

var _ = pageRoute("GET /partyorgs/{no}/edit", (*Server).partyOrgEditPage)

func (s *Server) partyOrgEditPage(w http.ResponseWriter, r *http.Request) error {
	return s.partyOrgPage(w, r, http.StatusOK, r.PathValue("no"), func(*partyOrgFormView) {})
}

var _ = pageRoute("POST /partyorgs/new", (*Server).partyOrgNewSubmit)

func (s *Server) partyOrgNewSubmit(w http.ResponseWriter, r *http.Request) error {
	return s.savePartyOrg(w, r, true, readPartyOrgForm(r))
}

var _ = pageRoute("POST /partyorgs/{no}/edit", (*Server).partyOrgEditSubmit)

func (s *Server) partyOrgEditSubmit(w http.ResponseWriter, r *http.Request) error {
	f := readPartyOrgForm(r)
	f.No = r.PathValue("no") // the key comes from the URL, never the form
	return s.savePartyOrg(w, r, false, f)
}

// savePartyOrg validates and saves the form; on error it shows the form
// again with the message beside its field.
func (s *Server) savePartyOrg(w http.ResponseWriter, r *http.Request, isNew bool, f partyOrgForm) error {
	errs := map[string]string{}
	p, effective := f.partyOrg(r, errs)
	version := formValues{r}.version()
	if isNew {
		version = 0
	}
	return s.submit(w, r, formSave{errs: errs, fields: partyOrgFields,
		save: func() (string, error) {
			_, err := s.db.SavePartyOrg(r.Context(), accessOf(r), &p, version, effective, s.opt.Now())
			return "/partyorgs?q=" + url.QueryEscape(p.No) + "&saved=1", err
		},
		check: func() error {
			// A new one's blank number is the system's to propose.
			own := p
			if isNew && strings.TrimSpace(own.No) == "" {
				own.No = "-"
			}
			return own.Validate()
		},
		show: func(general string, _ error) error {
			v, err := s.partyOrgFormView(r, isNew, f)
			if err != nil {
				return err
			}
			v.Errors, v.General = errs, general
			if !isNew {
				v.PostForm = officerForm{Post: hezuo.Posts[0].ZH, From: s.today().String()}
				if err := s.officersOf(r, &v, f.No); err != nil {
					return err
				}
			}
			return s.render(w, http.StatusUnprocessableEntity, "partyorgform", v)
		}})
}

var _ = pageRoute("POST /partyorgs/{no}/end", (*Server).partyOrgEndSubmit)

// partyOrgEndSubmit ends a party organization (and its cover of orgs) on
// the day given, version checked, once confirmed (askFirst).
func (s *Server) partyOrgEndSubmit(w http.ResponseWriter, r *http.Request) error {
	fv := formValues{r}
	day, err := hezuo.ParseDate(fv.get("to"))
	if err != nil {
		return err
	}
	no := r.PathValue("no")
	if !confirmed(r) {
		return s.askEndPartyOrg(w, r, no, day)
	}
	if _, err := s.db.EndPartyOrg(r.Context(), accessOf(r), no, day, fv.version(), s.opt.Now()); err != nil {
		return err
	}
	http.Redirect(w, r, "/partyorgs/"+url.PathEscape(no)+"/edit?saved=1", http.StatusSeeOther)
	return nil
}
