package main

import (
	"encoding/json"
	"strings"
	"testing"

	"hezuo/sqldb/dbtest"
)

func TestUserCommand(t *testing.T) {
	db := dbtest.SQLite(t)
	copyDemo(t, db)
	if code, _, errs := hz(t, "Secret-password-1\n", "user", "add", "wang", "--role", "township_officer", "--scope", "222424103", "--password-stdin", "--db", db); code != 0 {
		t.Fatalf("user add: %d %s", code, errs)
	}
	if code, _, _ := hz(t, "Secret-password-1\n", "user", "add", "wang", "--role", "township_officer", "--scope", "222424103", "--password-stdin", "--db", db); code != 1 {
		t.Errorf("the same name again: exit %d, want 1", code)
	}
	if code, _, _ := hz(t, "x\n", "user", "add", "li", "--role", "mayor", "--scope", "222424", "--password-stdin", "--db", db); code != 1 {
		t.Errorf("unknown role: exit %d, want 1", code)
	}
	if code, _, _ := hz(t, "", "user", "add", "li", "--db", db); code != 2 {
		t.Errorf("missing --role: exit %d, want 2", code)
	}
	// Without --password-stdin a random password is printed once.
	out := mustRun(t, "user", "add", "--db", db, "zhao", "--role", "department_officer", "--scope", "222424", "--subject", "NJZ")
	if !strings.Contains(out, "password: ") {
		t.Errorf("no generated password shown: %q", out)
	}
	if code, _, _ := hz(t, "", "user", "add", "sun", "--role", "branch_secretary", "--scope", "222424103", "--subject", "WQ-HZ-001", "--db", db); code != 1 {
		t.Errorf("a secretary of an org outside the scope: exit %d, want 1", code)
	}
	var users []map[string]any
	if err := json.Unmarshal([]byte(mustRun(t, "user", "list", "--format", "json", "--db", db)), &users); err != nil || len(users) != 2 {
		t.Fatalf("user list: %v %v", users, err)
	}
	if users[0]["name"] != "wang" || users[1]["subject"] != "NJZ" {
		t.Errorf("users: %v", users)
	}
	mustRun(t, "user", "disable", "wang", "--db", db)
}
