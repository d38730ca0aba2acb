package web

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"html"
	"io/fs"
	"net/http"
	"net/url"
	"path/filepath"
	"reflect"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"hezuo"
	"hezuo/sqldb/dbtest"
)

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
		files, err := filepath.Glob(filepath.Join(dir, "*.go"))
		if err != nil {
			t.Fatal(err)
		}
		fset := token.NewFileSet()
		for _, f := range files {
			if strings.HasSuffix(f, "_test.go") {
				continue
			}
			af, err := parser.ParseFile(fset, f, nil, 0)
			if err != nil {
				t.Fatal(err)
			}
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
		}
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

var (
	jsonIslandRe = regexp.MustCompile(`(?s)<script type="application/json"[^>]*>(.*?)</script>`)
	scriptRe     = regexp.MustCompile(`(?s)<script.*?</script>|<style.*?</style>`)
	verbatimRe   = regexp.MustCompile(`<([a-z0-9]+)[^>]*\btranslate="no"[^>]*>[^<]*</([a-z0-9]+)>`)
	attrTextRe   = regexp.MustCompile(`\b(?:placeholder|title|aria-label|alt)="([^"]*)"`)
	tagRe        = regexp.MustCompile(`<[^>]*>`)
	wordRe       = regexp.MustCompile(`[A-Za-z0-9_-]+`)
	hrefRe       = regexp.MustCompile(`\b(?:href|hx-get)="(/[^"]*)"`)
)

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

var versionRe = regexp.MustCompile(`name="version" value="(\d+)"`)

