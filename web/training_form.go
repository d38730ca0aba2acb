package web

import (
	"net/http"
	"strconv"
	"strings"

	"hezuo"
	"hezuo/store"
)

// trainingFormView is the form recording a session and its attendances:
// the members of the chosen org on the session's day to tick.
type trainingFormView struct {
	Page
	Form     trainingForm
	Members  []hezuo.PersonItem
	Selected map[int64]bool
	Modes    []string
	Errors   map[string]string
	General  string
}

// trainingForm is the form's fields as typed.
type trainingForm struct {
	No, HeldOn, Topic, Organizer, Industry, Mode, Hours, Place, OrgNo string
}

var trainingFields = []string{"no", "held_on", "topic", "organizer", "industry", "mode", "hours", "place", "org_id", "attendees"}

func (s *Server) trainingFormView(r *http.Request, f trainingForm) trainingFormView {
	v := trainingFormView{Page: s.pageOf(r, "trainings", "new_training"), Form: f, Errors: map[string]string{}, Selected: map[int64]bool{},
		Modes: []string{hezuo.ModeOnSite, hezuo.ModeRemote}}
	if f.OrgNo != "" {
		day, err := hezuo.ParseDate(f.HeldOn)
		if err != nil {
			day = s.today()
		}
		// An org out of reach lists nobody; the save reports it.
		if l, err := s.db.ListPeople(r.Context(), accessOf(r), hezuo.PersonFilter{OrgNo: f.OrgNo, Day: day, PerPage: 500}, s.today()); err == nil {
			v.Members = l.Items
		}
	}
	return v
}

var _ = pageRoute("GET /trainings/new", (*Server).trainingNewPage)

func (s *Server) trainingNewPage(w http.ResponseWriter, r *http.Request) error {
	if err := mayWrite(r); err != nil {
		return err
	}
	q := r.URL.Query()
	f := trainingForm{No: q.Get("no"), HeldOn: q.Get("held_on"), Topic: q.Get("topic"), Organizer: q.Get("organizer"), Industry: q.Get("industry"),
		Mode: q.Get("mode"), Hours: q.Get("hours"), Place: q.Get("place"), OrgNo: strings.TrimSpace(q.Get("org_id"))}
	if f.HeldOn == "" {
		f.HeldOn = s.today().String()
	}
	if f.Mode == "" {
		f.Mode = hezuo.ModeOnSite
	}
	if f.Place == "" {
		f.Place = accessOf(r).Scope.Prefix
	}
	return s.render(w, http.StatusOK, "trainingform", s.trainingFormView(r, f))
}

var _ = pageRoute("POST /trainings/new", (*Server).trainingNewSubmit)

func (s *Server) trainingNewSubmit(w http.ResponseWriter, r *http.Request) error {
	if err := mayWrite(r); err != nil {
		return err
	}
	fv := formValues{r}
	f := trainingForm{No: fv.get("no"), HeldOn: fv.get("held_on"), Topic: fv.get("topic"), Organizer: fv.get("organizer"),
		Industry: fv.get("industry"), Mode: fv.get("mode"), Hours: fv.get("hours"), Place: fv.get("place"), OrgNo: fv.get("org_id")}
	errs := map[string]string{}
	in := &store.TrainingInput{Training: hezuo.Training{No: f.No, HeldOn: fv.date("held_on", errs), Topic: f.Topic, Organizer: f.Organizer,
		Industry: f.Industry, Mode: f.Mode, Place: f.Place}, OrgNo: f.OrgNo}
	var err error
	if in.Hours, err = strconv.Atoi(f.Hours); err != nil {
		errs["hours"] = tr(langOf(r), "whole_number")
	}
	var selected map[int64]bool
	in.Attendees, selected = attendees(r, func() []int64 {
		var out []int64
		for _, p := range s.trainingFormView(r, f).Members {
			out = append(out, p.ID)
		}
		return out
	})
	return s.submit(w, r, formSave{errs: errs, fields: trainingFields,
		save: func() (string, error) {
			id, err := s.db.SaveTraining(r.Context(), accessOf(r), in, s.today(), s.opt.Now())
			return "/trainings/" + strconv.FormatInt(id, 10) + "?saved=1", err
		},
		check: func() error {
			own := in.Training
			if strings.TrimSpace(own.No) == "" {
				own.No = "-" // a blank number is the system's to propose
			}
			return own.Validate()
		},
		show: func(general string, _ error) error {
			v := s.trainingFormView(r, f)
			v.Errors, v.General, v.Selected = errs, general, selected
			return s.render(w, http.StatusUnprocessableEntity, "trainingform", v)
		}})
}
