package web

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"hezuo/sqldb/dbtest"
)

// redirectAttacks are redirect targets that lead, in some browser or after
// some decoding, to another host or to a script.
var redirectAttacks = []string{
	"", "orgs", "//evil.com", "//evil.com/orgs", "/\\evil.com", "\\\\evil.com", "/\\/evil.com",
	"/\t/evil.com", "/\n/evil.com", "/\r/evil.com", "/\r\n/evil.com", "\t//evil.com", " //evil.com",
	"/%09/evil.com", "/%2F/evil.com", "/%2f%2fevil.com", "/%5Cevil.com", "/%0d%0a/evil.com",
	"/%zz", "/x\\..\\..\\evil.com", "/\x00/evil.com", "/\u2028/evil.com", "/\u00a0/evil.com", "/\x7f",
	"https://evil.com", "http://evil.com/", "HTTPS://evil.com", "javascript:alert(1)", "JaVaScRiPt:alert(1)",
	"data:text/html,<script>alert(1)</script>", "\x01javascript:alert(1)", "evil.com", "/\xff",
}

// TestLocalTarget: the one check of redirect targets keeps paths of this
// site and turns every attack into "/".
func TestLocalTarget(t *testing.T) {
	for _, bad := range redirectAttacks {
		if got := localTarget(bad); got != "/" {
			t.Errorf("localTarget(%q) = %q, want /", bad, got)
		}
	}
	for _, good := range []string{"/", "/orgs", "/orgs?q=%E5%A4%A9&sort=name", "/people/12/edit", "/check?as_of=2022-06-08",
		"/orgs/WQ-HZ-001", "/search?q=a%2Fb", "/天桥岭"} {
		if got := localTarget(good); got != good {
			t.Errorf("localTarget(%q) = %q, want it kept", good, got)
		}
	}
}

// TestRedirectsStayOnSite: the sign-in form (its next, shown and posted)
// and the language switch send every attack to "/" over HTTP.
func TestRedirectsStayOnSite(t *testing.T) {
	a := newApp(t, dbtest.SQLite(t), Options{})
	c := a.anon(t)
	location := func(req *http.Request) string {
		resp, err := c.hc.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("%s %s: %d, want 303", req.Method, req.URL, resp.StatusCode)
		}
		return resp.Header.Get("Location")
	}
	for _, bad := range redirectAttacks {
		req, _ := http.NewRequest("GET", c.base+"/lang/en?next="+url.QueryEscape(bad), nil)
		if loc := location(req); loc != "/" {
			t.Errorf("/lang/en?next=%q went to %q", bad, loc)
		}
		_, body := c.get("/login?next=" + url.QueryEscape(bad))
		if next := between(body, `name="next" value="`, `"`); next != "/" {
			t.Errorf("/login?next=%q keeps next %q in the form", bad, next)
		}
	}
	_, body := c.get("/login")
	tok := between(body, `name="csrf" value="`, `"`)
	for _, bad := range []string{"/\t/evil.com", "/%09/evil.com", "https://evil.com", "/\\evil.com"} {
		// A wrong password shows the form again: its next must be clean too.
		st, body := c.postForm("/login", url.Values{"csrf": {tok}, "username": {"admin"}, "password": {"nope"}, "next": {bad}})
		if next := between(body, `name="next" value="`, `"`); st != http.StatusUnauthorized || next != "/" {
			t.Errorf("refused login with next %q: %d, form keeps %q", bad, st, next)
		}
	}
	form := url.Values{"csrf": {tok}, "username": {"admin"}, "password": {pw}, "next": {"/\t/evil.com"}}
	req, _ := http.NewRequest("POST", c.base+"/login", strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	if loc := location(req); loc != "/" {
		t.Errorf("login with next /\\t/evil.com went to %q", loc)
	}
	req, _ = http.NewRequest("GET", c.base+"/lang/zh?next="+url.QueryEscape("/orgs?q=x"), nil)
	if loc := location(req); loc != "/orgs?q=x" {
		t.Errorf("the language switch went to %q, want back to /orgs?q=x", loc)
	}
}
