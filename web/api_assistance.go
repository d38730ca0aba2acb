package web

import (
	"net/http"

	"hezuo/store"
)

// apiAssistanceUnits: GET /api/assistance/units?scope=&q=&active=&page=&as_of=
// → {"items": [...], "total": N, "figures": {...}}: the 包村联户 pairings and
// the assistance figures of `hezuo stats`.
func (s *Server) apiAssistanceUnits(w http.ResponseWriter, r *http.Request) error {
	f, err := assistanceFilter(r)
	if err != nil {
		return err
	}
	a := accessOf(r)
	items, total, err := s.db.ListUnitPairings(r.Context(), a, f, s.today())
	if err != nil {
		return err
	}
	fig, err := s.db.AssistanceFigures(r.Context(), a, f.Scope, f.Day)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, assistanceListJSON[store.UnitPairingRow]{Items: items, Total: total, Figures: fig})
	return nil
}

// apiAssistanceHouseholds: GET /api/assistance/households?scope=&q=&active=&page=&as_of=
// → {"items": [...], "total": N, "figures": {...}}: the 结对帮扶 pairings.
func (s *Server) apiAssistanceHouseholds(w http.ResponseWriter, r *http.Request) error {
	f, err := assistanceFilter(r)
	if err != nil {
		return err
	}
	a := accessOf(r)
	items, total, err := s.db.ListHouseholdPairings(r.Context(), a, f, s.today())
	if err != nil {
		return err
	}
	fig, err := s.db.AssistanceFigures(r.Context(), a, f.Scope, f.Day)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, assistanceListJSON[store.HouseholdPairingRow]{Items: items, Total: total, Figures: fig})
	return nil
}
