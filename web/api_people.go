package web

import "net/http"

var _ = apiRoute("GET /api/people", (*Server).apiPeople)

// apiPeople: GET /api/people?org_id=&q=&page= → {"items", "total", "next",
// "prev"}, and "total_capped": true when a prefecture or wider has more
// people than "total" (hezuo.PeopleCountCap); ID numbers and phones are
// masked in lists. "after" / "before"
// take a cursor as in apiOrgs.
func (s *Server) apiPeople(w http.ResponseWriter, r *http.Request) error {
	f := personFilter(r)
	f.After, f.Before = r.URL.Query().Get("after"), r.URL.Query().Get("before")
	list, err := s.db.ListPeople(r.Context(), accessOf(r), f, s.today())
	return replyJSON(w, list, err)
}

var _ = apiRoute("GET /api/people/{id}", (*Server).apiPerson)

// apiPerson: GET /api/people/{id} → one person; the ID number is whole only
// for roles that may see it, and such a view is audited.
func (s *Server) apiPerson(w http.ResponseWriter, r *http.Request) error {
	p, err := s.db.GetPerson(r.Context(), accessOf(r), r.PathValue("id"), s.opt.Now())
	return replyJSON(w, p, err)
}
