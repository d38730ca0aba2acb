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

var _ = pageRoute("POST /partyorgs/{no}/elections", (*Server).electionNewSubmit)

// electionNewSubmit records an election of the party organization (登记换届)
// through the store (scope, validation, audit); on error the party
// organization's page is shown again with the message beside the field.
func (s *Server) electionNewSubmit(w http.ResponseWriter, r *http.Request) error {
	fv := formValues{r}
	no := r.PathValue("no")
	f := electionForm{On: fv.get("elected_on"), Note: fv.get("note")}
	errs := map[string]string{}
	e := hezuo.Election{On: fv.date("elected_on", errs), Note: f.Note}
	return s.submit(w, r, formSave{errs: errs, fields: electionFields,
		save: func() (string, error) {
			_, err := s.db.RegisterElection(r.Context(), accessOf(r), no, e, fv.version(), s.opt.Now())
			return "/partyorgs/" + url.PathEscape(no) + "/edit?saved=1#elections", err
		},
		show: func(general string, _ error) error {
			return s.partyOrgPage(w, r, http.StatusUnprocessableEntity, no, func(v *partyOrgFormView) {
				v.ElectForm, v.ElectErrors, v.ElectError = f, errs, general
			})
		}})
}
