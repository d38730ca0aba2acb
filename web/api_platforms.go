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

var _ = apiRoute("GET /api/meetings", (*Server).apiMeetings)

// apiMeetings: GET /api/meetings?scope=&party_org=&kind=&from=&to=&q=&sort=&page= → {"items", "total"}.
func (s *Server) apiMeetings(w http.ResponseWriter, r *http.Request) error {
	list, err := s.meetingList().page(s, r)
	return replyJSON(w, meetingListJSON{Items: list.json(), Total: list.total}, err)
}

// overdueJSON is one overdue item with its reason in the request's language.
type overdueJSON struct {
	rules.Overdue
	Reason string `json:"reason"`
}

var _ = apiRoute("GET /api/overdue", (*Server).apiOverdue)

// apiOverdue: GET /api/overdue?scope=&as_of= → {"as_of", "items", "total"}.
func (s *Server) apiOverdue(w http.ResponseWriter, r *http.Request) error {
	list, day, err := scopedRead(r, s.db.ScopedOverdue)
	lang := langOf(r)
	items := make([]overdueJSON, len(list))
	for i, o := range list {
		items[i] = overdueJSON{Overdue: o, Reason: o.Reason.ZH}
		if lang == "en" {
			items[i].Reason = o.Reason.EN
		}
	}
	return replyJSON(w, overdueListJSON{AsOf: day, Items: items, Total: len(items)}, err)
}

var _ = apiRoute("GET /api/trainings", (*Server).apiTrainings)

// apiTrainings: GET /api/trainings?scope=&q=&organizer=&industry=&mode=&from=&to=&sort=&page=&as_of=
// → {"items", "total", "figures"}.
func (s *Server) apiTrainings(w http.ResponseWriter, r *http.Request) error {
	list, fig, _, err := s.trainingsRead(r)
	return replyJSON(w, trainingListJSON{Items: list.json(), Total: list.total, Figures: fig}, err)
}

var _ = apiRoute("GET /api/trainings/{id}", (*Server).apiTraining)

// apiTraining: GET /api/trainings/{id} → one session with its attendees (404 outside reach).
func (s *Server) apiTraining(w http.ResponseWriter, r *http.Request) error {
	t, err := byID(s, r, s.db.GetTraining)
	return replyJSON(w, t, err)
}

var _ = apiRoute("GET /api/development", (*Server).apiDevelopment)

// apiDevelopment: GET /api/development?scope=&as_of=&step=&state=&page= → the development page's figures.
func (s *Server) apiDevelopment(w http.ResponseWriter, r *http.Request) error {
	sc, day, step, state, err := devQuery(r)
	if err != nil {
		return err
	}
	d, err := s.db.Development(r.Context(), accessOf(r), sc, day, step, state, intParam(r, "page", 1), 0)
	return replyJSON(w, d, err)
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

// apiCreate decodes the request's JSON body into an In and answers 201
// with what create returns for it.
func apiCreate[In any](w http.ResponseWriter, r *http.Request, create func(in *In) (any, error)) error {
	var in In
	if err := decodeJSON(r, &in); err != nil {
		return err
	}
	out, err := create(&in)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusCreated, out)
	return nil
}

var _ = apiRoute("POST /api/meetings", (*Server).apiMeetingCreate)

// apiMeetingCreate: POST /api/meetings {party_org, kind, held_on, topic, village_party_org,
// participants, decisions, person_ids, id_numbers} → 201 {"id"}.
func (s *Server) apiMeetingCreate(w http.ResponseWriter, r *http.Request) error {
	return apiCreate(w, r, func(in *store.MeetingInput) (any, error) {
		id, err := s.db.SaveMeeting(r.Context(), accessOf(r), in, s.today(), s.opt.Now())
		return createdJSON{ID: id}, err
	})
}

var _ = apiRoute("POST /api/trainings", (*Server).apiTrainingCreate)

// apiTrainingCreate: POST /api/trainings {no, held_on, topic, organizer, industry, mode, hours,
// place, org_id, person_ids, attendances: [{id_number, org_id}]} → 201 {"id"}.
func (s *Server) apiTrainingCreate(w http.ResponseWriter, r *http.Request) error {
	return apiCreate(w, r, func(in *store.TrainingInput) (any, error) {
		id, err := s.db.SaveTraining(r.Context(), accessOf(r), in, s.today(), s.opt.Now())
		return createdJSON{ID: id}, err
	})
}
