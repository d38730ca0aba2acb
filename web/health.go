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
	writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
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
		writeJSON(w, http.StatusServiceUnavailable, map[string]any{"status": "unavailable", "reason": "database unreachable"})
	case have != want:
		writeJSON(w, http.StatusServiceUnavailable, map[string]any{"status": "unavailable", "reason": "schema not current", "schema_version": have, "want": want})
	default:
		rep, err := s.db.Replication(ctx)
		switch {
		case err != nil:
			s.opt.Logger.Error("readyz: database unreachable", "err", err)
			writeJSON(w, http.StatusServiceUnavailable, map[string]any{"status": "unavailable", "reason": "database unreachable"})
		case rep.Role == "standby":
			writeJSON(w, http.StatusServiceUnavailable, map[string]any{"status": "unavailable", "reason": "database is a standby", "schema_version": have, "database": rep})
		default:
			writeJSON(w, http.StatusOK, map[string]any{"status": "ready", "schema_version": have, "database": rep})
		}
	}
}
