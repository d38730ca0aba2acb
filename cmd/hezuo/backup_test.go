package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"hezuo"
	"hezuo/demo"
	"hezuo/seal"
	"hezuo/sqldb"
	"hezuo/sqldb/dbtest"
)

// figures returns every figure a restore must reproduce, as JSON: stats and
// check of the county on two days, and the dump of registry and platforms.
func figures(t *testing.T, db *sqldb.DB) map[string]string {
	t.Helper()
	ctx := context.Background()
	out := map[string]string{}
	for _, day := range []string{"2022-06-08", "2025-01-01"} {
		d := hezuo.MustDate(day)
		st, err := db.Stats(ctx, hezuo.AllScope, d)
		if err != nil {
			t.Fatal(err)
		}
		ck, err := db.Check(ctx, hezuo.AllScope, d)
		if err != nil {
			t.Fatal(err)
		}
		sb, _ := json.Marshal(st)
		cb, _ := json.Marshal(ck)
		out["stats "+day], out["check "+day] = string(sb), string(cb)
	}
	ds, err := db.Dump(ctx, hezuo.AllScope)
	if err != nil {
		t.Fatal(err)
	}
	if err := db.DumpPlatforms(ctx, hezuo.AllScope, ds); err != nil {
		t.Fatal(err)
	}
	b, _ := json.Marshal(ds)
	out["dump"] = string(b)
	return out
}

