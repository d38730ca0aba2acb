package web

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"hezuo/sqldb/dbtest"
)

// TestSecurityHeaders: every response — pages, API, errors, probes,
// assets, signed in or not — carries the CSP without inline scripts, no
// framing, nosniff and the referrer policy; everything but the assets is
// not cached.
func TestSecurityHeaders(t *testing.T) {
	a := newApp(t, dbtest.SQLite(t), Options{Secure: true})
	c := a.login(t, "admin")
	anon := a.anon(t)
	type probe struct {
		c      *client
		method string
		path   string
		cache  bool
	}
	for _, p := range []probe{
		{anon, "GET", "/login", false},
		{anon, "GET", "/", false},
		{anon, "GET", "/api/stats", false},
		{anon, "GET", "/healthz", false},
		{anon, "GET", "/no/such/page", false},
		{c, "GET", "/", false},
		{c, "GET", "/orgs/" + orgSec, false},
		{c, "GET", "/api/people?org_id=" + orgSec, false},
		{c, "POST", "/api/login", false},
		{anon, "GET", "/assets/favicon.svg", true},
	} {
		req, _ := http.NewRequest(p.method, p.c.base+p.path, strings.NewReader("{}"))
		req.Header.Set("Content-Type", "application/json")
		resp, err := p.c.hc.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		h := resp.Header
		csp := h.Get("Content-Security-Policy")
		script := ""
		for _, d := range strings.Split(csp, ";") {
			if d = strings.TrimSpace(d); strings.HasPrefix(d, "script-src") {
				script = d
			}
		}
		if script != "script-src 'self'" || !strings.Contains(csp, "frame-ancestors 'none'") || !strings.Contains(csp, "default-src 'self'") {
			t.Errorf("%s %s: CSP %q", p.method, p.path, csp)
		}
		if h.Get("X-Content-Type-Options") != "nosniff" || h.Get("Referrer-Policy") != "same-origin" || h.Get("X-Frame-Options") != "DENY" {
			t.Errorf("%s %s: headers %v", p.method, p.path, h)
		}
		if h.Get("Strict-Transport-Security") == "" {
			t.Errorf("%s %s: no HSTS behind TLS", p.method, p.path)
		}
		if cached := h.Get("Cache-Control") != "no-store"; cached != p.cache {
			t.Errorf("%s %s: Cache-Control %q", p.method, p.path, h.Get("Cache-Control"))
		}
	}
}

// TestBodyLimits: a declared body over the limit is refused with 413
// before any handler; an undeclared (chunked) one is cut at the limit; the
// upload page takes its larger limit.
func TestBodyLimits(t *testing.T) {
	a := newApp(t, dbtest.SQLite(t), Options{})
	c := a.login(t, "admin")
	big := bytes.Repeat([]byte("a"), maxBody+1)
	req, _ := http.NewRequest("POST", c.base+"/api/login", bytes.NewReader(big))
	req.Header.Set("Content-Type", "application/json")
	if st, body := c.do(req); st != http.StatusRequestEntityTooLarge || !strings.Contains(body, "请求内容过大") {
		t.Errorf("declared 1 MiB+1 body: %d %s", st, body)
	}
	// Chunked: the form parser hits the cap, so the CSRF token is never
	// seen and the save refused.
	form := "csrf=" + c.csrf + "&name=" + strings.Repeat("x", maxBody)
	req, _ = http.NewRequest("POST", c.base+"/orgs/"+orgSec+"/edit", io.MultiReader(strings.NewReader(form)))
	req.ContentLength = -1
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	if st, _ := c.do(req); st < 400 {
		t.Errorf("chunked body over the limit: %d, want refused", st)
	}
	if n := bodyLimit(&http.Request{URL: &url.URL{Path: "/import"}}); n <= maxUpload {
		t.Errorf("import limit %d, want above the upload limit", n)
	}
}