// TestChineseAllThrough fetches, as a county administrator in Chinese,
// every page the navigation leads to and the pages they link to (a few of
// each kind: lists with each filter, an org, a person, a party
// organization's form, a loan, a meeting, a training…), the audit log after
// writes of many kinds, the users page, the plan and the check with each
// filter, the report page and the lists' downloads, and fails on any code
// key (county_admin, view, group_or_joint, joint_branch…) shown as a word.
func TestChineseAllThrough(t *testing.T) {
	a := newApp(t, dbtest.SQLite(t), Options{})
	ctx := context.Background()
	c := a.login(t, "admin")
	if st, _ := c.get("/lang/zh?next=/"); st != http.StatusSeeOther {
		t.Fatalf("lang switch: %d", st)
	}
	z := &zhChecker{t: t, c: c, keys: codeKeys(t), bad: map[string][]string{}}
	for _, k := range []string{"county_admin", "group_or_joint", "own_org", "joint_branch", "view", "end", "members_meeting", "disbursed"} {
		if _, ok := z.keys[k]; !ok {
			t.Fatalf("the code keys lack %q", k)
		}
	}

	// Writes of many kinds, so that the audit log holds their entries.
	bad := a.anon(t)
	bad.postJSON("/api/login", map[string]string{"username": "admin", "password": "wrong password 1"})
	id := newIDNumber(7)
	st, loc := z.post("/people/new", url.Values{"id_number": {id}, "name": {"中文测试"}, "village": {villageOf(t, a, townA)}, "phone": {"13900002222"}})
	m := locationID.FindStringSubmatch(loc)
	if st != http.StatusSeeOther || m == nil {
		t.Fatalf("create person: %d %s", st, loc)
	}
	pid := m[1]
	z.post("/people/"+pid+"/memberships", url.Values{"org_id": {orgSec}, "role": {"成员"}, "from": {"2024-01-01"}})
	z.post("/people/"+pid+"/memberships", url.Values{"org_id": {orgSec}, "role": {"成员"}, "from": {"2024-01-01"}}) // refused: overlaps
	z.post("/people/"+pid+"/end", url.Values{"to": {hezuo.Today(hezuo.China).String()}})
	z.post("/people/new", url.Values{"id_number": {"123"}, "name": {""}}) // every error at once
	_, orgPage := c.get("/orgs/" + orgB)
	if v := versionRe.FindStringSubmatch(orgPage); v != nil {
		z.post("/orgs/"+orgB+"/end", url.Values{"dissolved": {hezuo.Today(hezuo.China).String()}, "version": {v[1]}})
	}
	var ins int64
	a.db.QueryRowContext(ctx, a.db.Rebind(`SELECT min(id) FROM instructors WHERE township = ?`), townA).Scan(&ins)
	z.post("/dispatches/new", url.Values{"instructor": {fmt.Sprint(ins)}, "org_id": {"WQ-HZ-028"}, "from": {"2024-03-01"}})
	z.post("/dispatches/end", url.Values{"instructor": {fmt.Sprint(ins)}, "org_id": {"WQ-HZ-028"}, "from": {"2024-03-01"}, "to": {"2024-09-01"}})
	z.post("/users", url.Values{"name": {"zhtest"}, "role": {hezuo.RoleTownshipOfficer}, "scope": {townA}, "password": {pw}})
	z.post("/users", url.Values{"name": {"zhtest"}, "role": {"nobody"}, "scope": {"x"}, "password": {"1"}}) // refused
	var uid int64
	a.db.QueryRowContext(ctx, `SELECT id FROM users WHERE name = 'zhtest'`).Scan(&uid)
	z.post(fmt.Sprintf("/users/%d", uid), url.Values{"op": {"disable"}})
	z.post(fmt.Sprintf("/users/%d", uid), url.Values{"op": {"enable"}})
	z.post(fmt.Sprintf("/users/%d", uid), url.Values{"op": {"password"}, "password": {pw + "x"}})

	// A loan applied for, approved and disbursed; an import checked with
	// problems, and one written.
	fx := findLoanFixture(t, a)
	today := hezuo.Today(hezuo.China)
	z.post("/loans/new", url.Values{"no": {"T-ZH-1"}, "borrower": {fx.borrower}, "org_id": {orgSec}, "purpose": {"购置农机"},
		"for_cooperative": {"1"}, "lender": {"农村信用社"}, "amount": {"50,000"}, "rate": {"4.35"}, "term_months": {"12"},
		"applied_on": {today.AddDays(-120).String()}, "households_driven": {"12"}, "guarantor_a": {fx.guarantor}, "guarantee_a": {"10000"}})
	for i, act := range []string{"approve", "disburse"} {
		var d struct{ Version int }
		c.getJSON("/api/loans/T-ZH-1", &d)
		z.post("/loans/T-ZH-1/status", url.Values{"action": {act}, "on": {today.AddDays(-110 + 10*i).String()}, "version": {fmt.Sprint(d.Version)}})
	}
	village := villageOf(t, a, townA)
	_, body := c.upload("/import", map[string]string{"kind": "orgs"}, "坏.csv", []byte(orgsHeader+"T-ZH-2,,什么,也许,123,,2020-13-01\n"))
	z.check("POST /import (problems)", body)
	_, body = c.upload("/import", map[string]string{"kind": "orgs"}, "好.csv", []byte(orgsHeader+"T-ZH-3,中文检查协会,产业协会,否,"+village+",黑木耳,2020-05-01\n"))
	z.check("POST /import", body)
	if m := tokenRe.FindStringSubmatch(body); m != nil {
		_, body = c.postForm("/import/confirm", url.Values{"token": {m[1]}})
		z.check("POST /import/confirm", body)
	} else {
		t.Error("the import preview offers no confirmation")
	}

	// The crawl.
	seeds := []string{"/", "/todo", "/orgs", "/people", "/partyorgs", "/instructors", "/divisions", "/check",
		"/check?status=all", "/check?status=ok", "/check?status=should_build", "/check?status=uncovered",
		"/check?status=all&scope=" + townA, "/institutions", "/institutions/overdue", "/institutions/commitments",
		"/institutions/contacts", "/trainings", "/development", "/loans", "/loans/queue", "/loans/subsidies",
		"/assistance", "/report", "/report.html", "/report.xlsx", "/import", "/plan", "/plan?township=" + townA, "/users", "/audit",
		"/orgs/" + orgSec, "/orgs/" + orgIns, "/orgs/" + orgB, "/people/" + pid, "/nowhere", "/orgs/NO-SUCH-ORG",
		"/?as_of=2022-06-08", "/orgs?kind=association", "/orgs?kind=union", "/people?party=1",
		"/loans?status=overdue", "/loans?status=repaid", "/development?state=overdue", "/loans/T-ZH-1", "/audit?entity=loan"}
	for _, act := range []string{hezuo.ActionCreate, hezuo.ActionUpdate, hezuo.ActionEnd, hezuo.ActionView, hezuo.ActionLogin, hezuo.ActionUser, actionImport} {
		seeds = append(seeds, "/audit?action="+act)
	}
	seen, perPattern := map[string]bool{}, map[string]int{}
	queue := append([]string{}, seeds...)
	for _, s := range seeds {
		seen[s] = true
	}
	const maxPages, perKind = 700, 1
	for len(queue) > 0 && z.pages+z.sheets < maxPages {
		path := queue[0]
		queue = queue[1:]
		req, _ := http.NewRequest("GET", c.base+path, nil)
		resp, err := c.hc.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		buf.ReadFrom(resp.Body)
		resp.Body.Close()
		ct := resp.Header.Get("Content-Type")
		switch {
		case resp.StatusCode == http.StatusSeeOther || resp.StatusCode == http.StatusFound:
			continue
		case strings.Contains(ct, "spreadsheetml"):
			z.checkSheet("GET "+path, buf.Bytes())
			continue
		case !strings.HasPrefix(ct, "text/html"):
			continue
		}
		body := buf.String()
		z.check(fmt.Sprintf("GET %s (%d)", path, resp.StatusCode), body)
		for _, m := range hrefRe.FindAllStringSubmatch(body, -1) {
			href := html.UnescapeString(m[1])
			u, err := url.Parse(href)
			if err != nil || seen[href] {
				continue
			}
			switch {
			case strings.HasPrefix(u.Path, "/lang/"), strings.HasPrefix(u.Path, "/assets/"), strings.HasPrefix(u.Path, "/api/"),
				strings.HasPrefix(u.Path, "/templates/"), strings.HasPrefix(u.Path, "/report.") && u.Path != "/report.html" && u.Path != "/report.xlsx", strings.HasPrefix(u.Path, "/import/"):
				continue
			}
			if q := u.Query(); q.Get("lang") == "en" {
				continue
			}
			p := pattern(u)
			if perPattern[p] >= perKind {
				continue
			}
			perPattern[p]++
			seen[href] = true
			queue = append(queue, href)
		}
	}
	// Every role's header and dashboard.
	for _, u := range fixtureUsers {
		if u.Name == "admin" {
			continue
		}
		uc := a.login(t, u.Name)
		for _, path := range []string{"/", "/orgs"} {
			st, body := uc.get(path)
			z.check(fmt.Sprintf("GET %s as %s (%d)", path, u.Name, st), strings.ReplaceAll(body, ">"+u.Name+" · ", "> · "))
		}
	}
	t.Logf("checked %d pages and %d workbooks in Chinese; %d left in the queue", z.pages, z.sheets, len(queue))
	if z.pages < 80 {
		t.Errorf("only %d pages checked", z.pages)
	}
	for _, want := range []string{"/audit", "/users", "/plan", "/report", "/loans/", "/institutions/meetings/", "/trainings/", "/partyorgs/"} {
		found := false
		for s := range seen {
			if strings.HasPrefix(s, want) {
				found = true
			}
		}
		if !found {
			t.Errorf("the crawl never reached %s…", want)
		}
	}
	if len(z.bad) > 0 {
		var ks []string
		for k, v := range z.bad {
			ks = append(ks, fmt.Sprintf("%s×%d", k, len(v)))
		}
		sort.Strings(ks)
		t.Errorf("code keys in the Chinese UI: %s", strings.Join(ks, " "))
	}
}

