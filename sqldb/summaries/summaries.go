// Package summaries is the store's summaries engine (issue 7): figures of
// any scope on any day without scanning the memberships. It computes and
// keeps the per-org segments and the per-area statistics tables, refreshes
// those a write made out of date inside the write's transaction, and
// answers the dashboard's and Stats' reads from them. Package sqldb owns
// the database and calls it through a Store; the summaries see the
// database only through Database and Config, and never read the clock: the
// day through which their periods reach (today) is the caller's.
//
//   - org_segments: for each org, the maximal intervals over which all its
//     counted figures and its rules.Facts are constant (sweep.go, a sweep
//     over the org's dated facts with the semantics of sqldb's facts.go and
//     covers.go), with the rules' verdict on them and the covers as JSON, so
//     that Check re-evaluates one row per org (check.go).
//     instructor_segments likewise for instructors with an active dispatch.
//   - summary_delta: per area above counties — prefecture (4 digits),
//     province (2) and the nation (""), each the sum of its townships — org
//     kind and day, the change of the additive figures (metrics,
//     metrics.go): + at a segment's start, − at its end.
//   - summary_snapshot: the figures just before each period (the first of
//     every month, summary_periods). Stats(scope, day) of such an area = its
//     snapshot at the last period start ≤ day + its deltas from there to day
//     (stats.go): at most a month of rows, whatever the scope's size. A
//     county or narrower sums the segments of its orgs active on the day
//     (area.go). Repeated reads come from an in-process cache keyed by meta
//     summary_version, read once per web GET (Reading).
//
// Maintenance: triggers (migration 0004, triggers.go) mark every written
// record in summary_dirty inside the writing transaction. Load refreshes at
// its end, in its transaction: the segments of every org concerned (and of
// every org sharing a party organization with one, whose sizes its facts
// hold), then add the old→new difference of their segments to the deltas
// and later snapshots of the areas above their county. Other writers
// refresh before committing; Stats and Check refresh before reading when
// records were written since. Bulk (gen) and Rebuild build everything
// township by township. A database whose summaries were never built (one
// migrated from before 0004) or whose rule settings changed needs a full
// rebuild: done on the spot when small, else by `hezuo summary rebuild`;
// until then Stats and Check compute directly from the records (the
// reference the summaries are tested against: sqldb's statsDirect and
// check).
package summaries

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"hezuo"
	"hezuo/rules"
	"hezuo/sqldb/internal/sqlx"
)

// Database is what the summaries need of the database: its reads and
// writes (*sqldb.DB's, through its statement cache and read replica), a
// transaction of their own (Refresh with no transaction) and a dedicated
// connection (Rebuild's COPY and pragmas). *sqldb.DB satisfies it.
type Database interface {
	sqlx.ExecQuerier
	BeginTx(ctx context.Context, opts *sql.TxOptions) (*sql.Tx, error)
	Conn(ctx context.Context) (*sql.Conn, error)
}

// Config is what the summaries take of the store besides the database.
type Config struct {
	Postgres bool // the dialect: SQLite otherwise
	// RebuildCacheKiB is SQLite's page cache for a full rebuild's writes
	// (the bulk load's), the default being restored after it.
	RebuildCacheKiB int
	// Settings reads the rule settings on x (a transaction or the database).
	Settings func(ctx context.Context, x sqlx.Querier) (rules.Settings, error)
}

// Store is the summaries of one database, with the cache of the figures
// read from them.
type Store struct {
	db    Database
	cfg   Config
	cache figureCache
}

// New returns the summaries of db.
func New(db Database, cfg Config) *Store { return &Store{db: db, cfg: cfg} }

// Local names of the shared helpers' types.
type (
	execQuerier = sqlx.ExecQuerier
	querier     = sqlx.Querier
	rowScanner  = sqlx.RowScanner
)

// rebind rewrites q's placeholders for the dialect.
func (sm *Store) rebind(q string) string { return sqlx.Rebind(sm.cfg.Postgres, q) }

// eachRow runs q on the database and calls fn for each row.
func (sm *Store) eachRow(ctx context.Context, q string, args []any, fn func(rowScanner) error) error {
	return sm.eachRowOn(ctx, sm.db, q, args, fn)
}

// eachRowOn is eachRow on x (the database or a transaction).
func (sm *Store) eachRowOn(ctx context.Context, x querier, q string, args []any, fn func(rowScanner) error) error {
	return sqlx.EachRow(ctx, x, sm.rebind(q), args, fn)
}

// chunked runs q, whose %s are replaced by an IN list, over ids in chunks
// on x, calling fn for every row.
func (sm *Store) chunked(ctx context.Context, x querier, q string, ids []int64, fn func(rowScanner) error) error {
	return sqlx.Chunked(ctx, x, sm.cfg.Postgres, q, ids, fn)
}

// SmallRebuild is the number of orgs up to which a full rebuild is done on
// the spot (about a second); bigger databases wait for Rebuild. (A
// variable for the tests.)
var SmallRebuild = 5000

// Rebuild recomputes every summary from the records, in one transaction
// (COPY on PostgreSQL), the periods reaching through today's.
func (sm *Store) Rebuild(ctx context.Context, today hezuo.Date) error {
	conn, err := sm.db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	begin := "BEGIN IMMEDIATE"
	if sm.cfg.Postgres {
		begin = "BEGIN"
	} else { // the bulk load's page cache for the rebuild's writes, then the default
		if _, err := conn.ExecContext(ctx, fmt.Sprintf("PRAGMA cache_size = -%d", sm.cfg.RebuildCacheKiB)); err != nil {
			return err
		}
		defer conn.ExecContext(context.WithoutCancel(ctx), "PRAGMA cache_size = -2000")
	}
	if _, err := conn.ExecContext(ctx, begin); err != nil {
		return err
	}
	if err := sm.rebuildAll(ctx, conn, conn, sm.db, dayOf(today)); err != nil {
		conn.ExecContext(context.WithoutCancel(ctx), "ROLLBACK")
		return err
	}
	_, err = conn.ExecContext(ctx, "COMMIT")
	return err
}

// Refresh brings the summaries up to date with the records written in tx
// (marked by the triggers), inside tx; with a nil tx, with what was
// committed, in a transaction of its own. A database needing a full
// rebuild is rebuilt when small and otherwise left for Rebuild.
func (sm *Store) Refresh(ctx context.Context, tx *sql.Tx, today hezuo.Date) error {
	if tx != nil {
		return sm.RefreshOrRebuild(ctx, tx, today)
	}
	tx, err := sm.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := sm.RefreshOrRebuild(ctx, tx, today); err != nil {
		return err
	}
	return tx.Commit()
}

// RefreshOrRebuild refreshes on x, inside a write transaction, rebuilding
// everything on x when needed and the database is small.
func (sm *Store) RefreshOrRebuild(ctx context.Context, x execQuerier, today hezuo.Date) error {
	err := sm.refresh(ctx, x, dayOf(today))
	if !errors.Is(err, errRebuild) {
		return err
	}
	var n int
	if err := x.QueryRowContext(ctx, `SELECT count(*) FROM orgs`).Scan(&n); err != nil {
		return err
	}
	if n > SmallRebuild {
		return nil
	}
	return sm.rebuildAll(ctx, x, nil, x, dayOf(today))
}
