package web

import (
	"net/http"

	"hezuo"
)

// orgsView is the org list with its filters.
type orgsView struct {
	Page
	F     hezuo.OrgFilter
	Scope string
	Items []hezuo.OrgItem
	Pager Pager
	Sorts map[string]string // sort key → URL
	Kinds []string
}

func (s *Server) orgsPage(w http.ResponseWriter, r *http.Request) error {
	f, err := orgFilter(r)
	if err != nil {
		return err
	}
	list, err := s.db.ListOrgs(r.Context(), accessOf(r), f)
	if err != nil {
		return err
	}
	v := orgsView{Page: s.pageOf(r, "orgs", "orgs"), F: f, Scope: r.URL.Query().Get("scope"), Items: list.Items,
		Pager: pager(r, list.Total, f.Page), Sorts: map[string]string{},
		Kinds: []string{hezuo.KindCooperative, hezuo.KindAssociation, hezuo.KindUnion}}
	for _, k := range []string{"org_id", "name", "kind", "village", "industry", "founded", "households"} {
		v.Sorts[k] = sortURL(r, k)
	}
	return s.render(w, http.StatusOK, "orgs", v)
}
