package web

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"strings"
	"testing"
)

// parsedSources parses the non-test Go files of the package in dir and
// calls fn with each file's path and syntax; positions resolve in fset.
func parsedSources(t *testing.T, dir string, fset *token.FileSet, fn func(path string, f *ast.File)) {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil {
		t.Fatal(err)
	}
	for _, path := range files {
		if strings.HasSuffix(path, "_test.go") {
			continue
		}
		af, err := parser.ParseFile(fset, path, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		fn(path, af)
	}
}
