package sqldb

import (
	"context"
	crand "crypto/rand"
	"encoding/hex"
	"fmt"
	"math/rand/v2"
	"net/url"
	"os"
	"reflect"
	"strings"
	"testing"
	"time"

	"hezuo"
	"hezuo/sqldb/dbtest"
)

// TestImportUntriggeredOrNot imports the same roster into PostgreSQL as a
// superuser (memberships and party status steps copied with the triggers
// off, copyUntriggered), as an ordinary role (refused the setting: copied
// with the triggers on) and, on PostgreSQL 15 and later, as an ordinary
// role granted SET on session_replication_role (triggers off again). The
// records, the audit entries and the figures are the same every way, and
// the summaries equal the direct computation.
func TestImportUntriggeredOrNot(t *testing.T) {
	ctx := context.Background()
	if os.Getenv("HEZUO_TEST_POSTGRES") == "" {
		t.Skip("HEZUO_TEST_POSTGRES not set")
	}
	now := time.Date(2024, 3, 1, 8, 0, 0, 0, time.UTC)
	roster := func() *hezuo.Dataset {
		ds := &hezuo.Dataset{Source: "导入 members 文件 roster.csv"}
		for i := range replicaRows + 300 {
			id := idNumber(40000 + i) // none of the fixture's (idNumber repeats every 21,000)
			ds.People = append(ds.People, hezuo.Person{IDNumber: id, Name: fmt.Sprintf("成员%d", i)})
			ds.Memberships = append(ds.Memberships, hezuo.Membership{IDNumber: id, OrgNo: string(rune('A' + i%5)),
				Period: hezuo.Period{From: hezuo.MustDate("2016-01-01").AddDays(i % 900)}})
			s := hezuo.PartyStatus{IDNumber: id, Status: hezuo.StatusFull, Period: hezuo.Period{From: hezuo.MustDate("2018-07-01")}}
			if i%3 == 0 {
				s.HomePartyOrg = "BA"
			}
			ds.PartyStatus = append(ds.PartyStatus, s)
		}
		// Stored people (not this import's) in the same COPY: their keys are
		// checked and locked.
		for n := 1; n <= 5; n++ {
			ds.Memberships = append(ds.Memberships, hezuo.Membership{IDNumber: idNumber(n), OrgNo: "E",
				Period: hezuo.Period{From: hezuo.MustDate("2023-05-01")}})
		}
		return ds
	}
	type outcome struct {
		dump   *hezuo.Dataset
		audit  string
		stats  *hezuo.Stats
		copies int64
	}
	run := func(t *testing.T, role string, grant bool) outcome {
		dsn := dbtest.Postgres(t)
		admin, err := Open(ctx, dsn)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { admin.Close() })
		if err := admin.Load(ctx, fixture(), fxDay); err != nil {
			t.Fatal(err)
		}
		importer := admin
		if role != "" {
			importer = openAsRole(t, admin, dsn, role, grant)
		}
		before := untriggeredCopies.Load()
		if err := importer.Import(ctx, hezuo.System, roster(), fxDay, now); err != nil {
			t.Fatal(err)
		}
		o := outcome{dump: mustDump(t, admin), copies: untriggeredCopies.Load() - before}
		var b strings.Builder
		if err := admin.eachRow(ctx, `SELECT action, entity, entity_key, division, county, old_value, new_value, note
			FROM audit_log WHERE at = ? ORDER BY entity, entity_key, action, new_value, old_value`, []any{now.Unix()}, func(r rowScanner) error {
			v := make([]string, 8)
			err := r.Scan(&v[0], &v[1], &v[2], &v[3], &v[4], &v[5], &v[6], &v[7])
			b.WriteString(strings.Join(v, "|") + "\n")
			return err
		}); err != nil {
			t.Fatal(err)
		}
		o.audit = b.String()
		if o.stats, err = admin.Stats(ctx, hezuo.AllScope, fxDay); err != nil {
			t.Fatal(err)
		}
		assertSummaries(t, admin, rand.New(rand.NewPCG(5, 8)), 8, hezuo.AllScope, fxDay)
		return o
	}
	var super outcome
	t.Run("superuser", func(t *testing.T) {
		if super = run(t, "", false); super.copies != 2 {
			t.Errorf("%d COPYs with the triggers off, want 2 (memberships, party status)", super.copies)
		}
		want := len(roster().People) + len(roster().Memberships) + len(roster().PartyStatus)
		if n := strings.Count(super.audit, "\n"); n != want {
			t.Errorf("%d audit entries, want %d", n, want)
		}
	})
	if super.dump == nil {
		t.FailNow()
	}
	for _, c := range []struct {
		name   string
		grant  bool
		copies int64
	}{{"ordinary", false, 0}, {"granted", true, 2}} {
		t.Run(c.name, func(t *testing.T) {
			o := run(t, "hezuo_imp_"+c.name, c.grant)
			if o.copies != c.copies {
				t.Errorf("%d COPYs with the triggers off, want %d", o.copies, c.copies)
			}
			if !reflect.DeepEqual(o.dump, super.dump) {
				t.Errorf("the records differ from the superuser's import")
			}
			if o.audit != super.audit {
				t.Errorf("the audit entries differ from the superuser's import")
			}
			if !reflect.DeepEqual(o.stats, super.stats) {
				t.Errorf("figures %+v, the superuser's %+v", o.stats, super.stats)
			}
		})
	}
}

