package sqldb

import (
	"context"
	"fmt"
	"time"

	"hezuo"
)

// MinAuditRetentionDays is the shortest retention of the audit log: six
// months and a little (等保 2.0 and the Cybersecurity Law ask for at least
// six months). Migration 0007 enforces it with a CHECK constraint.
const MinAuditRetentionDays = 184

// AuditRetention returns how many days audit entries are kept.
func (db *DB) AuditRetention(ctx context.Context) (int, error) {
	var days int
	err := db.QueryRowContext(ctx, `SELECT days FROM audit_retention WHERE id = 1`).Scan(&days)
	return days, err
}

// SetAuditRetention sets the retention to days (at least
// MinAuditRetentionDays, else EINVALID) and audits the change. Only county
// administrators (EFORBIDDEN else).
func (db *DB) SetAuditRetention(ctx context.Context, a *hezuo.Access, days int, now time.Time) error {
	return db.write(ctx, administration, a, clockAt(now), func(w *unit) error {
		if days < MinAuditRetentionDays {
			return hezuo.Errorf(hezuo.EINVALID, "审计日志至少保留 %d 天（六个月）", "audit entries are kept at least %d days (six months)", MinAuditRetentionDays)
		}
		if _, err := w.tx.ExecContext(ctx, db.rebind(`UPDATE audit_retention SET days = ? WHERE id = 1`), days); err != nil {
			return fmt.Errorf("audit retention: %w", err)
		}
		return w.audit("audit", "audit_retention", "", "", nil, nil, fmt.Sprintf("retention %d days", days))
	})
}

// PurgeAudit deletes the audit entries older than the retention period at
// now and records the purge as an audit entry, in one transaction; it
// returns how many were deleted. Only county administrators (EFORBIDDEN
// else). The database's own guard (migration 0007) refuses to delete
// anything younger, whatever the caller.
func (db *DB) PurgeAudit(ctx context.Context, a *hezuo.Access, now time.Time) (int64, error) {
	return writeFor(ctx, db, administration, a, clockAt(now), func(w *unit) (int64, error) {
		var days int
		if err := w.tx.QueryRowContext(ctx, `SELECT days FROM audit_retention WHERE id = 1`).Scan(&days); err != nil {
			return 0, err
		}
		// A day of margin: the guard compares with the database's clock.
		cutoff := now.Add(-time.Duration(days+1) * 24 * time.Hour).Unix()
		res, err := w.tx.ExecContext(ctx, db.rebind(`DELETE FROM audit_log WHERE at < ?`), cutoff)
		if err != nil {
			return 0, fmt.Errorf("audit purge: %w", err)
		}
		n, _ := res.RowsAffected()
		note := fmt.Sprintf("purged %d entries before %s (retention %d days)", n, time.Unix(cutoff, 0).UTC().Format(time.DateOnly), days)
		return n, w.audit("audit", "audit_log", "", "", nil, nil, note)
	})
}