// TestLabelsBothLanguages: every code of every kind has a Chinese and an
// English label, the Chinese one in Chinese; every message has both
// languages.
func TestLabelsBothLanguages(t *testing.T) {
	han := regexp.MustCompile(`\p{Han}`)
	for _, kind := range labelKinds() {
		for code, l := range enumLabels[kind] {
			if l[0] == "" || l[1] == "" {
				t.Errorf("%s %q: labels %q", kind, code, l)
			}
			if !han.MatchString(l[0]) {
				t.Errorf("%s %q: Chinese label %q has no Chinese", kind, code, l[0])
			}
			if label("zh", kind, code) == code || label("en", kind, code) == code && l[1] != code {
				t.Errorf("%s %q shows as its code", kind, code)
			}
		}
	}
	for k, v := range messages {
		if strings.TrimSpace(v[0]) == "" || strings.TrimSpace(v[1]) == "" {
			t.Errorf("message %q lacks a language: %q", k, v)
		}
	}
	// The domain tables are all in the label table.
	for kind, m := range map[string]map[string]string{"kind": hezuo.KindNames, "form": hezuo.FormNames, "required": hezuo.RequiredNames,
		"actual": hezuo.ActualNames, "status": hezuo.StatusLabels, "level": hezuo.LevelNames, "role": hezuo.RoleNames,
		"party": hezuo.StatusNames, "rate_kind": hezuo.RateKindNames, "poverty": hezuo.PovertyNames, "meeting": hezuo.MeetingNames,
		"result": hezuo.FulfilmentNames, "loan": hezuo.LoanStatusNames, "source": hezuo.SourceNames, "mode": hezuo.ModeNames} {
		for code := range m {
			if _, ok := enumLabels[kind][code]; !ok {
				t.Errorf("%s %q has no label", kind, code)
			}
		}
	}
	// Every kind a template names exists: a misspelt kind would show codes.
	kindRe := regexp.MustCompile(`\{\{[^}]*?(?:\.Name|label \$?\.Lang) "([a-z_]+)"`)
	names, _ := fs.Glob(templateFS, "templates/*.html")
	uses := 0
	for _, n := range names {
		b, _ := fs.ReadFile(templateFS, n)
		for _, m := range kindRe.FindAllStringSubmatch(string(b), -1) {
			uses++
			if _, ok := enumLabels[m[1]]; !ok {
				t.Errorf("%s names the kind %q, which has no labels", n, m[1])
			}
		}
	}
	if uses < 20 {
		t.Errorf("only %d uses of a kind's labels found in the templates", uses)
	}
	for _, r := range hezuo.Roles {
		if _, ok := enumLabels["role"][r]; !ok {
			t.Errorf("role %q has no label", r)
		}
	}
}

