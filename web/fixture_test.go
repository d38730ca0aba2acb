package web

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"hezuo"
	"hezuo/sqldb"
	"hezuo/sqldb/dbtest"
)

// Demo-county codes the tests use: two townships and orgs chosen so that
// every role reaches a different set.
const (
	townA   = "222424102" // 天桥岭镇
	townB   = "222424103" // 罗子沟镇
	orgSec  = "WQ-HZ-001" // town A, 农机: the branch secretary's org
	orgIns  = "WQ-HZ-011" // town A, 黑木耳: the instructor is dispatched here
	orgDept = "WQ-HZ-010" // town B, 农机: the NJZ department officer's
	orgB    = "WQ-HZ-009" // town B, 黄牛: nobody's but town B's
	pw      = "Correct horse battery 9"
)

// clock is a settable test clock.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *clock) Add(d time.Duration) {
	c.mu.Lock()
	c.t = c.t.Add(d)
	c.mu.Unlock()
}

// app is the web application over a demo database, served by httptest.
type app struct {
	db    *sqldb.DB
	srv   *httptest.Server
	clock *clock
	// instructorID is the ID number of the instructor dispatched to orgIns.
	instructorID string
}

// forEachDB runs fn against a fresh demo database of each kind (SQLite
// always, PostgreSQL when HEZUO_TEST_POSTGRES is set).
func forEachDB(t *testing.T, fn func(t *testing.T, a *app)) {
	for _, d := range dbtest.DSNs(t) {
		t.Run(d.Name, func(t *testing.T) { fn(t, newApp(t, d.DSN, Options{})) })
	}
}

// users of the fixture, by name: role, scope, subject.
var fixtureUsers = []hezuo.User{
	{Name: "admin", Role: hezuo.RoleCountyAdmin, Scope: "222424"},
	{Name: "auditor", Role: hezuo.RoleAuditor, Scope: "222424"},
	{Name: "townA", Role: hezuo.RoleTownshipOfficer, Scope: townA},
	{Name: "townB", Role: hezuo.RoleTownshipOfficer, Scope: townB},
	{Name: "dept", Role: hezuo.RoleDepartmentOfficer, Scope: "222424", Subject: "NJZ"},
	{Name: "secretary", Role: hezuo.RoleBranchSecretary, Scope: townA, Subject: orgSec},
	{Name: "instructor", Role: hezuo.RoleInstructor, Scope: townA},
}

func newApp(t *testing.T, dsn string, opt Options) *app {
	t.Helper()
	ctx := context.Background()
	copyDemo(t, dsn)
	db, err := sqldb.Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	a := &app{db: db, clock: &clock{t: time.Now()}}
	var sealed string // the ID number is stored sealed (sqldb/crypt.go)
	if err := db.QueryRowContext(ctx, `SELECT p.id_sealed FROM dispatches d JOIN instructors i ON i.id = d.instructor_id
		JOIN people p ON p.id = i.person_id JOIN orgs o ON o.id = d.org_id WHERE o.org_no = 'WQ-HZ-011' AND d.valid_to IS NULL`).Scan(&sealed); err != nil {
		t.Fatal(err)
	}
	if a.instructorID, err = db.Keys().Open(sealed); err != nil {
		t.Fatal(err)
	}
	opt.Now = a.clock.Now
	if opt.Log == nil {
		opt.Log = log.New(io.Discard, "", 0)
		if testing.Verbose() {
			opt.Log = log.Default()
		}
	}
	s, err := New(db, opt)
	if err != nil {
		t.Fatal(err)
	}
	a.srv = httptest.NewServer(s)
	t.Cleanup(func() {
		a.srv.Close()
		s.Close()
	})
	return a
}

// client is one browser-like client with its cookies and CSRF token.
type client struct {
	t    *testing.T
	base string
	hc   *http.Client
	csrf string
}

// anon returns a client without a session.
func (a *app) anon(t *testing.T) *client {
	jar, _ := cookiejar.New(nil)
	return &client{t: t, base: a.srv.URL, hc: &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error {
		return http.ErrUseLastResponse
	}}}
}

// login returns a client signed in as user (through the JSON API).
func (a *app) login(t *testing.T, user string) *client {
	t.Helper()
	c := a.anon(t)
	st, body := c.postJSON("/api/login", map[string]string{"username": user, "password": pw})
	if st != http.StatusOK {
		t.Fatalf("login %s: %d %s", user, st, body)
	}
	var out struct{ CSRF string }
	json.Unmarshal([]byte(body), &out)
	c.csrf = out.CSRF
	return c
}

func (c *client) do(req *http.Request) (int, string) {
	c.t.Helper()
	resp, err := c.hc.Do(req)
	if err != nil {
		c.t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

func (c *client) get(path string) (int, string) {
	c.t.Helper()
	req, _ := http.NewRequest("GET", c.base+path, nil)
	return c.do(req)
}

// getJSON GETs path and decodes the body into v when the status is 200.
func (c *client) getJSON(path string, v any) int {
	c.t.Helper()
	st, body := c.get(path)
	if st == http.StatusOK && v != nil {
		if err := json.Unmarshal([]byte(body), v); err != nil {
			c.t.Fatalf("GET %s: %v in %s", path, err, body)
		}
	}
	return st
}

func (c *client) postJSON(path string, v any) (int, string) {
	c.t.Helper()
	b, _ := json.Marshal(v)
	req, _ := http.NewRequest("POST", c.base+path, bytes.NewReader(b))
	req.Header.Set("Content-Type", "application/json")
	return c.do(req)
}

// postForm posts an HTML form, with the session's CSRF token unless the
// form sets its own "csrf".
func (c *client) postForm(path string, form url.Values) (int, string) {
	c.t.Helper()
	if _, ok := form["csrf"]; !ok {
		form.Set("csrf", c.csrf)
	}
	req, _ := http.NewRequest("POST", c.base+path, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	return c.do(req)
}

var fieldErrRe = regexp.MustCompile(`id="err-([a-z0-9_]+)">([^<]*)<`)

// fieldErrors returns the errors shown beside fields of a form page.
func fieldErrors(html string) map[string]string {
	out := map[string]string{}
	for _, m := range fieldErrRe.FindAllStringSubmatch(html, -1) {
		out[m[1]] = m[2]
	}
	return out
}
