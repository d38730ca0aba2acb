package web

import "net/http"

// routes registers every page and API endpoint: the shell's — assets,
// signing in and out, the language, the picker, what is not found — and
// each handler's, registered beside it (pageRoute, apiRoute), and the
// areas' own (areas.go). Pages need a session (else
// they redirect to /login); API endpoints answer 401 without one.
func (s *Server) routes() {
	m := s.mux
	m.Handle("GET /assets/", assetHandler())
	m.HandleFunc("GET /favicon.ico", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/assets/favicon.svg", http.StatusMovedPermanently)
	})
	m.HandleFunc("GET /login", s.loginPage)
	m.HandleFunc("POST /login", s.loginSubmit)
	m.HandleFunc("GET /lang/{lang}", s.switchLang)
	m.HandleFunc("POST /logout", s.page(s.logoutSubmit))
	m.HandleFunc("POST /api/login", s.apiLogin)
	m.HandleFunc("POST /api/logout", s.api(s.apiLogout))
	m.HandleFunc("GET /api/me", s.api(s.apiMe))
	m.HandleFunc("GET /api/pick", s.api(s.apiPick))
	for _, rt := range routeList {
		s.handle(rt)
	}
	for _, a := range areas {
		if a.Routes != nil {
			a.Routes(s, m)
		}
	}
	m.HandleFunc("/api/", s.api(s.apiNotFound))
	m.HandleFunc("/", s.page(s.notFoundPage))
}
