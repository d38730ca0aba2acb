package sqldb

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"strings"
	"time"

	"hezuo"
	"hezuo/store"
)

func tokenID(token string) string {
	sum := sha256.Sum256([]byte(token))
	return hex.EncodeToString(sum[:])
}

// CreateSession starts a session for user u at now without checking a
// password nor auditing (tests and tools); users sign in with SignIn.
func (db *DB) CreateSession(ctx context.Context, u *hezuo.User, lang string, now time.Time) (*store.Session, error) {
	return db.createSession(ctx, db, u, lang, now)
}

// createSession writes a new session of u through x.
func (db *DB) createSession(ctx context.Context, x execer, u *hezuo.User, lang string, now time.Time) (*store.Session, error) {
	s := &store.Session{Token: hezuo.RandomToken(32), CSRF: hezuo.RandomToken(32), Lang: lang, User: u, LastSeen: now}
	_, err := x.ExecContext(ctx, db.rebind(`INSERT INTO sessions (id, user_id, csrf, lang, created_at, last_seen) VALUES (?, ?, ?, ?, ?, ?)`),
		tokenID(s.Token), u.ID, s.CSRF, lang, now.Unix(), now.Unix())
	if err != nil {
		return nil, err
	}
	return s, nil
}

// Session returns the session of token at now and marks it seen. A session
// idle longer than idle, older than maxAge, or whose user is disabled is
// deleted and EUNAUTHORIZED.
func (db *DB) Session(ctx context.Context, token string, now time.Time, idle, maxAge time.Duration) (*store.Session, error) {
	id := tokenID(token)
	s := &store.Session{Token: token}
	var created, seen int64
	// The session and its user in one read: every request asks.
	u, err := scanUser(db.QueryRowContext(ctx, db.rebind(`SELECT u.`+strings.ReplaceAll(userCols, ", ", ", u.")+`,
		s.csrf, s.lang, s.created_at, s.last_seen,
		COALESCE((SELECT d.name FROM divisions d WHERE d.code = substr(u.scope || '000000000000', 1, 12)), '')
		FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.id = ?`), id),
		&s.CSRF, &s.Lang, &created, &seen, &s.ScopeName)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, hezuo.Errorf(hezuo.EUNAUTHORIZED, "请先登录", "please sign in")
	} else if err != nil {
		return nil, err
	}
	if now.Sub(time.Unix(seen, 0)) > idle || now.Sub(time.Unix(created, 0)) > maxAge {
		db.DeleteSession(ctx, token)
		return nil, hezuo.Errorf(hezuo.EUNAUTHORIZED, "会话已超时，请重新登录", "the session timed out: please sign in again")
	}
	if u.Disabled {
		db.DeleteSession(ctx, token)
		return nil, hezuo.Errorf(hezuo.EUNAUTHORIZED, "账户已停用", "the account is disabled")
	}
	s.User, s.LastSeen = u, now
	// Touch at most once a minute: fewer writes, same idle semantics.
	if now.Unix()-seen >= 60 {
		if _, err := db.ExecContext(ctx, db.rebind(`UPDATE sessions SET last_seen = ? WHERE id = ?`), now.Unix(), id); err != nil {
			return nil, err
		}
	}
	return s, nil
}

// SetSessionLang records the session's language.
func (db *DB) SetSessionLang(ctx context.Context, token, lang string) error {
	_, err := db.ExecContext(ctx, db.rebind(`UPDATE sessions SET lang = ? WHERE id = ?`), lang, tokenID(token))
	return err
}

// DeleteSession ends a session.
func (db *DB) DeleteSession(ctx context.Context, token string) error {
	_, err := db.ExecContext(ctx, db.rebind(`DELETE FROM sessions WHERE id = ?`), tokenID(token))
	return err
}
