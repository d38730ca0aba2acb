package sqldb

import (
	"context"
	"errors"
	"fmt"
	"os"
	"reflect"
	"strings"
	"testing"
	"time"

	"hezuo"
	"hezuo/seal"
)

var sealDay = hezuo.MustDate("2022-06-08")

// sealSnap is what must not change when keys rotate or a database is
// converted: the dump (platforms too), the stats and the check.
type sealSnap struct {
	dump  *hezuo.Dataset
	stats *hezuo.Stats
	check []hezuo.CheckRow
}

func takeSealSnap(t *testing.T, db *DB) sealSnap {
	t.Helper()
	ctx := context.Background()
	ds, err := db.Dump(ctx, hezuo.AllScope)
	if err != nil {
		t.Fatal(err)
	}
	if err := db.DumpPlatforms(ctx, hezuo.AllScope, ds); err != nil {
		t.Fatal(err)
	}
	st, err := db.Stats(ctx, hezuo.AllScope, sealDay)
	if err != nil {
		t.Fatal(err)
	}
	ck, err := db.Check(ctx, hezuo.AllScope, sealDay)
	if err != nil {
		t.Fatal(err)
	}
	return sealSnap{ds, st, ck}
}

func (s sealSnap) assertSame(t *testing.T, what string, o sealSnap) {
	t.Helper()
	if !reflect.DeepEqual(s.dump, o.dump) {
		t.Errorf("%s: the dump changed", what)
	}
	if !statsEqual(s.stats, o.stats) {
		t.Errorf("%s: the stats changed", what)
	}
	if !reflect.DeepEqual(s.check, o.check) {
		t.Errorf("%s: the check changed", what)
	}
}

// personalSets returns the demo's ID numbers and phones.
func personalSets(ds *hezuo.Dataset) map[string]bool {
	out := map[string]bool{}
	for _, p := range ds.People {
		out[p.IDNumber] = true
		if p.Phone != "" {
			out[p.Phone] = true
		}
	}
	return out
}

// digitRuns calls fn with every run of 11 to 18 digits (an ID number may
// end in X) in b: a byte loop, since database files are tens of megabytes.
func digitRuns(b []byte, fn func(string)) {
	for i := 0; i < len(b); {
		if b[i] < '0' || b[i] > '9' {
			i++
			continue
		}
		j := i
		for j < len(b) && (b[j] >= '0' && b[j] <= '9' || b[j] == 'X' && j > i) {
			j++
		}
		if n := j - i; n >= 11 && n <= 18 {
			fn(string(b[i:j]))
		}
		i = j
	}
}

// assertNoPlaintext fails when a raw read of the people, users and audit
// tables, or (SQLite) the database file's bytes, hold any of the values.
func assertNoPlaintext(t *testing.T, db *DB, values map[string]bool) {
	t.Helper()
	ctx := context.Background()
	var raw strings.Builder
	for _, q := range []string{`SELECT id_hash || ' ' || id_sealed || ' ' || phone_sealed FROM people`,
		`SELECT subject FROM users`, `SELECT entity_key || ' ' || old_value || ' ' || new_value || ' ' || note FROM audit_log`} {
		if err := db.eachRow(ctx, q, nil, func(r rowScanner) error {
			var s string
			err := r.Scan(&s)
			raw.WriteString(s + "\n")
			return err
		}); err != nil {
			t.Fatal(err)
		}
	}
	check := func(where string, b []byte) {
		n := 0
		digitRuns(b, func(m string) {
			if values[m] && n < 3 {
				t.Errorf("%s holds %s in plaintext", where, hezuo.MaskIDNumber(m))
				n++
			}
		})
	}
	check("a raw read", []byte(raw.String()))
	if db.Dialect != SQLite {
		return
	}
	if _, err := db.ExecContext(ctx, `PRAGMA wal_checkpoint(TRUNCATE)`); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{db.DSN, db.DSN + "-wal"} {
		b, err := os.ReadFile(f)
		if err != nil && !errors.Is(err, os.ErrNotExist) {
			t.Fatal(err)
		}
		check(f, b)
	}
}

