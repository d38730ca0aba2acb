package web

import (
	"bytes"
	"encoding/json"
	"log"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"hezuo/sqldb/dbtest"
)

// TestAPILoginOnlyJSON: POST /api/login with any other body type is 415
// and nothing else happens: no session, no failure counted, no audit entry.
func TestAPILoginOnlyJSON(t *testing.T) {
	a := newApp(t, dbtest.SQLite(t), Options{})
	c := a.anon(t)
	body, _ := json.Marshal(map[string]string{"username": "admin", "password": pw})
	for _, ct := range []string{"", "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/jsonx"} {
		req, _ := http.NewRequest("POST", c.base+"/api/login", bytes.NewReader(body))
		if ct != "" {
			req.Header.Set("Content-Type", ct)
		}
		if st, out := c.do(req); st != http.StatusUnsupportedMediaType || !json.Valid([]byte(out)) {
			t.Errorf("Content-Type %q: %d %s, want 415 in JSON", ct, st, out)
		}
	}
	form := url.Values{"username": {"admin"}, "password": {"wrong"}}
	req, _ := http.NewRequest("POST", c.base+"/api/login", strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	if st, _ := c.do(req); st != http.StatusUnsupportedMediaType {
		t.Errorf("a form: %d, want 415", st)
	}
	if n := a.count(t, `SELECT count(*) FROM sessions`) + a.count(t, `SELECT count(*) FROM login_failures`) +
		a.count(t, `SELECT count(*) FROM audit_log WHERE action = 'login'`); n != 0 {
		t.Errorf("a refused body type left %d sessions, failures or audit entries", n)
	}
	if st, _ := c.postJSON("/api/login", map[string]string{"username": "admin", "password": pw}); st != http.StatusOK {
		t.Errorf("JSON sign-in: %d", st)
	}
}

// TestLoginNameRefusedUnseen: a user name too long or holding control
// characters is refused like a wrong password, by the API and the form,
// and appears in no log, audit entry or failure count.
func TestLoginNameRefusedUnseen(t *testing.T) {
	var reqLog, errLog syncBuffer
	a := newApp(t, dbtest.SQLite(t), Options{Logger: slog.New(slog.NewJSONHandler(&reqLog, nil)), Log: log.New(&errLog, "", 0)})
	marker := "EVILNAME"
	bad := []string{marker + strings.Repeat("x", 100), marker + "\n2026/01/01 INFO request user_id=1", marker + "\x00admin",
		marker + "\u202eadmin", marker + "\r\nSet-Cookie: x=1", marker + strings.Repeat("长", 30)}
	c := a.anon(t)
	_, wrong := c.postJSON("/api/login", map[string]string{"username": "admin", "password": "Wrong-pass-1"})
	for _, name := range bad {
		st, out := c.postJSON("/api/login", map[string]string{"username": name, "password": "Wrong-pass-1"})
		if st != http.StatusUnauthorized || out != wrong {
			t.Errorf("API sign-in as %q: %d %s, want what a wrong password gets: %s", name, st, out, wrong)
		}
	}
	_, page := c.get("/login")
	tok := between(page, `name="csrf" value="`, `"`)
	for _, name := range bad {
		st, out := c.postForm("/login", url.Values{"csrf": {tok}, "username": {name}, "password": {"Wrong-pass-1"}})
		if st != http.StatusUnauthorized || !strings.Contains(out, "login-error") || strings.Contains(out, marker) {
			t.Errorf("form sign-in as %q: %d, want 401 without the name shown", name, st)
		}
	}
	if n := a.count(t, `SELECT count(*) FROM audit_log WHERE user_name LIKE ? OR entity_key LIKE ? OR note LIKE ?`, "%"+marker+"%", "%"+marker+"%", "%"+marker+"%"); n != 0 {
		t.Errorf("%d audit entries hold a refused name", n)
	}
	if n := a.count(t, `SELECT count(*) FROM audit_log WHERE action = 'login' AND note LIKE 'refused%'`); n != 1+2*len(bad) {
		t.Errorf("%d refused sign-ins audited, want %d (each, without its name)", n, 1+2*len(bad))
	}
	if n := a.count(t, `SELECT count(*) FROM login_failures WHERE user_name LIKE ?`, "%"+marker+"%"); n != 0 {
		t.Errorf("%d failures recorded under a refused name", n)
	}
	if strings.Contains(reqLog.String(), marker) || strings.Contains(errLog.String(), marker) {
		t.Errorf("a refused name reached a log:\n%s\n%s", reqLog.String(), errLog.String())
	}
}
