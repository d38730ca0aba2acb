package web

import (
	"net/http"
	"slices"
	"strconv"

	"hezuo"
)

// personFormView is the person create/edit form.
type personFormView struct {
	Page
	New      bool
	ID       int64
	Form     personForm
	Derived  string // sex and birth date read from the ID number
	Errors   map[string]string
	General  string
	Villages []hezuo.DivisionItem
}

// personForm is the form's fields as typed. PartyStatus is "" (群众),
// hezuo.StatusProbationary or hezuo.StatusFull.
type personForm struct {
	IDNumber, Name, Village, Phone, TalentSince, LeaderSince, Version string
	PartyStatus, JoinedParty, FullSince                               string
}

var personFields = []string{"id_number", "name", "village", "phone", "talent_since", "leader_since",
	hezuo.FieldPoliticalStatus, hezuo.FieldJoinedParty, hezuo.FieldFullSince}

func personFormOf(p hezuo.PersonRecord) personForm {
	return personForm{IDNumber: p.IDNumber, Name: p.Name, Village: p.Village, Phone: p.Phone, TalentSince: p.TalentSince.String(),
		LeaderSince: p.LeaderSince.String(), Version: strconv.Itoa(p.Version),
		PartyStatus: p.Party.Status, JoinedParty: p.Party.JoinedParty.String(), FullSince: p.Party.FullSince.String()}
}

func (s *Server) personFormView(r *http.Request, id int64, f personForm) (personFormView, error) {
	v := personFormView{Page: s.pageOf(r, "people", "new_person"), New: id == 0, ID: id, Form: f, Errors: map[string]string{}}
	if !v.New {
		v.Title = tr(v.Lang, "edit") + " " + f.Name
	}
	if _, birth, sex, err := hezuo.ParseIDNumber(f.IDNumber, s.today()); err == nil {
		v.Derived = v.Name("sex", sex) + " · " + birth.String()
	}
	vs, _, err := s.db.ListDivisions(r.Context(), accessOf(r), hezuo.ListFilter{Form: hezuo.LevelVillage, PerPage: 500}, s.today())
	v.Villages = vs
	// A person met through a membership may live outside the scope: keep
	// that village selectable so that saving leaves it unchanged.
	if f.Village != "" && !slices.ContainsFunc(vs, func(d hezuo.DivisionItem) bool { return d.Code == f.Village }) {
		v.Villages = append([]hezuo.DivisionItem{{Division: hezuo.Division{Code: f.Village}}}, vs...)
	}
	return v, err
}

var _ = pageRoute("GET /people/new", (*Server).personNewPage)

func (s *Server) personNewPage(w http.ResponseWriter, r *http.Request) error {
	if err := mayWrite(r); err != nil {
		return err
	}
	v, err := s.personFormView(r, 0, personForm{Version: "0"})
	if err != nil {
		return err
	}
	return s.render(w, http.StatusOK, "personform", v)
}

var _ = pageRoute("GET /people/{id}/edit", (*Server).personEditPage)

func (s *Server) personEditPage(w http.ResponseWriter, r *http.Request) error {
	id, err := idParam(r, "id")
	if err != nil {
		return err
	}
	p, err := s.db.PersonForEdit(r.Context(), accessOf(r), id, s.opt.Now())
	if err != nil {
		return err
	}
	v, err := s.personFormView(r, id, personFormOf(*p))
	if err != nil {
		return err
	}
	return s.render(w, http.StatusOK, "personform", v)
}

var _ = pageRoute("POST /people/new", (*Server).personNewSubmit)

func (s *Server) personNewSubmit(w http.ResponseWriter, r *http.Request) error {
	return s.savePerson(w, r, 0)
}

var _ = pageRoute("POST /people/{id}/edit", (*Server).personEditSubmit)

func (s *Server) personEditSubmit(w http.ResponseWriter, r *http.Request) error {
	id, err := idParam(r, "id")
	if err != nil {
		return err
	}
	return s.savePerson(w, r, id)
}