// TestRateLimits: sign-ins per client address and per user name, and
// imports per user, answer 429 with Retry-After once their bucket is
// empty; the address comes from X-Real-IP only behind a trusted proxy.
func TestRateLimits(t *testing.T) {
	lim := Limits{LoginPerIP: Rate{Every: time.Hour, Burst: 4}, LoginPerUser: Rate{Every: time.Hour, Burst: 2},
		ImportPerIP: Rate{Every: time.Hour, Burst: 100}, ImportPerUser: Rate{Every: time.Hour, Burst: 2}}
	a := newApp(t, dbtest.SQLite(t), Options{Limits: lim, TrustProxy: true})
	login := func(ip, user string) *http.Response {
		b, _ := json.Marshal(map[string]string{"username": user, "password": pw})
		req, _ := http.NewRequest("POST", a.srv.URL+"/api/login", bytes.NewReader(b))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("X-Real-IP", ip)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp
	}
	// Per user: the third sign-in as townA is refused, whatever the address.
	for i, ip := range []string{"10.0.0.1", "10.0.0.2"} {
		if r := login(ip, "townA"); r.StatusCode != http.StatusOK {
			t.Fatalf("sign-in %d as townA: %d", i, r.StatusCode)
		}
	}
	r := login("10.0.0.3", "townA")
	if r.StatusCode != http.StatusTooManyRequests || r.Header.Get("Retry-After") == "" {
		t.Errorf("third sign-in as townA: %d Retry-After %q, want 429 with Retry-After", r.StatusCode, r.Header.Get("Retry-After"))
	}
	// A locked account's 429 (five wrong passwords) carries Retry-After too.
	b := newApp(t, dbtest.SQLite(t), Options{})
	c0 := b.anon(t)
	for range 5 {
		c0.postJSON("/api/login", map[string]string{"username": "townB", "password": "wrong"})
	}
	lb, _ := json.Marshal(map[string]string{"username": "townB", "password": pw})
	req, _ := http.NewRequest("POST", b.srv.URL+"/api/login", bytes.NewReader(lb))
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusTooManyRequests || resp.Header.Get("Retry-After") != "900" {
		t.Errorf("locked account: %d %v", resp.StatusCode, resp.Header)
	}
	// Per address: 10.0.0.9 gets four attempts, whoever for.
	for i, u := range []string{"admin", "auditor", "townB", "dept"} {
		if r := login("10.0.0.9", u); r.StatusCode != http.StatusOK {
			t.Fatalf("sign-in %d from 10.0.0.9: %d", i, r.StatusCode)
		}
	}
	if r := login("10.0.0.9", "secretary"); r.StatusCode != http.StatusTooManyRequests {
		t.Errorf("fifth sign-in from one address: %d, want 429", r.StatusCode)
	}
	// Imports per user.
	c := a.login(t, "instructor")
	var st int
	for range 3 {
		st, _ = c.postForm("/import/confirm", url.Values{"token": {"nothing"}})
	}
	if st != http.StatusTooManyRequests {
		t.Errorf("third import confirmation: %d, want 429", st)
	}
	// Without a trusted proxy X-Real-IP is ignored: the limiter keys on the
	// connection, so a forged header does not reset anything.
	if ip := (&Server{}).clientIP(&http.Request{RemoteAddr: "192.0.2.1:5555", Header: http.Header{"X-Real-Ip": {"10.1.1.1"}}}); ip != "192.0.2.1" {
		t.Errorf("untrusted X-Real-IP taken: %s", ip)
	}
}

// TestRequestLog: one structured line per request with the route pattern,
// status and user id, and nothing of the path's or query's personal data.
func TestRequestLog(t *testing.T) {
	var buf syncBuffer
	a := newApp(t, dbtest.SQLite(t), Options{Logger: slog.New(slog.NewJSONHandler(&buf, nil))})
	c := a.login(t, "admin")
	var id int64
	if err := a.db.QueryRowContext(context.Background(), `SELECT id FROM users WHERE name = 'admin'`).Scan(&id); err != nil {
		t.Fatal(err)
	}
	secret := a.instructorID
	c.get("/people?q=" + url.QueryEscape(secret) + "&name=" + url.QueryEscape("张三"))
	var lines []map[string]any
	for _, l := range strings.Split(strings.TrimSpace(buf.String()), "\n") {
		var m map[string]any
		if err := json.Unmarshal([]byte(l), &m); err != nil {
			t.Fatalf("log line %q: %v", l, err)
		}
		lines = append(lines, m)
	}
	if len(lines) != 2 {
		t.Fatalf("%d log lines, want 2 (sign-in, list): %s", len(lines), buf.String())
	}
	last := lines[1]
	if last["route"] != "GET /people" || last["status"] != float64(200) || last["user_id"] != float64(id) || last["method"] != "GET" {
		t.Errorf("log line %v", last)
	}
	if _, ok := last["duration_ms"]; !ok {
		t.Errorf("no duration: %v", last)
	}
	if strings.Contains(buf.String(), secret) || strings.Contains(buf.String(), "张三") || strings.Contains(buf.String(), pw) {
		t.Errorf("personal data in the log: %s", buf.String())
	}
}

// syncBuffer is a bytes.Buffer safe for the server's goroutines.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}
func (s *syncBuffer) String() string { s.mu.Lock(); defer s.mu.Unlock(); return s.b.String() }

// TestRateLimitedLoginPage: the sign-in form over its limit shows the
// error page with the wait, in Chinese, and Retry-After.
func TestRateLimitedLoginPage(t *testing.T) {
	a := newApp(t, dbtest.SQLite(t), Options{Limits: Limits{LoginPerIP: Rate{Every: time.Hour, Burst: 1}}})
	c := a.anon(t)
	for i := range 2 {
		req, _ := http.NewRequest("POST", c.base+"/login", strings.NewReader("username=admin&password=x"))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		resp, err := c.hc.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if i == 1 && (resp.StatusCode != http.StatusTooManyRequests || resp.Header.Get("Retry-After") == "" ||
			!strings.Contains(string(b), "请求过于频繁") || !strings.Contains(string(b), "<html")) {
			t.Errorf("second sign-in: %d Retry-After %q %.200s", resp.StatusCode, resp.Header.Get("Retry-After"), b)
		}
	}
}
