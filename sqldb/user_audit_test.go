package sqldb

import (
	"context"
	"testing"
	"time"

	"hezuo"
)

// TestUserChangesAuditedInTheirTransaction: creating a user, resetting its
// password, disabling and enabling it, and every sign-in (refused or not)
// leave their audit entry; and when the entry cannot be written, the change
// is not made either (they share one transaction).
func TestUserChangesAuditedInTheirTransaction(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *DB) {
		ctx := context.Background()
		now := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
		admin := &hezuo.Access{User: "chief", Role: hezuo.RoleCountyAdmin, Scope: hezuo.Scope{Prefix: "222424"}}
		entries := func(key string) []string {
			t.Helper()
			var out []string
			rows, err := db.QueryContext(ctx, db.rebind(`SELECT user_name || ' ' || action || ' ' || note FROM audit_log WHERE entity_key = ? ORDER BY id`), key)
			if err != nil {
				t.Fatal(err)
			}
			defer rows.Close()
			for rows.Next() {
				var s string
				rows.Scan(&s)
				out = append(out, s)
			}
			return out
		}
		count := func(q string, args ...any) int {
			t.Helper()
			var n int
			if err := db.QueryRowContext(ctx, db.rebind(q), args...).Scan(&n); err != nil {
				t.Fatal(err)
			}
			return n
		}
		u := &hezuo.User{Name: "wang", Role: hezuo.RoleTownshipOfficer, Scope: "222424102"}
		if err := db.CreateUserBy(ctx, admin, u, "Strong-pass-1", now); err != nil {
			t.Fatal(err)
		}
		if err := db.SetUserPasswordBy(ctx, admin, u.ID, "Strong-pass-2", now); err != nil {
			t.Fatal(err)
		}
		if err := db.SetUserDisabledBy(ctx, admin, u.ID, true, now); err != nil {
			t.Fatal(err)
		}
		if _, err := db.SignIn(ctx, "wang", "Strong-pass-2", "zh", now); hezuo.ErrorCode(err) != hezuo.EUNAUTHORIZED {
			t.Errorf("a disabled user signs in: %v", err)
		}
		if err := db.SetUserDisabledBy(ctx, admin, u.ID, false, now); err != nil {
			t.Fatal(err)
		}
		if _, err := db.SignIn(ctx, "wang", "Strong-pass-2", "zh", now); err != nil {
			t.Fatal(err)
		}
		want := []string{"chief user created township_officer 222424102", "chief user password", "chief user disable",
			"wang login refused: EUNAUTHORIZED", "chief user enable", "wang login ok"}
		if got := entries("wang"); len(got) != len(want) {
			t.Errorf("audit entries %q, want %q", got, want)
		} else {
			for i := range want {
				if got[i] != want[i] {
					t.Errorf("audit entry %d: %q, want %q", i, got[i], want[i])
				}
			}
		}

		// Entries about "doomed…" cannot be written: nothing about them is.
		doomed := &hezuo.User{Name: "doomed", Role: hezuo.RoleCountyAdmin, Scope: "222424"}
		if err := db.CreateUserBy(ctx, admin, doomed, "Strong-pass-1", now); err != nil {
			t.Fatal(err)
		}
		if _, err := db.CreateSession(ctx, doomed, "zh", now); err != nil {
			t.Fatal(err)
		}
		refuseAudit(t, db, "doomed")
		before := func() (int, int, int, string) {
			var hash string
			db.QueryRowContext(ctx, db.rebind(`SELECT password_hash FROM users WHERE id = ?`), doomed.ID).Scan(&hash)
			return count(`SELECT count(*) FROM sessions WHERE user_id = ?`, doomed.ID), count(`SELECT count(*) FROM login_failures`),
				count(`SELECT count(*) FROM users WHERE disabled = ?`, true), hash
		}
		s0, f0, d0, h0 := before()
		for what, err := range map[string]error{
			"create":   db.CreateUserBy(ctx, admin, &hezuo.User{Name: "doomed2", Role: hezuo.RoleCountyAdmin, Scope: "222424"}, "Strong-pass-1", now),
			"password": db.SetUserPasswordBy(ctx, admin, doomed.ID, "Strong-pass-3", now),
			"disable":  db.SetUserDisabledBy(ctx, admin, doomed.ID, true, now),
			"sign-in": func() error {
				_, err := db.SignIn(ctx, "doomed", "Strong-pass-1", "zh", now)
				return err
			}(),
			"failed sign-in": func() error {
				_, err := db.SignIn(ctx, "doomed", "Wrong-pass-1", "zh", now)
				if hezuo.ErrorCode(err) == hezuo.EUNAUTHORIZED {
					return nil // refused without its entry: what must not be
				}
				return err
			}(),
		} {
			if err == nil {
				t.Errorf("%s succeeded although its audit entry was refused", what)
			}
		}
		if n := count(`SELECT count(*) FROM users WHERE name = 'doomed2'`); n != 0 {
			t.Error("a user was created without its audit entry")
		}
		if s, f, d, h := before(); s != s0 || f != f0 || d != d0 || h != h0 {
			t.Errorf("sessions %d→%d, failures %d→%d, disabled %d→%d, hash changed %v: changes without their audit entries",
				s0, s, f0, f, d0, d, h != h0)
		}
	})
}

// refuseAudit makes db refuse every audit entry whose key starts with
// prefix, as a full disk or a broken connection would at that moment.
func refuseAudit(t *testing.T, db *DB, prefix string) {
	t.Helper()
	qs := []string{`CREATE TRIGGER test_refuse_audit BEFORE INSERT ON audit_log
		WHEN NEW.entity_key LIKE '` + prefix + `%' BEGIN SELECT RAISE(ABORT, 'audit refused'); END`}
	if db.Dialect == Postgres {
		qs = []string{`CREATE FUNCTION test_refuse_audit() RETURNS trigger LANGUAGE plpgsql AS $$
			BEGIN IF NEW.entity_key LIKE '` + prefix + `%' THEN RAISE EXCEPTION 'audit refused'; END IF; RETURN NEW; END $$`,
			`CREATE TRIGGER test_refuse_audit BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION test_refuse_audit()`}
	}
	for _, q := range qs {
		if _, err := db.ExecContext(context.Background(), q); err != nil {
			t.Fatal(err)
		}
	}
}
