package web

import (
	"net/http"

	"hezuo"
	"hezuo/store"
)

// personView is one person's page; for roles that write it carries the
// memberships with their ids and versions, and the join form.
type personView struct {
	Page
	P       *hezuo.PersonDetail
	Records []hezuo.MembershipRecord
	Join    joinForm
	Errors  map[string]string
	General string
	Today   string
	Party   store.PartyStanding
}

// joinForm is the form recording that the person joined an org.
type joinForm struct{ OrgNo, Role, From, To string }

var _ = pageRoute("GET /people/{id}", (*Server).personPage)

// personPage shows a person; roles that may see personal data see the whole
// ID number and phone, and the view is audited by the store.
func (s *Server) personPage(w http.ResponseWriter, r *http.Request) error {
	return s.renderPerson(w, r, http.StatusOK, joinForm{}, map[string]string{}, "")
}

// renderPerson renders the person page with the join form as typed and its
// errors.
func (s *Server) renderPerson(w http.ResponseWriter, r *http.Request, st int, join joinForm, errs map[string]string, general string) error {
	a := accessOf(r)
	p, err := s.db.GetPerson(r.Context(), a, r.PathValue("id"), s.opt.Now())
	if err != nil {
		return err
	}
	v := personView{Page: s.pageOf(r, "people", "people"), P: p, Join: join, Errors: errs, General: general, Today: s.today().String()}
	v.Title = p.Name
	v.Names(p.Village)
	if v.Join.From == "" {
		v.Join.From = v.Today
	}
	if p.PartyStatus != "" {
		if v.Party, err = s.db.PersonParty(r.Context(), a, p.ID, s.today()); err != nil {
			return err
		}
	}
	if a.CanWrite() {
		if v.Records, err = s.db.Memberships(r.Context(), a, p.ID, s.today()); err != nil {
			return err
		}
	}
	return s.render(w, st, "person", v)
}
