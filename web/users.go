package web

import (
	"errors"
	"net/http"
	"strconv"
	"strings"

	"hezuo"
)

// The users, for the administrators.
var _ = addArea(area{Nav: "users", Path: "/users", Texts: "users", At: 160, Sees: Page.IsAdmin, Audit: []string{"user"}})

// usersView is the user administration page of county administrators.
type usersView struct {
	Page
	Users  []*hezuo.User
	Roles  []string
	Form   hezuo.User
	Errors map[string]string
	Done   string
}

var errAdminOnly = hezuo.Errorf(hezuo.EFORBIDDEN, "只有县委组织部可以管理用户", "only county administrators manage users")

func (s *Server) usersView(r *http.Request) (usersView, error) {
	a := accessOf(r)
	if !a.CanAdmin() {
		return usersView{}, errAdminOnly
	}
	us, err := s.db.Users(r.Context(), a)
	v := usersView{Page: s.pageOf(r, "users", "users"), Users: us, Roles: hezuo.Roles, Errors: map[string]string{}}
	var scopes []string
	for _, u := range us {
		scopes = append(scopes, u.Scope)
	}
	v.Names(scopes...) // the users' scopes by name, in one query
	return v, err
}

var _ = pageRoute("GET /users", (*Server).usersPage)

func (s *Server) usersPage(w http.ResponseWriter, r *http.Request) error {
	v, err := s.usersView(r)
	if err != nil {
		return err
	}
	v.Done = r.URL.Query().Get("done")
	return s.render(w, http.StatusOK, "users", v)
}

var _ = pageRoute("POST /users", (*Server).userCreateSubmit)

// userCreateSubmit creates a user inside the administrator's scope.
func (s *Server) userCreateSubmit(w http.ResponseWriter, r *http.Request) error {
	v, err := s.usersView(r)
	if err != nil {
		return err
	}
	a := accessOf(r)
	g := func(k string) string { return strings.TrimSpace(r.PostFormValue(k)) }
	u := hezuo.User{Name: g("name"), Role: g("role"), Scope: g("scope"), Subject: g("subject")}
	// The user's own checks, a scope within the administrator's and the
	// password's rules, every wrong field at once.
	var outside, pwErr error
	if sc, perr := hezuo.ParseScope(u.Scope); perr == nil && !sc.Within(a.Scope) {
		outside = hezuo.Invalid("用户 "+u.Name, "scope", "范围不在您的权限范围内", "the scope lies outside yours")
	}
	err = u.Validate()
	if err != nil || outside != nil {
		pwErr = hezuo.CheckPassword(u.Name, r.PostFormValue("password"))
	}
	if err = hezuo.JoinErrors(err, outside, pwErr); err == nil {
		err = s.db.CreateUserBy(r.Context(), a, &u, r.PostFormValue("password"), s.opt.Now())
	}
	if err == nil {
		http.Redirect(w, r, "/users?done=1", http.StatusSeeOther)
		return nil
	}
	var first *hezuo.Error
	if !errors.As(err, &first) || (first.Code != hezuo.EINVALID && first.Code != hezuo.ECONFLICT) {
		return err
	}
	v.Form = u
	for _, e := range hezuo.FieldErrors(err) {
		field := e.Field
		if field == "" {
			field = "name"
		}
		if v.Errors[field] != "" {
			continue
		}
		v.Errors[field] = hezuo.ErrorMessage(&hezuo.Error{Code: e.Code, ZH: e.ZH, EN: e.EN}, v.Lang)
		if field == "role" { // the record's message lists the roles' codes, for the command line
			v.Errors[field] = tr(v.Lang, "choose_role")
		}
		if _, perr := hezuo.ParseScope(u.Scope); field == "scope" && perr != nil { // so does the scope's (all)
			v.Errors[field] = tr(v.Lang, "choose_scope")
		}
	}
	return s.render(w, http.StatusUnprocessableEntity, "users", v)
}

var _ = pageRoute("POST /users/{id}", (*Server).userChangeSubmit)

// userChangeSubmit disables, enables or resets the password of a user
// inside the administrator's scope.
func (s *Server) userChangeSubmit(w http.ResponseWriter, r *http.Request) error {
	if _, err := s.usersView(r); err != nil {
		return err
	}
	a := accessOf(r)
	id, _ := strconv.ParseInt(r.PathValue("id"), 10, 64)
	u, err := s.db.User(r.Context(), id)
	if err != nil {
		return err
	}
	if !a.Scope.Contains(u.Scope) && a.Scope.Prefix != "" {
		return hezuo.Errorf(hezuo.ENOTFOUND, "没有该用户", "no such user")
	}
	op := r.PostFormValue("op")
	switch op {
	case "disable", "enable":
		if u.Name == a.User {
			return hezuo.Errorf(hezuo.EINVALID, "不能停用自己", "you cannot disable yourself")
		}
		if op == "disable" && !confirmed(r) {
			return s.askDisableUser(w, r, u)
		}
		err = s.db.SetUserDisabledBy(r.Context(), a, id, op == "disable", s.opt.Now())
	case "password":
		err = s.db.SetUserPasswordBy(r.Context(), a, id, r.PostFormValue("password"), s.opt.Now())
	default:
		err = hezuo.Errorf(hezuo.EINVALID, "未知操作", "unknown operation")
	}
	if err != nil {
		return err
	}
	http.Redirect(w, r, "/users?done=1", http.StatusSeeOther)
	return nil
}
