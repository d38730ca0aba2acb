package web

import (
	"net/http"

	"hezuo"
)

// The divisions (区划): read only, written by the command line and imports.
var _ = addArea(area{Nav: "divisions", Path: "/divisions", At: 60})

var _ = pageRoute("GET /divisions", (*Server).divisionsPage)

func (s *Server) divisionsPage(w http.ResponseWriter, r *http.Request) error {
	v, err := registryPage(s, r, "divisions", s.divisionList())
	if err != nil {
		return err
	}
	v.Forms = []string{hezuo.LevelCounty, hezuo.LevelTownship, hezuo.LevelVillage}
	return s.render(w, http.StatusOK, "divisions", v)
}
