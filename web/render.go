package web

import (
	"bytes"
	"embed"
	"fmt"
	"html/template"
	"io/fs"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"hezuo"
)

//go:embed templates
var templateFS embed.FS

// templates holds one parsed template set per page (the layout plus the page).
type templates struct{ pages map[string]*template.Template }

var funcs = template.FuncMap{
	"add":  func(a, b int) int { return a + b },
	"pct":  func(x float64) string { return strconv.FormatFloat(x*100, 'f', 1, 64) + "%" },
	"join": strings.Join,
}

func parseTemplates() (*templates, error) {
	t := &templates{pages: map[string]*template.Template{}}
	names, err := fs.Glob(templateFS, "templates/*.html")
	if err != nil {
		return nil, err
	}
	for _, n := range names {
		base := strings.TrimSuffix(strings.TrimPrefix(n, "templates/"), ".html")
		if base == "layout" {
			continue
		}
		p, err := template.New(base).Funcs(funcs).ParseFS(templateFS, "templates/layout.html", n)
		if err != nil {
			return nil, fmt.Errorf("template %s: %w", n, err)
		}
		t.pages[base] = p
	}
	return t, nil
}

// Page is what every page view holds: the language, the signed-in user, the
// CSRF token for its forms and the navigation entry to highlight.
type Page struct {
	Lang  string
	Title string
	Nav   string
	User  *hezuo.User
	CSRF  string
	Path  string // the request URI, for the language switch
	Flash string
	// ScopeName is the name of the user's scope (汪清县); ScopeLabel shows it.
	ScopeName string
	divs      *divNames // the page's division names (names.go)
}

// T returns the interface text of key in the page's language.
func (p Page) T(key string) string { return tr(p.Lang, key) }

// Name returns a code's label from a kind of code (web/i18n_labels.go) in the
// page's language: {{.Name "role" .Role}}.
func (p Page) Name(kind, code string) string { return label(p.Lang, kind, code) }

// IsAdmin and CanWrite tell the layout which links and buttons to show; the
// store enforces the same rules whatever the page shows.
func (p Page) IsAdmin() bool  { return p.User != nil && p.User.Access().CanAdmin() }
func (p Page) CanWrite() bool { return p.User != nil && p.User.Access().CanWrite() }
func (p Page) CanAudit() bool {
	return p.User != nil && (p.User.Role == hezuo.RoleCountyAdmin || p.User.Role == hezuo.RoleAuditor)
}

// LangURL is the URL switching to the other language and back here.
func (p Page) LangURL() string {
	other := "en"
	if p.Lang == "en" {
		other = "zh"
	}
	return "/lang/" + other + "?next=" + url.QueryEscape(p.Path)
}

// page returns the Page of a request.
func (s *Server) pageOf(r *http.Request, nav, titleKey string) Page {
	p := Page{Lang: langOf(r), Nav: nav, Path: r.URL.RequestURI(), divs: newDivNames(r, s.db, s.today())}
	p.Title = tr(p.Lang, titleKey)
	p.Flash = flashOf(r, p.Lang)
	if sess := sessionOf(r); sess != nil {
		p.User, p.CSRF, p.ScopeName = sess.User, sess.CSRF, sess.ScopeName
	}
	return p
}

// render executes page name with view v and writes it with status st.
func (s *Server) render(w http.ResponseWriter, st int, name string, v any) error {
	t, ok := s.tmpl.pages[name]
	if !ok {
		return fmt.Errorf("no template %s", name)
	}
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, "layout", v); err != nil {
		return err
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(st)
	_, err := buf.WriteTo(w)
	return err
}

// errorView is the error page.
type errorView struct {
	Page
	Status  int
	Message string
}

// errorPage renders err with its status.
func (s *Server) errorPage(w http.ResponseWriter, r *http.Request, err error) {
	st := s.statusOf(err)
	v := errorView{Page: s.pageOf(r, "", "error"), Status: st, Message: s.errText(r, err)}
	if rerr := s.render(w, st, "error", v); rerr != nil {
		s.opt.Log.Printf("error page: %v", rerr)
		http.Error(w, v.Message, st)
	}
}

// Pager is a list's page navigation.
type Pager struct {
	Total, Page, Pages int
	More               bool   // more rows than Total (a capped count): shown "Total+"
	Prev, Next         string // URLs, "" at the ends
}

// pager returns the navigation of page (from 1) of total rows, keeping the
// request's other query parameters.
func pager(r *http.Request, total, page int) Pager {
	per := hezuo.PageSize
	pages := (total + per - 1) / per
	if page < 1 {
		page = 1
	}
	p := Pager{Total: total, Page: page, Pages: pages}
	at := func(n int) string {
		q := r.URL.Query()
		q.Set("page", strconv.Itoa(n))
		return r.URL.Path + "?" + q.Encode()
	}
	if page > 1 {
		p.Prev = at(page - 1)
	}
	if page < pages {
		p.Next = at(page + 1)
	}
	return p
}

// SortURL returns the list URL sorted by key (descending when already
// ascending by it).
func sortURL(r *http.Request, key string) string {
	q := r.URL.Query()
	if q.Get("sort") == key {
		key = "-" + key
	}
	q.Set("sort", key)
	q.Del("page")
	return r.URL.Path + "?" + q.Encode()
}

// intParam reads a positive integer query parameter (def when absent or bad).
func intParam(r *http.Request, name string, def int) int {
	n, err := strconv.Atoi(r.URL.Query().Get(name))
	if err != nil || n < 1 {
		return def
	}
	return n
}
