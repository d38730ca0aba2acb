package web

import (
	"net/http"

	"hezuo"
)

var _ = apiRoute("GET /api/stats", (*Server).apiStats)

// apiStats: GET /api/stats?scope=&as_of= → the object of `hezuo stats --format json`.
func (s *Server) apiStats(w http.ResponseWriter, r *http.Request) error {
	st, _, err := scopedRead(r, s.db.ScopedStats)
	return replyJSON(w, st, err)
}

var _ = apiRoute("GET /api/check", (*Server).apiCheck)

// apiCheck: GET /api/check?scope=&as_of= → the array of `hezuo check --format json`.
func (s *Server) apiCheck(w http.ResponseWriter, r *http.Request) error {
	rows, _, err := scopedRead(r, s.db.ScopedCheck)
	lang := langOf(r)
	out := make([]hezuo.CheckView, len(rows))
	for i, row := range rows {
		out[i] = row.View(lang)
	}
	return replyJSON(w, out, err)
}