// openAsRole creates a login role (named prefix + a random suffix) that
// may read and write every table of admin's database dsn but is no
// superuser — granted SET on session_replication_role with grant, skipping
// when the server is older than 15 — and opens the database as it.
func openAsRole(t *testing.T, admin *DB, dsn, prefix string, grant bool) *DB {
	ctx := context.Background()
	b := make([]byte, 4)
	crand.Read(b)
	role := prefix + "_" + hex.EncodeToString(b)
	var version int
	if err := admin.QueryRowContext(ctx, `SELECT current_setting('server_version_num')::int`).Scan(&version); err != nil {
		t.Fatal(err)
	}
	if grant && version < 150000 {
		t.Skip("GRANT SET ON PARAMETER needs PostgreSQL 15")
	}
	stmts := []string{`CREATE ROLE ` + role + ` LOGIN NOSUPERUSER`,
		`GRANT CREATE ON SCHEMA public TO ` + role, `GRANT ALL ON ALL TABLES IN SCHEMA public TO ` + role, `GRANT ALL ON ALL SEQUENCES IN SCHEMA public TO ` + role}
	if grant {
		stmts = append(stmts, `GRANT SET ON PARAMETER session_replication_role TO `+role)
	}
	for _, q := range stmts {
		if _, err := admin.ExecContext(ctx, q); err != nil {
			t.Fatal(err)
		}
	}
	// Cleanups run last first: the role's connections close, then it goes.
	t.Cleanup(func() {
		admin.ExecContext(ctx, `DROP OWNED BY `+role)
		admin.ExecContext(ctx, `DROP ROLE `+role)
	})
	u, err := url.Parse(dsn)
	if err != nil {
		t.Fatal(err)
	}
	u.User = url.User(role)
	dbtest.CopyKey(t, dsn, u.String())
	db, err := Open(ctx, u.String())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	var super bool
	if err := db.QueryRowContext(ctx, `SELECT rolsuper FROM pg_roles WHERE rolname = current_user`).Scan(&super); err != nil || super {
		t.Fatalf("connected as a superuser (%v)", err)
	}
	return db
}

// TestCopyUntriggeredMissingKey: rows referring to a record that is not
// there are not copied with the triggers off (the ordinary insert's
// trigger then refuses them, as before), and the session's setting is
// put back.
func TestCopyUntriggeredMissingKey(t *testing.T) {
	ctx := context.Background()
	if os.Getenv("HEZUO_TEST_POSTGRES") == "" {
		t.Skip("HEZUO_TEST_POSTGRES not set")
	}
	db, err := Open(ctx, dbtest.Postgres(t))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if err := db.Load(ctx, fixture(), fxDay); err != nil {
		t.Fatal(err)
	}
	var person, org int64
	if err := db.QueryRowContext(ctx, `SELECT min(id) FROM people`).Scan(&person); err != nil {
		t.Fatal(err)
	}
	if err := db.QueryRowContext(ctx, `SELECT max(id) + 1 FROM orgs`).Scan(&org); err != nil {
		t.Fatal(err)
	}
	conn, err := db.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	errDone := fmt.Errorf("done")
	err = db.writeOn(ctx, conn, trusted, hezuo.System, clockOn(fxDay, time.Now()), func(w *unit) error {
		l := &importer{loader: w.loader(), conn: conn, county: map[string]string{}, plain: true, fresh: map[int64]bool{}}
		rows := make([][]any, replicaRows)
		for i := range rows {
			rows[i] = []any{fxCounty, person, org, "", fxDay.AddDays(-i - 1), nil}
		}
		done, err := l.copyUntriggered("memberships", []string{"county", "person_id", "org_id", "role", "valid_from", "valid_to"}, rows,
			[]foreignKey{{1, "people", l.fresh}, {2, "orgs", nil}}, dirtyMark{"org", 2})
		if done || err != nil {
			t.Errorf("copied with a missing org: %v %v", done, err)
		}
		var role string
		if err := w.tx.QueryRowContext(ctx, `SELECT current_setting('session_replication_role')`).Scan(&role); err != nil || role != "origin" {
			t.Errorf("session_replication_role %q after the refusal (%v)", role, err)
		}
		return errDone
	})
	if err != errDone {
		t.Fatal(err)
	}
}
