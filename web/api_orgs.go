package web

import (
	"net/http"

	"hezuo"
)

// orgJSON is an org as the API shows it: the org_id, name, kind, registered,
// village… keys of cli.md plus the list row's names and version.
type orgJSON struct {
	hezuo.OrgItem
	Registered bool `json:"registered"`
}

func orgOut(it hezuo.OrgItem, today hezuo.Date) orgJSON {
	return orgJSON{OrgItem: it, Registered: it.RegisteredAsOf(today)}
}

// orgDetailJSON is GET /api/orgs/{org_id}: the org, its members' count, its
// party organizations, instructors and rule result (null when it does not
// exist on the day).
type orgDetailJSON struct {
	orgJSON
	Members     int                    `json:"members"`
	PartyOrgs   []hezuo.PartyOrgItem   `json:"party_orgs"`
	Instructors []hezuo.InstructorItem `json:"instructors"`
	Rule        *hezuo.CheckView       `json:"rule"`
}

var _ = apiRoute("GET /api/orgs", (*Server).apiOrgs)

// apiOrgs: GET /api/orgs?scope=&q=&page= → {"items": [...], "total": N}.
// Besides the page number, "after" (or "before") takes the "next" (or
// "prev") cursor of the previous answer: a deep page read by cursor costs
// what the first page does (issue 7), by number an index walk to it.
func (s *Server) apiOrgs(w http.ResponseWriter, r *http.Request) error {
	f, err := orgFilter(r)
	if err != nil {
		return err
	}
	f.After, f.Before = r.URL.Query().Get("after"), r.URL.Query().Get("before")
	today := s.today()
	list, err := s.db.ListOrgs(r.Context(), accessOf(r), f, today)
	if err != nil {
		return err
	}
	items := make([]orgJSON, len(list.Items))
	for i, it := range list.Items {
		items[i] = orgOut(it, today)
	}
	writeJSON(w, http.StatusOK, orgListJSON{Items: items, Total: list.Total, Next: list.Next, Prev: list.Prev})
	return nil
}

var _ = apiRoute("GET /api/orgs/{org_id}", (*Server).apiOrg)

// apiOrg: GET /api/orgs/{org_id}?as_of= → one org (404 outside the user's reach).
func (s *Server) apiOrg(w http.ResponseWriter, r *http.Request) error {
	day, err := dayParam(r)
	if err != nil {
		return err
	}
	d, err := s.db.GetOrg(r.Context(), accessOf(r), r.PathValue("org_id"), day, s.today())
	if err != nil {
		return err
	}
	out := orgDetailJSON{orgJSON: orgOut(d.OrgItem, s.today()), Members: d.Members, PartyOrgs: d.PartyOrgs, Instructors: d.Instructors}
	if d.Check != nil {
		v := d.Check.View(langOf(r))
		out.Rule = &v
	}
	writeJSON(w, http.StatusOK, out)
	return nil
}
