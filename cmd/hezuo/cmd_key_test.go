package main

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"reflect"
	"strings"
	"testing"
	"time"

	"hezuo"
	"hezuo/seal"
	"hezuo/sqldb"
)

// keyRotationOnDemo runs on the demo county that TestDemoReproducesSeedFigures
// loaded into dsn, with its stats and check output for 2022-06-08: no ID
// number or phone of the demo is stored in plaintext (a raw read of the
// people table; for SQLite the file's bytes); `key rotate --cipher sm4`,
// then `key rotate --drop-old` leave stats, check and the dump identical
// and lookups by ID number working; `key check` passes.
func keyRotationOnDemo(t *testing.T, dsn, stats, check string) {
	t.Helper()
	ctx := context.Background()
	dump := func() *hezuo.Dataset {
		db, err := sqldb.Open(ctx, dsn)
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		ds, err := db.Dump(ctx, hezuo.AllScope)
		if err == nil {
			err = db.DumpPlatforms(ctx, hezuo.AllScope, ds)
		}
		if err != nil {
			t.Fatal(err)
		}
		return ds
	}
	before := dump()
	values := map[string]bool{}
	for _, p := range before.People {
		values[p.IDNumber] = true
		if p.Phone != "" {
			values[p.Phone] = true
		}
	}
	if len(values) < 20000 {
		t.Fatalf("only %d ID numbers and phones in the demo", len(values))
	}
	assertSealed(t, dsn, values)

	var st sqldb.KeyStatus
	if err := json.Unmarshal([]byte(mustRun(t, "key", "rotate", "--cipher", "sm4", "--db", dsn, "--format", "json")), &st); err != nil {
		t.Fatal(err)
	}
	if st.Current != "k2" || st.Cipher != seal.SM4 || len(st.Keys) != 2 || st.People != len(before.People) {
		t.Fatalf("rotation: %+v", st)
	}
	out := mustRun(t, "key", "rotate", "--drop-old", "--db", dsn)
	if !strings.Contains(out, "密钥已轮换") || !strings.Contains(out, "sm4-gcm") || !strings.Contains(out, "当前密钥 k3") {
		t.Fatalf("rotate output: %q", out)
	}
	if out := mustRun(t, "key", "check", "--db", dsn, "--lang", "en"); !strings.Contains(out, "key check passed") || !strings.Contains(out, "(keys: k3)") {
		t.Fatalf("check output: %q", out)
	}
	if got := mustRun(t, "stats", "--db", dsn, "--as-of", "2022-06-08", "--format", "json"); got != stats {
		t.Error("stats changed by the key rotations")
	}
	if got := mustRun(t, "check", "--db", dsn, "--as-of", "2022-06-08", "--format", "json"); got != check {
		t.Error("check changed by the key rotations")
	}
	if !reflect.DeepEqual(dump(), before) {
		t.Error("dump changed by the key rotations")
	}
	db, err := sqldb.Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	someone := before.People[len(before.People)/3]
	p, err := db.GetPerson(ctx, hezuo.System, someone.IDNumber, time.Now())
	if err != nil || p.Name != someone.Name || p.Phone != someone.Phone {
		t.Fatalf("lookup by ID number after rotation: %+v %v", p, err)
	}
	assertSealed(t, dsn, values)
}

// assertSealed fails when a raw read of the people table or, for SQLite,
// the database file holds any of the values.
func assertSealed(t *testing.T, dsn string, values map[string]bool) {
	t.Helper()
	ctx := context.Background()
	db, err := sqldb.Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	rows, err := db.QueryContext(ctx, `SELECT id_hash, id_sealed, phone_sealed FROM people`)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for rows.Next() {
		var a, b, c string
		if err := rows.Scan(&a, &b, &c); err != nil {
			t.Fatal(err)
		}
		for _, v := range []string{a, b, c} {
			if values[v] {
				t.Fatalf("people row holds plaintext: %.30s", v)
			}
		}
		n++
	}
	rows.Close()
	if n == 0 {
		t.Fatal("no people")
	}
	if db.Dialect != sqldb.SQLite {
		return
	}
	if _, err := db.ExecContext(ctx, `PRAGMA wal_checkpoint(TRUNCATE)`); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{dsn, dsn + "-wal"} {
		b, err := os.ReadFile(f)
		if errors.Is(err, os.ErrNotExist) {
			continue
		} else if err != nil {
			t.Fatal(err)
		}
		found := ""
		for i := 0; i < len(b) && found == ""; {
			if b[i] < '0' || b[i] > '9' {
				i++
				continue
			}
			j := i
			for j < len(b) && (b[j] >= '0' && b[j] <= '9' || b[j] == 'X' && j > i) {
				j++
			}
			if values[string(b[i:j])] {
				found = string(b[i:j])
			}
			i = j
		}
		if found != "" {
			t.Fatalf("%s holds %s in plaintext", f, hezuo.MaskIDNumber(found))
		}
	}
}

// TestKeyCommand: usage errors, a bad cipher, --cipher on a new database
// and --key-file.
func TestKeyCommand(t *testing.T) {
	dir := t.TempDir()
	dsn := dir + "/k.db"
	if code, _, _ := hz(t, "", "key", "frob", "--db", dsn); code != exitUsage {
		t.Errorf("key frob: exit %d, want 2", code)
	}
	if code, _, _ := hz(t, "", "key", "check", "--drop-old", "--db", dsn); code != exitUsage {
		t.Errorf("key check --drop-old: exit %d, want 2", code)
	}
	if code, _, errs := hz(t, "", "key", "rotate", "--cipher", "des", "--db", dsn); code != exitRejected || !strings.Contains(errs, "aes 或 sm4") {
		t.Errorf("bad cipher: exit %d %q", code, errs)
	}
	// A database created with --cipher sm4 and a key file named by --key-file.
	kf := dir + "/elsewhere.key"
	mustRun(t, "migrate", "--db", dir+"/s.db", "--cipher", "sm4")
	if kr, err := seal.ReadFile(dir + "/s.db.key"); err != nil || kr.Cipher() != seal.SM4 {
		t.Fatalf("key of a database made with --cipher sm4: %v %v", kr, err)
	}
	out := mustRun(t, "key", "check", "--db", dir+"/e.db", "--key-file", kf, "--format", "json")
	var st sqldb.KeyStatus
	if err := json.Unmarshal([]byte(out), &st); err != nil || st.File != kf || st.Cipher != seal.AES {
		t.Fatalf("key check --key-file: %+v %v", st, err)
	}
}
