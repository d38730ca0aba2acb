package web

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"

	"hezuo"
	"hezuo/sqldb/dbtest"
)

func TestAPILoginLockoutAndSessions(t *testing.T) {
	forEachDB(t, func(t *testing.T, a *app) {
		c := a.anon(t)
		if st := c.getJSON("/api/stats", nil); st != http.StatusUnauthorized {
			t.Errorf("stats without a session: %d, want 401", st)
		}
		if st, _ := c.postJSON("/api/login", map[string]string{"username": "townA", "password": "wrong"}); st != http.StatusUnauthorized {
			t.Errorf("wrong password: %d, want 401", st)
		}
		for i := 0; i < 4; i++ {
			c.postJSON("/api/login", map[string]string{"username": "townA", "password": "wrong"})
		}
		if st, body := c.postJSON("/api/login", map[string]string{"username": "townA", "password": pw}); st != http.StatusTooManyRequests {
			t.Errorf("6th attempt (right password) after 5 failures: %d %s, want 429", st, body)
		}
		// Another user is not locked by townA's failures.
		a.login(t, "townB")
		a.clock.Add(16 * time.Minute)
		u := a.login(t, "townA")
		if st := u.getJSON("/api/me", nil); st != http.StatusOK {
			t.Errorf("after the lock ends: %d", st)
		}
		// Idle timeout: 31 minutes without a request ends the session.
		a.clock.Add(31 * time.Minute)
		if st := u.getJSON("/api/me", nil); st != http.StatusUnauthorized {
			t.Errorf("idle session: %d, want 401", st)
		}
		// Logout: a form POST without the token is refused; JSON needs none.
		u = a.login(t, "townA")
		req, _ := http.NewRequest("POST", u.base+"/api/logout", strings.NewReader("x=1"))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		if st, _ := u.do(req); st != http.StatusForbidden {
			t.Errorf("logout without CSRF token: %d, want 403", st)
		}
		if st, _ := u.postJSON("/api/logout", map[string]string{}); st != http.StatusOK {
			t.Errorf("logout: %d", st)
		}
		if st := u.getJSON("/api/me", nil); st != http.StatusUnauthorized {
			t.Errorf("after logout: %d, want 401", st)
		}
		// The audit log holds the refusals and the sign-ins.
		entries, _, err := a.db.AuditLog(context.Background(), hezuo.System, hezuo.AuditFilter{Action: hezuo.ActionLogin, User: "townA", PerPage: 100})
		if err != nil || len(entries) < 7 {
			t.Errorf("login audit entries: %d %v", len(entries), err)
		}
	})
}

func TestSessionCookieFlags(t *testing.T) {
	a := newApp(t, dbtest.SQLite(t), Options{Secure: true})
	c := a.anon(t)
	b, _ := json.Marshal(map[string]string{"username": "admin", "password": pw})
	resp, err := http.Post(c.base+"/api/login", "application/json", strings.NewReader(string(b)))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	var found bool
	for _, ck := range resp.Cookies() {
		if ck.Name == sessionCookie {
			found = true
			if !ck.HttpOnly || !ck.Secure || ck.SameSite != http.SameSiteLaxMode || len(ck.Value) < 40 {
				t.Errorf("session cookie %+v: want HttpOnly, Secure, SameSite=Lax and a long token", ck)
			}
		}
	}
	if !found {
		t.Fatal("no session cookie")
	}
}

func TestAPIFigures(t *testing.T) {
	forEachDB(t, func(t *testing.T, a *app) {
		ctx := context.Background()
		c := a.login(t, "admin")
		var got map[string]any
		if st := c.getJSON("/api/stats?as_of=2022-06-08", &got); st != http.StatusOK {
			t.Fatalf("stats: %d", st)
		}
		want, _ := a.db.Stats(ctx, hezuo.Scope{Prefix: "222424"}, hezuo.MustDate("2022-06-08"))
		wb, _ := json.Marshal(want)
		var wm map[string]any
		json.Unmarshal(wb, &wm)
		gb, _ := json.Marshal(got)
		wb, _ = json.Marshal(wm)
		if string(gb) != string(wb) {
			t.Errorf("GET /api/stats differs from Stats:\n got %s\nwant %s", gb, wb)
		}
		for path, v := range map[string]float64{"orgs.total": 168, "cooperatives.members": 11532, "party_orgs.joint_branches": 75} {
			parts := strings.Split(path, ".")
			if x := got[parts[0]].(map[string]any)[parts[1]]; x != v {
				t.Errorf("%s = %v, want %v", path, x, v)
			}
		}
		if st := c.getJSON("/api/stats?as_of=2022-02-30", nil); st != http.StatusUnprocessableEntity {
			t.Errorf("bad as_of: %d, want 422", st)
		}
		var rows []map[string]any
		if st := c.getJSON("/api/check?scope="+townA, &rows); st != http.StatusOK || len(rows) == 0 {
			t.Fatalf("check: %d, %d rows", st, len(rows))
		}
		for _, k := range []string{"org_id", "name", "kind", "registered", "full_party_members", "probationary_party_members", "required", "actual", "status", "managed_by", "reasons"} {
			if _, ok := rows[0][k]; !ok {
				t.Errorf("check row lacks %q", k)
			}
		}
		for _, r := range rows {
			if !strings.HasPrefix(r["village"].(string), townA) {
				t.Errorf("check?scope=%s returned %v", townA, r["org_id"])
			}
		}
	})
}

