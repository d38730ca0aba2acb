package sqldb

import (
	"context"
	"database/sql"
	"errors"
	"strings"
	"time"

	"hezuo"
)

// ELOCKED is the error code of a login refused because of too many recent
// failures (HTTP 429).
const ELOCKED = hezuo.ELOCKED

// CreateUser is CreateUserBy for the system (the command line).
func (db *DB) CreateUser(ctx context.Context, u *hezuo.User, password string, now time.Time) error {
	return db.CreateUserBy(ctx, hezuo.System, u, password, now)
}

// CreateUserBy validates u, checks its subject exists, hashes password and
// stores the user with the audit entry of a (who creates it: a county
// administrator, EFORBIDDEN else) in one transaction: both or neither.
// u.ID and u.CreatedAt are set. A taken name is ECONFLICT.
func (db *DB) CreateUserBy(ctx context.Context, a *hezuo.Access, u *hezuo.User, password string, now time.Time) error {
	if err := administration.allow(a); err != nil { // before the password's slow hash
		return err
	}
	// The user's fields and the password, every error at once.
	if err := hezuo.JoinErrors(u.Validate(), hezuo.CheckPassword(u.Name, password)); err != nil {
		return err
	}
	if err := db.checkSubject(ctx, u); err != nil {
		return err
	}
	hash, err := HashPassword(password)
	if err != nil {
		return err
	}
	return db.write(ctx, administration, a, clockAt(now), func(w *unit) error {
		var n int
		if err := w.tx.QueryRowContext(ctx, db.rebind(`SELECT count(*) FROM users WHERE name = ?`), u.Name).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			return hezuo.Errorf(hezuo.ECONFLICT, "用户名 %s 已存在", "user name %s is taken", u.Name)
		}
		created := now.Truncate(time.Second)
		county := ""
		if len(u.Scope) >= 6 {
			county = u.Scope[:6]
		}
		subject := u.Subject
		if u.Role == hezuo.RoleInstructor {
			subject = db.idHash(subject) // an instructor is stored by keyed hash (crypt.go)
		}
		var id int64
		if err := w.tx.QueryRowContext(ctx, db.rebind(`INSERT INTO users (county, name, role, scope, subject, password_hash, disabled, created_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`), county, u.Name, u.Role, u.Scope, subject, hash, u.Disabled, created.Unix()).Scan(&id); err != nil {
			return err
		}
		w.committed(func() { u.ID, u.CreatedAt = id, created })
		return w.audit(hezuo.ActionUser, "user", u.Name, scopeDivision(u.Scope), nil, nil, "created "+u.Role+" "+u.Scope)
	})
}

// scopeDivision returns the 12-digit division of a scope string ("" for
// all): where a user's audit entries are filed.
func scopeDivision(scope string) string {
	sc, err := hezuo.ParseScope(scope)
	if err != nil || sc.Prefix == "" {
		return ""
	}
	lo, _ := sc.Range()
	return lo
}

// checkSubject verifies that a department, org or instructor subject exists
// inside the user's scope.
func (db *DB) checkSubject(ctx context.Context, u *hezuo.User) error {
	sc, _ := hezuo.ParseScope(u.Scope)
	lo, hi := sc.Range()
	var q string
	args := []any{u.Subject}
	switch u.Role {
	case hezuo.RoleDepartmentOfficer:
		q = `SELECT count(*) FROM departments WHERE code = ? AND county = ?`
		args = append(args, sc.Prefix)
	case hezuo.RoleBranchSecretary:
		q = `SELECT count(*) FROM orgs WHERE org_no = ? AND village BETWEEN ? AND ?`
		args = append(args, lo, hi)
	case hezuo.RoleInstructor:
		u.Subject = strings.ToUpper(strings.TrimSpace(u.Subject))
		args[0] = db.idHash(u.Subject)
		q = `SELECT count(*) FROM instructors i JOIN people p ON p.id = i.person_id WHERE p.id_hash = ? AND i.township BETWEEN ? AND ?`
		args = append(args, lo[:9], hi[:9])
	default:
		return nil
	}
	var n int
	if err := db.QueryRowContext(ctx, db.rebind(q), args...).Scan(&n); err != nil {
		return err
	}
	if n == 0 {
		return hezuo.Invalid("用户 "+u.Name, "subject", "在该范围内找不到指定的部门、组织或指导员", "no such department, org or instructor inside the scope")
	}
	return nil
}

const userCols = `id, name, role, scope, subject, disabled, created_at`

