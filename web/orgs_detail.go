package web

import (
	"net/http"

	"hezuo"
)

// orgView is an org's page: the org, its members, party organizations,
// instructors, manager and rule result with reasons.
type orgView struct {
	Page
	AsOf    string
	Org     *hezuo.OrgDetail
	Check   *hezuo.CheckView
	Members *hezuo.PersonList
	Pager   Pager
	Today   string
}

var _ = pageRoute("GET /orgs/{org_id}", (*Server).orgPage)

func (s *Server) orgPage(w http.ResponseWriter, r *http.Request) error {
	day, err := dayParam(r)
	if err != nil {
		return err
	}
	a := accessOf(r)
	d, err := s.db.GetOrg(r.Context(), a, r.PathValue("org_id"), day, s.today())
	if err != nil {
		return err
	}
	page := intParam(r, "page", 1)
	members, err := s.db.ListPeople(r.Context(), a, hezuo.PersonFilter{OrgNo: d.OrgNo, Page: page, Day: day, Sort: r.URL.Query().Get("sort")}, s.today())
	if err != nil {
		return err
	}
	v := orgView{Page: s.pageOf(r, "orgs", "orgs"), AsOf: day.String(), Org: d, Members: members,
		Pager: pager(r, members.Total, page), Today: s.today().String()}
	v.Title = d.Name
	v.Names(d.Villages...) // the villages spanned, by name, in one query
	var nos []string
	for _, p := range d.PartyOrgs {
		nos = append(nos, p.Orgs...)
	}
	v.OrgNames(nos...)
	if d.Check != nil {
		cv := d.Check.View(v.Lang)
		v.Check = &cv
	}
	return s.render(w, http.StatusOK, "org", v)
}
