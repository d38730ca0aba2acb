package web

import (
	"context"
	"net/http"
	"time"
)

// healthRoutes registers the probes of a load balancer or systemd
// watchdog; they need no session and reveal nothing but readiness.
func (s *Server) healthRoutes() {
	s.mux.HandleFunc("GET /healthz", s.healthz)
	s.mux.HandleFunc("GET /readyz", s.readyz)
}

// healthz: GET /healthz → 200 while the process serves requests.
func (s *Server) healthz(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, http.StatusOK, healthJSON{Status: "ok"})
}

// readyz: GET /readyz → 200 when the database answers within two seconds,
// is a primary (hezuo writes) and its schema is at this program's latest
// migration; 503 otherwise, with the reason. It reports the database's role
// ("primary", or "single" on SQLite), its standbys with their lag, and the
// read replica's lag (issue 20).
func (s *Server) readyz(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
	defer cancel()
	have, want, err := s.db.MigrationsCurrent(ctx)
	switch {
	case err != nil:
		s.opt.Logger.Error("readyz: database unreachable", "err", err)
		writeJSON(w, http.StatusServiceUnavailable, readyJSON{Status: "unavailable", Reason: "database unreachable"})
	case have != want:
		writeJSON(w, http.StatusServiceUnavailable, readyJSON{Status: "unavailable", Reason: "schema not current", SchemaVersion: &have, Want: &want})
	default:
		rep, err := s.db.Replication(ctx)
		switch {
		case err != nil:
			s.opt.Logger.Error("readyz: database unreachable", "err", err)
			writeJSON(w, http.StatusServiceUnavailable, readyJSON{Status: "unavailable", Reason: "database unreachable"})
		case rep.Role == "standby":
			writeJSON(w, http.StatusServiceUnavailable, readyJSON{Status: "unavailable", Reason: "database is a standby", SchemaVersion: &have, Database: &rep})
		default:
			writeJSON(w, http.StatusOK, readyJSON{Status: "ready", SchemaVersion: &have, Database: &rep})
		}
	}
}