// TestAuditRecordsNamed: every record the audit log can hold — each kind
// of the demo county's records, read back from the store — shows in
// Chinese with every field named in Chinese and no code as a value.
func TestAuditRecordsNamed(t *testing.T) {
	a := newApp(t, dbtest.SQLite(t), Options{})
	ctx := context.Background()
	ds, err := a.db.Dump(ctx, hezuo.Scope{})
	if err != nil {
		t.Fatal(err)
	}
	if err := a.db.DumpPlatforms(ctx, hezuo.Scope{}, ds); err != nil {
		t.Fatal(err)
	}
	entities := map[string]string{"Divisions": "division", "Departments": "department", "Orgs": "org", "People": "person",
		"Memberships": "membership", "PartyStatus": "party_status", "PartyOrgs": "party_org", "Officers": "officer",
		"Instructors": "instructor", "Dispatches": "dispatch", "Units": "unit", "UnitPairings": "unit_pairing",
		"Households": "household", "HouseholdPairings": "household_pairing", "Guarantors": "guarantor", "Loans": "loan",
		"Repayments": "repayment", "Guarantees": "guarantee", "FeeSubsidies": "fee_subsidy", "Trainings": "training",
		"TrainingAttendances": "training_attendance", "Meetings": "meeting", "MeetingAttendances": "meeting_attendance",
		"ContactLinks": "contact_link", "ContactVisits": "contact_visit", "Commitments": "commitment"}
	keys := codeKeys(t)
	han := regexp.MustCompile(`\p{Han}`)
	v := reflect.ValueOf(ds).Elem()
	for i := 0; i < v.NumField(); i++ {
		f := v.Type().Field(i)
		if f.Type.Kind() != reflect.Slice {
			continue
		}
		entity, ok := entities[f.Name]
		if !ok {
			t.Errorf("Dataset.%s: which audit entity?", f.Name)
			continue
		}
		if label("zh", "entity", entity) == entity {
			t.Errorf("entity %q has no label", entity)
		}
		s := v.Field(i)
		if s.Len() == 0 {
			t.Errorf("the demo has no %s", f.Name)
		}
		step := max(1, s.Len()/300) // a spread of each kind's records
		badNames, badValues := map[string]bool{}, map[string]bool{}
		for j := 0; j < s.Len(); j += step {
			b, err := json.Marshal(s.Index(j).Interface())
			if err != nil {
				t.Fatal(err)
			}
			for _, fl := range auditFields("zh", entity, string(b)) {
				if !han.MatchString(fl.Name) {
					badNames[fl.Name] = true
				}
				for _, w := range leaks(fl.Value, keys) {
					badValues[fl.Name+"="+w] = true
				}
			}
		}
		for n := range badNames {
			t.Errorf("%s: the field %q has no Chinese name", entity, n)
		}
		for n := range badValues {
			t.Errorf("%s: a code shows as a value: %s", entity, n)
		}
	}
}
