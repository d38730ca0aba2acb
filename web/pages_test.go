package web

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"hezuo"
	"hezuo/sqldb/dbtest"
)

// validCredit returns a valid unified social credit code not in the demo.
func validCredit(t *testing.T) string {
	for i := 7000; ; i++ {
		if c := hezuo.MakeCreditCode("93", "222424", fmt.Sprintf("%08d", i)); c != "" {
			return c
		}
	}
}

func TestPagesRender(t *testing.T) {
	a := newApp(t, dbtest.SQLite(t), Options{})
	anon := a.anon(t)
	if st, _ := anon.get("/orgs"); st != http.StatusSeeOther {
		t.Errorf("signed-out page: %d, want a redirect to /login", st)
	}
	if st, body := anon.get("/login"); st != http.StatusOK || !strings.Contains(body, `name="csrf"`) {
		t.Errorf("login page: %d", st)
	}
	c := a.login(t, "admin")
	var pid int64
	a.db.QueryRowContext(context.Background(), `SELECT min(id) FROM people`).Scan(&pid)
	pages := map[string]string{
		"/":                                     "chart-data",
		"/?as_of=2022-06-08":                    "168",
		"/orgs":                                 "WQ-HZ-001",
		"/orgs?kind=association&sort=-name":     "WQ-XH",
		"/orgs/new":                             `name="credit_code"`,
		"/orgs/" + orgSec:                       "rule-result",
		"/orgs/" + orgSec + "/edit":             orgSec,
		"/people":                               "********",
		"/people?party=1&talent=1":              "people",
		fmt.Sprintf("/people/%d", pid):          "id-number",
		"/partyorgs":                            "joint_branch",
		"/partyorgs?form=joint_branch":          "联合",
		"/instructors":                          "WQ-",
		"/divisions?form=township":              "罗子沟镇",
		"/check":                                "townships",
		"/check?status=all&scope=" + townA:      "WQ-HZ-001",
		"/users":                                "townA",
		"/audit":                                "login",
		"/assets/app.css":                       "PingFang SC",
		"/assets/app.js":                        "echarts.init",
		"/assets/vendor/echarts/echarts.min.js": "echarts",
		"/assets/vendor/htmx/htmx.min.js":       "htmx",
		"/assets/vendor/echarts/LICENSE":        "Apache License",
	}
	for path, want := range pages {
		st, body := c.get(path)
		if st != http.StatusOK || !strings.Contains(body, want) {
			t.Errorf("GET %s: %d, want 200 containing %q", path, st, want)
		}
		if strings.Contains(body, "http://") || strings.Contains(body, "https://") {
			if !strings.HasPrefix(path, "/assets/") {
				t.Errorf("GET %s refers to another host", path)
			}
		}
	}
	if st, _ := c.get("/nowhere"); st != http.StatusNotFound {
		t.Errorf("unknown page: %d", st)
	}
	// English switch.
	if st, _ := c.get("/lang/en?next=/orgs"); st != http.StatusSeeOther {
		t.Errorf("lang switch: %d", st)
	}
	if _, body := c.get("/"); !strings.Contains(body, "Dashboard") || !strings.Contains(body, `lang="en"`) {
		t.Errorf("English dashboard not in English")
	}
	// A form without the CSRF token is refused.
	if st, _ := c.postForm("/orgs/new", url.Values{"csrf": {"forged"}, "org_id": {"X"}}); st != http.StatusForbidden {
		t.Errorf("forged CSRF token: %d, want 403", st)
	}
}