// savePerson validates and saves the form (the person with database id, 0
// for a new one); on error it shows the form again with the message beside
// its field.
func (s *Server) savePerson(w http.ResponseWriter, r *http.Request, id int64) error {
	fv := formValues{r}
	f := personForm{IDNumber: fv.get("id_number"), Name: fv.get("name"), Village: fv.get("village"), Phone: fv.get("phone"),
		TalentSince: fv.get("talent_since"), LeaderSince: fv.get("leader_since"), Version: fv.get("version"),
		PartyStatus: fv.get(hezuo.FieldPoliticalStatus), JoinedParty: fv.get(hezuo.FieldJoinedParty), FullSince: fv.get(hezuo.FieldFullSince)}
	errs := map[string]string{}
	p := hezuo.Person{ID: id, IDNumber: f.IDNumber, Name: f.Name, Village: f.Village, Phone: f.Phone,
		TalentSince: fv.date("talent_since", errs), LeaderSince: fv.date("leader_since", errs)}
	// The same record and rules as the members import (hezuo.PartyRecord);
	// a post without the status field (an older client) leaves it as it is.
	var party *hezuo.PartyRecord
	if _, ok := r.PostForm[hezuo.FieldPoliticalStatus]; ok {
		party = &hezuo.PartyRecord{Status: f.PartyStatus, JoinedParty: fv.date(hezuo.FieldJoinedParty, errs), FullSince: fv.date(hezuo.FieldFullSince, errs)}
	}
	return s.submit(w, r, formSave{errs: errs, fields: personFields,
		save: func() (string, error) {
			newID, _, err := s.db.SavePersonParty(r.Context(), accessOf(r), &p, party, fv.version(), s.opt.Now())
			return "/people/" + strconv.FormatInt(newID, 10) + "?saved=1", err
		},
		check: func() error { return s.personChecks(r, &p, party) },
		show: func(general string, _ error) error {
			v, err := s.personFormView(r, id, f)
			if err != nil {
				return err
			}
			v.Errors, v.General = errs, general
			return s.render(w, http.StatusUnprocessableEntity, "personform", v)
		}})
}

// personChecks runs the person's and the party record's own checks (what
// SavePersonParty checks before it writes), writing nothing.
func (s *Server) personChecks(r *http.Request, p *hezuo.Person, party *hezuo.PartyRecord) error {
	today := s.today()
	err := p.Validate(today)
	if party != nil {
		st, serr := s.db.Settings(r.Context())
		if serr != nil {
			return serr
		}
		err = hezuo.JoinErrors(err, party.Validate(p.BirthDate, today, st.ProbationMonths))
	}
	return err
}

var _ = pageRoute("POST /people/{id}/end", (*Server).personEndSubmit)

// personEndSubmit ends every current membership of the person on a day,
// once confirmed (askFirst).
func (s *Server) personEndSubmit(w http.ResponseWriter, r *http.Request) error {
	id, err := idParam(r, "id")
	if err != nil {
		return err
	}
	day, err := hezuo.ParseDate(formValues{r}.get("to"))
	if err != nil {
		return err
	}
	if !confirmed(r) {
		return s.askEndPerson(w, r, id, day)
	}
	n, err := s.db.EndPerson(r.Context(), accessOf(r), id, day, s.opt.Now())
	if err != nil {
		return err
	}
	http.Redirect(w, r, "/people/"+strconv.FormatInt(id, 10)+"?ended="+strconv.Itoa(n), http.StatusSeeOther)
	return nil
}

// mayWrite refuses a blank form to roles that cannot save it (the store
// refuses the save itself whatever the page shows).
func mayWrite(r *http.Request) error {
	if !accessOf(r).CanWrite() {
		return hezuo.Errorf(hezuo.EFORBIDDEN, "您的角色不能修改名录", "your role cannot change the registry")
	}
	return nil
}
