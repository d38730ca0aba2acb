package sqldb

import (
	"context"
	"database/sql"
	"reflect"
	"time"

	"hezuo"
)

// One unit of work: every write of the store runs as db.write(ctx, gate,
// a, clock, fn) — the role check (the gate), then one transaction in which
// fn reads what it replaces, writes, and records its audit entries through
// the unit; then, once, the summaries' refresh (for the gates whose writes
// the summaries count) and the commit. fn returning an error rolls all of
// it back. The idea is PocketBase's RunInTransaction (core/db_tx.go), with
// its after-commit hooks (unit.committed).

// A gate is the role check of a write, made before the transaction begins
// and before anything is read, so that a role that may not write learns
// nothing of the records; the scope check (hezuo reach.go) is the unit's,
// on the records it reads.
type gate struct {
	may    func(*hezuo.Access) bool // nil: the caller decided (the command line, sign-in)
	zh, en string                   // the refusal, EFORBIDDEN
	// counted: the write changes records the summaries count, so they are
	// refreshed in its transaction before it commits.
	counted bool
}

// The gates of the store's writes.
var (
	// registry: records kept by county administrators and township officers.
	registry = gate{(*hezuo.Access).CanWrite, "您的角色不能修改名录", "your role cannot change the registry", true}
	// orgRegistry: the orgs' own form, in its own words.
	orgRegistry = gate{(*hezuo.Access).CanWrite, "您的角色不能修改组织名录", "your role cannot change the registry", true}
	// administration: users and the audit log's retention, county administrators only.
	administration = gate{(*hezuo.Access).CanAdmin, "只有县委组织部管理员可以管理用户和审计日志", "only county administrators manage users and the audit log", false}
	// rateTable: the reference lending rates, county administrators only.
	rateTable = gate{(*hezuo.Access).CanAdmin, "只有县委组织部管理员可以修改参考利率表", "only county administrators change the table of reference rates", false}
	// trusted: writes whose caller decided who may make them — the command
	// line's Load and plan acceptance, Import (importReach, with the
	// import's own words).
	trusted = gate{counted: true}
	// upkeep: sign-in, key rotation — no registry record changes.
	upkeep = gate{}
)

// allow returns the gate's refusal of a, or nil. A method that does slow
// work outside the transaction (hashing a password, gathering a plan's
// input) asks it first, so that the refusal comes before anything else.
func (g gate) allow(a *hezuo.Access) error {
	if g.may == nil || (a != nil && g.may(a)) {
		return nil
	}
	return &hezuo.Error{Code: hezuo.EFORBIDDEN, ZH: g.zh, EN: g.en}
}

// A clock is the moment of a write and the day it is judged on: the
// caller's, never read here (see the package doc, "The clock").
type clock struct {
	now   time.Time  // stamps the audit entries
	today hezuo.Date // reach, "not after today", the loader's bounds
}

// clockAt is the clock of a write at now, judged on China's date of now.
func clockAt(now time.Time) clock { return clock{now, dayAt(now)} }

// clockOn is the clock of a write at now judged on the caller's today.
func clockOn(today hezuo.Date, now time.Time) clock { return clock{now, today} }

// unit is one write in progress: its transaction, the writer, the clock,
// and the Load-path loaders it opened (closed when it ends).
type unit struct {
	clock
	ctx   context.Context
	db    *DB
	tx    *sql.Tx
	a     *hezuo.Access
	ld    *loader
	pl    *platformLoader
	after []func()
}

// beginner is what a unit's transaction begins on: the pool, or one
// connection (the import's, for COPY and its pragmas).
type beginner interface {
	BeginTx(ctx context.Context, opts *sql.TxOptions) (*sql.Tx, error)
}

// write runs fn as one unit of work by a on the pool (see unit).
func (db *DB) write(ctx context.Context, g gate, a *hezuo.Access, c clock, fn func(w *unit) error) error {
	return db.writeOn(ctx, db.conn, g, a, c, fn)
}

