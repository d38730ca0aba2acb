package web

import (
	"net/http"
	"strconv"
	"strings"

	"hezuo"
	"hezuo/store"
)

// The institutions' forms (county administrators and township officers,
// inside their scope): a meeting with its attendance list, a commitment, its
// fulfilment, a visit to a linked household. A refusal shows the form again
// with the reason beside its field.

// meetingFormView is the meeting form: the party organization's members on
// the meeting day to tick as attendees.
type meetingFormView struct {
	Page
	Form     meetingForm
	Members  []store.Attendee
	Selected map[int64]bool
	Errors   map[string]string
	General  string
}

// meetingForm is the meeting form's fields as typed.
type meetingForm struct {
	PartyOrg, Kind, HeldOn, Topic, VillagePartyOrg, Participants, Decisions, IDNumbers string
}

var meetingFields = []string{"party_org", "kind", "held_on", "topic", "village_party_org", "attendees"}

// ids reads the checked database ids of a multi-valued field.
func ids(r *http.Request, field string) ([]int64, map[int64]bool) {
	var out []int64
	set := map[int64]bool{}
	for _, v := range r.PostForm[field] {
		if n, err := strconv.ParseInt(strings.TrimSpace(v), 10, 64); err == nil && n > 0 && !set[n] {
			out = append(out, n)
			set[n] = true
		}
	}
	return out, set
}

