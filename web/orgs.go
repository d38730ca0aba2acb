package web

import (
	"net/http"
	"strconv"

	"hezuo"
)

// The orgs: the list, an org's page, its forms.
var _ = addArea(area{Nav: "orgs", Path: "/orgs", Texts: "orgs", At: 20, Audit: []string{"org"}})

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

var _ = pageRoute("GET /orgs", (*Server).orgsPage)

func (s *Server) orgsPage(w http.ResponseWriter, r *http.Request) error {
	f, err := orgFilter(r)
	if err != nil {
		return err
	}
	f.After, f.Before = cursors(r, f.Page)
	list, err := s.db.ListOrgs(r.Context(), accessOf(r), f, s.today())
	if err != nil {
		return err
	}
	v := orgsView{Page: s.pageOf(r, "orgs", "orgs"), F: f, Scope: r.URL.Query().Get("scope"), Items: list.Items,
		Pager: keysetPager(r, list.Total, f.Page, list.Prev, list.Next), Sorts: sortURLs(r, "org_id", "name", "kind", "village", "industry", "founded", "households"),
		Kinds: []string{hezuo.KindCooperative, hezuo.KindAssociation, hezuo.KindUnion}}
	return s.render(w, http.StatusOK, "orgs", v)
}

// cursors returns the list cursors of the request (after, before), none on
// page 1: a link without a page number (a sort or filter link keeping the
// query) starts the list again.
func cursors(r *http.Request, page int) (string, string) {
	if page <= 1 {
		return "", ""
	}
	return r.URL.Query().Get("after"), r.URL.Query().Get("before")
}

// keysetPager is pager for a list read by cursor (issue 7): "previous" and
// "next" carry the cursor of the row before or after the page, so that a
// deep page costs what the first does, and the page number its label; the
// first page is linked by number.
func keysetPager(r *http.Request, total, page int, prev, next string) Pager {
	p := pager(r, total, page)
	at := func(n int, key, cursor string) string {
		q := r.URL.Query()
		q.Del("after")
		q.Del("before")
		q.Set("page", strconv.Itoa(n))
		if n > 1 {
			q.Set(key, cursor)
		}
		return r.URL.Path + "?" + q.Encode()
	}
	p.Prev, p.Next = "", ""
	if prev != "" {
		p.Prev = at(max(p.Page-1, 1), "before", prev)
	}
	if next != "" {
		p.Next = at(p.Page+1, "after", next)
	}
	return p
}
