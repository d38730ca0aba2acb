package sqldb

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"net/url"
	"strings"
	"testing"
	"time"

	"hezuo"
	"hezuo/sqldb/dbtest"
)

// openAt opens dsn without migrating it and applies the migrations up to
// version k, as the hezuo of that schema version left it.
func openAt(t *testing.T, dsn, dialect string, k int) *DB {
	t.Helper()
	db := &DB{DSN: dsn, Dialect: dialect}
	var err error
	if dialect == Postgres {
		db.conn, err = sql.Open("pgx", dsn)
	} else {
		q := url.Values{}
		q.Add("_pragma", "foreign_keys(1)")
		q.Add("_pragma", "journal_mode(WAL)")
		q.Add("_pragma", "busy_timeout(10000)")
		db.conn, err = sql.Open("sqlite", "file:"+dsn+"?"+q.Encode())
	}
	if err != nil {
		t.Fatal(err)
	}
	if err := db.migrateTo(context.Background(), k); err != nil {
		t.Fatalf("migrate to %d: %v", k, err)
	}
	return db
}

// upgradeRecords are the records written at each old schema version: a
// county, a township, a village, an org, and (while people kept their ID
// number in plain text, before migration 5) a member.
func upgradeRecords(k int) *hezuo.Dataset {
	ds := &hezuo.Dataset{
		Divisions: []hezuo.Division{{Code: fxCounty + "000000", Name: "测试县"}, {Code: fxTownA + "000", Name: "甲镇"}, {Code: fxVA1, Name: "东村"}},
		Orgs: []hezuo.Org{{OrgNo: "UP-1", Name: "升级测试协会", Kind: hezuo.KindAssociation, Village: fxVA1, Industry: "蔬菜",
			HouseholdsDriven: 12, Founded: hezuo.MustDate("2016-05-01")}},
	}
	if k < 5 {
		id := idNumber(7)
		_, birth, sex, _ := hezuo.ParseIDNumber(id, hezuo.MustDate("2026-01-01"))
		ds.People = []hezuo.Person{{IDNumber: id, Name: "升级成员", Sex: sex, BirthDate: birth, Village: fxVA1, Phone: "13900001111"}}
		ds.Memberships = []hezuo.Membership{{IDNumber: id, OrgNo: "UP-1", Role: "成员", Period: hezuo.Period{From: hezuo.MustDate("2020-01-01")}}}
	}
	return ds
}

// writeOld writes upgradeRecords with the SQL of schema version k.
func writeOld(t *testing.T, db *DB, k int) {
	t.Helper()
	ctx := context.Background()
	ex := func(q string, args ...any) {
		if _, err := db.ExecContext(ctx, db.rebind(q), args...); err != nil {
			t.Fatalf("version %d: %s: %v", k, q, err)
		}
	}
	ex(`INSERT INTO divisions (code, name, level, county) VALUES (?, '测试县', 'county', ?), (?, '甲镇', 'township', ?), (?, '东村', 'village', ?)`,
		fxCounty+"000000", fxCounty, fxTownA+"000", fxCounty, fxVA1, fxCounty)
	ex(`INSERT INTO orgs (county, org_no, name, kind, village, industry, households_driven, founded) VALUES (?, 'UP-1', '升级测试协会', 'association', ?, '蔬菜', 12, ?)`,
		fxCounty, fxVA1, "2016-05-01")
	if k < 5 {
		p := upgradeRecords(k).People[0]
		_, birth, sex, err := hezuo.ParseIDNumber(p.IDNumber, hezuo.MustDate("2026-01-01"))
		if err != nil {
			t.Fatal(err)
		}
		ex(`INSERT INTO people (county, id_number, name, sex, birth_date, village, phone) VALUES (?, ?, ?, ?, ?, ?, ?)`,
			fxCounty, p.IDNumber, p.Name, sex, birth.String(), fxVA1, p.Phone)
		ex(`INSERT INTO memberships (county, person_id, org_id, role, valid_from) VALUES (?, (SELECT id FROM people), (SELECT id FROM orgs), '成员', ?)`,
			fxCounty, "2020-01-01")
	}
	if k >= 2 {
		ex(`INSERT INTO users (county, name, role, scope, password_hash, created_at) VALUES (?, 'old', 'county_admin', ?, 'x', 1)`, fxCounty, fxCounty)
		ex(`INSERT INTO audit_log (county, at, user_name, action, entity, note) VALUES (?, ?, 'old', 'login', 'session', 'from version `+fmt.Sprint(k)+`')`, fxCounty, time.Now().Unix())
	}
}

