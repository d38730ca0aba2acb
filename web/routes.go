package web

import "net/http"

// routes registers every page and API endpoint. Pages need a session (else
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

	m.HandleFunc("GET /{$}", s.page(s.dashboardPage))
	m.HandleFunc("GET /orgs", s.page(s.orgsPage))
	m.HandleFunc("GET /orgs/new", s.page(s.orgNewPage))
	m.HandleFunc("POST /orgs/new", s.page(s.orgNewSubmit))
	m.HandleFunc("GET /orgs/{org_id}", s.page(s.orgPage))
	m.HandleFunc("GET /orgs/{org_id}/edit", s.page(s.orgEditPage))
	m.HandleFunc("POST /orgs/{org_id}/edit", s.page(s.orgEditSubmit))
	m.HandleFunc("POST /orgs/{org_id}/end", s.page(s.orgEndSubmit))
	m.HandleFunc("GET /people", s.page(s.peoplePage))
	m.HandleFunc("GET /people/{id}", s.page(s.personPage))
	m.HandleFunc("GET /partyorgs", s.page(s.partyOrgsPage))
	m.HandleFunc("GET /instructors", s.page(s.instructorsPage))
	m.HandleFunc("GET /divisions", s.page(s.divisionsPage))
	m.HandleFunc("GET /check", s.page(s.checkPage))
	m.HandleFunc("GET /users", s.page(s.usersPage))
	m.HandleFunc("POST /users", s.page(s.userCreateSubmit))
	m.HandleFunc("POST /users/{id}", s.page(s.userChangeSubmit))
	m.HandleFunc("GET /audit", s.page(s.auditPage))

	m.HandleFunc("POST /api/login", s.apiLogin)
	m.HandleFunc("POST /api/logout", s.api(s.apiLogout))
	m.HandleFunc("GET /api/me", s.api(s.apiMe))
	m.HandleFunc("GET /api/stats", s.api(s.apiStats))
	m.HandleFunc("GET /api/check", s.api(s.apiCheck))
	m.HandleFunc("GET /api/orgs", s.api(s.apiOrgs))
	m.HandleFunc("GET /api/orgs/{org_id}", s.api(s.apiOrg))
	m.HandleFunc("GET /api/people", s.api(s.apiPeople))
	m.HandleFunc("GET /api/people/{id}", s.api(s.apiPerson))
	m.HandleFunc("/api/", s.api(s.apiNotFound))
	m.HandleFunc("/", s.page(s.notFoundPage))
}
