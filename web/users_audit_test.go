package web

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"testing"

	"hezuo/sqldb/dbtest"
)

// TestUserAdminAndSignInNeedTheirAuditEntry: over HTTP, when the audit
// entry of a sign-in or of a user's administration cannot be written, the
// sign-in starts no session and the user is not created, disabled nor given
// a new password (the entry shares the change's transaction); when it can,
// the entry is there.
func TestUserAdminAndSignInNeedTheirAuditEntry(t *testing.T) {
	a := newApp(t, dbtest.SQLite(t), Options{})
	ctx := context.Background()
	c := a.login(t, "admin")
	if n := a.count(t, `SELECT count(*) FROM audit_log WHERE action = 'login' AND entity_key = 'admin' AND note = 'ok'`); n != 1 {
		t.Errorf("%d audit entries of admin's sign-in, want 1", n)
	}
	form := url.Values{"name": {"doomedtown"}, "role": {"township_officer"}, "scope": {townB}, "password": {pw}}
	if st, _ := c.postForm("/users", form); st != http.StatusSeeOther {
		t.Fatalf("create user: %d", st)
	}
	if n := a.count(t, `SELECT count(*) FROM audit_log WHERE action = 'user' AND entity_key = 'doomedtown' AND user_name = 'admin'`); n != 1 {
		t.Errorf("%d audit entries of the user's creation, want 1", n)
	}
	var id int64
	if err := a.db.QueryRowContext(ctx, `SELECT id FROM users WHERE name = 'doomedtown'`).Scan(&id); err != nil {
		t.Fatal(err)
	}
	if _, err := a.db.ExecContext(ctx, `CREATE TRIGGER test_refuse_audit BEFORE INSERT ON audit_log
		WHEN NEW.entity_key LIKE 'doomed%' BEGIN SELECT RAISE(ABORT, 'audit refused'); END`); err != nil {
		t.Fatal(err)
	}
	sessions := a.count(t, `SELECT count(*) FROM sessions`)
	if st, _ := a.anon(t).postJSON("/api/login", map[string]string{"username": "doomedtown", "password": pw}); st == http.StatusOK {
		t.Error("signed in although the sign-in's audit entry was refused")
	}
	form.Set("name", "doomed2")
	if st, _ := c.postForm("/users", form); st == http.StatusSeeOther {
		t.Error("created a user although its audit entry was refused")
	}
	for _, op := range []url.Values{{"op": {"disable"}, "confirm": {"1"}}, {"op": {"password"}, "password": {"Another horse 10"}}} {
		if st, _ := c.postForm(fmt.Sprintf("/users/%d", id), op); st == http.StatusSeeOther {
			t.Errorf("%s done although its audit entry was refused", op.Get("op"))
		}
	}
	if n := a.count(t, `SELECT count(*) FROM sessions`); n != sessions {
		t.Errorf("%d sessions, was %d", n, sessions)
	}
	if n := a.count(t, `SELECT count(*) FROM users WHERE name = 'doomed2' OR (name = 'doomedtown' AND disabled)`); n != 0 {
		t.Error("a user was created or disabled without its audit entry")
	}
	a.db.ExecContext(ctx, `DROP TRIGGER test_refuse_audit`)
	if st, _ := a.anon(t).postJSON("/api/login", map[string]string{"username": "doomedtown", "password": pw}); st != http.StatusOK {
		t.Errorf("the password was changed without its audit entry: sign-in %d", st)
	}
}