func countAudit(t *testing.T, db *sqldb.DB) int {
	var n int
	if err := db.QueryRowContext(context.Background(), `SELECT count(*) FROM audit_log`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// TestBackupRestore loads the demo county, backs it up while another
// goroutine keeps writing (audit entries), restores the backup into a fresh
// database and compares every figure; restore refuses a database with data
// unless forced, and refuses files that are not hezuo backups. SQLite and
// PostgreSQL run in parallel (each loads the demo: issue 7).
func TestBackupRestore(t *testing.T) {
	for _, d := range dbtest.DSNs(t) {
		t.Run(d.Name, func(t *testing.T) {
			t.Parallel()
			db, err := sqldb.Open(context.Background(), d.DSN)
			if err != nil {
				t.Fatal(err)
			}
			defer db.Close()
			testBackupRestore(t, db)
		})
	}
}

func testBackupRestore(t *testing.T, db *sqldb.DB) {
	ctx := context.Background()
	start := time.Now()
	if err := db.Load(ctx, demo.County(demo.SeedTargets().Day), hezuo.MustDate("2026-11-28")); err != nil {
		t.Fatal(err)
	}
	t.Logf("demo loaded in %s", time.Since(start).Round(time.Millisecond))
	if err := db.CreateUser(ctx, &hezuo.User{Name: "admin", Role: hezuo.RoleCountyAdmin, Scope: "222424"}, "Backup-test-1", time.Now()); err != nil {
		t.Fatal(err)
	}
	start = time.Now()
	want := figures(t, db)
	t.Logf("figures read in %s", time.Since(start).Round(time.Millisecond))
	before := countAudit(t, db)

	var wg sync.WaitGroup
	var writes atomic.Int64
	stop := make(chan struct{})
	wg.Add(1)
	go func() {
		defer wg.Done()
		for {
			select {
			case <-stop:
				return
			default:
			}
			if err := db.Audit(ctx, hezuo.System, time.Now(), "view", "person", "x", "", "concurrent writer"); err != nil {
				t.Errorf("concurrent write: %v", err)
				return
			}
			writes.Add(1)
		}
	}()
	file := filepath.Join(t.TempDir(), "hezuo.backup")
	for writes.Load() < 5 {
		time.Sleep(time.Millisecond)
	}
	start = time.Now()
	info, err := createBackup(ctx, db, file)
	took := time.Since(start).Round(time.Millisecond)
	close(stop)
	wg.Wait()
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("backup of %d bytes in %s, %d concurrent writes", info.Bytes, took, writes.Load())
	after := countAudit(t, db)
	v, _ := db.SchemaVersion(ctx)
	if info.SchemaVersion != v || info.Bytes == 0 {
		t.Errorf("backup info %+v, want schema version %d", info, v)
	}
	if _, err := createBackup(ctx, db, file); hezuo.ErrorCode(err) != hezuo.EINVALID {
		t.Errorf("backup over an existing file: %v, want EINVALID", err)
	}

	// A fresh target of the same kind.
	target := dbtest.SQLite(t)
	if db.Dialect == sqldb.Postgres {
		target = dbtest.Postgres(t)
	}
	dbtest.CopyKey(t, db.DSN, target) // the backup holds sealed data; its key travels separately
	// The key is not in the backup: the operator brings the key file.
	copyKey(t, db, target)
	start = time.Now()
	if _, err := restoreBackup(ctx, file, target, false); err != nil {
		t.Fatalf("restore into an empty database: %v", err)
	}
	t.Logf("restored in %s", time.Since(start).Round(time.Millisecond))
	r, err := sqldb.Open(ctx, target)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	got := figures(t, r)
	for k := range want {
		if got[k] != want[k] {
			t.Errorf("%s differs after restore:\n got %.300s\nwant %.300s", k, got[k], want[k])
		}
	}
	if n := countAudit(t, r); n < before || n > after {
		t.Errorf("restored audit entries %d, want a snapshot between %d and %d", n, before, after)
	}
	if n, _ := r.CountUsers(ctx); n != 1 {
		t.Errorf("restored users: %d, want 1", n)
	}

	// Over data: refused without --force, accepted with it.
	if _, err := restoreBackup(ctx, file, target, false); hezuo.ErrorCode(err) != hezuo.ECONFLICT {
		t.Errorf("restore over data without force: %v, want ECONFLICT", err)
	}
	r.Close()
	if _, err := restoreBackup(ctx, file, target, true); err != nil {
		t.Errorf("restore with force: %v", err)
	}

	junk := filepath.Join(t.TempDir(), "junk.db")
	os.WriteFile(junk, []byte("not a backup at all, just text"), 0o600)
	if _, err := restoreBackup(ctx, junk, dbtest.SQLite(t), false); hezuo.ErrorCode(err) != hezuo.EINVALID {
		t.Errorf("restore of a text file: %v, want EINVALID", err)
	}
}

// TestRestoreChecksSchema refuses an SQLite file that is not hezuo's and a
// backup recording a migration this program does not know.
func TestRestoreChecksSchema(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	other := filepath.Join(dir, "other.db")
	c, err := sqldb.Open(ctx, filepath.Join(dir, "src.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	if _, err := c.ExecContext(ctx, `VACUUM INTO ?`, other); err != nil {
		t.Fatal(err)
	}
	if _, err := inspectBackup(ctx, other); err != nil {
		t.Fatalf("a fresh hezuo database: %v", err)
	}
	if _, err := c.ExecContext(ctx, `INSERT INTO schema_migrations (version, name, applied_at) VALUES (9999, '9999_future.sql', '')`); err != nil {
		t.Fatal(err)
	}
	future := filepath.Join(dir, "future.db")
	if _, err := c.ExecContext(ctx, `VACUUM INTO ?`, future); err != nil {
		t.Fatal(err)
	}
	if _, err := inspectBackup(ctx, future); hezuo.ErrorCode(err) != hezuo.EINVALID {
		t.Errorf("a backup from a newer schema: %v, want EINVALID", err)
	}
	if _, err := c.ExecContext(ctx, `DROP TABLE schema_migrations`); err != nil {
		t.Fatal(err)
	}
	plain := filepath.Join(dir, "plain.db")
	if _, err := c.ExecContext(ctx, `VACUUM INTO ?`, plain); err != nil {
		t.Fatal(err)
	}
	if _, err := inspectBackup(ctx, plain); hezuo.ErrorCode(err) != hezuo.EINVALID {
		t.Errorf("an SQLite file without schema_migrations: %v, want EINVALID", err)
	}
}

// copyKey copies db's key file to where target's key is looked for.
func copyKey(t *testing.T, db *sqldb.DB, target string) {
	t.Helper()
	if db.KeyFile() == "" {
		return
	}
	b, err := os.ReadFile(db.KeyFile())
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(seal.DefaultFile(target), b, 0o600); err != nil {
		t.Fatal(err)
	}
}

// TestNoPGTools: without pg_dump on PATH a PostgreSQL backup stops with a
// message saying what to install.
func TestNoPGTools(t *testing.T) {
	t.Setenv("PATH", t.TempDir())
	err := pgDump(context.Background(), "postgres://nobody@127.0.0.1:1/none", filepath.Join(t.TempDir(), "x"))
	if hezuo.ErrorCode(err) != hezuo.EINVALID || !strings.Contains(hezuo.ErrorMessage(err, "zh"), "postgresql-client") {
		t.Errorf("backup without pg_dump: %v", err)
	}
}

// TestRestoreNeedsItsKey: restoring a backup whose people are sealed into a
// place without their key is refused before anything is written; with the
// key beside the backup (FILE.key) the restore puts it beside the restored
// database, which then opens and finds people by ID number.
func TestRestoreNeedsItsKey(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	src := dbtest.SQLite(t)
	db, err := sqldb.Open(ctx, src)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if err := db.Load(ctx, sealedFixture(), hezuo.MustDate("2024-06-30")); err != nil {
		t.Fatal(err)
	}
	backup := filepath.Join(dir, "b.db")
	if _, err := createBackup(ctx, db, backup); err != nil {
		t.Fatal(err)
	}
	target := filepath.Join(dir, "restored.db")
	if _, err := restoreBackup(ctx, backup, target, false); hezuo.ErrorCode(err) != hezuo.EINVALID {
		t.Fatalf("restore without a key: %v, want EINVALID", err)
	}
	if _, err := os.Stat(target); !os.IsNotExist(err) {
		t.Fatalf("restore without a key wrote %s: %v", target, err)
	}
	key, err := os.ReadFile(db.KeyFile())
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(backup+".key", key, 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := restoreBackup(ctx, backup, target, false); err != nil {
		t.Fatalf("restore with the key beside the backup: %v", err)
	}
	r, err := sqldb.Open(ctx, target)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	if got, want := figures(t, r), figures(t, db); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("restored figures differ:\n%v\n%v", got, want)
	}
}

// sealedFixture is a village with one cooperative of three people (their ID
// numbers sealed in the database), two of them full party members.
func sealedFixture() *hezuo.Dataset {
	const county, town, village = "220999", "220999100", "220999100201"
	ds := &hezuo.Dataset{
		Divisions: []hezuo.Division{{Code: county, Name: "测试县"}, {Code: town, Name: "甲镇"}, {Code: village, Name: "东村"}},
		Orgs: []hezuo.Org{{OrgNo: "A", Name: "东村农机专业合作社", Kind: hezuo.KindCooperative, Village: village,
			Industry: "农机", HouseholdsDriven: 10, Founded: hezuo.MustDate("2015-03-01")}},
	}
	for n := 1; n <= 3; n++ {
		id := hezuo.MakeIDNumber(county, hezuo.DateOf(1970+n, time.Month(n), n), n)
		ds.People = append(ds.People, hezuo.Person{IDNumber: id, Name: fmt.Sprintf("成员%d", n), Village: village})
		ds.Memberships = append(ds.Memberships, hezuo.Membership{IDNumber: id, OrgNo: "A", Period: hezuo.Period{From: hezuo.MustDate("2016-01-01")}})
		if n < 3 {
			ds.PartyStatus = append(ds.PartyStatus, hezuo.PartyStatus{IDNumber: id, Status: hezuo.StatusFull, Period: hezuo.Period{From: hezuo.MustDate("2010-07-01")}})
		}
	}
	return ds
}
