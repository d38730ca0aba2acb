package web

import (
	"net/http"

	"hezuo"
)

// The people: the list, a person's page, their forms, their memberships
// and party status, transfers in.
var _ = addArea(area{Nav: "people", Path: "/people", Texts: "people", At: 30, Audit: []string{"person", "membership", "party_status"}})

// peopleView is the people list.
type peopleView struct {
	Page
	F     hezuo.PersonFilter
	Items []hezuo.PersonItem
	Pager Pager
	Sorts map[string]string
}

// SearchPlaceholder and SearchHint are the text keys of the search box:
// only roles that see whole ID numbers may search by one (ListPeople).
func (v peopleView) SearchPlaceholder() string { return v.searchKey("people_search_placeholder") }
func (v peopleView) SearchHint() string        { return v.searchKey("people_search_hint") }

func (v peopleView) searchKey(key string) string {
	if v.User != nil && v.User.Access().SeesPersonalData() {
		return key
	}
	return key + "_masked"
}

var _ = pageRoute("GET /people", (*Server).peoplePage)

func (s *Server) peoplePage(w http.ResponseWriter, r *http.Request) error {
	f := personFilter(r)
	f.After, f.Before = cursors(r, f.Page)
	list, err := s.db.ListPeople(r.Context(), accessOf(r), f, s.today())
	if err != nil {
		return err
	}
	v := peopleView{Page: s.pageOf(r, "people", "people"), F: f, Items: list.Items, Pager: keysetPager(r, list.Total, f.Page, list.Prev, list.Next),
		Sorts: sortURLs(r, "name", "village", "birth_date")}
	v.Pager.More = list.TotalCapped
	codes := make([]string, 0, len(list.Items))
	var nos []string
	for _, it := range list.Items {
		codes = append(codes, it.Village)
		nos = append(nos, it.Orgs...)
	}
	v.Names(codes...)  // one query for the page's villages
	v.OrgNames(nos...) // and one for their orgs
	return s.render(w, http.StatusOK, "people", v)
}

// personFilter reads the people list's query: org_id, q, party, talent,
// sort, page.
func personFilter(r *http.Request) hezuo.PersonFilter {
	q := r.URL.Query()
	return hezuo.PersonFilter{OrgNo: q.Get("org_id"), Q: q.Get("q"), Party: q.Get("party") != "", Talent: q.Get("talent") != "",
		Sort: q.Get("sort"), Page: intParam(r, "page", 1)}
}
