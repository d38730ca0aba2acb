package web

import (
	"go/ast"
	"go/token"
	"net/http"
	"net/http/httptest"
	"slices"
	"strconv"
	"testing"
)

// TestAreas: every registered area has its link's text in both languages,
// its link's id (if any) named after it, and its link going to one of its
// routes, not to the not-found page; every record the audit filter offers
// has a label in both languages, once.
func TestAreas(t *testing.T) {
	if len(areas) == 0 {
		t.Fatal("no area registered")
	}
	s := &Server{mux: http.NewServeMux()}
	s.routes()
	for _, a := range areas {
		if m, ok := messages[a.Nav]; !ok || m[0] == "" || m[1] == "" {
			t.Errorf("area %q: its nav text is not in both languages (%q)", a.Nav, m)
		}
		if a.ID != "" && a.ID != "nav-"+a.Nav {
			t.Errorf("area %q: link id %q", a.Nav, a.ID)
		}
		if _, pat := s.mux.Handler(httptest.NewRequest(http.MethodGet, a.Path, nil)); pat == "/" || pat == "" {
			t.Errorf("area %q: its link %s goes to no route of its (%q)", a.Nav, a.Path, pat)
		}
	}
	seen := map[string]bool{}
	for _, e := range auditEntities() {
		if seen[e] {
			t.Errorf("the audit filter offers %q twice", e)
		}
		seen[e] = true
		if l, ok := enumLabels["entity"][e]; !ok || l[0] == "" || l[1] == "" {
			t.Errorf("the audit filter's record %q has no label in both languages", e)
		}
	}
}

// TestAuditFilterComplete: every kind of record with an audit label is
// offered by the audit page's filter (an area's Audit) or is one of the
// records below, written only along with another or by an import. A new
// kind of record whose area forgets to name it fails here.
func TestAuditFilterComplete(t *testing.T) {
	notOffered := []string{"department", "unit", "guarantor", "guarantee", "fee_subsidy", "training_attendance",
		"meeting_attendance", "contact_link", "audit_retention"}
	offered := auditEntities()
	for e := range enumLabels["entity"] {
		if _, isKind := importKindNames["kind_"+e]; isKind { // an import's entry, named by its KIND
			continue
		}
		if !slices.Contains(offered, e) && !slices.Contains(notOffered, e) {
			t.Errorf("record %q has a label but the audit filter does not offer it: name it in its area's Audit", e)
		}
	}
	for _, e := range notOffered {
		if slices.Contains(offered, e) {
			t.Errorf("record %q is offered, yet listed here as not", e)
		}
	}
}

// TestNavKeysAreAreas: every nav key a page highlights (pageOf,
// registryPage) is a registered area's, so a page whose area forgets to
// register fails here.
func TestNavKeysAreAreas(t *testing.T) {
	fset := token.NewFileSet()
	keys := map[string]string{} // nav key → where
	parsedSources(t, ".", fset, func(_ string, af *ast.File) {
		ast.Inspect(af, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			at := map[string]int{"pageOf": 1, "registryPage": 2}
			var name string
			switch fn := call.Fun.(type) {
			case *ast.SelectorExpr:
				name = fn.Sel.Name
			case *ast.Ident:
				name = fn.Name
			case *ast.IndexExpr: // registryPage[T]
				if id, ok := fn.X.(*ast.Ident); ok {
					name = id.Name
				}
			}
			i, ok := at[name]
			if !ok || len(call.Args) <= i {
				return true
			}
			if lit, ok := call.Args[i].(*ast.BasicLit); ok && lit.Kind == token.STRING {
				if k, err := strconv.Unquote(lit.Value); err == nil && k != "" {
					keys[k] = fset.Position(lit.Pos()).String()
				}
			}
			return true
		})
	})
	if len(keys) < len(areas)/2 {
		t.Fatalf("found only %d nav keys: %v", len(keys), keys)
	}
	for k, where := range keys {
		if !slices.ContainsFunc(areas, func(a area) bool { return a.Nav == k }) {
			t.Errorf("%s: nav key %q is no registered area's", where, k)
		}
	}
}