// TestSealedRotate loads the fixture (every person with a phone), checks
// that no ID number or phone is stored in plaintext, rotates the key (to
// SM4 and back to AES, dropping old keys) with every figure and the dump
// unchanged and lookups by ID number working, and refuses a missing or
// wrong key. cmd/hezuo's key tests do the same on the demo county.
func TestSealedRotate(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *DB) {
		ctx := context.Background()
		ds := fixture()
		for i := range ds.People {
			ds.People[i].Phone = fmt.Sprintf("139%08d", 1000+i)
		}
		load(t, db, ds)
		values := personalSets(ds)
		if len(values) < 20 {
			t.Fatalf("only %d personal values in the fixture", len(values))
		}
		assertNoPlaintext(t, db, values)
		before := takeSealSnap(t, db)
		if len(before.dump.People) == 0 || before.dump.People[0].IDNumber != minID(ds) {
			t.Fatalf("dump not ordered by ID number")
		}
		someone := before.dump.People[len(before.dump.People)/2]

		st, err := db.RotateKeys(ctx, "sm4", false, time.Now())
		if err != nil {
			t.Fatal(err)
		}
		if st.Current != "k2" || st.Cipher != seal.SM4 || len(st.Keys) != 2 || st.People != len(before.dump.People) {
			t.Fatalf("after rotation: %+v", st)
		}
		before.assertSame(t, "rotation to sm4", takeSealSnap(t, db))
		p, err := db.GetPerson(ctx, hezuo.System, someone.IDNumber, time.Now())
		if err != nil || p.IDNumber != someone.IDNumber || p.Phone != someone.Phone {
			t.Fatalf("lookup by ID number after rotation: %+v %v", p, err)
		}

		// Reopening reads the rotated key file; then rotate back to AES and
		// drop the old keys.
		db2, err := Open(ctx, db.DSN)
		if err != nil {
			t.Fatal(err)
		}
		if st, err := db2.RotateKeys(ctx, "aes", true, time.Now()); err != nil || st.Cipher != seal.AES || len(st.Keys) != 1 || st.Current != "k3" {
			t.Fatalf("second rotation: %+v %v", st, err)
		}
		before.assertSame(t, "rotation to aes", takeSealSnap(t, db2))
		assertNoPlaintext(t, db2, values)
		db2.Close()
		kr, err := seal.ReadFile(db.KeyFile())
		if err != nil || len(kr.Keys) != 1 || kr.Current != "k3" {
			t.Fatalf("key file after --drop-old: %v %v", kr, err)
		}
		db3, err := Open(ctx, db.DSN)
		if err != nil {
			t.Fatal(err)
		}
		if st, err := db3.CheckKeys(ctx); err != nil || st.Current != "k3" {
			t.Fatalf("reopened: %+v %v", st, err)
		}
		db3.Close()

		// A missing or wrong key is refused with a clear message.
		if _, err := OpenWith(ctx, db.DSN, OpenOptions{KeyFile: db.KeyFile() + ".missing"}); hezuo.ErrorCode(err) != hezuo.EINVALID ||
			!strings.Contains(err.Error(), "找不到密钥") {
			t.Errorf("missing key: %v", err)
		}
		other, _ := seal.New("aes", time.Now())
		other.Keys[0].ID, other.Current = "k3", "k3"
		if _, err := OpenWith(ctx, db.DSN, OpenOptions{Keys: other}); hezuo.ErrorCode(err) != hezuo.EINVALID ||
			!strings.Contains(err.Error(), "密钥与数据库不符") {
			t.Errorf("wrong key: %v", err)
		}
	})
}

func minID(ds *hezuo.Dataset) string {
	m := ds.People[0].IDNumber
	for _, p := range ds.People {
		m = min(m, p.IDNumber)
	}
	return m
}

// TestUpgradePlaintext turns a loaded fixture back into the people table of
// schema 4 (plaintext ID numbers and phones, an instructor user's plaintext
// subject) and opens it without a key: migration 0005 and its Go step seal
// everything under a new key, and every figure and the dump are the same.
func TestUpgradePlaintext(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *DB) {
		ctx := context.Background()
		ds := fixture()
		ds.People[0].Phone = "13900001111"
		load(t, db, ds)
		var instructor string
		for _, in := range ds.Instructors {
			instructor = in.IDNumber
		}
		if err := db.CreateUser(ctx, &hezuo.User{Name: "zhidao", Role: hezuo.RoleInstructor, Scope: fxTownA, Subject: instructor},
			"pass-word-1", time.Now()); err != nil {
			t.Fatal(err)
		}
		before := takeSealSnap(t, db)
		downgrade(t, db, ds.People[0].IDNumber)
		db.Close()
		if err := os.Remove(db.KeyFile()); err != nil {
			t.Fatal(err)
		}

		up, err := OpenWith(ctx, db.DSN, OpenOptions{Cipher: "sm4"})
		if err != nil {
			t.Fatal(err)
		}
		defer up.Close()
		if up.Keys().Cipher() != seal.SM4 {
			t.Errorf("cipher %s, want SM4 (OpenOptions.Cipher)", up.Keys().Cipher())
		}
		before.assertSame(t, "upgrade", takeSealSnap(t, up))
		assertNoPlaintext(t, up, personalSets(ds))
		if st, err := up.CheckKeys(ctx); err != nil || st.Users != 1 {
			t.Fatalf("check after upgrade: %+v %v", st, err)
		}
		u, err := up.Users(ctx, hezuo.System)
		if err != nil || len(u) != 1 || u[0].Subject != hezuo.MaskIDNumber(instructor) {
			t.Fatalf("instructor user after upgrade: %+v %v", u, err)
		}
		// The user's access still reaches the org it is dispatched to.
		full, err := up.User(ctx, u[0].ID)
		if err != nil {
			t.Fatal(err)
		}
		list, err := up.ListOrgs(ctx, full.Access(), hezuo.OrgFilter{}, hezuo.Today(hezuo.China))
		if err != nil || list.Total == 0 {
			t.Fatalf("instructor's orgs after upgrade: %v %v", list, err)
		}
	})
}

