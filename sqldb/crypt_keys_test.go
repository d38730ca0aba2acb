package sqldb

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"hezuo"
	"hezuo/seal"
	"hezuo/sqldb/dbtest"
)

// Keys: one per database, from the environment, and the upgrade of schema 4.

// TestEachDatabaseOwnKey: dbtest gives every database its own key, and a
// copied SQLite file opens only with its key copied too.
func TestEachDatabaseOwnKey(t *testing.T) {
	ctx := context.Background()
	var checks []string
	var first *DB
	for i := 0; i < 2; i++ {
		db, err := Open(ctx, dbtest.SQLite(t))
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		c, _ := db.Meta(ctx, metaSealCheck+"k1")
		checks = append(checks, c)
		if first == nil {
			first = db
		}
	}
	if checks[0] == "" || checks[0] == checks[1] {
		t.Fatalf("key checks %q", checks)
	}
	load(t, first, fixture())
	if _, err := first.ExecContext(ctx, `PRAGMA wal_checkpoint(TRUNCATE)`); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(first.DSN)
	if err != nil {
		t.Fatal(err)
	}
	cp := dbtest.SQLite(t)
	if err := os.WriteFile(cp, b, 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := Open(ctx, cp); err == nil || !strings.Contains(err.Error(), "HEZUO_KEY_FILE") {
		t.Fatalf("a copy without its key opened: %v", err)
	}
	dbtest.CopyKey(t, first.DSN, cp)
	db, err := Open(ctx, cp)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.CheckKeys(ctx); err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(b, []byte("k1:")) {
		t.Fatal("no sealed values in the file")
	}
}

// TestKeyFromEnv: HEZUO_KEY (short form) is used instead of a key file,
// and HEZUO_CIPHER chooses the cipher of a created key.
func TestKeyFromEnv(t *testing.T) {
	ctx := context.Background()
	dsn := dbtest.SQLite(t)
	t.Setenv("HEZUO_KEY", "sm4:"+strings.Repeat("QUJD", 11))
	db, err := Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	load(t, db, fixture())
	if db.KeyFile() != "" || db.Keys().Cipher() != seal.SM4 {
		t.Fatalf("key file %q cipher %s", db.KeyFile(), db.Keys().Cipher())
	}
	if _, err := os.Stat(dsn + ".key"); !errors.Is(err, os.ErrNotExist) {
		t.Fatal("a key file was created although HEZUO_KEY is set")
	}
	if _, err := db.RotateKeys(ctx, "", false, time.Now()); hezuo.ErrorCode(err) != hezuo.EINVALID {
		t.Fatalf("rotation of an environment key: %v", err)
	}
	db.Close()
	t.Setenv("HEZUO_KEY", "")
	if _, err := Open(ctx, dsn); err == nil {
		t.Fatal("opened without the environment key")
	}
	t.Setenv("HEZUO_CIPHER", "sm4")
	db2, err := Open(ctx, dbtest.SQLite(t))
	if err != nil {
		t.Fatal(err)
	}
	defer db2.Close()
	if db2.Keys().Cipher() != seal.SM4 {
		t.Fatalf("HEZUO_CIPHER ignored: %s", db2.Keys().Cipher())
	}
	if st, err := os.Stat(db2.KeyFile()); err != nil || st.Mode().Perm() != 0o600 {
		t.Fatalf("created key file: %v %v", st, err)
	}
}

// TestUpgradeSchema4 builds a database of schema 4 by its own migrations
// with plaintext rows (a person, an instructor user, an audit entry naming
// the ID number and phone) and opens it: everything is sealed, hashed or
// masked, and the person is found by the ID number.
func TestUpgradeSchema4(t *testing.T) {
	ctx := context.Background()
	for _, d := range dbtest.DSNs(t) {
		t.Run(d.Name, func(t *testing.T) {
			dialect, driver, source := SQLite, "sqlite", "file:"+d.DSN
			if IsPostgres(d.DSN) {
				dialect, driver, source = Postgres, "pgx", d.DSN
			}
			raw, err := sql.Open(driver, source)
			if err != nil {
				t.Fatal(err)
			}
			ms, err := Migrations(dialect)
			if err != nil {
				t.Fatal(err)
			}
			id, phone := idNumber(3), "13712345678"
			stmts := []string{`CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`}
			for _, m := range ms[:4] {
				stmts = append(stmts, m.SQL, fmt.Sprintf(`INSERT INTO schema_migrations VALUES (%d, '%s', 'then')`, m.Version, m.Name))
			}
			stmts = append(stmts,
				`INSERT INTO divisions (code, name, level, county) VALUES ('220999000000', '测试县', 'county', '220999'),
					('220999100000', '甲镇', 'township', '220999'), ('220999100201', '东村', 'village', '220999')`,
				`INSERT INTO people (county, id_number, name, sex, birth_date, village, phone) VALUES
					('220999', '`+id+`', '老数据', 'M', '1973-04-04', '220999100201', '`+phone+`')`,
				`INSERT INTO instructors (county, person_id, township) SELECT '220999', id, '220999100' FROM people`,
				`INSERT INTO users (county, name, role, scope, subject, password_hash, created_at) VALUES
					('220999', 'zd', 'instructor', '220999100', '`+id+`', 'x', 0)`,
				`INSERT INTO audit_log (county, at, user_name, action, entity, entity_key, new_value) VALUES
					('220999', 1, 'x', 'create', 'person', '`+id+`', '{"id_number":"`+id+`","phone":"`+phone+`"}')`)
			for _, q := range stmts {
				if _, err := raw.ExecContext(ctx, q); err != nil {
					t.Fatalf("%.60s: %v", q, err)
				}
			}
			raw.Close()

			db, err := Open(ctx, d.DSN)
			if err != nil {
				t.Fatal(err)
			}
			defer db.Close()
			assertNoPlaintext(t, db, map[string]bool{id: true, phone: true})
			p, err := db.GetPerson(ctx, hezuo.System, id, time.Now())
			if err != nil || p.Phone != phone || p.Name != "老数据" {
				t.Fatalf("person after upgrade: %+v %v", p, err)
			}
			var key, value string
			if err := db.QueryRowContext(ctx, `SELECT entity_key, new_value FROM audit_log WHERE user_name = 'x'`).Scan(&key, &value); err != nil ||
				key != hezuo.MaskIDNumber(id) || !strings.Contains(value, hezuo.MaskPhone(phone)) {
				t.Fatalf("audit entry after upgrade: %q %q %v", key, value, err)
			}
			if st, err := db.CheckKeys(ctx); err != nil || st.People != 1 || st.Users != 1 {
				t.Fatalf("key check after upgrade: %+v %v", st, err)
			}
		})
	}
}
