package web

import (
	"net/http"

	"hezuo"
)

// registryView is one of the smaller registries' lists (party
// organizations, instructors, divisions): filters, rows and pages.
type registryView struct {
	Page
	F           hezuo.ListFilter
	Scope       string
	Forms       []string
	PartyOrgs   []hezuo.PartyOrgItem
	Instructors []hezuo.InstructorItem
	Divisions   []hezuo.DivisionItem
	Pager       Pager
	Sorts       map[string]string // sort key → URL
	Today       string
}

// registryView returns the view of list nav with a sort URL per key.
func (s *Server) registryView(r *http.Request, nav string, sorts ...string) (registryView, error) {
	f, err := listFilter(r)
	v := registryView{Page: s.pageOf(r, nav, nav), F: f, Scope: r.URL.Query().Get("scope"), Sorts: map[string]string{}, Today: s.today().String()}
	for _, k := range sorts {
		v.Sorts[k] = sortURL(r, k)
	}
	return v, err
}

func (s *Server) partyOrgsPage(w http.ResponseWriter, r *http.Request) error {
	v, err := s.registryView(r, "partyorgs", "no", "name", "form", "seat", "founded")
	if err != nil {
		return err
	}
	var total int
	v.PartyOrgs, total, err = s.db.ListPartyOrgs(r.Context(), accessOf(r), v.F, s.today())
	if err != nil {
		return err
	}
	v.Forms = []string{hezuo.FormBranch, hezuo.FormGeneralBranch, hezuo.FormCommittee, hezuo.FormJointBranch, hezuo.FormPartyGroup,
		hezuo.FormVillage, hezuo.FormTownship, hezuo.FormDepartment}
	v.Pager = pager(r, total, v.F.Page)
	var nos []string
	for _, p := range v.PartyOrgs {
		nos = append(nos, p.Orgs...)
	}
	v.OrgNames(nos...) // the orgs covered, by name, in one query
	return s.render(w, http.StatusOK, "partyorgs", v)
}

func (s *Server) instructorsPage(w http.ResponseWriter, r *http.Request) error {
	v, err := s.registryView(r, "instructors", "name", "township", "unit")
	if err != nil {
		return err
	}
	var total int
	v.Instructors, total, err = s.db.ListInstructors(r.Context(), accessOf(r), v.F, s.today())
	if err != nil {
		return err
	}
	v.Pager = pager(r, total, v.F.Page)
	var nos []string
	for _, i := range v.Instructors {
		for _, d := range i.Dispatches {
			nos = append(nos, d.OrgNo)
		}
	}
	v.OrgNames(nos...) // the orgs dispatched to, by name, in one query
	return s.render(w, http.StatusOK, "instructors", v)
}

func (s *Server) divisionsPage(w http.ResponseWriter, r *http.Request) error {
	v, err := s.registryView(r, "divisions", "code", "name", "level", "orgs")
	if err != nil {
		return err
	}
	var total int
	v.Divisions, total, err = s.db.ListDivisions(r.Context(), accessOf(r), v.F, s.today())
	if err != nil {
		return err
	}
	v.Forms = []string{hezuo.LevelCounty, hezuo.LevelTownship, hezuo.LevelVillage}
	v.Pager = pager(r, total, v.F.Page)
	return s.render(w, http.StatusOK, "divisions", v)
}
