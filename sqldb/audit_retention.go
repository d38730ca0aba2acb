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
// MinAuditRetentionDays, else EINVALID) and audits the change.
func (db *DB) SetAuditRetention(ctx context.Context, a *hezuo.Access, days int, now time.Time) error {
	if days < MinAuditRetentionDays {
		return hezuo.Errorf(hezuo.EINVALID, "审计日志至少保留 %d 天（六个月）", "audit entries are kept at least %d days (six months)", MinAuditRetentionDays)
	}
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, db.rebind(`UPDATE audit_retention SET days = ? WHERE id = 1`), days); err != nil {
		return fmt.Errorf("audit retention: %w", err)
	}
	if err := db.audit(ctx, tx, a, now, "audit", "audit_retention", "", "", nil, nil, fmt.Sprintf("retention %d days", days)); err != nil {
		return err
	}
	return tx.Commit()
}

// PurgeAudit deletes the audit entries older than the retention period at
// now and records the purge as an audit entry, in one transaction; it
// returns how many were deleted. The database's own guard (migration 0007)
// refuses to delete anything younger, whatever the caller.
func (db *DB) PurgeAudit(ctx context.Context, a *hezuo.Access, now time.Time) (int64, error) {
	days, err := db.AuditRetention(ctx)
	if err != nil {
		return 0, err
	}
	// A day of margin: the guard compares with the database's clock.
	cutoff := now.Add(-time.Duration(days+1) * 24 * time.Hour).Unix()
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return 0, err
	}
	defer tx.Rollback()
	res, err := tx.ExecContext(ctx, db.rebind(`DELETE FROM audit_log WHERE at < ?`), cutoff)
	if err != nil {
		return 0, fmt.Errorf("audit purge: %w", err)
	}
	n, _ := res.RowsAffected()
	note := fmt.Sprintf("purged %d entries before %s (retention %d days)", n, time.Unix(cutoff, 0).UTC().Format(time.DateOnly), days)
	if err := db.audit(ctx, tx, a, now, "audit", "audit_log", "", "", nil, nil, note); err != nil {
		return 0, err
	}
	return n, tx.Commit()
}
