package web

import (
	"encoding/json"
	"net/http"

	"hezuo"
)

// apiLogin: POST /api/login {"username","password"} → 200 {"user":…} and the
// session cookie; 401 on a wrong password (or a name no user can have);
// 429 while locked; 415, and nothing else done, for a body that is not
// application/json.
func (s *Server) apiLogin(w http.ResponseWriter, r *http.Request) {
	if !isJSON(r) {
		var b errorBody
		b.Error.Code = hezuo.EINVALID
		b.Error.Message = hezuo.ErrorMessage(errNotJSON, langOf(r))
		writeJSON(w, http.StatusUnsupportedMediaType, b)
		return
	}
	var in struct {
		Username string `json:"username"`
		Password string `json:"password"`
	}
	if err := json.NewDecoder(http.MaxBytesReader(w, r.Body, 1<<16)).Decode(&in); err != nil {
		s.apiError(w, r, hezuo.Errorf(hezuo.EINVALID, "请求体应为 JSON {\"username\",\"password\"}", "the body must be JSON {\"username\",\"password\"}"))
		return
	}
	sess, err := s.signIn(r, in.Username, in.Password)
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	s.setSessionCookie(w, sess.Token)
	writeJSON(w, http.StatusOK, loginJSON{User: sess.User, CSRF: sess.CSRF})
}

// errNotJSON refuses a sign-in whose body is not JSON (415).
var errNotJSON = hezuo.Errorf(hezuo.EINVALID, "请求体应为 JSON（Content-Type: application/json）", "the body must be JSON (Content-Type: application/json)")

// apiLogout: POST /api/logout ends the session.
func (s *Server) apiLogout(w http.ResponseWriter, r *http.Request) error {
	if err := s.db.DeleteSession(r.Context(), sessionOf(r).Token); err != nil {
		return err
	}
	s.setSessionCookie(w, "")
	writeJSON(w, http.StatusOK, okJSON{OK: true})
	return nil
}

// apiMe: GET /api/me → the signed-in user.
func (s *Server) apiMe(w http.ResponseWriter, r *http.Request) error {
	writeJSON(w, http.StatusOK, sessionOf(r).User)
	return nil
}

// apiNotFound answers unknown API paths with 404 (after the session check,
// so a signed-out client learns nothing about which paths exist).
func (s *Server) apiNotFound(w http.ResponseWriter, r *http.Request) error {
	return hezuo.Errorf(hezuo.ENOTFOUND, "没有这个接口", "no such endpoint")
}
