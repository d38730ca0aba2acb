package web

import (
	"crypto/subtle"
	"net/http"
	"strings"

	"hezuo"
	"hezuo/store"
)

// loginView is the sign-in page.
type loginView struct {
	Page
	Next     string
	Username string
	Error    string
}

// loginPage shows the sign-in form with a fresh double-submit CSRF token.
func (s *Server) loginPage(w http.ResponseWriter, r *http.Request) {
	// Reuse the token a stray second GET (a prefetch, another tab) would
	// otherwise replace under an open form.
	tok := hezuo.RandomToken(24)
	if c, err := r.Cookie(preCSRFCookie); err == nil && len(c.Value) >= 32 {
		tok = c.Value
	}
	http.SetCookie(w, &http.Cookie{Name: preCSRFCookie, Value: tok, Path: "/login", HttpOnly: true, SameSite: http.SameSiteStrictMode, Secure: s.opt.Secure})
	v := loginView{Page: s.pageOf(r, "", "login"), Next: localTarget(r.URL.Query().Get("next"))}
	v.CSRF = tok
	if err := s.render(w, http.StatusOK, "login", v); err != nil {
		s.errorPage(w, r, err)
	}
}

// loginSubmit checks the form's credentials and starts a session.
func (s *Server) loginSubmit(w http.ResponseWriter, r *http.Request) {
	c, err := r.Cookie(preCSRFCookie)
	form := r.PostFormValue("csrf")
	if err != nil || form == "" || subtle.ConstantTimeCompare([]byte(c.Value), []byte(form)) != 1 {
		s.errorPage(w, r, hezuo.Errorf(hezuo.EFORBIDDEN, "登录表单已过期，请刷新后重试", "the sign-in form expired: reload and try again"))
		return
	}
	name := strings.TrimSpace(r.PostFormValue("username"))
	sess, err := s.signIn(r, name, r.PostFormValue("password"))
	if err != nil {
		v := loginView{Page: s.pageOf(r, "", "login"), Next: localTarget(r.PostFormValue("next")), Error: s.errText(r, err)}
		if hezuo.ValidUserName(name) {
			v.Username = name
		}
		v.CSRF = c.Value
		s.render(w, s.statusOf(err), "login", v)
		return
	}
	s.setSessionCookie(w, sess.Token)
	http.Redirect(w, r, localTarget(r.PostFormValue("next")), http.StatusSeeOther)
}

// signIn authenticates and starts a session; the store audits refusals and
// successes in the transaction of their effect.
func (s *Server) signIn(r *http.Request, name, password string) (*store.Session, error) {
	return s.db.SignIn(r.Context(), name, password, langOf(r), s.opt.Now())
}

// logoutSubmit ends the session.
func (s *Server) logoutSubmit(w http.ResponseWriter, r *http.Request) error {
	if err := s.db.DeleteSession(r.Context(), sessionOf(r).Token); err != nil {
		return err
	}
	s.setSessionCookie(w, "")
	http.Redirect(w, r, "/login", http.StatusSeeOther)
	return nil
}

// switchLang sets the language cookie and goes back.
func (s *Server) switchLang(w http.ResponseWriter, r *http.Request) {
	lang := r.PathValue("lang")
	if lang != "en" {
		lang = "zh"
	}
	http.SetCookie(w, &http.Cookie{Name: langCookie, Value: lang, Path: "/", MaxAge: 365 * 24 * 3600, SameSite: http.SameSiteLaxMode, Secure: s.opt.Secure})
	http.Redirect(w, r, localTarget(r.URL.Query().Get("next")), http.StatusSeeOther)
}

// notFoundPage answers unknown paths.
func (s *Server) notFoundPage(w http.ResponseWriter, r *http.Request) error {
	return hezuo.Errorf(hezuo.ENOTFOUND, "页面不存在", "no such page")
}