func TestAPIOrgsAndPeople(t *testing.T) {
	forEachDB(t, func(t *testing.T, a *app) {
		c := a.login(t, "admin")
		var list struct {
			Items []map[string]any `json:"items"`
			Total int              `json:"total"`
		}
		if st := c.getJSON("/api/orgs", &list); st != http.StatusOK || list.Total != 168 || len(list.Items) != hezuo.PageSize {
			t.Fatalf("orgs: %d total %d items %d", st, list.Total, len(list.Items))
		}
		for _, k := range []string{"org_id", "name", "kind", "registered", "village"} {
			if _, ok := list.Items[0][k]; !ok {
				t.Errorf("org item lacks %q", k)
			}
		}
		c.getJSON("/api/orgs?page=9", &list)
		if len(list.Items) != 168-8*hezuo.PageSize {
			t.Errorf("last page: %d items", len(list.Items))
		}
		// Following the cursors gives the pages the numbers give.
		var byNumber, byCursor []any
		for page := 1; page <= 9; page++ {
			var p struct{ Items []map[string]any }
			c.getJSON("/api/orgs?page="+itoa(int64(page)), &p)
			for _, it := range p.Items {
				byNumber = append(byNumber, it["org_id"])
			}
		}
		var cur struct {
			Items      []map[string]any
			Next, Prev string
		}
		var prevs []string
		for path := "/api/orgs"; ; path = "/api/orgs?after=" + url.QueryEscape(cur.Next) {
			cur.Next = ""
			if st := c.getJSON(path, &cur); st != http.StatusOK {
				t.Fatalf("%s: %d", path, st)
			}
			for _, it := range cur.Items {
				byCursor = append(byCursor, it["org_id"])
			}
			prevs = append(prevs, cur.Prev)
			if cur.Next == "" || len(prevs) > 20 {
				break
			}
		}
		if !reflect.DeepEqual(byCursor, byNumber) || len(byCursor) != 168 || prevs[0] != "" || prevs[1] == "" {
			t.Errorf("cursor walk: %d orgs, by number %d; prev cursors %q", len(byCursor), len(byNumber), prevs)
		}
		c.getJSON("/api/orgs?before="+url.QueryEscape(prevs[len(prevs)-1]), &cur)
		if len(cur.Items) != hezuo.PageSize || cur.Items[0]["org_id"] != byNumber[7*hezuo.PageSize] {
			t.Errorf("page before the last: %d items from %v", len(cur.Items), cur.Items[0]["org_id"])
		}
		c.getJSON("/api/orgs?q="+url.QueryEscape("绥芬农机"), &list)
		if list.Total != 1 || list.Items[0]["org_id"] != orgDept {
			t.Errorf("search 绥芬农机: %v", list.Items)
		}
		var org map[string]any
		if st := c.getJSON("/api/orgs/"+orgSec, &org); st != http.StatusOK {
			t.Fatalf("org: %d", st)
		}
		if org["members"].(float64) < 1 || org["rule"] == nil || org["rule"].(map[string]any)["status"] == "" {
			t.Errorf("org detail lacks members or rule: %v", org)
		}
		if st := c.getJSON("/api/orgs/NO-SUCH", nil); st != http.StatusNotFound {
			t.Errorf("unknown org: %d", st)
		}
		var people struct {
			Items []hezuo.PersonItem `json:"items"`
			Total int                `json:"total"`
		}
		if st := c.getJSON("/api/people?org_id="+orgSec, &people); st != http.StatusOK || people.Total == 0 {
			t.Fatalf("people: %d %d", st, people.Total)
		}
		p0 := people.Items[0]
		if !strings.Contains(p0.IDNumber, "********") || len(p0.IDNumber) != 18 {
			t.Errorf("list ID number not masked: %q", p0.IDNumber)
		}
		// The county administrator sees the whole number, and it is audited.
		var p hezuo.PersonDetail
		if st := c.getJSON("/api/people/"+itoa(p0.ID), &p); st != http.StatusOK || strings.Contains(p.IDNumber, "*") || p.Masked {
			t.Errorf("admin person view: %d %q", st, p.IDNumber)
		}
		if p.IDNumber[:6] != p0.IDNumber[:6] || p.IDNumber[14:] != p0.IDNumber[14:] {
			t.Errorf("mask %q does not match %q", p0.IDNumber, p.IDNumber)
		}
		entries, _, _ := a.db.AuditLog(context.Background(), hezuo.System, hezuo.AuditFilter{Action: hezuo.ActionView, User: "admin"})
		if len(entries) != 1 || entries[0].Key != p0.IDNumber {
			t.Errorf("unmasked view audit: %+v", entries)
		}
		// Also by the whole ID number.
		if st := c.getJSON("/api/people/"+p.IDNumber, nil); st != http.StatusOK {
			t.Errorf("person by ID number: %d", st)
		}
		// The auditor and the department officer see it masked, unaudited.
		for _, who := range []string{"auditor", "dept"} {
			var q hezuo.PersonDetail
			u := a.login(t, who)
			if st := u.getJSON("/api/people/"+itoa(p0.ID), &q); st != http.StatusOK || q.IDNumber != p0.IDNumber || !q.Masked {
				t.Errorf("%s person view: %d %q", who, st, q.IDNumber)
			}
		}
		entries, _, _ = a.db.AuditLog(context.Background(), hezuo.System, hezuo.AuditFilter{Action: hezuo.ActionView})
		if len(entries) != 2 { // the administrator's two views, not the masked ones
			t.Errorf("views audited: %d entries, want 2", len(entries))
		}
		if st := c.getJSON("/api/nothing", nil); st != http.StatusNotFound {
			t.Errorf("unknown endpoint: %d", st)
		}
	})
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }
