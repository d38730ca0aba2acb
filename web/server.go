// Package web is hezuo's web application: server-rendered pages
// (html/template, Chinese first with an English switch), the JSON API under
// /api/ (cli.md's HTTP section), sessions, CSRF protection and the embedded
// assets (ECharts, htmx, CSS) vendored from npm. Handlers are thin: they
// parse the request, call the store's doors (package store, which narrow every query
// by the signed-in user's Access) and render a typed view. Error codes are
// mapped to HTTP statuses in one place (errors.go).
package web

import (
	"log"
	"log/slog"
	"net/http"
	"time"

	"hezuo/store"
)

// Options tune a Server. Zero values take the defaults.
type Options struct {
	Secure      bool          // mark cookies Secure (serve behind TLS)
	IdleTimeout time.Duration // sessions end after this long unused (default 30 minutes)
	MaxAge      time.Duration // and this long after sign-in (default 12 hours)
	TrendPoints int           // dashboard trend: as-of day and this many years before it (default 5)
	Now         func() time.Time
	Log         *log.Logger
	Logger      *slog.Logger // the request log, one line per request (default slog.Default())
	TrustProxy  bool         // take the client address from X-Real-IP / X-Forwarded-For (behind nginx)
	Limits      Limits       // rate limits of sign-ins and imports
	// UploadDir is where uploaded spreadsheets wait for confirmation
	// (default <temp dir>/hezuo-uploads), each server in a directory of its
	// own; New removes what no running server holds (a crashed one's files).
	UploadDir string
}

// Server is the web application over one database.
type Server struct {
	db   store.Store
	opt  Options
	mux  *http.ServeMux
	tmpl *templates
	// uploads are the spreadsheets uploaded for import, waiting for
	// their confirmation.
	uploads uploads
	limits  limiter       // rate-limit buckets
	h       http.Handler  // the routes inside the middleware
	stop    chan struct{} // closed by Close: ends the expiry of uploads
}

// New returns the web application over db.
func New(db store.Store, opt Options) (*Server, error) {
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
	if opt.Logger == nil {
		opt.Logger = slog.Default()
	}
	opt.Limits.defaults()
	t, err := parseTemplates()
	if err != nil {
		return nil, err
	}
	s := &Server{db: db, opt: opt, mux: http.NewServeMux(), tmpl: t, stop: make(chan struct{})}
	s.uploads.root = opt.UploadDir
	if n, err := s.uploads.sweep(time.Now()); err != nil {
		opt.Log.Printf("uploads: removing earlier servers' files: %v", err)
	} else if n > 0 {
		opt.Log.Printf("uploads: removed %d files or directories earlier servers left", n)
	}
	go s.expireUploads()
	s.routes()
	s.healthRoutes()
	s.h = s.handler()
	return s, nil
}

// Close removes the server's temporary files (spreadsheets uploaded and
// not yet confirmed); call it after the last request.
func (s *Server) Close() error {
	select {
	case <-s.stop:
	default:
		close(s.stop)
	}
	return s.uploads.close()
}

// expireUploads removes expired uploads every few minutes until Close.
func (s *Server) expireUploads() {
	t := time.NewTicker(5 * time.Minute)
	defer t.Stop()
	for {
		select {
		case <-s.stop:
			return
		case <-t.C:
			s.uploads.expire(s.opt.Now())
		}
	}
}

// ServeHTTP serves one request through the middleware (middleware.go).
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.h.ServeHTTP(w, r)
}
