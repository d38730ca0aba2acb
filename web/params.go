package web

import (
	"net/http"
	"strings"

	"hezuo"
)

// scopeParam reads ?scope= ("" and "all" mean the user's whole scope).
func scopeParam(r *http.Request) (hezuo.Scope, error) {
	return hezuo.ParseScope(r.URL.Query().Get("scope"))
}

// dayParam reads ?as_of= (default the request's day, by the server's
// clock: requestDay).
func dayParam(r *http.Request) (hezuo.Date, error) {
	v := strings.TrimSpace(r.URL.Query().Get("as_of"))
	if v == "" {
		return requestDay(r), nil
	}
	return hezuo.ParseDate(v)
}

// orgFilter reads an org list's query: scope, q, kind, industry, ended, sort, page.
func orgFilter(r *http.Request) (hezuo.OrgFilter, error) {
	q := r.URL.Query()
	sc, err := scopeParam(r)
	if err != nil {
		return hezuo.OrgFilter{}, err
	}
	f := hezuo.OrgFilter{Scope: sc, Q: q.Get("q"), Industry: q.Get("industry"), Ended: q.Get("ended") != "",
		Sort: q.Get("sort"), Page: intParam(r, "page", 1)}
	if f.Day, err = optDate(q.Get("as_of")); err != nil { // existence on that day (default today)
		return f, err
	}
	if k := q.Get("kind"); k != "" {
		kind, ok := hezuo.ParseKind(k)
		if !ok {
			return f, hezuo.Invalid("", "kind", "类型无效", "invalid kind")
		}
		f.Kind = kind
	}
	return f, nil
}

// listFilter reads the smaller registries' query: scope, q, form, page,
// as_of (default today) and linked (the rows a dashboard figure counts).
func listFilter(r *http.Request) (hezuo.ListFilter, error) {
	sc, err := scopeParam(r)
	q := r.URL.Query()
	f := hezuo.ListFilter{Scope: sc, Q: q.Get("q"), Form: q.Get("form"), Sort: q.Get("sort"), Page: intParam(r, "page", 1),
		Linked: q.Get("linked") != ""}
	if err != nil {
		return f, err
	}
	f.Day, err = optDate(q.Get("as_of"))
	return f, err
}

// scopeDayParams returns the request's scope and as-of day (scopeParam,
// dayParam): the two parameters of every page and API read of a scope.
func scopeDayParams(r *http.Request) (hezuo.Scope, hezuo.Date, error) {
	sc, err := scopeParam(r)
	if err != nil {
		return sc, hezuo.Date{}, err
	}
	day, err := dayParam(r)
	return sc, day, err
}
