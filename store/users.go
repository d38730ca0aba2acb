package store

import (
	"context"
	"hezuo"
	"time"
)

// Users is the door to the user accounts, sign-in and sessions.
//
// Errors are *hezuo.Error with a code: EINVALID (a field out of its bounds or
// its rules, with the field named), EFORBIDDEN (the role may not do it),
// ENOTFOUND (no such record, or one outside the user's scope: the two are
// never told apart), ECONFLICT (a stale version, a taken number); any other
// error is the database's.
type Users interface {
	// User returns the user with the given id (ENOTFOUND when there is none).
	User(ctx context.Context, id int64) (*hezuo.User, error)
	// Users returns every user whose scope lies inside a's, by name.
	Users(ctx context.Context, a *hezuo.Access) ([]*hezuo.User, error)
	// CreateUserBy validates u, checks its subject exists, hashes password and
	// stores the user with the audit entry of a (who creates it) in one
	// transaction: both or neither. u.ID and u.CreatedAt are set. A taken name
	// is ECONFLICT.
	CreateUserBy(ctx context.Context, a *hezuo.Access, u *hezuo.User, password string, now time.Time) error
	// SetUserPasswordBy replaces a user's password hash after hezuo.CheckPassword
	// accepts it and ends the user's sessions (ASVS 3.3.3), in one transaction
	// with the audit entry of a (who resets it).
	SetUserPasswordBy(ctx context.Context, a *hezuo.Access, id int64, password string, now time.Time) error
	// SetUserDisabledBy disables or enables a user (disabling ends its
	// sessions), in one transaction with the audit entry of a.
	SetUserDisabledBy(ctx context.Context, a *hezuo.Access, id int64, disabled bool, now time.Time) error
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
	SignIn(ctx context.Context, name, password, lang string, now time.Time) (*Session, error)
	// Session returns the session of token at now and marks it seen. A session
	// idle longer than idle, older than maxAge, or whose user is disabled is
	// deleted and EUNAUTHORIZED.
	Session(ctx context.Context, token string, now time.Time, idle, maxAge time.Duration) (*Session, error)
	// DeleteSession ends a session.
	DeleteSession(ctx context.Context, token string) error
}

// Session is a signed-in browser or API client. Token is only known when the
// session is created: the database keeps its SHA-256, so a leaked database
// holds no usable session. CSRF is the token every HTML form carries.
type Session struct {
	Token    string
	CSRF     string
	Lang     string
	User     *hezuo.User
	LastSeen time.Time
	// ScopeName is the name of the division the user's scope is (汪清县,
	// 大兴沟镇…), "" for everything or a code the divisions do not hold.
	ScopeName string
}

// Login lockout: LockFailures failed logins for one user name within
// LockWindow lock it until the oldest of them is LockWindow old.
const (
	LockFailures = 5
	LockWindow   = 15 * time.Minute
)
