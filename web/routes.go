package web

import (
	"net/http"

	"hezuo/report"
)

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
	m.HandleFunc("GET /people/new", s.page(s.personNewPage))
	m.HandleFunc("POST /people/new", s.page(s.personNewSubmit))
	m.HandleFunc("GET /people/{id}", s.page(s.personPage))
	m.HandleFunc("GET /people/{id}/edit", s.page(s.personEditPage))
	m.HandleFunc("POST /people/{id}/edit", s.page(s.personEditSubmit))
	m.HandleFunc("POST /people/{id}/end", s.page(s.personEndSubmit))
	m.HandleFunc("POST /people/{id}/memberships", s.page(s.personJoinSubmit))
	m.HandleFunc("GET /memberships/{id}/edit", s.page(s.membershipEditPage))
	m.HandleFunc("POST /memberships/{id}/edit", s.page(s.membershipEditSubmit))
	m.HandleFunc("POST /memberships/{id}/end", s.page(s.membershipEndSubmit))
	m.HandleFunc("GET /partyorgs", s.page(s.partyOrgsPage))
	m.HandleFunc("GET /partyorgs/new", s.page(s.partyOrgNewPage))
	m.HandleFunc("POST /partyorgs/new", s.page(s.partyOrgNewSubmit))
	m.HandleFunc("GET /partyorgs/{no}/edit", s.page(s.partyOrgEditPage))
	m.HandleFunc("POST /partyorgs/{no}/edit", s.page(s.partyOrgEditSubmit))
	m.HandleFunc("POST /partyorgs/{no}/end", s.page(s.partyOrgEndSubmit))
	m.HandleFunc("GET /instructors", s.page(s.instructorsPage))
	m.HandleFunc("GET /dispatches/new", s.page(s.dispatchNewPage))
	m.HandleFunc("POST /dispatches/new", s.page(s.dispatchNewSubmit))
	m.HandleFunc("POST /dispatches/end", s.page(s.dispatchEndSubmit))
	m.HandleFunc("GET /plan", s.page(s.planPage))
	m.HandleFunc("POST /plan/joint", s.page(s.planJointSubmit))
	m.HandleFunc("POST /plan/instructors", s.page(s.planInstructorsSubmit))
	m.HandleFunc("GET /divisions", s.page(s.divisionsPage))
	m.HandleFunc("GET /check", s.page(s.checkPage))
	m.HandleFunc("GET /users", s.page(s.usersPage))
	m.HandleFunc("POST /users", s.page(s.userCreateSubmit))
	m.HandleFunc("POST /users/{id}", s.page(s.userChangeSubmit))
	m.HandleFunc("GET /audit", s.page(s.auditPage))

	// Spreadsheets in and out, and the report (issues 4 and 6).
	m.HandleFunc("GET /import", s.page(s.importPage))
	m.HandleFunc("POST /import", limitBody(maxUpload+1<<20, s.page(s.importSubmit)))
	m.HandleFunc("POST /import/confirm", s.page(s.importConfirm))
	m.HandleFunc("GET /import/{token}/errors.xlsx", s.page(s.importErrors))
	m.HandleFunc("GET /templates/{file}", s.page(s.templateDownload))
	m.HandleFunc("GET /orgs.xlsx", s.page(s.orgsDownload))
	m.HandleFunc("GET /people.xlsx", s.page(s.peopleDownload))
	m.HandleFunc("GET /partyorgs.xlsx", s.page(s.partyOrgsDownload))
	m.HandleFunc("GET /instructors.xlsx", s.page(s.instructorsDownload))
	m.HandleFunc("GET /divisions.xlsx", s.page(s.divisionsDownload))
	m.HandleFunc("GET /check.xlsx", s.page(s.checkDownload))
	m.HandleFunc("GET /report", s.page(s.reportPage))
	for _, f := range report.Formats {
		m.HandleFunc("GET /report."+f, s.page(s.reportDownload))
	}

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
