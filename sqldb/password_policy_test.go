package sqldb

import (
	"context"
	"strings"
	"testing"
	"time"

	"hezuo"
)

// TestPasswordPolicy: length ≥ 10, three of four character classes, not
// the user name; random passwords always pass.
func TestPasswordPolicy(t *testing.T) {
	for _, c := range []struct {
		name, password string
		ok             bool
		msg            string
	}{
		{"wang", "Short-1", false, "至少 10 个字符"},
		{"wang", "alllowercaseletters", false, "至少三类"},
		{"wang", "lower and spaces", false, "至少三类"},
		{"wang", "lower-and-1-digit", true, ""},
		{"wang", "Upper lower words", true, ""},
		{"wang", "UPPERCASE1234", false, "至少三类"},
		{"wang", "党建工作密码abc1", true, ""},
		{"Wang.Xiao-1", "wang.xiao-1", false, "不能与用户名相同"},
		{"Wang.Xiao-1", "1-oaiX.gnaW", false, "不能与用户名相同"},
	} {
		err := hezuo.CheckPassword(c.name, c.password)
		if (err == nil) != c.ok || (err != nil && (hezuo.ErrorCode(err) != hezuo.EINVALID || !strings.Contains(hezuo.ErrorMessage(err, "zh"), c.msg))) {
			t.Errorf("%q for %s: %v", c.password, c.name, err)
		}
	}
	for range 200 {
		if p := hezuo.RandomPassword(); hezuo.CheckPassword("x", p) != nil {
			t.Fatalf("random password %q fails the policy", p)
		}
	}
}

// TestPasswordStorage: users get argon2id hashes; a weak password is
// refused on creation and on change; a change ends the user's sessions.
func TestPasswordStorage(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *DB) {
		ctx := context.Background()
		u := &hezuo.User{Name: "wang", Role: hezuo.RoleCountyAdmin, Scope: "222424"}
		if err := db.CreateUser(ctx, u, "password", time.Now()); hezuo.ErrorCode(err) != hezuo.EINVALID {
			t.Errorf("a weak password: %v", err)
		}
		if err := db.CreateUser(ctx, u, "Strong-pass-1", time.Now()); err != nil {
			t.Fatal(err)
		}
		var hash string
		db.QueryRowContext(ctx, db.rebind(`SELECT password_hash FROM users WHERE id = ?`), u.ID).Scan(&hash)
		if !strings.HasPrefix(hash, "$argon2id$v=19$m=19456,t=2,p=1$") || strings.Contains(hash, "Strong-pass-1") {
			t.Errorf("stored hash %q", hash)
		}
		if !VerifyPassword(hash, "Strong-pass-1") || VerifyPassword(hash, "Strong-pass-2") {
			t.Error("VerifyPassword")
		}
		s, err := db.CreateSession(ctx, u, "zh", time.Now())
		if err != nil {
			t.Fatal(err)
		}
		if err := db.SetUserPasswordBy(ctx, hezuo.System, u.ID, "wang", time.Now()); hezuo.ErrorCode(err) != hezuo.EINVALID {
			t.Errorf("change to a weak password: %v", err)
		}
		if _, err := db.Session(ctx, s.Token, time.Now(), time.Hour, time.Hour); err != nil {
			t.Errorf("the session ended by a refused change: %v", err)
		}
		if err := db.SetUserPasswordBy(ctx, hezuo.System, u.ID, "Another-pass-2", time.Now()); err != nil {
			t.Fatal(err)
		}
		if _, err := db.Session(ctx, s.Token, time.Now(), time.Hour, time.Hour); hezuo.ErrorCode(err) != hezuo.EUNAUTHORIZED {
			t.Errorf("the session after a password change: %v, want ended", err)
		}
	})
}

// TestSessionTimeouts: a session ends after the idle timeout without use,
// and after the absolute timeout however busy.
func TestSessionTimeouts(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *DB) {
		ctx := context.Background()
		u := &hezuo.User{Name: "li", Role: hezuo.RoleCountyAdmin, Scope: "222424"}
		if err := db.CreateUser(ctx, u, "Strong-pass-1", time.Now()); err != nil {
			t.Fatal(err)
		}
		idle, maxAge := 30*time.Minute, 12*time.Hour
		start := time.Now()
		s, _ := db.CreateSession(ctx, u, "zh", start)
		// Used every 20 minutes: alive until the absolute timeout.
		at := start
		for at.Sub(start) < maxAge-20*time.Minute {
			at = at.Add(20 * time.Minute)
			if _, err := db.Session(ctx, s.Token, at, idle, maxAge); err != nil {
				t.Fatalf("busy session at %s: %v", at.Sub(start), err)
			}
		}
		if _, err := db.Session(ctx, s.Token, start.Add(maxAge+time.Minute), idle, maxAge); hezuo.ErrorCode(err) != hezuo.EUNAUTHORIZED {
			t.Errorf("after the absolute timeout: %v", err)
		}
		s, _ = db.CreateSession(ctx, u, "zh", start)
		if _, err := db.Session(ctx, s.Token, start.Add(idle+time.Minute), idle, maxAge); hezuo.ErrorCode(err) != hezuo.EUNAUTHORIZED {
			t.Errorf("after the idle timeout: %v", err)
		}
	})
}
