package web

import (
	"fmt"
	"net/http"
	"net/url"
	"strconv"

	"hezuo"
)

// officerForm is the 新增任职 form as typed: the person's ID number, the
// post by its Chinese name (hezuo.Posts), the start date.
type officerForm struct{ IDNumber, Post, From string }

var officerFields = []string{"id_number", "role", "from"}

// officersSection is the party organization page's list of posts and its
// 新增任职 form, shown below the edit form.
type officersSection struct {
	Officers   []hezuo.OfficerItem
	Posts      []hezuo.Post
	Day        hezuo.Date
	PostForm   officerForm
	PostErrors map[string]string
	PostError  string
}

// PostName returns a post's name in the page's language.
func (v partyOrgFormView) PostName(role, duty string) string {
	p, ok := hezuo.PostOf(role, duty)
	switch {
	case !ok:
		return role
	case v.Lang == "en":
		return p.EN
	}
	return p.ZH
}

// officersOf fills the page's officers and elections sections for the
// party organization no.
func (s *Server) officersOf(r *http.Request, v *partyOrgFormView, no string) error {
	v.Day = s.today()
	v.Posts = hezuo.Posts
	if v.PostErrors == nil {
		v.PostErrors = map[string]string{}
	}
	var err error
	if v.Officers, err = s.db.PartyOrgOfficers(r.Context(), accessOf(r), no, v.Day); err != nil {
		return err
	}
	p, err := s.db.PartyOrgForEdit(r.Context(), accessOf(r), no, s.today())
	if err != nil {
		return err
	}
	v.electionsOf(p, v.Day)
	return nil
}

var _ = pageRoute("POST /partyorgs/{no}/officers", (*Server).officerNewSubmit)

// officerNewSubmit records a post (新增任职); on error the party
// organization's page is shown again with the message beside the field.
func (s *Server) officerNewSubmit(w http.ResponseWriter, r *http.Request) error {
	fv := formValues{r}
	no := r.PathValue("no")
	f := officerForm{IDNumber: fv.get("id_number"), Post: fv.get("role"), From: fv.get("from")}
	errs := map[string]string{}
	o := hezuo.Officer{PartyOrg: no, IDNumber: s.personRef(r, errs, "id_number", f.IDNumber), Period: hezuo.Period{From: fv.date("from", errs)}}
	if p, ok := hezuo.ParsePost(f.Post); ok {
		o.Role, o.Duty = p.Role, p.Duty
	} else {
		errs["role"] = tr(langOf(r), "choose_post")
	}
	return s.submit(w, r, formSave{errs: errs, fields: officerFields,
		save: func() (string, error) {
			err := s.db.StartPost(r.Context(), accessOf(r), &o, s.opt.Now())
			return "/partyorgs/" + url.PathEscape(no) + "/edit?saved=1#officers", err
		},
		check: func() error {
			own := o
			if errs["role"] != "" {
				own.Role, own.Duty = hezuo.RoleSecretary, ""
			}
			return own.Validate(s.today())
		},
		show: func(general string, _ error) error {
			return s.partyOrgPage(w, r, http.StatusUnprocessableEntity, no, func(v *partyOrgFormView) {
				v.PostForm, v.PostErrors, v.PostError = f, errs, general
			})
		}})
}

// partyOrgPage shows the party organization's page: its edit form, posts
// and elections; after a refused form of one of its sections, fill sets
// that section's values as typed and their errors.
func (s *Server) partyOrgPage(w http.ResponseWriter, r *http.Request, st int, no string, fill func(v *partyOrgFormView)) error {
	p, err := s.db.PartyOrgForEdit(r.Context(), accessOf(r), no, s.today())
	if err != nil {
		return err
	}
	v, err := s.partyOrgFormView(r, false, partyOrgFormOf(*p, s.today().String()))
	if err != nil {
		return err
	}
	v.PostForm = officerForm{Post: hezuo.Posts[0].ZH, From: s.today().String()}
	fill(&v)
	if err := s.officersOf(r, &v, no); err != nil {
		return err
	}
	return s.render(w, st, "partyorgform", v)
}

// officerEndView asks before a post ends (离任): ending is not undone.
type officerEndView struct {
	Page
	No       string
	Officer  hezuo.OfficerItem
	To       string
	Question string
}

var _ = pageRoute("POST /partyorgs/{no}/officers/{id}/end", (*Server).officerEndSubmit)

// officerEndSubmit ends a post on the day given (the first day no longer
// in office). Without confirm=1 it only asks, on a page of its own, whether
// to go on; confirmed, it ends the post and returns to the party
// organization's page.
func (s *Server) officerEndSubmit(w http.ResponseWriter, r *http.Request) error {
	fv := formValues{r}
	no := r.PathValue("no")
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil {
		return hezuo.Errorf(hezuo.ENOTFOUND, "找不到该任职", "no such post")
	}
	day, err := hezuo.ParseDate(fv.get("to"))
	if err != nil {
		return hezuo.Invalid("任职 "+no, "to", "请填写离任日期", "give the day the post ends")
	}
	if fv.get("confirm") == "1" {
		if err := s.db.EndPost(r.Context(), accessOf(r), no, id, day, s.opt.Now()); err != nil {
			return err
		}
		http.Redirect(w, r, "/partyorgs/"+url.PathEscape(no)+"/edit?saved=1#officers", http.StatusSeeOther)
		return nil
	}
	list, err := s.db.PartyOrgOfficers(r.Context(), accessOf(r), no, s.today())
	if err != nil {
		return err
	}
	v := officerEndView{Page: s.pageOf(r, "partyorgs", "end_post"), No: no, To: day.String()}
	found := false
	for _, o := range list {
		if o.ID == id {
			v.Officer, found = o, true
		}
	}
	if !found {
		return hezuo.Errorf(hezuo.ENOTFOUND, "找不到该任职", "no such post")
	}
	post := partyOrgFormView{Page: v.Page}.PostName(v.Officer.Role, v.Officer.Duty)
	v.Question = fmt.Sprintf(v.T("confirm_end_q"), v.Officer.Name, post, v.To)
	return s.render(w, http.StatusOK, "officerend", v)
}
