package web

import (
	"net/http"

	"hezuo"
)

// personView is one person's page.
type personView struct {
	Page
	P *hezuo.PersonDetail
}

// personPage shows a person; roles that may see personal data see the whole
// ID number and phone, and the view is audited by the store.
func (s *Server) personPage(w http.ResponseWriter, r *http.Request) error {
	p, err := s.db.GetPerson(r.Context(), accessOf(r), r.PathValue("id"), s.opt.Now())
	if err != nil {
		return err
	}
	v := personView{Page: s.pageOf(r, "people", "people"), P: p}
	v.Title = p.Name
	return s.render(w, http.StatusOK, "person", v)
}
