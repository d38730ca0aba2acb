package web

import (
	"net/http"

	"hezuo"
)

// The party organizations: the list, their forms, their officers and
// elections.
var _ = addArea(area{Nav: "partyorgs", Path: "/partyorgs", Texts: "partyorgs", At: 40, Audit: []string{"party_org", "officer"}})

var _ = pageRoute("GET /partyorgs", (*Server).partyOrgsPage)

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
