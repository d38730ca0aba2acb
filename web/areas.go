package web

import (
	"fmt"
	"net/http"
	"slices"
)

// area is one part of the site, registered from its own file (loans.go:
// var _ = addArea(area{…})) as a database/sql driver registers itself:
// its link in the nav and the records of the audit log its pages write;
// its pages and API endpoints are declared beside their handlers
// (pageRoute, apiRoute). The layout's nav shows the links in order
// (NavLinks) and the audit page's filter offers the records
// (auditEntities); a new area touches no shared file. TestAreas checks
// each is complete.
type area struct {
	// Nav is the area's key: the Page.Nav of its pages, which highlights
	// its link, and the key of the link's text (i18n_<area>.go).
	Nav string
	// Path is where the link goes; ID is its id attribute ("nav-loans"),
	// "" for none.
	Path, ID string
	// At is the link's place in the nav, ascending.
	At int
	// Sees tells whether a page shows the link (the role's); nil: every
	// signed-in user. The store enforces the roles whatever the nav shows.
	Sees func(Page) bool
	// Texts names the area's catalog of interface texts
	// (i18n_<texts>.go: addMessages(texts, …)), "" when its texts are in
	// "common" or another area's; areas may share one ("figures").
	Texts string
	// Audit names the records the area's pages write, as the audit log
	// names them (hezuo.AuditEntry.Entity), in the filter's order.
	Audit []string
	// Routes registers routes that a line beside their handler cannot
	// (pageRoute, apiRoute): a pattern per report format, a body limit.
	Routes func(s *Server, m *http.ServeMux)
}

// areas are the registered areas in the nav's order.
var areas []area

// addArea registers a; it panics when an area has a's key or place.
func addArea(a area) bool {
	for _, b := range areas {
		if b.Nav == a.Nav || b.At == a.At {
			panic(fmt.Sprintf("web: areas %q and %q: same key or place %d", b.Nav, a.Nav, a.At))
		}
	}
	i, _ := slices.BinarySearchFunc(areas, a.At, func(b area, at int) int { return b.At - at })
	areas = slices.Insert(areas, i, a)
	return true
}

// NavLink is one link of the nav as the layout shows it.
type NavLink struct {
	Path, ID, Text string
	On             bool // the page is the area's
}

// NavLinks returns the nav's links the page's user sees, in order.
func (p Page) NavLinks() []NavLink {
	var out []NavLink
	for _, a := range areas {
		if a.Sees == nil || a.Sees(p) {
			out = append(out, NavLink{Path: a.Path, ID: a.ID, Text: p.T(a.Nav), On: p.Nav == a.Nav})
		}
	}
	return out
}

// auditEntities returns the records the audit log's filter offers: those
// the areas' pages write, in the areas' order, then the ones no area's
// form writes — sessions (signing in), lending rates and divisions (the
// command line, imports) and the log's own purges.
func auditEntities() []string {
	var out []string
	for _, a := range areas {
		out = append(out, a.Audit...)
	}
	return append(out, "session", "lending_rate", "division", "audit_log")
}

// handler is a page's or API endpoint's handler as a method expression:
// (*Server).trainingsPage.
type handler = func(*Server, http.ResponseWriter, *http.Request) error

// route is a page or API endpoint registered beside its handler:
//
//	var _ = pageRoute("GET /trainings", (*Server).trainingsPage)
//
// so that a handler's file says where it answers; routes adds them all.
type route struct {
	pattern string
	api     bool // answered by s.api (JSON, 401 without a session), else s.page
	h       handler
}

// routeList holds the registered routes.
var routeList []route

// pageRoute registers a page: it needs a session, else it redirects to
// /login (Server.page).
func pageRoute(pattern string, h handler) bool {
	routeList = append(routeList, route{pattern: pattern, h: h})
	return true
}

// apiRoute registers a JSON API endpoint: it answers 401 without a
// session (Server.api).
func apiRoute(pattern string, h handler) bool {
	routeList = append(routeList, route{pattern: pattern, api: true, h: h})
	return true
}

// handle adds rt to s's mux.
func (s *Server) handle(rt route) {
	h := func(w http.ResponseWriter, r *http.Request) error { return rt.h(s, w, r) }
	if rt.api {
		s.mux.HandleFunc(rt.pattern, s.api(h))
	} else {
		s.mux.HandleFunc(rt.pattern, s.page(h))
	}
}
