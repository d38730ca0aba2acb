package web

import (
	"net/http"

	"hezuo"
)

// apiStats: GET /api/stats?scope=&as_of= → the object of `hezuo stats --format json`.
func (s *Server) apiStats(w http.ResponseWriter, r *http.Request) error {
	sc, day, err := scopeDayParams(r)
	if err != nil {
		return err
	}
	st, err := s.db.ScopedStats(r.Context(), accessOf(r), sc, day)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, st)
	return nil
}

// apiCheck: GET /api/check?scope=&as_of= → the array of `hezuo check --format json`.
func (s *Server) apiCheck(w http.ResponseWriter, r *http.Request) error {
	sc, day, err := scopeDayParams(r)
	if err != nil {
		return err
	}
	rows, err := s.db.ScopedCheck(r.Context(), accessOf(r), sc, day)
	if err != nil {
		return err
	}
	lang := langOf(r)
	out := make([]hezuo.CheckView, len(rows))
	for i, row := range rows {
		out[i] = row.View(lang)
	}
	writeJSON(w, http.StatusOK, out)
	return nil
}
