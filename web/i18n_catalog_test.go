package web

import (
	"go/ast"
	"go/token"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// TestMessageCatalogs: every interface text is registered once, by one
// area's catalog, and says something in both languages.
func TestMessageCatalogs(t *testing.T) {
	if len(duplicateMessages) > 0 {
		slices.Sort(duplicateMessages)
		t.Errorf("keys registered by two catalogs (the later silently wins): %v", duplicateMessages)
	}
	for k, v := range messages {
		if v[0] == "" || v[1] == "" {
			t.Errorf("message %q lacks a language: %q", k, v)
		}
	}
	if len(messagesArea) < len(messages) {
		t.Errorf("%d messages, %d with an area", len(messages), len(messagesArea))
	}
}

// TestMessageAreas: a catalog belongs to one of the system's areas
// (messageAreas), not to the change that added it, and lives in that
// area's file, i18n_<area>.go or i18n_<area>_*.go — so a new text joins
// the catalog of the pages that use it.
func TestMessageAreas(t *testing.T) {
	used := map[string]int{}
	declared := messageAreas()
	for k, a := range messagesArea {
		if !slices.Contains(declared, a) {
			t.Errorf("message %q is in area %q, not one of %v", k, a, declared)
		}
		used[a]++
	}
	for _, a := range declared {
		if used[a] == 0 {
			t.Errorf("area %q is declared but has no catalog", a)
		}
	}
	fset := token.NewFileSet()
	parsedSources(t, ".", fset, func(f string, af *ast.File) {
		ast.Inspect(af, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			if id, ok := call.Fun.(*ast.Ident); !ok || id.Name != "addMessages" || len(call.Args) == 0 {
				return true
			}
			area, err := "", error(nil)
			lit, ok := call.Args[0].(*ast.BasicLit)
			if ok {
				area, err = strconv.Unquote(lit.Value)
			}
			if !ok || err != nil {
				t.Errorf("%s: addMessages with an area that is not a literal", fset.Position(call.Pos()))
				return true
			}
			if f != "i18n_"+area+".go" && !strings.HasPrefix(f, "i18n_"+area+"_") {
				t.Errorf("%s: the catalog of area %q belongs in i18n_%s.go", fset.Position(call.Pos()), area, area)
			}
			return true
		})
	})
}
