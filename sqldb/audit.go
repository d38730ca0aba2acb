package sqldb

import (
	"context"
	"database/sql"
	"encoding/json"
	"time"

	"hezuo"
)

// maskPersonal is hezuo.MaskPersonal under the name the import's audit
// entries (import_audit.go) call it by.
var maskPersonal = hezuo.MaskPersonal

// execer is what Audit writes through: the database or a transaction.
type execer interface {
	ExecContext(ctx context.Context, q string, args ...any) (sql.Result, error)
}

// audit writes one audit entry through x (a transaction when the change
// itself is in one, so both commit or neither). before and after are
// encoded as JSON unless nil.
func (db *DB) audit(ctx context.Context, x execer, a *hezuo.Access, now time.Time, action, entity, key, division string, before, after any, note string) error {
	enc := func(v any) string {
		if v == nil {
			return ""
		}
		b, _ := json.Marshal(v)
		// Never whole ID numbers or phones (crypt_mask.go), nor the birth
		// dates that would rebuild a masked one (audit_birth.go).
		return hezuo.MaskBirthDates(hezuo.MaskPersonal(string(b)))
	}
	county := ""
	if len(division) >= 6 {
		county = division[:6]
	}
	user, role := "", ""
	if a != nil {
		user, role = a.User, a.Role
	}
	_, err := x.ExecContext(ctx, db.rebind(`INSERT INTO audit_log (county, at, user_name, role, action, entity, entity_key, division, old_value, new_value, note)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`), county, now.Unix(), user, role, action, entity, hezuo.MaskPersonal(key), division, enc(before), enc(after), hezuo.MaskPersonal(note))
	return err
}

// Audit records an event that changes no registry record (a sign-in, a user
// administered, personal data viewed).
func (db *DB) Audit(ctx context.Context, a *hezuo.Access, now time.Time, action, entity, key, division, note string) error {
	return db.audit(ctx, db, a, now, action, entity, key, division, nil, nil, note)
}

// AuditLog returns one page of the audit entries a may read (those of
// divisions inside its scope, and those without a division for a county-wide
// or wider scope), newest first, and their number.
func (db *DB) AuditLog(ctx context.Context, a *hezuo.Access, f hezuo.AuditFilter) ([]hezuo.AuditEntry, int, error) {
	if !a.CanAdmin() && a.Role != hezuo.RoleAuditor {
		return nil, 0, hezuo.Errorf(hezuo.EFORBIDDEN, "只有县委组织部和审计可以查看审计日志", "only county administrators and auditors read the audit log")
	}
	w := &where{}
	lo, hi := a.Scope.Range()
	w.add("(division BETWEEN ? AND ? OR division = '')", lo, hi)
	if f.Q != "" {
		like := "%" + f.Q + "%"
		w.add("(user_name LIKE ? OR entity_key LIKE ? OR note LIKE ? OR "+db.auditValueSQL("new_value")+" LIKE ? OR "+db.auditValueSQL("old_value")+" LIKE ?)",
			like, like, like, like, like)
	}
	w.eq("user_name", f.User)
	w.eq("action", f.Action)
	w.eq("entity", f.Entity)
	if !f.From.IsZero() {
		w.add("at >= ?", f.From.Unix())
	}
	if !f.To.IsZero() {
		w.add("at < ?", f.To.Unix())
	}
	total, err := db.countWhere(ctx, `FROM audit_log`, w)
	if err != nil {
		return nil, 0, err
	}
	per, off := pageBounds(f.Page, f.PerPage)
	var out []hezuo.AuditEntry
	err = db.eachRow(ctx, `SELECT id, at, user_name, role, action, entity, entity_key, division, old_value, new_value, note
		FROM audit_log WHERE `+w.String()+` ORDER BY id DESC LIMIT ? OFFSET ?`, append(w.args, per, off), func(r rowScanner) error {
		var e hezuo.AuditEntry
		var at int64
		if err := r.Scan(&e.ID, &at, &e.User, &e.Role, &e.Action, &e.Entity, &e.Key, &e.Division, &e.Before, &e.After, &e.Note); err != nil {
			return err
		}
		e.At = time.Unix(at, 0)
		e.Before, e.After = hezuo.MaskBirthDates(e.Before), hezuo.MaskBirthDates(e.After) // entries written before the rule
		out = append(out, e)
		return nil
	})
	return out, total, err
}

// pageBounds returns LIMIT and OFFSET for a 1-based page of per rows
// (hezuo.PageSize when per is not in 1..500).
func pageBounds(page, per int) (int, int) {
	if per < 1 || per > 500 {
		per = hezuo.PageSize
	}
	if page < 1 {
		page = 1
	}
	return per, (page - 1) * per
}
