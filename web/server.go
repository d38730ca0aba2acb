// Package web is hezuo's web application: server-rendered pages
// (html/template, Chinese first with an English switch), the JSON API under
// /api/ (cli.md's HTTP section), sessions, CSRF protection and the embedded
// assets (ECharts, htmx, CSS) vendored from npm. Handlers are thin: they
// parse the request, call the scoped store (sqldb, which narrows every query
// by the signed-in user's Access) and render a typed view. Error codes are
// mapped to HTTP statuses in one place (errors.go).
package web

import (
	"log"
	"net/http"
	"time"

	"hezuo/sqldb"
)

// Options tune a Server. Zero values take the defaults.
type Options struct {
	Secure      bool          // mark cookies Secure (serve behind TLS)
	IdleTimeout time.Duration // sessions end after this long unused (default 30 minutes)
	MaxAge      time.Duration // and this long after sign-in (default 12 hours)
	TrendPoints int           // dashboard trend: as-of day and this many years before it (default 5)
	Now         func() time.Time
	Log         *log.Logger
}

// Server is the web application over one database.
type Server struct {
	db   *sqldb.DB
	opt  Options
	mux  *http.ServeMux
	tmpl *templates
	// uploads are the spreadsheets uploaded for import, waiting for
	// their confirmation.
	uploads uploads
}

// New returns the web application over db.
func New(db *sqldb.DB, opt Options) (*Server, error) {
	if opt.IdleTimeout == 0 {
		opt.IdleTimeout = 30 * time.Minute
	}
	if opt.MaxAge == 0 {
		opt.MaxAge = 12 * time.Hour
	}
	if opt.TrendPoints == 0 {
		opt.TrendPoints = 5
	}
	if opt.Now == nil {
		opt.Now = time.Now
	}
	if opt.Log == nil {
		opt.Log = log.Default()
	}
	t, err := parseTemplates()
	if err != nil {
		return nil, err
	}
	s := &Server{db: db, opt: opt, mux: http.NewServeMux(), tmpl: t}
	s.routes()
	return s, nil
}

// ServeHTTP serves one request.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	// Everything comes from this host: the policy makes a stray external
	// reference fail loudly in the browser instead of leaking a request.
	h.Set("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; frame-ancestors 'none'; form-action 'self'")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "same-origin")
	h.Set("X-Frame-Options", "DENY")
	s.mux.ServeHTTP(w, r)
}
