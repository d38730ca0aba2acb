package store

import (
	"context"
	"hezuo"
	"time"
)

// Audit is the door to the audit log.
//
// Errors are *hezuo.Error with a code: EINVALID (a field out of its bounds or
// its rules, with the field named), EFORBIDDEN (the role may not do it),
// ENOTFOUND (no such record, or one outside the user's scope: the two are
// never told apart), ECONFLICT (a stale version, a taken number); any other
// error is the database's.
type Audit interface {
	// Audit records an event that changes no registry record (a sign-in, a user
	// administered, personal data viewed).
	Audit(ctx context.Context, a *hezuo.Access, now time.Time, action, entity, key, division, note string) error
	// AuditLog returns one page of the audit entries a may read (those of
	// divisions inside its scope, and those without a division for a county-wide
	// or wider scope), newest first, and their number.
	AuditLog(ctx context.Context, a *hezuo.Access, f hezuo.AuditFilter) ([]hezuo.AuditEntry, int, error)
}