// writeOn is write on the connection on.
func (db *DB) writeOn(ctx context.Context, on beginner, g gate, a *hezuo.Access, c clock, fn func(w *unit) error) error {
	if err := g.allow(a); err != nil {
		return err
	}
	tx, err := on.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	w := &unit{clock: c, ctx: ctx, db: db, tx: tx, a: a}
	defer w.close()
	if err := fn(w); err != nil {
		return err
	}
	if g.counted {
		if err := db.refreshOrRebuild(ctx, tx); err != nil { // the summaries, in the same transaction
			return err
		}
	}
	if err := tx.Commit(); err != nil {
		return err
	}
	for _, f := range w.after {
		f()
	}
	return nil
}

// close releases the loaders' prepared statements (once).
func (w *unit) close() {
	if w.ld != nil {
		w.ld.closeStmts()
		w.ld, w.pl = nil, nil
	}
}

// audit writes one audit entry of the unit: by its writer, at its now, in
// its transaction (both commit or neither). before and after are what the
// record was and became (nil: none), encoded as JSON with personal data
// masked.
func (w *unit) audit(action, entity, key, division string, before, after any, note string) error {
	return w.db.audit(w.ctx, w.tx, w.a, w.now, action, entity, key, division, none(before), none(after), note)
}

// none is v, or nil for a nil pointer: a record read before a write that
// created it is no record (not JSON null).
func none(v any) any {
	if r := reflect.ValueOf(v); r.Kind() == reflect.Pointer && r.IsNil() {
		return nil
	}
	return v
}

// stale is the ECONFLICT of a record changed by another writer since it
// was read (its version moved on, or moved by more than this write's one
// step: PostgreSQL's READ COMMITTED lets another in between); what names
// it ("该组织", "this org").
func stale(whatZH, whatEN string) error {
	return &hezuo.Error{Code: hezuo.ECONFLICT, ZH: whatZH + "已被他人修改，请重新打开后再改", EN: "someone else changed " + whatEN + ": reopen and try again"}
}

// committed runs f once the unit has committed (never when it rolls
// back): what the caller is told of the write, set only when it is true.
func (w *unit) committed(f func()) { w.after = append(w.after, f) }

// loader returns the unit's Load-path loader, judged on its today.
func (w *unit) loader() *loader {
	if w.ld == nil {
		w.ld = newLoader(w.ctx, w.db, w.tx, w.today)
	}
	return w.ld
}

// platform returns the unit's loader of the platform records.
func (w *unit) platform() *platformLoader {
	if w.pl == nil {
		w.pl = newPlatformLoader(w.loader())
	}
	return w.pl
}

// serialize makes concurrent units of the same kind (key) run one after
// the other on PostgreSQL (an advisory lock held to the commit), so that a
// check made in one cannot be overtaken by the other; SQLite's write
// transactions are serial already (_txlock=immediate).
func (w *unit) serialize(key int64) error {
	if w.db.Dialect != Postgres {
		return nil
	}
	_, err := w.tx.ExecContext(w.ctx, `SELECT pg_advisory_xact_lock($1)`, key)
	return err
}

// writeFor is write for an fn that gives a value besides its error (a new
// version, an id): the value fn gave once the unit has committed, the zero
// value with the error otherwise.
func writeFor[T any](ctx context.Context, db *DB, g gate, a *hezuo.Access, c clock, fn func(w *unit) (T, error)) (T, error) {
	var out T
	err := db.write(ctx, g, a, c, func(w *unit) (err error) {
		out, err = fn(w)
		return err
	})
	if err != nil {
		var zero T
		return zero, err
	}
	return out, nil
}

// noAudit is the after-write step of a plan accepted by the command line,
// which audits nothing (acceptJoint, acceptDispatches).
func noAudit[T any](*unit, []T) error { return nil }
