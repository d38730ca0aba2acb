package sqldb

import (
	"context"
	"database/sql"
	"time"

	"hezuo"
	"hezuo/rules"
	"hezuo/sqldb/summaries"
)

// The summaries (issue 7) are package summaries' (see its doc): the
// methods here hand it the database and the day, and turn its answers into
// the store's.
//
// The day through which the summaries' periods reach is the day of the
// clock the database was opened with (OpenOptions.Now), the same for
// every writer and reader (see the package doc, "The clock").

// sums returns the summaries of db, made on first use (a field of db, so
// that they go with it when it is closed).
func (db *DB) sums() *summaries.Store {
	db.sumsOnce.Do(func() {
		db.sumsOf = summaries.New(db, summaries.Config{Postgres: db.Dialect == Postgres,
			RebuildCacheKiB: bulkCacheKiB, Settings: db.settingsOn})
	})
	return db.sumsOf
}

// summaryToday is the summaries' extent: the day of db's clock in China.
func (db *DB) summaryToday() hezuo.Date {
	now := db.keyOpts.Now
	if now == nil {
		now = time.Now
	}
	return hezuo.DateAt(now(), hezuo.China)
}

// RebuildSummaries recomputes every summary from the records, in one
// transaction (COPY on PostgreSQL).
func (db *DB) RebuildSummaries(ctx context.Context) error {
	return db.sums().Rebuild(ctx, db.summaryToday())
}

// RefreshSummaries brings the summaries up to date with the records written
// in tx (marked by the triggers), inside tx; with a nil tx, with what was
// committed, in a transaction of its own. Writers other than Load call it
// before committing so that the next figures read cost nothing extra. A
// database needing a full rebuild is rebuilt when small and otherwise left
// for RebuildSummaries.
func (db *DB) RefreshSummaries(ctx context.Context, tx *sql.Tx) error {
	return db.sums().Refresh(ctx, tx, db.summaryToday())
}

// refreshOrRebuild refreshes on x, inside a write transaction, rebuilding
// everything on x when needed and the database is small.
func (db *DB) refreshOrRebuild(ctx context.Context, x execQuerier) error {
	return db.sums().RefreshOrRebuild(ctx, x, db.summaryToday())
}

// ReadingSummaries returns ctx for a reading that writes no records (a web
// page or API GET): in it the summaries' version is read (and the
// summaries refreshed if needed) once, by the first figure asked, rather
// than once per figure: a dashboard asks for half a dozen (issue 7).
func (db *DB) ReadingSummaries(ctx context.Context) context.Context {
	return db.sums().Reading(ctx)
}

// summariesReady reports whether Stats and Check may read the summaries
// (summaries.Store.Ready).
func (db *DB) summariesReady(ctx context.Context) bool {
	return db.sums().Ready(ctx, db.summaryToday())
}

// summaryVersion is summariesReady that also returns the summaries'
// version (the key of their figure cache).
func (db *DB) summaryVersion(ctx context.Context) (string, bool) {
	return db.sums().Version(ctx, db.summaryToday())
}

// statsCached is statsSummary through the cache of version.
func (db *DB) statsCached(ctx context.Context, version string, scope hezuo.Scope, d hezuo.Date) (*hezuo.Stats, error) {
	return db.sums().Stats(ctx, version, scope, d)
}

// statsSummary is Stats from the summaries, uncached.
func (db *DB) statsSummary(ctx context.Context, scope hezuo.Scope, d hezuo.Date) (*hezuo.Stats, error) {
	return db.sums().StatsOf(ctx, scope, d)
}

// orgCountSummary returns the number of orgs of a kind ("" for all) in
// scope existing on d from the summaries, and false when they are not up
// to date.
func (db *DB) orgCountSummary(ctx context.Context, scope hezuo.Scope, d hezuo.Date, kind string) (int, bool) {
	return db.sums().OrgCount(ctx, scope, d, db.summaryToday(), kind)
}

// memberTrendSummary is MemberTrend from the summaries, and false when
// they are not up to date.
func (db *DB) memberTrendSummary(ctx context.Context, scope hezuo.Scope, days []hezuo.Date) ([]hezuo.TrendPoint, bool) {
	return db.sums().MemberTrend(ctx, scope, days, db.summaryToday())
}

// orgsByTownshipSummary is OrgsByTownship from the summaries (by
// prefecture for a province or wider spanning several), and false when
// they are not up to date.
func (db *DB) orgsByTownshipSummary(ctx context.Context, scope hezuo.Scope, d hezuo.Date) (map[string]map[string]int, bool) {
	return db.sums().OrgsByTownship(ctx, scope, d, db.summaryToday(), func() (map[string]map[string]int, error) {
		w := &where{}
		w.add("o.village BETWEEN ? AND ?", scopeArgs(scope)...)
		w.addPair(orgActive("o", d))
		return db.countOrgsByTownship(ctx, w)
	})
}

// checkSummary is Check from the org segments: one row per org in scope
// existing on d, its facts rebuilt from the segment of that day and the
// org's villages, then the rules applied as the direct check does.
func (db *DB) checkSummary(ctx context.Context, scope hezuo.Scope, d hezuo.Date) ([]hezuo.CheckRow, error) {
	env, err := db.env(ctx, scope)
	if err != nil {
		return nil, err
	}
	out := []hezuo.CheckRow{}
	err = db.sums().EachCheckOrg(ctx, scope, d, func(c *summaries.CheckOrg) error {
		f := &orgFacts{ID: c.ID, Org: c.Org, Members: c.Members, Activists: c.Activists, Facts: c.Facts, PartyOrgNos: c.PartyOrgNos}
		e := env
		e.Departments = env.deptsByCounty[f.Org.County()]
		out = append(out, checkRow(f, rules.Evaluate(f.Facts, d, e.Env)))
		return nil
	})
	return out, err
}

// summaryTriggerSQL returns the statements creating the triggers that mark
// dirty records, from the dialect's migrations.
func summaryTriggerSQL(dialect string) (string, error) {
	ms, err := migrationSQL(dialect)
	return summaries.TriggerSQL(ms), err
}

// dropSummaryTriggers returns the statements dropping them.
func dropSummaryTriggers(dialect string) ([]string, error) {
	ms, err := migrationSQL(dialect)
	return summaries.DropTriggers(dialect == Postgres, ms), err
}

// migrationSQL returns the SQL of the dialect's migrations, in order.
func migrationSQL(dialect string) ([]string, error) {
	ms, err := Migrations(dialect)
	if err != nil {
		return nil, err
	}
	out := make([]string, len(ms))
	for i, m := range ms {
		out[i] = m.SQL
	}
	return out, nil
}
