package web

import (
	"bytes"
	"encoding/json"
	"go/ast"
	"go/token"
	"html"
	"net/http"
	"net/url"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// The crawl's tools: the code keys, a page's visible text, the leaks, a checker that posts and reads.

// codeKeys returns every code the application stores and could show: each
// key the label table knows, and the values of the string constants naming
// roles, audit actions, org kinds, forms, statuses, meeting kinds, loan
// statuses… and the rules' keys (rule names, settings, verdicts), read from
// the source so that a new constant is checked without anyone listing it.
func codeKeys(t *testing.T) map[string]string {
	t.Helper()
	keys := map[string]string{}
	for kind, m := range enumLabels {
		for code := range m {
			keys[code] = "label " + kind
		}
	}
	prefixes := map[string][]string{
		"..":       {"Role", "Action", "Kind", "Form", "Status", "Meeting", "Loan", "Source", "Mode", "Poverty", "Fulfilled", "Joint", "Level", "Duty", "List", "Rate", "Sex"},
		"../rules": {"Rule", "Key", "Required", "Actual", "Status", "Cover", "Dev", "Overdue", "Step", "Manager"},
		"../plan":  {"Rule"},
	}
	for dir, pre := range prefixes {
		parsedSources(t, dir, token.NewFileSet(), func(f string, af *ast.File) {
			for _, d := range af.Decls {
				g, ok := d.(*ast.GenDecl)
				if !ok || g.Tok != token.CONST {
					continue
				}
				for _, s := range g.Specs {
					vs := s.(*ast.ValueSpec)
					for i, n := range vs.Names {
						if i >= len(vs.Values) || !hasAnyPrefix(n.Name, pre) {
							continue
						}
						lit, ok := vs.Values[i].(*ast.BasicLit)
						if !ok || lit.Kind != token.STRING {
							continue
						}
						if v, err := strconv.Unquote(lit.Value); err == nil && len(v) > 1 {
							keys[v] = filepath.Base(f) + " " + n.Name
						}
					}
				}
			}
		})
	}
	return keys
}

func hasAnyPrefix(s string, pre []string) bool {
	for _, p := range pre {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

// visibleText returns what a reader of an HTML page sees: its text, the
// placeholders and titles of its fields, and the strings of its JSON data
// islands (the charts' labels and legends come from there). Elements
// marked translate="no" hold data as it was entered (a user's name) and are
// left out.
func visibleText(page string) string {
	var b strings.Builder
	for _, m := range jsonIslandRe.FindAllStringSubmatch(page, -1) {
		var v any
		if json.Unmarshal([]byte(html.UnescapeString(m[1])), &v) == nil {
			jsonStrings(v, &b)
		}
	}
	page = scriptRe.ReplaceAllString(page, " ")
	page = verbatimRe.ReplaceAllString(page, " ")
	for _, m := range attrTextRe.FindAllStringSubmatch(page, -1) {
		b.WriteString(" " + html.UnescapeString(m[1]))
	}
	b.WriteString(" " + html.UnescapeString(tagRe.ReplaceAllString(page, " ")))
	return b.String()
}

func jsonStrings(v any, b *strings.Builder) {
	switch v := v.(type) {
	case string:
		// A site path is where a chart's bar or slice leads, never shown.
		if !strings.HasPrefix(v, "/") {
			b.WriteString(" " + v)
		}
	case []any:
		for _, x := range v {
			jsonStrings(x, b)
		}
	case map[string]any:
		for _, x := range v {
			jsonStrings(x, b)
		}
	}
}

// leaks returns the code keys standing as words in text.
func leaks(text string, keys map[string]string) []string {
	seen := map[string]bool{}
	var out []string
	for _, w := range wordRe.FindAllString(text, -1) {
		if _, ok := keys[w]; ok && !seen[w] {
			seen[w] = true
			out = append(out, w)
		}
	}
	sort.Strings(out)
	return out
}

// context around the first occurrence of w in text, for the failure message.
func around(text, w string) string {
	i := regexp.MustCompile(`(^|[^A-Za-z0-9_-])` + regexp.QuoteMeta(w) + `($|[^A-Za-z0-9_-])`).FindStringIndex(text)
	if i == nil {
		return ""
	}
	lo, hi := max(0, i[0]-60), min(len(text), i[1]+60)
	return strings.Join(strings.Fields(text[lo:hi]), " ")
}

// zhChecker fetches pages as a client and records every code key a page
// shows in Chinese.
type zhChecker struct {
	t      *testing.T
	c      *client
	keys   map[string]string
	bad    map[string][]string // key → pages
	pages  int
	sheets int
}

func (z *zhChecker) check(where, body string) {
	text := visibleText(body)
	for _, w := range leaks(text, z.keys) {
		if len(z.bad[w]) < 3 {
			z.t.Errorf("%s shows %q (%s) in the Chinese UI: …%s…", where, w, z.keys[w], around(text, w))
		}
		z.bad[w] = append(z.bad[w], where)
	}
	z.pages++
}

// checkSheet checks every cell of a downloaded workbook.
func (z *zhChecker) checkSheet(where string, b []byte) {
	f, err := excelize.OpenReader(bytes.NewReader(b))
	if err != nil {
		z.t.Errorf("%s: %v", where, err)
		return
	}
	defer f.Close()
	var sb strings.Builder
	for _, sh := range f.GetSheetList() {
		rows, _ := f.GetRows(sh)
		for _, r := range rows {
			sb.WriteString(" " + strings.Join(r, " "))
		}
	}
	for _, w := range leaks(sb.String(), z.keys) {
		if len(z.bad[w]) < 3 {
			z.t.Errorf("%s shows %q (%s) in a Chinese download: …%s…", where, w, z.keys[w], around(sb.String(), w))
		}
		z.bad[w] = append(z.bad[w], where)
	}
	z.sheets++
}

// post posts a form and checks the page it answers with (a form with its
// errors) or, after a redirect, the page it leads to (with its flash).
func (z *zhChecker) post(path string, form url.Values) (int, string) {
	z.t.Helper()
	if _, ok := form["csrf"]; !ok {
		form.Set("csrf", z.c.csrf)
	}
	req, _ := http.NewRequest("POST", z.c.base+path, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	resp, err := z.c.hc.Do(req)
	if err != nil {
		z.t.Fatal(err)
	}
	var buf bytes.Buffer
	buf.ReadFrom(resp.Body)
	resp.Body.Close()
	loc := resp.Header.Get("Location")
	if resp.StatusCode == http.StatusSeeOther && strings.HasPrefix(loc, "/") {
		_, body := z.c.get(loc)
		z.check("POST "+path+" → "+loc, body)
		return resp.StatusCode, loc
	}
	z.check("POST "+path, buf.String())
	return resp.StatusCode, buf.String()
}

// pattern is a URL with its digits blurred and its query's values dropped
// but for the filters: the crawl fetches a few URLs of each.
func pattern(u *url.URL) string {
	p := regexp.MustCompile(`[0-9]+`).ReplaceAllString(u.Path, "#")
	if strings.HasSuffix(p, ".xlsx") {
		return p // one download of each list
	}
	q := u.Query()
	var ks []string
	for k := range q {
		switch k {
		case "status", "kind", "form", "action", "entity", "step", "state", "mode", "party", "talent", "result":
			ks = append(ks, k+"="+q.Get(k)) // a filter by a kind of code: each value
		default:
			ks = append(ks, k)
		}
	}
	sort.Strings(ks)
	return p + "?" + strings.Join(ks, "&")
}
