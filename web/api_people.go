package web

import (
	"net/http"

	"hezuo"
)

// apiPeople: GET /api/people?org_id=&q=&page= → {"items", "total", "next",
// "prev"}, and "total_capped": true when a prefecture or wider has more
// people than "total" (hezuo.PeopleCountCap); ID numbers and phones are
// masked in lists. "after" / "before"
// take a cursor as in apiOrgs.
func (s *Server) apiPeople(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	list, err := s.db.ListPeople(r.Context(), accessOf(r), hezuo.PersonFilter{OrgNo: q.Get("org_id"), Q: q.Get("q"),
		Party: q.Get("party") != "", Talent: q.Get("talent") != "", Sort: q.Get("sort"), Page: intParam(r, "page", 1),
		After: q.Get("after"), Before: q.Get("before")}, s.today())
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, list)
	return nil
}

// apiPerson: GET /api/people/{id} → one person; the ID number is whole only
// for roles that may see it, and such a view is audited.
func (s *Server) apiPerson(w http.ResponseWriter, r *http.Request) error {
	p, err := s.db.GetPerson(r.Context(), accessOf(r), r.PathValue("id"), s.opt.Now())
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, p)
	return nil
}
