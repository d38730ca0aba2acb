package web

import (
	"context"
	"crypto/subtle"
	"mime"
	"net/http"
	"net/url"

	"hezuo"
	"hezuo/store"
)

// Cookie names.
const (
	sessionCookie = "hezuo_session"
	langCookie    = "hezuo_lang"
	preCSRFCookie = "hezuo_csrf" // the sign-in form's double-submit token
)

type ctxKey int

const sessionKey ctxKey = 1

// sessionOf returns the request's session (nil when signed out).
func sessionOf(r *http.Request) *store.Session {
	s, _ := r.Context().Value(sessionKey).(*store.Session)
	return s
}

// accessOf returns the signed-in user's Access; the zero Access (which the
// store lets see nothing) when signed out.
func accessOf(r *http.Request) *hezuo.Access {
	if s := sessionOf(r); s != nil {
		return s.User.Access()
	}
	return &hezuo.Access{}
}

// withSession looks the session cookie up and puts the session in the
// request's context (leaving it out when missing, idle or expired).
func (s *Server) withSession(r *http.Request) *http.Request {
	c, err := r.Cookie(sessionCookie)
	if err != nil || c.Value == "" {
		return r
	}
	sess, err := s.db.Session(r.Context(), c.Value, s.opt.Now(), s.opt.IdleTimeout, s.opt.MaxAge)
	if err != nil {
		if s.db.Unavailable(err) { // a failover: 503, not "sign in again"
			return r.WithContext(context.WithValue(r.Context(), dbLostKey, err))
		}
		return r
	}
	noteUser(r, sess.User.ID)
	ctx := context.WithValue(r.Context(), sessionKey, sess)
	if r.Method == http.MethodGet || r.Method == http.MethodHead {
		ctx = s.db.ReadingSummaries(ctx)
	}
	return r.WithContext(ctx)
}

// isJSON reports whether the request body is JSON (Content-Type
// application/json): a cross-site HTML form cannot send one, so such
// requests need no CSRF token.
func isJSON(r *http.Request) bool {
	mt, _, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	return err == nil && mt == "application/json"
}

// csrfOK reports whether a state-changing request carries the session's CSRF
// token (form field "csrf" or header X-CSRF-Token), or is JSON.
func csrfOK(r *http.Request, sess *store.Session) bool {
	if isJSON(r) {
		return true
	}
	tok := r.Header.Get("X-CSRF-Token")
	if tok == "" {
		tok = r.PostFormValue("csrf")
	}
	return sess != nil && tok != "" && subtle.ConstantTimeCompare([]byte(tok), []byte(sess.CSRF)) == 1
}

// api wraps a JSON API handler: it needs a session (401) and, for
// state-changing methods, JSON or a CSRF token (403).
func (s *Server) api(h func(http.ResponseWriter, *http.Request) error) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		r = s.withSession(r)
		sess := sessionOf(r)
		if err := dbLost(r); err != nil {
			s.apiError(w, r, err)
			return
		}
		if sess == nil {
			s.apiError(w, r, hezuo.Errorf(hezuo.EUNAUTHORIZED, "请先登录", "please sign in"))
			return
		}
		if r.Method != http.MethodGet && r.Method != http.MethodHead && !csrfOK(r, sess) {
			s.apiError(w, r, hezuo.Errorf(hezuo.EFORBIDDEN, "缺少或错误的 CSRF 令牌", "missing or wrong CSRF token"))
			return
		}
		if err := h(w, r); err != nil {
			s.apiError(w, r, err)
		}
	}
}

// page wraps a page handler: signed-out users go to the sign-in page, forms
// need the CSRF token, and errors become an error page with their status.
func (s *Server) page(h func(http.ResponseWriter, *http.Request) error) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		r = s.withSession(r)
		sess := sessionOf(r)
		if err := dbLost(r); err != nil {
			s.errorPage(w, r, err)
			return
		}
		if sess == nil {
			http.Redirect(w, r, "/login?next="+url.QueryEscape(r.URL.RequestURI()), http.StatusSeeOther)
			return
		}
		if r.Method == http.MethodPost && !csrfOK(r, sess) {
			s.errorPage(w, r, hezuo.Errorf(hezuo.EFORBIDDEN, "表单已过期或来源不明（CSRF 校验失败），请返回重试", "the form expired or came from elsewhere (CSRF check failed): go back and try again"))
			return
		}
		w.Header().Set("Cache-Control", "no-store")
		if err := h(w, r); err != nil {
			s.errorPage(w, r, err)
		}
	}
}

// setSessionCookie sets (or, with an empty token, clears) the session cookie:
// HttpOnly, SameSite=Lax, Secure behind TLS.
func (s *Server) setSessionCookie(w http.ResponseWriter, token string) {
	c := &http.Cookie{Name: sessionCookie, Value: token, Path: "/", HttpOnly: true, SameSite: http.SameSiteLaxMode, Secure: s.opt.Secure}
	if token == "" {
		c.MaxAge = -1
	}
	http.SetCookie(w, c)
}

// langOf returns the request's language: ?lang=, the language cookie, else
// Chinese.
func langOf(r *http.Request) string {
	if l := r.URL.Query().Get("lang"); l == "en" || l == "zh" {
		return l
	}
	if c, err := r.Cookie(langCookie); err == nil && c.Value == "en" {
		return "en"
	}
	return "zh"
}
