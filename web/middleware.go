package web

import (
	"context"
	"net/http"
	"strings"

	"hezuo"
)

// Request body limits (ASVS 13.1 / 等保 input control): every request with
// a body is capped before any handler reads it; the spreadsheet upload gets
// the upload limit, everything else maxBody.
const maxBody = 1 << 20

// bodyLimit returns the largest body the request's path accepts.
func bodyLimit(r *http.Request) int64 {
	if r.URL.Path == "/import" {
		return maxUpload + 1<<20
	}
	return maxBody
}

// handler wraps the routes in the middleware every response goes through,
// outermost first: the request log, the security headers, the body limit
// and the rate limits.
func (s *Server) handler() http.Handler {
	return s.logRequests(s.secureHeaders(s.limitBodies(s.rateLimit(s.readRouting(s.stampDay(s.mux))))))
}

// todayKey holds the request's day (stampDay).
const todayKey ctxKey = 3

// stampDay reads the server's clock for the request's default day once
// (Options.Now, China's date): a page's as_of defaults to it (dayParam).
func (s *Server) stampDay(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		r2 := r.WithContext(context.WithValue(r.Context(), todayKey, s.today()))
		next.ServeHTTP(w, r2)
		r.Pattern = r2.Pattern // the route the ServeMux found, for the request log
	})
}

// requestDay is the day stampDay gave the request (the real clock's day
// for a request that went round it).
func requestDay(r *http.Request) hezuo.Date {
	if d, ok := r.Context().Value(todayKey).(hezuo.Date); ok {
		return d
	}
	return hezuo.Today(hezuo.China)
}

// csp allows nothing from another host and no inline script (the templates
// load their scripts from /assets/); frames are refused.
const csp = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; " +
	"object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"

// secureHeaders sets the security headers on every response: the content
// security policy, no framing, no MIME sniffing, no referrer to other
// sites, HSTS behind TLS, and no caching of anything but the static assets
// (pages and API answers carry personal data).
func (s *Server) secureHeaders(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", csp)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "same-origin")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Cross-Origin-Opener-Policy", "same-origin")
		h.Set("Cross-Origin-Resource-Policy", "same-origin")
		h.Set("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()")
		if s.opt.Secure {
			h.Set("Strict-Transport-Security", "max-age=31536000")
		}
		if !strings.HasPrefix(r.URL.Path, "/assets/") {
			h.Set("Cache-Control", "no-store")
			h.Set("Pragma", "no-cache")
		}
		next.ServeHTTP(w, r)
	})
}

// limitBodies refuses a declared body over the path's limit with 413 and
// caps every body with http.MaxBytesReader, so an undeclared (chunked) body
// cannot exceed it either.
func (s *Server) limitBodies(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Body == nil || r.Body == http.NoBody {
			next.ServeHTTP(w, r)
			return
		}
		n := bodyLimit(r)
		if r.ContentLength > n {
			err := hezuo.Errorf(hezuo.EINVALID, "请求内容过大（上限 %d KB）", "the request is too large (limit %d KB)", n>>10)
			s.refuse(w, r, http.StatusRequestEntityTooLarge, err)
			return
		}
		r.Body = http.MaxBytesReader(w, r.Body, n)
		next.ServeHTTP(w, r)
	})
}

// refuse answers a request the middleware turns away, in the request's
// language: JSON for the API, else the error page (plain text for a status
// the error codes do not map to, such as 413).
func (s *Server) refuse(w http.ResponseWriter, r *http.Request, status int, err error) {
	msg := errMessage(langOf(r), err)
	if strings.HasPrefix(r.URL.Path, "/api/") {
		var b errorBody
		b.Error.Code, b.Error.Message = hezuo.ErrorCode(err), msg
		writeJSON(w, status, b)
		return
	}
	if status == s.statusOf(err) {
		// The error page, in the site's layout (a 429 on the sign-in form).
		s.errorPage(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.WriteHeader(status)
	w.Write([]byte(msg + "\n"))
}
