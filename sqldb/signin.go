package sqldb

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"hezuo"
	"hezuo/store"
)

// errWrongLogin is the refusal of a wrong user name or password, whichever
// it was.
func errWrongLogin() error {
	return hezuo.Errorf(hezuo.EUNAUTHORIZED, "用户名或密码错误", "wrong user name or password")
}

// SignIn checks a user name and password at now and starts a session in
// lang. Each sign-in writes its audit entry (ActionLogin, "ok" or
// "refused: CODE") in the same transaction as its effect — the session and
// the clearing of the name's failures, or the failure counted — so neither
// is committed without the other.
//
// A user with LockFailures failures within LockWindow is refused with
// ELOCKED whatever the password; a wrong name or password is EUNAUTHORIZED
// and counts as a failure; a disabled user is EUNAUTHORIZED. An unknown name
// is checked against a dummy hash, so it takes as long as a wrong password.
// A name no user can have (hezuo.ValidUserName) is EUNAUTHORIZED at once:
// neither looked up nor counted, and audited without it.
func (db *DB) SignIn(ctx context.Context, name, password, lang string, now time.Time) (*store.Session, error) {
	if !hezuo.ValidUserName(name) {
		// It could be anything (megabytes, control characters that would
		// forge lines of a log): written nowhere.
		return nil, db.refuse(ctx, "", now, errWrongLogin(), false)
	}
	var n int
	if err := db.QueryRowContext(ctx, db.rebind(`SELECT count(*) FROM login_failures WHERE user_name = ? AND at > ?`),
		name, now.Add(-store.LockWindow).Unix()).Scan(&n); err != nil {
		return nil, err
	}
	if n >= store.LockFailures {
		return nil, db.refuse(ctx, name, now, hezuo.Errorf(ELOCKED, "登录失败次数过多，账户已锁定 15 分钟", "too many failed logins: the account is locked for 15 minutes"), false)
	}
	var hash string
	var id int64
	var disabled bool
	err := db.QueryRowContext(ctx, db.rebind(`SELECT id, password_hash, disabled FROM users WHERE name = ?`), name).Scan(&id, &hash, &disabled)
	if errors.Is(err, sql.ErrNoRows) {
		verifyDummy(password) // an unknown name costs what a wrong password costs
		return nil, db.refuse(ctx, name, now, errWrongLogin(), true)
	} else if err != nil {
		return nil, err
	}
	// The slow check runs outside the transaction: no write lock is held
	// for its tens of milliseconds.
	if !VerifyPassword(hash, password) || disabled {
		return nil, db.refuse(ctx, name, now, errWrongLogin(), true)
	}
	u, err := db.User(ctx, id)
	if err != nil {
		return nil, err
	}
	return writeFor(ctx, db, upkeep, u.Access(), clockAt(now), func(w *unit) (*store.Session, error) {
		if _, err := w.tx.ExecContext(ctx, db.rebind(`DELETE FROM login_failures WHERE user_name = ? OR at < ?`), name, now.Add(-store.LockWindow).Unix()); err != nil {
			return nil, err
		}
		s, err := db.createSession(ctx, w.tx, u, lang, now)
		if err != nil {
			return nil, err
		}
		return s, w.audit(hezuo.ActionLogin, "session", u.Name, "", nil, nil, "ok")
	})
}

// refuse writes the audit entry of a refused sign-in as name (and, when
// count, the failure that counts towards the lockout) in one transaction
// and returns why: refusal, or the error that kept it from being written.
func (db *DB) refuse(ctx context.Context, name string, now time.Time, refusal error, count bool) error {
	err := db.write(ctx, upkeep, &hezuo.Access{User: name}, clockAt(now), func(w *unit) error {
		if count {
			if _, err := w.tx.ExecContext(ctx, db.rebind(`INSERT INTO login_failures (user_name, at) VALUES (?, ?)`), name, now.Unix()); err != nil {
				return err
			}
		}
		return w.audit(hezuo.ActionLogin, "session", name, "", nil, nil, "refused: "+hezuo.ErrorCode(refusal))
	})
	if err != nil {
		return err
	}
	return refusal
}
