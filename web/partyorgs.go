package web

import (
	"net/http"

	"hezuo"
)

// The party organizations: the list, their forms, their officers and
// elections.
var _ = addArea(area{Nav: "partyorgs", Path: "/partyorgs", At: 40, Audit: []string{"party_org", "officer"},
	Routes: func(s *Server, m *http.ServeMux) {
		m.HandleFunc("GET /partyorgs", s.page(s.partyOrgsPage))
		m.HandleFunc("GET /partyorgs.xlsx", s.page(s.partyOrgsDownload))
		m.HandleFunc("GET /partyorgs/new", s.page(s.partyOrgNewPage))
		m.HandleFunc("POST /partyorgs/new", s.page(s.partyOrgNewSubmit))
		m.HandleFunc("GET /partyorgs/{no}/edit", s.page(s.partyOrgEditPage))
		m.HandleFunc("POST /partyorgs/{no}/edit", s.page(s.partyOrgEditSubmit))
		m.HandleFunc("POST /partyorgs/{no}/end", s.page(s.partyOrgEndSubmit))
		m.HandleFunc("POST /partyorgs/{no}/officers", s.page(s.officerNewSubmit))
		m.HandleFunc("POST /partyorgs/{no}/elections", s.page(s.electionNewSubmit))
		m.HandleFunc("POST /partyorgs/{no}/officers/{id}/end", s.page(s.officerEndSubmit))
	}})

func (s *Server) partyOrgsPage(w http.ResponseWriter, r *http.Request) error {
	v, err := registryPage(s, r, "partyorgs", s.partyOrgList())
	if err != nil {
		return err
	}
	v.Forms = []string{hezuo.FormBranch, hezuo.FormGeneralBranch, hezuo.FormCommittee, hezuo.FormJointBranch, hezuo.FormPartyGroup,
		hezuo.FormVillage, hezuo.FormTownship, hezuo.FormDepartment}
	var nos []string
	for _, p := range v.Items {
		nos = append(nos, p.Orgs...)
	}
	v.OrgNames(nos...) // the orgs covered, by name, in one query
	return s.render(w, http.StatusOK, "partyorgs", v)
}
