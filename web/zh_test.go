package web

import (
	"bytes"
	"context"
	"fmt"
	"html"
	"net/http"
	"net/url"
	"regexp"
	"sort"
	"strings"
	"testing"

	"hezuo"
	"hezuo/sqldb/dbtest"
)

var (
	jsonIslandRe = regexp.MustCompile(`(?s)<script type="application/json"[^>]*>(.*?)</script>`)
	scriptRe     = regexp.MustCompile(`(?s)<script.*?</script>|<style.*?</style>`)
	verbatimRe   = regexp.MustCompile(`<([a-z0-9]+)[^>]*\btranslate="no"[^>]*>[^<]*</([a-z0-9]+)>`)
	attrTextRe   = regexp.MustCompile(`\b(?:placeholder|title|aria-label|alt)="([^"]*)"`)
	tagRe        = regexp.MustCompile(`<[^>]*>`)
	wordRe       = regexp.MustCompile(`[A-Za-z0-9_-]+`)
	hrefRe       = regexp.MustCompile(`\b(?:href|hx-get)="(/[^"]*)"`)
)

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