// scanUser reads the userCols of a row, then its extra columns into extra.
func scanUser(r rowScanner, extra ...any) (*hezuo.User, error) {
	u := &hezuo.User{}
	var created int64
	if err := r.Scan(append([]any{&u.ID, &u.Name, &u.Role, &u.Scope, &u.Subject, &u.Disabled, &created}, extra...)...); err != nil {
		return nil, err
	}
	u.CreatedAt = time.Unix(created, 0)
	return u, nil
}

// User returns the user with the given id (ENOTFOUND when there is none).
func (db *DB) User(ctx context.Context, id int64) (*hezuo.User, error) {
	u, err := scanUser(db.QueryRowContext(ctx, db.rebind(`SELECT `+userCols+` FROM users WHERE id = ?`), id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, hezuo.Errorf(hezuo.ENOTFOUND, "没有该用户", "no such user")
	}
	return u, err
}

// Users returns every user whose scope lies inside a's, by name.
func (db *DB) Users(ctx context.Context, a *hezuo.Access) ([]*hezuo.User, error) {
	var out []*hezuo.User
	err := db.eachRow(ctx, `SELECT `+userCols+` FROM users ORDER BY name`, nil, func(r rowScanner) error {
		u, err := scanUser(r)
		if err == nil && a.Scope.Contains(u.Scope) {
			out = append(out, u)
		}
		return err
	})
	if err != nil {
		return nil, err
	}
	// An instructor's subject is stored as the keyed hash of the ID number
	// (what Access matches); the list shows the masked ID number instead.
	for _, u := range out {
		if u.Role != hezuo.RoleInstructor || u.Subject == "" {
			continue
		}
		var id string
		switch err := db.QueryRowContext(ctx, db.rebind(`SELECT id_sealed FROM people WHERE id_hash = ?`), u.Subject).Scan(db.opened(&id)); {
		case err == nil:
			u.Subject = hezuo.MaskIDNumber(id)
		case errors.Is(err, sql.ErrNoRows):
			u.Subject = "?"
		default:
			return nil, err
		}
	}
	return out, nil
}

// CountUsers returns the number of users.
func (db *DB) CountUsers(ctx context.Context) (int, error) {
	var n int
	err := db.QueryRowContext(ctx, `SELECT count(*) FROM users`).Scan(&n)
	return n, err
}

// SetUserPasswordBy replaces a user's password hash after hezuo.CheckPassword
// accepts it and ends the user's sessions (ASVS 3.3.3), in one transaction
// with the audit entry of a (who resets it: a county administrator,
// EFORBIDDEN else).
func (db *DB) SetUserPasswordBy(ctx context.Context, a *hezuo.Access, id int64, password string, now time.Time) error {
	if err := administration.allow(a); err != nil { // before the user is read
		return err
	}
	u, err := db.User(ctx, id)
	if err != nil {
		return err
	}
	if err := hezuo.CheckPassword(u.Name, password); err != nil {
		return err
	}
	hash, err := HashPassword(password)
	if err != nil {
		return err
	}
	return db.changeUser(ctx, a, u, now, "password",
		stmt{`UPDATE users SET password_hash = ? WHERE id = ?`, []any{hash, id}},
		stmt{`DELETE FROM sessions WHERE user_id = ?`, []any{id}})
}

// SetUserDisabledBy disables or enables a user (disabling ends its
// sessions), in one transaction with the audit entry of a (a county
// administrator, EFORBIDDEN else).
func (db *DB) SetUserDisabledBy(ctx context.Context, a *hezuo.Access, id int64, disabled bool, now time.Time) error {
	if err := administration.allow(a); err != nil { // before the user is read
		return err
	}
	u, err := db.User(ctx, id)
	if err != nil {
		return err
	}
	if !disabled {
		return db.changeUser(ctx, a, u, now, "enable", stmt{`UPDATE users SET disabled = ? WHERE id = ?`, []any{false, id}})
	}
	return db.changeUser(ctx, a, u, now, "disable", stmt{`UPDATE users SET disabled = ? WHERE id = ?`, []any{true, id}},
		stmt{`DELETE FROM sessions WHERE user_id = ?`, []any{id}})
}

// stmt is one statement of a change.
type stmt struct {
	q    string
	args []any
}

// changeUser runs the statements of a change to user u and writes its
// audit entry (note: what was done) in one unit of work. Every change to a
// user goes through here, so none is committed without its entry.
func (db *DB) changeUser(ctx context.Context, a *hezuo.Access, u *hezuo.User, now time.Time, note string, stmts ...stmt) error {
	return db.write(ctx, administration, a, clockAt(now), func(w *unit) error {
		for _, st := range stmts {
			if _, err := w.tx.ExecContext(ctx, db.rebind(st.q), st.args...); err != nil {
				return err
			}
		}
		return w.audit(hezuo.ActionUser, "user", u.Name, scopeDivision(u.Scope), nil, nil, note)
	})
}