// lines splits a textarea into its non-empty trimmed lines.
func lines(v string) []string {
	var out []string
	for _, l := range strings.FieldsFunc(v, func(r rune) bool { return r == '\n' || r == '\r' || r == ',' || r == '，' || r == ' ' }) {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}

func (s *Server) meetingFormView(r *http.Request, f meetingForm) meetingFormView {
	v := meetingFormView{Page: s.pageOf(r, "institutions", "new_meeting"), Form: f, Errors: map[string]string{}, Selected: map[int64]bool{}}
	v.Members = s.formMembers(r, f.PartyOrg, f.HeldOn)
	return v
}

// formMembers lists the members of a form's party organization on the
// form's day (today when the day is missing or malformed), for the form to
// offer: none before a party organization is chosen. An unknown party
// organization lists none here; it is reported when the form is sent.
func (s *Server) formMembers(r *http.Request, partyOrg, on string) []store.Attendee {
	if partyOrg == "" {
		return nil
	}
	day, err := hezuo.ParseDate(on)
	if err != nil {
		day = s.today()
	}
	members, _ := s.db.PartyOrgMembers(r.Context(), accessOf(r), partyOrg, day, s.today())
	return members
}

var _ = pageRoute("GET /institutions/meetings/new", (*Server).meetingNewPage)

func (s *Server) meetingNewPage(w http.ResponseWriter, r *http.Request) error {
	if err := mayWrite(r); err != nil {
		return err
	}
	q := r.URL.Query()
	f := meetingForm{PartyOrg: strings.TrimSpace(q.Get("party_org")), Kind: q.Get("kind"), HeldOn: q.Get("held_on"), Topic: q.Get("topic"),
		VillagePartyOrg: strings.TrimSpace(q.Get("village_party_org"))}
	if f.HeldOn == "" {
		f.HeldOn = s.today().String()
	}
	if f.Kind == "" {
		f.Kind = hezuo.MeetingThemeDay
	}
	if f.Kind == hezuo.MeetingJoint && f.VillagePartyOrg == "" && f.PartyOrg != "" {
		// A joint meeting is held with the village's party organization:
		// proposed from the village of the org the branch covers. An
		// unknown party organization is reported when the form is sent.
		f.VillagePartyOrg, _ = s.db.VillagePartyOrgOf(r.Context(), accessOf(r), f.PartyOrg, s.today(), s.today())
	}
	return s.render(w, http.StatusOK, "institution_meetingform", s.meetingFormView(r, f))
}

var _ = pageRoute("POST /institutions/meetings/new", (*Server).meetingNewSubmit)

func (s *Server) meetingNewSubmit(w http.ResponseWriter, r *http.Request) error {
	if err := mayWrite(r); err != nil {
		return err
	}
	fv := formValues{r}
	f := meetingForm{PartyOrg: fv.get("party_org"), Kind: fv.get("kind"), HeldOn: fv.get("held_on"), Topic: fv.get("topic"),
		VillagePartyOrg: fv.get("village_party_org"), Participants: fv.get("participants"), Decisions: fv.get("decisions"), IDNumbers: fv.get("id_numbers")}
	errs := map[string]string{}
	in := &store.MeetingInput{Meeting: hezuo.Meeting{PartyOrg: f.PartyOrg, Kind: f.Kind, HeldOn: fv.date("held_on", errs), Topic: f.Topic,
		VillagePartyOrg: f.VillagePartyOrg, Participants: f.Participants, Decisions: f.Decisions}, IDNumbers: lines(f.IDNumbers)}
	for i, n := range in.IDNumbers { // people chosen in the picker
		in.IDNumbers[i] = s.personRef(r, errs, "id_numbers", n)
	}
	var selected map[int64]bool
	in.Attendees, selected = attendees(r, func() []int64 { return attendeeIDs(s.meetingFormView(r, f).Members) })
	return s.submit(w, r, formSave{errs: errs, fields: meetingFields,
		save: func() (string, error) {
			id, err := s.db.SaveMeeting(r.Context(), accessOf(r), in, s.today(), s.opt.Now())
			return savedTo(r, "/institutions/meetings/"+strconv.FormatInt(id, 10)+"?saved=1"), err
		},
		check: in.Meeting.Validate,
		show: func(general string, _ error) error {
			v := s.meetingFormView(r, f)
			v.Errors, v.General, v.Selected = errs, general, selected
			return s.render(w, http.StatusUnprocessableEntity, "institution_meetingform", v)
		}})
}

// commitmentFormView is the commitment form: the party organization's
// members on the day to choose from.
type commitmentFormView struct {
	Page
	Form    commitmentForm
	Members []store.Attendee
	Results []string
	Errors  map[string]string
	General string
}

// commitmentForm is the commitment form's fields as typed.
type commitmentForm struct {
	PartyOrg, Person, Year, MadeOn, Content, FulfilledOn, Result, Evidence string
}

var commitmentFields = []string{"party_org", "person", "year", "made_on", "content", "fulfilled_on", "result", "evidence"}

func (s *Server) commitmentFormView(r *http.Request, f commitmentForm) commitmentFormView {
	v := commitmentFormView{Page: s.pageOf(r, "institutions", "new_commitment"), Form: f, Errors: map[string]string{},
		Results: []string{hezuo.FulfilledAll, hezuo.FulfilledPart, hezuo.FulfilledNot}}
	v.Members = s.formMembers(r, f.PartyOrg, f.MadeOn)
	return v
}

var _ = pageRoute("GET /institutions/commitments/new", (*Server).commitmentNewPage)

func (s *Server) commitmentNewPage(w http.ResponseWriter, r *http.Request) error {
	if err := mayWrite(r); err != nil {
		return err
	}
	q := r.URL.Query()
	today := s.today()
	f := commitmentForm{PartyOrg: strings.TrimSpace(q.Get("party_org")), Person: q.Get("person"), Year: strconv.Itoa(today.Year()), MadeOn: q.Get("made_on")}
	if f.MadeOn == "" {
		f.MadeOn = today.String()
	}
	return s.render(w, http.StatusOK, "institution_commitmentform", s.commitmentFormView(r, f))
}

var _ = pageRoute("POST /institutions/commitments/new", (*Server).commitmentNewSubmit)

func (s *Server) commitmentNewSubmit(w http.ResponseWriter, r *http.Request) error {
	if err := mayWrite(r); err != nil {
		return err
	}
	fv := formValues{r}
	f := commitmentForm{PartyOrg: fv.get("party_org"), Person: fv.get("person"), Year: fv.get("year"), MadeOn: fv.get("made_on"),
		Content: fv.get("content"), FulfilledOn: fv.get("fulfilled_on"), Result: fv.get("result"), Evidence: fv.get("evidence")}
	errs := map[string]string{}
	lang := langOf(r)
	c := hezuo.Commitment{PartyOrg: f.PartyOrg, MadeOn: fv.date("made_on", errs), Content: f.Content, FulfilledOn: fv.date("fulfilled_on", errs),
		Result: f.Result, Evidence: f.Evidence}
	var err error
	if c.Year, err = strconv.Atoi(f.Year); err != nil {
		errs["year"] = tr(lang, "whole_number")
	}
	pid, err := strconv.ParseInt(f.Person, 10, 64)
	if err != nil {
		errs["person"] = tr(lang, "choose_person")
	}
	return s.submit(w, r, formSave{errs: errs, fields: commitmentFields,
		save: func() (string, error) {
			_, err := s.db.SaveCommitment(r.Context(), accessOf(r), pid, &c, s.today(), s.opt.Now())
			return savedTo(r, "/institutions/commitments?party_org="+f.PartyOrg+"&saved=1"), err
		},
		check: func() error {
			// The person is checked above (errs["person"]); the record's
			// own checks run with a stand-in for their ID number.
			own := c
			own.IDNumber = "-"
			return own.Validate()
		},
		show: func(general string, _ error) error {
			v := s.commitmentFormView(r, f)
			v.Errors, v.General = errs, general
			return s.render(w, http.StatusUnprocessableEntity, "institution_commitmentform", v)
		}})
}

// fulfilFormView is the form assessing one commitment.
type fulfilFormView struct {
	Page
	C       *store.CommitmentItem
	Form    commitmentForm
	Results []string
	Errors  map[string]string
	General string
}

var _ = pageRoute("GET /institutions/commitments/{id}/fulfil", (*Server).fulfilPage)

func (s *Server) fulfilPage(w http.ResponseWriter, r *http.Request) error {
	if err := mayWrite(r); err != nil {
		return err
	}
	return s.fulfilRender(w, r, nil, "", nil)
}

// fulfilRender shows the fulfilment form (with the posted values and their
// errors when errs is not nil).
func (s *Server) fulfilRender(w http.ResponseWriter, r *http.Request, errs map[string]string, general string, f *commitmentForm) error {
	id, err := idParam(r, "id")
	if err != nil {
		return err
	}
	c, err := s.db.GetCommitment(r.Context(), accessOf(r), id, s.today())
	if err != nil {
		return err
	}
	v := fulfilFormView{Page: s.pageOf(r, "institutions", "fulfil"), C: c, Errors: map[string]string{},
		Results: []string{hezuo.FulfilledAll, hezuo.FulfilledPart, hezuo.FulfilledNot},
		Form:    commitmentForm{FulfilledOn: c.FulfilledOn.String(), Result: c.Result, Evidence: c.Evidence}}
	st := http.StatusOK
	if errs != nil {
		v.Errors, v.General, v.Form, st = errs, general, *f, http.StatusUnprocessableEntity
	}
	if v.Form.FulfilledOn == "" {
		v.Form.FulfilledOn = s.today().String()
	}
	return s.render(w, st, "institution_fulfilform", v)
}

var _ = pageRoute("POST /institutions/commitments/{id}/fulfil", (*Server).fulfilSubmit)

func (s *Server) fulfilSubmit(w http.ResponseWriter, r *http.Request) error {
	if err := mayWrite(r); err != nil {
		return err
	}
	id, err := idParam(r, "id")
	if err != nil {
		return err
	}
	fv := formValues{r}
	f := commitmentForm{FulfilledOn: fv.get("fulfilled_on"), Result: fv.get("result"), Evidence: fv.get("evidence")}
	errs := map[string]string{}
	on := fv.date("fulfilled_on", errs)
	return s.submit(w, r, formSave{errs: errs, fields: commitmentFields,
		save: func() (string, error) {
			err := s.db.SaveFulfilment(r.Context(), accessOf(r), id, on, f.Result, f.Evidence, s.today(), s.opt.Now())
			return savedTo(r, "/institutions/commitments?saved=1"), err
		},
		check: func() error {
			// The date is unreadable: the result and its evidence are
			// checked too, by the commitment's own rules on a stand-in of
			// the rest.
			day := hezuo.DateOf(2000, 6, 1)
			own := hezuo.Commitment{IDNumber: "-", PartyOrg: "-", Year: 2000, MadeOn: day, Content: "-", FulfilledOn: day, Result: f.Result, Evidence: f.Evidence}
			return own.Validate()
		},
		show: func(general string, _ error) error { return s.fulfilRender(w, r, errs, general, &f) }})
}

// visitFormView is the form recording a visit to a linked household.
type visitFormView struct {
	Page
	Form       visitForm
	PersonName string
	Errors     map[string]string
	General    string
}

// named fills the visiting member's name when within reach.
func (s *Server) named(r *http.Request, v visitFormView) visitFormView {
	if id, err := strconv.ParseInt(v.Form.Person, 10, 64); err == nil {
		v.PersonName, _, _ = s.db.PersonStep(r.Context(), accessOf(r), id, s.today())
	}
	return v
}

// visitForm is the visit form's fields as typed; Person is a database id.
type visitForm struct{ Person, Household, VisitedOn, Note string }

var visitFields = []string{"person", "household", "visited_on", "note"}

var _ = pageRoute("GET /institutions/visits/new", (*Server).visitNewPage)

func (s *Server) visitNewPage(w http.ResponseWriter, r *http.Request) error {
	if err := mayWrite(r); err != nil {
		return err
	}
	q := r.URL.Query()
	v := visitFormView{Page: s.pageOf(r, "institutions", "record_visit"), Errors: map[string]string{},
		Form: visitForm{Person: q.Get("person"), Household: q.Get("household"), VisitedOn: s.today().String()}}
	return s.render(w, http.StatusOK, "institution_visitform", s.named(r, v))
}

var _ = pageRoute("POST /institutions/visits/new", (*Server).visitNewSubmit)

func (s *Server) visitNewSubmit(w http.ResponseWriter, r *http.Request) error {
	if err := mayWrite(r); err != nil {
		return err
	}
	fv := formValues{r}
	f := visitForm{Person: fv.get("person"), Household: fv.get("household"), VisitedOn: fv.get("visited_on"), Note: fv.get("note")}
	errs := map[string]string{}
	on := fv.date("visited_on", errs)
	pid, err := strconv.ParseInt(f.Person, 10, 64)
	if err != nil {
		errs["person"] = tr(langOf(r), "choose_person")
	}
	return s.submit(w, r, formSave{errs: errs, fields: visitFields,
		save: func() (string, error) {
			err := s.db.SaveVisit(r.Context(), accessOf(r), pid, f.Household, on, f.Note, s.today(), s.opt.Now())
			return savedTo(r, "/institutions/contacts?saved=1"), err
		},
		check: func() error {
			if f.Household == "" && errs["household"] == "" {
				errs["household"] = tr(langOf(r), "choose_household")
			}
			return nil
		},
		show: func(general string, _ error) error {
			v := visitFormView{Page: s.pageOf(r, "institutions", "record_visit"), Form: f, Errors: errs, General: general}
			return s.render(w, http.StatusUnprocessableEntity, "institution_visitform", s.named(r, v))
		}})
}
