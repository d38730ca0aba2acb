package web

import (
	"context"
	"fmt"
	"os"
	"testing"
	"time"

	"hezuo"
	"hezuo/demo"
	"hezuo/sqldb"
	"hezuo/sqldb/dbtest"
)

// demoTemplate is the demo county with the fixture's users, loaded once
// per test binary and kind of database and copied into every app's database.
var demoTemplate = &dbtest.Template{Name: "web", Load: loadTemplate}

func TestMain(m *testing.M) {
	code := m.Run()
	demoTemplate.Drop()
	os.Exit(code)
}

// copyDemo fills the fresh database dsn (from dbtest) with the demo template.
func copyDemo(t *testing.T, dsn string) {
	t.Helper()
	demoTemplate.Copy(t, dsn)
}

// loadTemplate loads the demo and the fixture users into the empty
// database dsn.
func loadTemplate(dsn string) error {
	ctx := context.Background()
	db, err := sqldb.Open(ctx, dsn)
	if err != nil {
		return err
	}
	defer db.Close()
	if err := db.Load(ctx, demo.County(demo.SeedTargets().Day), hezuo.Today(hezuo.China)); err != nil {
		return err
	}
	var sealed string // the ID number is stored sealed (sqldb/crypt.go)
	if err := db.QueryRowContext(ctx, `SELECT p.id_sealed FROM dispatches d JOIN instructors i ON i.id = d.instructor_id
		JOIN people p ON p.id = i.person_id JOIN orgs o ON o.id = d.org_id WHERE o.org_no = 'WQ-HZ-011' AND d.valid_to IS NULL`).Scan(&sealed); err != nil {
		return err
	}
	instructorID, err := db.Keys().Open(sealed)
	if err != nil {
		return err
	}
	for _, u := range fixtureUsers {
		u := u
		if u.Role == hezuo.RoleInstructor {
			u.Subject = instructorID
		}
		if err := db.CreateUser(ctx, &u, pw, time.Now()); err != nil {
			return fmt.Errorf("user %s: %w", u.Name, err)
		}
	}
	return nil
}
