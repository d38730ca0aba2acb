package web

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"hezuo/sqldb/dbtest"
)

// TestUserFormPasswordPolicy: the user form refuses a password that fails
// the policy with the reason beside the field, in Chinese; resetting a
// password to a weak one is refused too.
func TestUserFormPasswordPolicy(t *testing.T) {
	a := newApp(t, dbtest.SQLite(t), Options{})
	c := a.login(t, "admin")
	for pw, msg := range map[string]string{
		"short-1":              "至少 10 个字符",
		"onlylowercaseletters": "至少三类",
		"Newuser-01":           "不能与用户名相同",
	} {
		st, body := c.postForm("/users", url.Values{"name": {"newuser-01"}, "role": {"township_officer"}, "scope": {townA}, "password": {pw}})
		if st != http.StatusUnprocessableEntity || !strings.Contains(body, `type="password" autocomplete="new-password"><span class="field-error">`) || !strings.Contains(body, msg) {
			t.Errorf("password %q: %d, want 422 with %q beside the field", pw, st, msg)
		}
	}
	if st, _ := c.postForm("/users", url.Values{"name": {"newuser-01"}, "role": {"township_officer"}, "scope": {townA}, "password": {"Good-pass-01"}}); st != http.StatusSeeOther {
		t.Errorf("a good password: %d", st)
	}
	var id string
	a.db.QueryRowContext(context.Background(), `SELECT id FROM users WHERE name = 'newuser-01'`).Scan(&id)
	if st, body := c.postForm("/users/"+id, url.Values{"op": {"password"}, "password": {"weakweakweak"}}); st != http.StatusUnprocessableEntity || !strings.Contains(body, "至少三类") {
		t.Errorf("reset to a weak password: %d", st)
	}
}
