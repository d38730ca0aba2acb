package web

import (
	"context"
	"database/sql"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"hezuo"
	"hezuo/demo"
	"hezuo/seal"
	"hezuo/sqldb"
	"hezuo/sqldb/dbtest"
)

// The demo county with the fixture's users is loaded once per test binary
// and per kind of database, into a template that every app copies: an
// SQLite file copied byte for byte, a PostgreSQL database created with
// CREATE DATABASE … TEMPLATE. Loading the demo takes seconds; a copy takes
// milliseconds.
var demoTemplates struct {
	mu      sync.Mutex
	sqlite  string // template file
	dir     string
	pgName  string // template database on the HEZUO_TEST_POSTGRES server
	pgAdmin string
}

func TestMain(m *testing.M) {
	code := m.Run()
	t := &demoTemplates
	if t.dir != "" {
		os.RemoveAll(t.dir)
	}
	if t.pgName != "" {
		if adb, err := sql.Open("pgx", t.pgAdmin); err == nil {
			adb.Exec("DROP DATABASE IF EXISTS " + t.pgName + " WITH (FORCE)")
			adb.Close()
		}
		if u, err := url.Parse(t.pgAdmin); err == nil {
			u.Path = "/" + t.pgName
			os.Remove(seal.DefaultFile(u.String())) // its key (sqldb/dbtest)
		}
	}
	os.Exit(code)
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
	if err := db.Load(ctx, demo.County(), hezuo.Today(hezuo.China)); err != nil {
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

// copyDemo fills the fresh database dsn (from dbtest) with the demo
// template of its kind, building the template on first use.
func copyDemo(t *testing.T, dsn string) {
	t.Helper()
	tp := &demoTemplates
	tp.mu.Lock()
	defer tp.mu.Unlock()
	if strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://") {
		copyPostgres(t, dsn)
		return
	}
	if tp.sqlite == "" {
		dir, err := os.MkdirTemp("", "hezuo-web-template")
		if err != nil {
			t.Fatal(err)
		}
		tp.dir = dir
		file := filepath.Join(dir, "demo.db")
		if err := loadTemplate(file); err != nil {
			t.Fatalf("demo template: %v", err)
		}
		tp.sqlite = file
	}
	src, err := os.Open(tp.sqlite)
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	dst, err := os.Create(dsn)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(dst, src); err != nil {
		t.Fatal(err)
	}
	if err := dst.Close(); err != nil {
		t.Fatal(err)
	}
	dbtest.CopyKey(t, tp.sqlite, dsn) // the copy opens with its template's key
}

// copyPostgres replaces the empty database dsn with a copy of the
// PostgreSQL template.
func copyPostgres(t *testing.T, dsn string) {
	t.Helper()
	tp := &demoTemplates
	admin := os.Getenv("HEZUO_TEST_POSTGRES")
	adb, err := sql.Open("pgx", admin)
	if err != nil {
		t.Fatal(err)
	}
	defer adb.Close()
	if tp.pgName == "" {
		name := fmt.Sprintf("hezuo_webtmpl_%d", time.Now().UnixNano())
		if _, err := adb.Exec("CREATE DATABASE " + name); err != nil {
			t.Fatal(err)
		}
		tp.pgName, tp.pgAdmin = name, admin
		u, _ := url.Parse(admin)
		u.Path = "/" + name
		if err := loadTemplate(u.String()); err != nil {
			t.Fatalf("demo template: %v", err)
		}
	}
	u, err := url.Parse(dsn)
	if err != nil {
		t.Fatal(err)
	}
	name := strings.TrimPrefix(u.Path, "/")
	if _, err := adb.Exec("DROP DATABASE " + name + " WITH (FORCE)"); err != nil {
		t.Fatal(err)
	}
	if _, err := adb.Exec("CREATE DATABASE " + name + " TEMPLATE " + tp.pgName); err != nil {
		t.Fatal(err)
	}
	tu, _ := url.Parse(admin)
	tu.Path = "/" + tp.pgName
	dbtest.CopyKey(t, tu.String(), dsn) // the copy opens with its template's key
}
