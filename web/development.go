package web

import (
	"net/http"
	"strconv"

	"hezuo"
	"hezuo/rules"
	"hezuo/store"
)

// Member development: who is at which step, and the next step's form.
var _ = addArea(area{Nav: "development", Path: "/development", Texts: "development", ID: "nav-development", At: 100})

// developmentView is the member development page: counts by step and by
// state, one page of the people in development with their steps' dates
// and items, and what the instructors' orgs achieved.
type developmentView struct {
	Page
	AsOf, Scope, Step, State string
	D                        *store.DevPage
	Pager                    Pager
	States                   []string
}

// devQuery reads the development page's query: scope, as_of, step, state.
func devQuery(r *http.Request) (hezuo.Scope, hezuo.Date, string, string, error) {
	sc, err := scopeParam(r)
	if err != nil {
		return sc, hezuo.Date{}, "", "", err
	}
	day, err := dayParam(r)
	if err != nil {
		return sc, day, "", "", err
	}
	q := r.URL.Query()
	step, state := q.Get("step"), q.Get("state")
	if step != "" && hezuo.StatusNames[step] == "" {
		return sc, day, "", "", hezuo.Invalid("", "step", "发展阶段无效", "invalid step")
	}
	if _, ok := enumLabels["dev_state"][state]; state != "" && !ok {
		return sc, day, "", "", hezuo.Invalid("", "state", "状态无效", "invalid state")
	}
	return sc, day, step, state, nil
}

var _ = pageRoute("GET /development", (*Server).developmentPage)

func (s *Server) developmentPage(w http.ResponseWriter, r *http.Request) error {
	sc, day, step, state, err := devQuery(r)
	if err != nil {
		return err
	}
	page := intParam(r, "page", 1)
	d, err := s.db.Development(r.Context(), accessOf(r), sc, day, step, state, page, 0)
	if err != nil {
		return err
	}
	v := developmentView{Page: s.pageOf(r, "development", "development"), AsOf: day.String(), Scope: r.URL.Query().Get("scope"),
		Step: step, State: state, D: d, Pager: pager(r, d.Total, page),
		States: []string{rules.DevOverdue, rules.DevIrregular, rules.DevDue, rules.DevReady}}
	return s.render(w, http.StatusOK, "development", v)
}

// stepFormView is the form recording a person's next development step:
// the person (database id, name and current step) and the step's date.
type stepFormView struct {
	Page
	Person             string
	Status, From       string
	Errors             map[string]string
	General            string
	Steps              []string
	PersonName, Now    string
	NextStep, NextName string
}

// withPerson names the form's person and their current step, and proposes
// the next one (the person must be within reach; the save checks again).
func (s *Server) withPerson(r *http.Request, v *stepFormView) {
	id, err := strconv.ParseInt(v.Person, 10, 64)
	if err != nil {
		return
	}
	name, now, err := s.db.PersonStep(r.Context(), accessOf(r), id, s.today())
	if err != nil {
		return
	}
	v.PersonName, v.Now = name, now
	next := store.DevSteps[0]
	for i, st := range store.DevSteps[:len(store.DevSteps)-1] {
		if st == now {
			next = store.DevSteps[i+1]
		}
	}
	if v.Status == "" {
		v.Status = next
	}
}

var stepFields = []string{"person", "status", "from"}

var _ = pageRoute("GET /development/steps/new", (*Server).stepNewPage)

func (s *Server) stepNewPage(w http.ResponseWriter, r *http.Request) error {
	if err := mayWrite(r); err != nil {
		return err
	}
	q := r.URL.Query()
	v := stepFormView{Page: s.pageOf(r, "development", "new_step"), Person: q.Get("person"), Status: q.Get("status"),
		From: s.today().String(), Errors: map[string]string{}, Steps: store.DevSteps}
	s.withPerson(r, &v)
	return s.render(w, http.StatusOK, "development_stepform", v)
}

var _ = pageRoute("POST /development/steps/new", (*Server).stepNewSubmit)

func (s *Server) stepNewSubmit(w http.ResponseWriter, r *http.Request) error {
	if err := mayWrite(r); err != nil {
		return err
	}
	fv := formValues{r}
	v := stepFormView{Page: s.pageOf(r, "development", "new_step"), Person: fv.get("person"), Status: fv.get("status"), From: fv.get("from"),
		Errors: map[string]string{}, Steps: store.DevSteps}
	from := fv.date("from", v.Errors)
	pid, err := strconv.ParseInt(v.Person, 10, 64)
	if err != nil {
		v.Errors["person"] = tr(v.Lang, "choose_person")
	}
	return s.submit(w, r, formSave{errs: v.Errors, fields: stepFields,
		save: func() (string, error) {
			return "/development?saved=1", s.db.AddPartyStep(r.Context(), accessOf(r), pid, v.Status, from, s.today(), s.opt.Now())
		},
		check: func() error { return store.StepChecks("发展党员", v.Status, from, s.today()) },
		show: func(general string, _ error) error {
			v.General = general
			s.withPerson(r, &v)
			return s.render(w, http.StatusUnprocessableEntity, "development_stepform", v)
		}})
}
