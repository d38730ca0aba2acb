package web

import (
	"encoding/json"
	"errors"
	"net/http"

	"hezuo"
)

// statusOf is the one place that maps hezuo error codes to HTTP statuses (a
// database the store cannot reach, 503, is the store's to tell).
func (s *Server) statusOf(err error) int {
	switch hezuo.ErrorCode(err) {
	case hezuo.EINVALID:
		return http.StatusUnprocessableEntity
	case hezuo.ENOTFOUND:
		return http.StatusNotFound
	case hezuo.ECONFLICT:
		return http.StatusConflict
	case hezuo.EUNAUTHORIZED:
		return http.StatusUnauthorized
	case hezuo.EFORBIDDEN:
		return http.StatusForbidden
	case hezuo.ELOCKED:
		return http.StatusTooManyRequests
	}
	if s.db != nil && s.db.Unavailable(err) { // a failover in progress
		return http.StatusServiceUnavailable
	}
	return http.StatusInternalServerError
}

// errorBody is the JSON of an API error.
type errorBody struct {
	Error struct {
		Code    string `json:"code"`
		Message string `json:"message"`
		Field   string `json:"field,omitempty"`
		// Fields is every field's error when a record had several, all
		// found at once (the first is Field and Message's first).
		Fields []fieldError `json:"fields,omitempty"`
	} `json:"error"`
}

// fieldError is one field's error in an API error.
type fieldError struct {
	Field   string `json:"field"`
	Message string `json:"message"`
}

// apiError writes err as JSON with its status; internal errors are logged
// and shown without detail.
func (s *Server) apiError(w http.ResponseWriter, r *http.Request, err error) {
	st := s.statusOf(err)
	var b errorBody
	b.Error.Code = hezuo.ErrorCode(err)
	b.Error.Message = s.errText(r, err)
	var e *hezuo.Error
	if errors.As(err, &e) {
		b.Error.Field = e.Field
	}
	if st == http.StatusServiceUnavailable {
		w.Header().Set("Retry-After", "2")
	}
	if es := hezuo.FieldErrors(err); len(es) > 1 && st != http.StatusInternalServerError {
		for _, e := range es {
			msg := e.ZH
			if langOf(r) == "en" && e.EN != "" {
				msg = e.EN
			}
			b.Error.Fields = append(b.Error.Fields, fieldError{e.Field, msg})
		}
	}
	writeJSON(w, st, b)
}

// errText returns err's message in the request's language; an internal
// error's detail goes to the log, not to the user.
func (s *Server) errText(r *http.Request, err error) string {
	lang := langOf(r)
	if s.statusOf(err) == http.StatusInternalServerError {
		s.opt.Log.Printf("%s %s: %v", r.Method, r.URL.Path, err)
		if lang == "en" {
			return "internal error; it has been logged"
		}
		return "内部错误，已记录日志"
	}
	if s.statusOf(err) == http.StatusServiceUnavailable {
		s.opt.Log.Printf("%s %s: database unavailable: %v", r.Method, r.URL.Path, err)
		if lang == "en" {
			return "the database is briefly unavailable (switching to its standby); try again in a few seconds — a change just made may or may not have been saved, so check before repeating it"
		}
		return "数据库暂时不可用（正在切换到备用库），请几秒后重试；刚才的修改可能已保存也可能未保存，请先查看再重做"
	}
	return errMessage(lang, err)
}

// writeJSON writes v as JSON with status st.
func writeJSON(w http.ResponseWriter, st int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(st)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.Encode(v)
}