func TestLoginForm(t *testing.T) {
	a := newApp(t, dbtest.SQLite(t), Options{})
	c := a.anon(t)
	_, body := c.get("/login?next=/check")
	tok := between(body, `name="csrf" value="`, `"`)
	if st, body := c.postForm("/login", url.Values{"csrf": {tok}, "username": {"admin"}, "password": {"nope"}, "next": {"/check"}}); st != http.StatusUnauthorized || !strings.Contains(body, "login-error") {
		t.Errorf("wrong password: %d", st)
	}
	if st, _ := c.postForm("/login", url.Values{"csrf": {"other"}, "username": {"admin"}, "password": {pw}}); st != http.StatusForbidden {
		t.Errorf("login without the form's token: %d, want 403", st)
	}
	req, _ := http.NewRequest("POST", c.base+"/login", strings.NewReader(url.Values{"csrf": {tok}, "username": {"admin"}, "password": {pw}, "next": {"//evil.example/"}}.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	resp, err := c.hc.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "/" {
		t.Errorf("login redirect: %d %q, want / (never another host)", resp.StatusCode, resp.Header.Get("Location"))
	}
	if st, _ := c.get("/check"); st != http.StatusOK {
		t.Errorf("after form login: %d", st)
	}
	_, body = c.get("/")
	csrf := between(body, `name="csrf" value="`, `"`)
	if st, _ := c.postForm("/logout", url.Values{"csrf": {csrf}}); st != http.StatusSeeOther {
		t.Errorf("logout: %d", st)
	}
	if st, _ := c.get("/check"); st != http.StatusSeeOther {
		t.Errorf("after logout: %d, want a redirect", st)
	}
}

func between(s, from, to string) string {
	i := strings.Index(s, from)
	if i < 0 {
		return ""
	}
	s = s[i+len(from):]
	return s[:strings.Index(s, to)]
}

func TestOrgFormFlow(t *testing.T) {
	forEachDB(t, func(t *testing.T, a *app) {
		c := a.login(t, "townA")
		var village string
		a.db.QueryRowContext(context.Background(), `SELECT min(code) FROM divisions WHERE code LIKE '222424102%' AND level = 'village'`).Scan(&village)
		form := url.Values{"org_id": {"NEW-1"}, "name": {"测试黑木耳专业合作社"}, "kind": {"cooperative"}, "village": {village},
			"registered_on": {"2024-03-01"}, "credit_code": {"91222424MA00000000"}, "industry": {"黑木耳"}, "households_driven": {"12"}, "founded": {"2024-02-01"}}
		st, body := c.postForm("/orgs/new", form)
		errs := fieldErrors(body)
		if st != http.StatusUnprocessableEntity || errs["credit_code"] == "" || len(errs) != 1 {
			t.Fatalf("bad credit code: %d %v, want 422 with an error beside credit_code", st, errs)
		}
		if !strings.Contains(body, `value="测试黑木耳专业合作社"`) {
			t.Error("the form lost what was typed")
		}
		form.Set("households_driven", "many")
		form.Set("founded", "2024-02-30")
		_, body = c.postForm("/orgs/new", form)
		if errs := fieldErrors(body); errs["households_driven"] == "" || errs["founded"] == "" {
			t.Errorf("parse errors: %v", errs)
		}
		form.Set("households_driven", "12")
		form.Set("founded", "2024-02-01")
		form.Set("credit_code", validCredit(t))
		if st, body := c.postForm("/orgs/new", form); st != http.StatusSeeOther {
			t.Fatalf("valid org: %d %v", st, fieldErrors(body))
		}
		if st, _ := c.postForm("/orgs/new", form); st != http.StatusUnprocessableEntity {
			t.Errorf("same org_id again: %d, want 422", st)
		}
		// It shows up on the check page as a blank spot of its township.
		_, body = c.get("/check")
		if !strings.Contains(body, "测试黑木耳专业合作社") {
			t.Error("the new org is not on the check page")
		}
		// Edit with the right version, then with a stale one.
		d, err := a.db.GetOrg(context.Background(), hezuo.System, "NEW-1", hezuo.Today(hezuo.China), hezuo.Today(hezuo.China))
		if err != nil {
			t.Fatal(err)
		}
		form.Set("version", fmt.Sprint(d.Version))
		form.Set("name", "测试黑木耳专业合作社（改）")
		if st, _ := c.postForm("/orgs/NEW-1/edit", form); st != http.StatusSeeOther {
			t.Errorf("edit: %d", st)
		}
		if st, body := c.postForm("/orgs/NEW-1/edit", form); st != http.StatusUnprocessableEntity || !strings.Contains(body, "form-error") {
			t.Errorf("stale edit: %d, want the conflict shown", st)
		}
		if st, _ := c.postForm("/orgs/NEW-1/end", url.Values{"confirm": {"1"}, "dissolved": {hezuo.Today(hezuo.China).AddDays(30).String()}, "version": {fmt.Sprint(d.Version + 1)}}); st != http.StatusSeeOther {
			t.Errorf("end: %d", st)
		}
		entries, _, _ := a.db.AuditLog(context.Background(), hezuo.System, hezuo.AuditFilter{Entity: "org", Q: "NEW-1"})
		if len(entries) != 3 || entries[0].Action != hezuo.ActionEnd || entries[1].Before == "" || !strings.Contains(entries[1].After, "（改）") || entries[2].User != "townA" {
			t.Errorf("audit of the org: %+v", entries)
		}
		adm := a.login(t, "admin")
		if _, body := adm.get("/audit?q=NEW-1"); !strings.Contains(body, "NEW-1") {
			t.Error("audit page does not find the org's changes")
		}
	})
}

func TestUserAdministration(t *testing.T) {
	a := newApp(t, dbtest.SQLite(t), Options{})
	c := a.login(t, "admin")
	form := url.Values{"name": {"newtown"}, "role": {"township_officer"}, "scope": {"222424"}, "password": {pw}}
	if st, body := c.postForm("/users", form); st != http.StatusUnprocessableEntity || !strings.Contains(body, "field-error") {
		t.Errorf("township officer with a county scope: %d", st)
	}
	form.Set("scope", townB)
	if st, _ := c.postForm("/users", form); st != http.StatusSeeOther {
		t.Fatalf("create user: %d", st)
	}
	u := a.login(t, "newtown")
	var s hezuo.Stats
	u.getJSON("/api/stats", &s)
	if s.Scope != townB {
		t.Errorf("new user's scope %q", s.Scope)
	}
	var id int64
	a.db.QueryRowContext(context.Background(), `SELECT id FROM users WHERE name = 'newtown'`).Scan(&id)
	if st, _ := c.postForm(fmt.Sprintf("/users/%d", id), url.Values{"confirm": {"1"}, "op": {"disable"}}); st != http.StatusSeeOther {
		t.Errorf("disable: %d", st)
	}
	if st := u.getJSON("/api/me", nil); st != http.StatusUnauthorized {
		t.Errorf("disabled user's session: %d, want 401", st)
	}
	if st, _ := u.postJSON("/api/login", map[string]string{"username": "newtown", "password": pw}); st != http.StatusUnauthorized {
		t.Errorf("disabled user logs in: %d", st)
	}
}
