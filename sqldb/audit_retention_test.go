package sqldb

import (
	"context"
	"strings"
	"testing"
	"time"

	"hezuo"
)

// TestAuditAppendOnly: the database itself refuses to change audit entries
// or to delete those inside the retention period; PurgeAudit removes only
// older ones and records itself; the retention cannot drop below six months.
func TestAuditAppendOnly(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *DB) {
		ctx := context.Background()
		now := time.Now()
		old, recent := now.AddDate(0, 0, -400), now.AddDate(0, 0, -10)
		for _, at := range []time.Time{old, recent} {
			if err := db.Audit(ctx, hezuo.System, at, "view", "person", "k", "", "entry"); err != nil {
				t.Fatal(err)
			}
		}
		for _, q := range []string{
			`UPDATE audit_log SET note = 'forged'`,
			`DELETE FROM audit_log`,
			`DELETE FROM audit_retention`,
			`UPDATE audit_retention SET days = 30`,
		} {
			if _, err := db.ExecContext(ctx, q); err == nil {
				t.Errorf("%s: accepted, want refused", q)
			}
		}
		if db.Dialect == Postgres {
			if _, err := db.ExecContext(ctx, `TRUNCATE audit_log`); err == nil {
				t.Error("TRUNCATE audit_log accepted")
			}
		}
		if n := countAudit(t, db); n != 2 {
			t.Fatalf("entries after refused changes: %d, want 2", n)
		}
		if err := db.SetAuditRetention(ctx, hezuo.System, 100, now); hezuo.ErrorCode(err) != hezuo.EINVALID {
			t.Errorf("retention 100 days: %v, want EINVALID", err)
		}
		if d, _ := db.AuditRetention(ctx); d != 3650 {
			t.Errorf("default retention %d days, want 3650", d)
		}
		if n, err := db.PurgeAudit(ctx, hezuo.System, now); err != nil || n != 0 {
			t.Errorf("purge with ten years' retention: %d %v, want 0", n, err)
		}
		if err := db.SetAuditRetention(ctx, hezuo.System, 365, now); err != nil {
			t.Fatal(err)
		}
		n, err := db.PurgeAudit(ctx, hezuo.System, now)
		if err != nil || n != 1 {
			t.Fatalf("purge with a year's retention: %d %v, want 1", n, err)
		}
		var notes []string
		rows, _ := db.QueryContext(ctx, `SELECT note FROM audit_log ORDER BY id`)
		for rows.Next() {
			var s string
			rows.Scan(&s)
			notes = append(notes, s)
		}
		rows.Close()
		// The recent entry, the first purge, the retention change and the
		// second purge.
		if len(notes) != 4 || notes[0] != "entry" || !strings.HasPrefix(notes[3], "purged 1 entries") {
			t.Errorf("entries after purge: %q", notes)
		}
	})
}

// countAudit returns the number of audit entries.
func countAudit(t *testing.T, db *DB) int {
	var n int
	if err := db.QueryRowContext(context.Background(), `SELECT count(*) FROM audit_log`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}
