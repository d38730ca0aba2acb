package web

import (
	"encoding/json"
	"net/http"

	"hezuo"
	"hezuo/rules"
	"hezuo/store"
)

// The JSON API of the platforms' institutions, training and development
// (issue 5); scope is enforced by the store like every other endpoint.

// apiMeetings: GET /api/meetings?scope=&party_org=&kind=&from=&to=&q=&sort=&page= → {"items", "total"}.
func (s *Server) apiMeetings(w http.ResponseWriter, r *http.Request) error {
	f, err := meetingFilter(r)
	if err != nil {
		return err
	}
	items, total, err := s.db.ListMeetings(r.Context(), accessOf(r), f, s.today())
	if err != nil {
		return err
	}
	if items == nil {
		items = []store.MeetingItem{}
	}
	writeJSON(w, http.StatusOK, meetingListJSON{Items: items, Total: total})
	return nil
}

// overdueJSON is one overdue item with its reason in the request's language.
type overdueJSON struct {
	rules.Overdue
	Reason string `json:"reason"`
}

// apiOverdue: GET /api/overdue?scope=&as_of= → {"as_of", "items", "total"}.
func (s *Server) apiOverdue(w http.ResponseWriter, r *http.Request) error {
	sc, day, err := scopeDayParams(r)
	if err != nil {
		return err
	}
	list, err := s.db.ScopedOverdue(r.Context(), accessOf(r), sc, day)
	if err != nil {
		return err
	}
	lang := langOf(r)
	items := make([]overdueJSON, len(list))
	for i, o := range list {
		items[i] = overdueJSON{Overdue: o, Reason: o.Reason.ZH}
		if lang == "en" {
			items[i].Reason = o.Reason.EN
		}
	}
	writeJSON(w, http.StatusOK, overdueListJSON{AsOf: day, Items: items, Total: len(items)})
	return nil
}

// apiTrainings: GET /api/trainings?scope=&q=&organizer=&industry=&mode=&from=&to=&sort=&page=&as_of=
// → {"items", "total", "figures"}.
func (s *Server) apiTrainings(w http.ResponseWriter, r *http.Request) error {
	f, err := trainingFilter(r)
	if err != nil {
		return err
	}
	day, err := dayParam(r)
	if err != nil {
		return err
	}
	items, total, err := s.db.ListTrainings(r.Context(), accessOf(r), f, s.today())
	if err != nil {
		return err
	}
	fig, err := s.db.TrainingFiguresOf(r.Context(), accessOf(r), f.Scope, day, s.today())
	if err != nil {
		return err
	}
	if items == nil {
		items = []store.TrainingItem{}
	}
	writeJSON(w, http.StatusOK, trainingListJSON{Items: items, Total: total, Figures: fig})
	return nil
}

// apiTraining: GET /api/trainings/{id} → one session with its attendees (404 outside reach).
func (s *Server) apiTraining(w http.ResponseWriter, r *http.Request) error {
	id, err := idParam(r, "id")
	if err != nil {
		return err
	}
	t, err := s.db.GetTraining(r.Context(), accessOf(r), id, s.today())
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, t)
	return nil
}

// apiDevelopment: GET /api/development?scope=&as_of=&step=&state=&page= → the development page's figures.
func (s *Server) apiDevelopment(w http.ResponseWriter, r *http.Request) error {
	sc, day, step, state, err := devQuery(r)
	if err != nil {
		return err
	}
	d, err := s.db.Development(r.Context(), accessOf(r), sc, day, step, state, intParam(r, "page", 1), 0)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, d)
	return nil
}

// decodeJSON reads the request's JSON body into v (EINVALID when malformed).
func decodeJSON(r *http.Request, v any) error {
	dec := json.NewDecoder(http.MaxBytesReader(nil, r.Body, 1<<20))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return hezuo.Errorf(hezuo.EINVALID, "请求内容不是有效的 JSON：%v", "the request is not valid JSON: %v", err)
	}
	return nil
}

// apiMeetingCreate: POST /api/meetings {party_org, kind, held_on, topic, village_party_org,
// participants, decisions, person_ids, id_numbers} → 201 {"id"}.
func (s *Server) apiMeetingCreate(w http.ResponseWriter, r *http.Request) error {
	var in store.MeetingInput
	if err := decodeJSON(r, &in); err != nil {
		return err
	}
	id, err := s.db.SaveMeeting(r.Context(), accessOf(r), &in, s.today(), s.opt.Now())
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusCreated, createdJSON{ID: id})
	return nil
}

// apiTrainingCreate: POST /api/trainings {no, held_on, topic, organizer, industry, mode, hours,
// place, org_id, person_ids, attendances: [{id_number, org_id}]} → 201 {"id"}.
func (s *Server) apiTrainingCreate(w http.ResponseWriter, r *http.Request) error {
	var in store.TrainingInput
	if err := decodeJSON(r, &in); err != nil {
		return err
	}
	id, err := s.db.SaveTraining(r.Context(), accessOf(r), &in, s.today(), s.opt.Now())
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusCreated, createdJSON{ID: id})
	return nil
}
