package sqldb

// Summaries (issue 7): figures of any scope on any day without scanning the
// memberships.
//
//   - org_segments: for each org, the maximal intervals over which all its
//     counted figures and its rules.Facts are constant (summary_sweep.go, a
//     sweep over the org's dated facts with the semantics of facts.go and
//     covers.go), with the rules' verdict on them and the covers as JSON, so
//     that Check re-evaluates one row per org (summary_check.go).
//     instructor_segments likewise for instructors with an active dispatch.
//   - summary_delta: per area above counties — prefecture (4 digits),
//     province (2) and the nation (""), each the sum of its townships — org
//     kind and day, the change of the additive figures (metrics,
//     summary_metrics.go): + at a segment's start, − at its end.
//   - summary_snapshot: the figures just before each period (the first of
//     every month, summary_periods). Stats(scope, day) of such an area = its
//     snapshot at the last period start ≤ day + its deltas from there to day
//     (summary_stats.go): at most a month of rows, whatever the scope's
//     size. A county or narrower sums the segments of its orgs active on the
//     day (summary_area.go). Repeated reads come from an in-process cache
//     keyed by meta summary_version, read once per web GET
//     (ReadingSummaries).
//
// Maintenance: triggers (migration 0004) mark every written record in
// summary_dirty inside the writing transaction. Load refreshes at its end,
// in its transaction: the segments of every org concerned (and of every
// org sharing a party organization with one, whose sizes its facts hold),
// then add the old→new difference of their segments to the deltas and later
// snapshots of the areas above their county. Other writers may call
// RefreshSummaries; Stats and Check refresh before reading when records
// were written since. Bulk (gen) and RebuildSummaries build everything
// township by township. A database whose summaries were never built (one
// migrated from before 0004) or whose rule settings changed needs a full
// rebuild: done on the spot when small, else by `hezuo summary rebuild`;
// until then Stats and Check compute directly from the records (the
// reference the summaries are tested against: statsDirect, check).

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"sync"

	"hezuo"
)

// smallRebuild is the number of orgs up to which a full rebuild is done on
// the spot (about a second); bigger databases wait for RebuildSummaries.
// (A variable for the tests.)
var smallRebuild = 5000

// RebuildSummaries recomputes every summary from the records, in one
// transaction (COPY on PostgreSQL).
func (db *DB) RebuildSummaries(ctx context.Context) error {
	conn, err := db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	begin := "BEGIN IMMEDIATE"
	if db.Dialect == Postgres {
		begin = "BEGIN"
	} else { // the bulk load's page cache (bulk.go) for the rebuild's writes, then the default
		if _, err := conn.ExecContext(ctx, fmt.Sprintf("PRAGMA cache_size = -%d", bulkCacheKiB)); err != nil {
			return err
		}
		defer conn.ExecContext(context.WithoutCancel(ctx), "PRAGMA cache_size = -2000")
	}
	if _, err := conn.ExecContext(ctx, begin); err != nil {
		return err
	}
	if err := db.rebuildAll(ctx, conn, conn, db); err != nil {
		conn.ExecContext(context.WithoutCancel(ctx), "ROLLBACK")
		return err
	}
	_, err = conn.ExecContext(ctx, "COMMIT")
	return err
}

// RefreshSummaries brings the summaries up to date with the records written
// in tx (marked by the triggers), inside tx; with a nil tx, with what was
// committed, in a transaction of its own. Writers other than Load call it
// before committing so that the next figures read cost nothing extra. A
// database needing a full rebuild is rebuilt when small and otherwise left
// for RebuildSummaries.
func (db *DB) RefreshSummaries(ctx context.Context, tx *sql.Tx) error {
	if tx != nil {
		return db.refreshOrRebuild(ctx, tx)
	}
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := db.refreshOrRebuild(ctx, tx); err != nil {
		return err
	}
	return tx.Commit()
}

// refreshOrRebuild refreshes on x, rebuilding everything on x when needed
// and the database is small.
func (db *DB) refreshOrRebuild(ctx context.Context, x execQuerier) error {
	err := db.refresh(ctx, x)
	if !errors.Is(err, errRebuild) {
		return err
	}
	var n int
	if err := x.QueryRowContext(ctx, `SELECT count(*) FROM orgs`).Scan(&n); err != nil {
		return err
	}
	if n > smallRebuild {
		return nil
	}
	return db.rebuildAll(ctx, x, nil, x)
}

// summariesReady reports whether Stats and Check may read the summaries:
// up to date, refreshed now if records were written since, or rebuilt now
// when the database is small. Any failure means "no": the figures are then
// computed directly.
func (db *DB) summariesReady(ctx context.Context) bool {
	_, ok := db.summaryVersion(ctx)
	return ok
}

// summaryVersion is summariesReady that also returns the summaries'
// version (for figureCache).
func (db *DB) summaryVersion(ctx context.Context) (string, bool) {
	if m, ok := ctx.Value(versionMemoKey{}).(*versionMemo); ok && m.db == db {
		m.once.Do(func() { m.version, m.ok = db.readSummaryVersion(ctx) })
		return m.version, m.ok
	}
	return db.readSummaryVersion(ctx)
}

// versionMemo holds the summaries' version as a reading's first look found
// it (ReadingSummaries).
type versionMemo struct {
	db      *DB
	once    sync.Once
	version string
	ok      bool
}

type versionMemoKey struct{}

// ReadingSummaries returns ctx for a reading that writes no records (a web
// page or API GET): in it the summaries' version is read (and the
// summaries refreshed if needed) once, by the first figure asked, rather
// than once per figure: a dashboard asks for half a dozen (issue 7).
func (db *DB) ReadingSummaries(ctx context.Context) context.Context {
	return context.WithValue(ctx, versionMemoKey{}, &versionMemo{db: db})
}

// readSummaryVersion is summaryVersion, read from the database.
func (db *DB) readSummaryVersion(ctx context.Context) (string, bool) {
	var dirty int
	var last hezuo.Date
	var print, version sql.NullString
	const q = `SELECT (SELECT count(*) FROM summary_dirty), (SELECT max(period_start) FROM summary_periods),
		(SELECT value FROM meta WHERE key = 'summary_settings'), (SELECT value FROM meta WHERE key = 'summary_version')`
	if err := db.QueryRowContext(ctx, q).Scan(&dirty, &last, &print, &version); err != nil {
		return "", false
	}
	// Settings changes are marked dirty by a trigger; the print is checked
	// against the settings when refreshing.
	format := strings.HasPrefix(print.String, summaryFormat+":")
	if dirty == 0 && format && !last.IsZero() && dayOf(last) >= periodStart(todayDay()) {
		return version.String, true
	}
	if err := db.RefreshSummaries(ctx, nil); err != nil {
		return "", false
	}
	if err := db.QueryRowContext(ctx, q).Scan(&dirty, &last, &print, &version); err != nil {
		return "", false
	}
	return version.String, dirty == 0 && strings.HasPrefix(print.String, summaryFormat+":")
}
