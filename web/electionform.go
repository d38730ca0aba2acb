package web

import (
	"net/http"
	"net/url"

	"hezuo"
)

// electionForm is the 登记换届 form as typed: the day of the election and
// an optional note.
type electionForm struct{ On, Note string }

var electionFields = []string{"elected_on", "note"}

// electionsSection is the party organization page's list of elections
// (换届记录) and its 登记换届 form.
type electionsSection struct {
	Elections   []hezuo.Election
	ElectForm   electionForm
	ElectErrors map[string]string
	ElectError  string
}

// electionsOf fills the page's elections section from the record.
func (v *partyOrgFormView) electionsOf(p *hezuo.PartyOrgRecord, today hezuo.Date) {
	v.Elections = p.Elections
	if v.ElectErrors == nil {
		v.ElectErrors = map[string]string{}
		v.ElectForm = electionForm{On: today.String()}
	}
}

// electionNewSubmit records an election of the party organization (登记换届)
// through the store (scope, validation, audit); on error the party
// organization's page is shown again with the message beside the field.
func (s *Server) electionNewSubmit(w http.ResponseWriter, r *http.Request) error {
	fv := formValues{r}
	no := r.PathValue("no")
	f := electionForm{On: fv.get("elected_on"), Note: fv.get("note")}
	errs := map[string]string{}
	e := hezuo.Election{On: fv.date("elected_on", errs), Note: f.Note}
	var general string
	if len(errs) == 0 {
		_, err := s.db.RegisterElection(r.Context(), accessOf(r), no, e, fv.version(), s.opt.Now())
		if err == nil {
			http.Redirect(w, r, "/partyorgs/"+url.PathEscape(no)+"/edit?saved=1#elections", http.StatusSeeOther)
			return nil
		}
		var shown bool
		if general, shown = formError(langOf(r), err, errs, electionFields...); !shown {
			return err
		}
	}
	p, err := s.db.PartyOrgForEdit(r.Context(), accessOf(r), no, s.today())
	if err != nil {
		return err
	}
	v, err := s.partyOrgFormView(r, false, partyOrgFormOf(*p, s.today().String()))
	if err != nil {
		return err
	}
	v.ElectForm, v.ElectErrors, v.ElectError = f, errs, general
	v.PostForm = officerForm{Post: hezuo.Posts[0].ZH, From: s.today().String()}
	if err := s.officersOf(r, &v, no); err != nil {
		return err
	}
	return s.render(w, http.StatusUnprocessableEntity, "partyorgform", v)
}
