package web

import (
	"net/http"

	"hezuo"
)

// registryView is one of the smaller registries' lists (party
// organizations, instructors, divisions): filters, rows and pages.
type registryView[T any] struct {
	Page
	listPage[hezuo.ListFilter, T]
	Scope string
	Forms []string
	Today string
}

// registryList completes the spec of a smaller registry's list: its page,
// its download and its API read the same query (listFilter).
func registryList[T any](l listSpec[hezuo.ListFilter, T]) listSpec[hezuo.ListFilter, T] {
	l.filter = listFilter
	l.paging = func(f *hezuo.ListFilter) (*int, *int) { return &f.Page, &f.PerPage }
	return l
}

// registryPage reads the request's page of list l into the view of list
// nav.
func registryPage[T any](s *Server, r *http.Request, nav string, l listSpec[hezuo.ListFilter, T]) (registryView[T], error) {
	list, err := l.page(s, r)
	v := registryView[T]{Page: s.pageOf(r, nav, nav), listPage: list, Scope: r.URL.Query().Get("scope"), Today: s.today().String()}
	return v, err
}