// downgrade rewrites db's people as schema 4 held them: plaintext, the
// instructor users' plaintext subjects, no key check.
func downgrade(t *testing.T, db *DB, someID string) {
	t.Helper()
	ctx := context.Background()
	type row struct {
		id          int64
		idNo, phone string
	}
	var rows []row
	if err := db.eachRow(ctx, `SELECT id, id_sealed, phone_sealed FROM people`, nil, func(r rowScanner) error {
		var x row
		err := r.Scan(&x.id, db.opened(&x.idNo), db.opened(&x.phone))
		rows = append(rows, x)
		return err
	}); err != nil {
		t.Fatal(err)
	}
	plainOf := map[string]string{}
	for _, x := range rows {
		plainOf[db.idHash(x.idNo)] = x.idNo
		if _, err := db.ExecContext(ctx, db.rebind(`UPDATE people SET id_hash = ?, phone_sealed = ? WHERE id = ?`), x.idNo, x.phone, x.id); err != nil {
			t.Fatal(err)
		}
	}
	var subject string
	if err := db.QueryRowContext(ctx, `SELECT subject FROM users WHERE role = 'instructor'`).Scan(&subject); err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{
		`UPDATE users SET subject = '` + plainOf[subject] + `' WHERE role = 'instructor'`,
		`ALTER TABLE people DROP COLUMN id_sealed`,
		`ALTER TABLE people RENAME COLUMN id_hash TO id_number`,
		`ALTER TABLE people RENAME COLUMN phone_sealed TO phone`,
		`DELETE FROM schema_migrations WHERE version = 5`,
		`DELETE FROM meta WHERE key LIKE 'seal.%'`,
	} {
		if _, err := db.ExecContext(ctx, q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	var plain int
	if err := db.QueryRowContext(ctx, `SELECT count(*) FROM people WHERE id_number = '`+someID+`' AND phone = '13900001111'`).Scan(&plain); err != nil || plain != 1 {
		t.Fatalf("downgrade: %d %v", plain, err)
	}
}

// TestAuditMasked saves a person with a phone: the audit entry holds the
// masked ID number and phone, never the whole ones.
func TestAuditMasked(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *DB) {
		ctx := context.Background()
		load(t, db, fixture())
		id := idNumber(77)
		p := &hezuo.Person{IDNumber: id, Name: "审计测试", Village: fxVA1, Phone: "13812345678"}
		if _, _, err := db.SavePerson(ctx, hezuo.System, p, 0, time.Now()); err != nil {
			t.Fatal(err)
		}
		var key, value string
		if err := db.QueryRowContext(ctx, `SELECT entity_key, new_value FROM audit_log WHERE entity = 'person'`).Scan(&key, &value); err != nil {
			t.Fatal(err)
		}
		all := key + value
		if strings.Contains(all, id) || strings.Contains(all, "13812345678") || !strings.Contains(all, hezuo.MaskIDNumber(id)) {
			t.Fatalf("audit entry %q %q", key, value)
		}
		// The whole number finds the person by hash; a part of it does not.
		list, err := db.ListPeople(ctx, hezuo.System, hezuo.PersonFilter{Q: strings.ToLower(id)}, hezuo.Today(hezuo.China))
		if err != nil || len(list.Items) != 1 || list.Items[0].Name != "审计测试" || list.Items[0].IDNumber != hezuo.MaskIDNumber(id) {
			t.Fatalf("search by whole ID number: %+v %v", list, err)
		}
		if list, err := db.ListPeople(ctx, hezuo.System, hezuo.PersonFilter{Q: id[:10]}, hezuo.Today(hezuo.China)); err != nil || len(list.Items) != 0 {
			t.Fatalf("search by part of an ID number: %+v %v", list, err)
		}
	})
}
