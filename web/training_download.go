package web

import (
	"net/http"

	"hezuo/store"
)

// trainingList is the session list of /trainings, /trainings.xlsx (every
// session the filters select, with the attendances the user may see) and
// /api/trainings.
func (s *Server) trainingList() listSpec[store.TrainingFilter, store.TrainingItem] {
	return listSpec[store.TrainingFilter, store.TrainingItem]{filter: trainingFilter,
		paging: func(f *store.TrainingFilter) (*int, *int) { return &f.Page, &f.PerPage },
		fetch:  s.db.ListTrainings, sorts: []string{"held_on", "no", "topic", "organizer", "hours", "attendances"},
		sheet: sheet[store.TrainingItem]{name: "培训",
			cols: [][2]string{{"培训编号", "No"}, {"培训日期", "Date"}, {"培训主题", "Topic"},
				{"主办单位代码", "Organizer"}, {"主办单位", "Organizer name"}, {"产业", "Industry"},
				{"培训方式", "Mode"}, {"学时", "Hours"}, {"培训地点", "Place"}, {"地点名称", "Place name"}, {"参训人次", "Attendances"}},
			row: func(lang string, t store.TrainingItem) []any {
				mode := label(lang, "mode", t.Mode)
				return []any{t.No, t.HeldOn, t.Topic, t.Organizer, t.OrganizerName, t.Industry, mode, t.Hours, t.Place, t.PlaceName, t.Attendances}
			}}}
}

var _ = pageRoute("GET /trainings.xlsx", (*Server).trainingsDownload)

func (s *Server) trainingsDownload(w http.ResponseWriter, r *http.Request) error {
	return s.trainingList().download(s, w, r)
}

// trainingsRead reads the request's page of sessions and the training
// figures of its scope up to its day, for the page and the API.
func (s *Server) trainingsRead(r *http.Request) (listPage[store.TrainingFilter, store.TrainingItem], *store.TrainingFigures, string, error) {
	tl := s.trainingList()
	f, err := tl.filter(r)
	if err != nil {
		return listPage[store.TrainingFilter, store.TrainingItem]{}, nil, "", err
	}
	day, err := dayParam(r)
	if err != nil {
		return listPage[store.TrainingFilter, store.TrainingItem]{}, nil, "", err
	}
	list, err := tl.read(s, r, f)
	if err != nil {
		return list, nil, "", err
	}
	fig, err := s.db.TrainingFiguresOf(r.Context(), accessOf(r), f.Scope, day, s.today())
	return list, fig, day.String(), err
}
