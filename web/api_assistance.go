package web

import (
	"net/http"

	"hezuo/store"
)

var _ = apiRoute("GET /api/assistance/units", (*Server).apiAssistanceUnits)

// apiAssistanceUnits: GET /api/assistance/units?scope=&q=&active=&page=&as_of=
// → {"items": [...], "total": N, "figures": {...}}: the 包村联户 pairings and
// the assistance figures of `hezuo stats`.
func (s *Server) apiAssistanceUnits(w http.ResponseWriter, r *http.Request) error {
	return apiAssistance(s, w, r, s.unitList())
}

var _ = apiRoute("GET /api/assistance/households", (*Server).apiAssistanceHouseholds)

// apiAssistanceHouseholds: GET /api/assistance/households?scope=&q=&active=&page=&as_of=
// → {"items": [...], "total": N, "figures": {...}}: the 结对帮扶 pairings.
func (s *Server) apiAssistanceHouseholds(w http.ResponseWriter, r *http.Request) error {
	return apiAssistance(s, w, r, s.householdList())
}

// apiAssistance answers a page of the assistance list l with the
// assistance figures of its scope and day.
func apiAssistance[T any](s *Server, w http.ResponseWriter, r *http.Request, l listSpec[store.AssistanceFilter, T]) error {
	list, err := l.page(s, r)
	if err != nil {
		return err
	}
	fig, err := s.db.AssistanceFigures(r.Context(), accessOf(r), list.F.Scope, list.F.Day)
	return replyJSON(w, assistanceListJSON[T]{Items: list.Items, Total: list.total, Figures: fig}, err)
}
