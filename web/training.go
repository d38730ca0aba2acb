package web

import (
	"net/http"
	"strings"

	"hezuo"
	"hezuo/store"
)

// The trainings: sessions and their attendance.
var _ = addArea(area{Nav: "trainings", Path: "/trainings", Texts: "training", ID: "nav-trainings", At: 90, Audit: []string{"training"}})

// trainingsView is the training page: the figures up to the day (totals,
// per org, per organizer) and the session list with its filters.
type trainingsView struct {
	Page
	listPage[store.TrainingFilter, store.TrainingItem]
	AsOf, Scope string
	From, To    string
	Figures     *store.TrainingFigures
	Modes       []string
}

// trainingFilter reads the session list's query: scope, q, organizer,
// industry, mode, from, to, sort, page.
func trainingFilter(r *http.Request) (store.TrainingFilter, error) {
	q := r.URL.Query()
	sc, err := scopeParam(r)
	if err != nil {
		return store.TrainingFilter{}, err
	}
	f := store.TrainingFilter{Scope: sc, Q: strings.TrimSpace(q.Get("q")), Organizer: strings.TrimSpace(q.Get("organizer")),
		Industry: strings.TrimSpace(q.Get("industry")), Mode: q.Get("mode"), Sort: q.Get("sort"), Page: intParam(r, "page", 1)}
	if f.Mode != "" && hezuo.ModeNames[f.Mode] == "" {
		return f, hezuo.Invalid("", "mode", "培训方式无效", "invalid mode")
	}
	if f.From, err = optDate(q.Get("from")); err != nil {
		return f, err
	}
	f.To, err = optDate(q.Get("to"))
	return f, err
}

var _ = pageRoute("GET /trainings", (*Server).trainingsPage)

func (s *Server) trainingsPage(w http.ResponseWriter, r *http.Request) error {
	list, fig, day, err := s.trainingsRead(r)
	if err != nil {
		return err
	}
	v := trainingsView{Page: s.pageOf(r, "trainings", "trainings"), listPage: list, AsOf: day, Scope: r.URL.Query().Get("scope"),
		From: list.F.From.String(), To: list.F.To.String(), Figures: fig, Modes: []string{hezuo.ModeOnSite, hezuo.ModeRemote}}
	return s.render(w, http.StatusOK, "trainings", v)
}

// trainingView is one session with its attendees.
type trainingView struct {
	Page
	S *store.TrainingDetail
}

var _ = pageRoute("GET /trainings/{id}", (*Server).trainingPage)

func (s *Server) trainingPage(w http.ResponseWriter, r *http.Request) error {
	t, err := byID(s, r, s.db.GetTraining)
	if err != nil {
		return err
	}
	v := trainingView{Page: s.pageOf(r, "trainings", "trainings"), S: t}
	v.Title = t.No + " · " + t.Topic
	v.Names(t.Place)
	return s.render(w, http.StatusOK, "training", v)
}