// schemaOf describes every table, column, index and trigger of a database.
func schemaOf(t *testing.T, db *DB) string {
	t.Helper()
	q := `SELECT type || ' ' || name || ' ' || tbl_name || ' ' || coalesce(sql, '') FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name`
	if db.Dialect == Postgres {
		q = `SELECT s FROM (
			SELECT 'column ' || table_name || '.' || column_name || ' ' || data_type || ' ' || is_nullable || ' ' || coalesce(column_default, '') AS s
				FROM information_schema.columns WHERE table_schema = 'public'
			UNION ALL SELECT 'index ' || indexdef FROM pg_indexes WHERE schemaname = 'public'
			UNION ALL SELECT 'trigger ' || event_object_table || ' ' || trigger_name || ' ' || event_manipulation || ' ' || action_statement
				FROM information_schema.triggers WHERE trigger_schema = 'public'
			UNION ALL SELECT 'constraint ' || conrelid::regclass::text || ' ' || pg_get_constraintdef(oid) FROM pg_constraint
				WHERE connamespace = 'public'::regnamespace) x ORDER BY s`
	}
	rows, err := db.QueryContext(context.Background(), q)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var b strings.Builder
	for rows.Next() {
		var s string
		rows.Scan(&s)
		b.WriteString(s + "\n")
	}
	return b.String()
}

// TestUpgradeFromEveryVersion builds a database at each earlier schema
// version, writes records with that version's SQL, opens it normally (which
// migrates it and converts what needs converting) and checks that its
// schema is a fresh database's and that the records survived.
func TestUpgradeFromEveryVersion(t *testing.T) {
	for _, d := range dbtest.DSNs(t) {
		t.Run(d.Name, func(t *testing.T) {
			ctx := context.Background()
			dialect := SQLite
			if d.Name == "postgres" {
				dialect = Postgres
			}
			fresh, err := Open(ctx, d.DSN)
			if err != nil {
				t.Fatal(err)
			}
			want := schemaOf(t, fresh)
			fresh.Close()
			ms, _ := Migrations(dialect)
			for _, m := range ms[:len(ms)-1] {
				k := m.Version
				t.Run(fmt.Sprint("from ", k), func(t *testing.T) {
					dsn := dbtest.SQLite(t)
					if dialect == Postgres {
						dsn = dbtest.Postgres(t)
					}
					old := openAt(t, dsn, dialect, k)
					writeOld(t, old, k)
					old.Close()
					db, err := Open(ctx, dsn)
					if err != nil {
						t.Fatalf("open a version %d database: %v", k, err)
					}
					defer db.Close()
					if got := schemaOf(t, db); got != want {
						t.Errorf("schema after upgrading from %d differs from a fresh one:\n%s", k, diffLines(got, want))
					}
					ds, err := db.Dump(ctx, hezuo.AllScope)
					if err != nil {
						t.Fatal(err)
					}
					w := upgradeRecords(k)
					gotJ, _ := json.Marshal([]any{ds.Divisions, ds.Orgs, ds.People, ds.Memberships})
					wantJ, _ := json.Marshal([]any{w.Divisions, w.Orgs, w.People, w.Memberships})
					if string(gotJ) != string(wantJ) {
						t.Errorf("records after upgrading from %d:\n got %s\nwant %s", k, gotJ, wantJ)
					}
					if k >= 2 {
						var n int
						db.QueryRowContext(ctx, db.rebind(`SELECT count(*) FROM audit_log WHERE note = ?`), fmt.Sprint("from version ", k)).Scan(&n)
						if n != 1 {
							t.Errorf("the audit entry written at version %d is gone", k)
						}
					}
				})
			}
		})
	}
}

// diffLines lists the lines only in a or only in b.
func diffLines(a, b string) string {
	in := func(s string) map[string]bool {
		m := map[string]bool{}
		for _, l := range strings.Split(s, "\n") {
			m[l] = true
		}
		return m
	}
	ma, mb := in(a), in(b)
	var out []string
	for l := range ma {
		if !mb[l] {
			out = append(out, "+ "+l)
		}
	}
	for l := range mb {
		if !ma[l] {
			out = append(out, "- "+l)
		}
	}
	return strings.Join(out, "\n")
}
