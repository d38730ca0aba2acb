package summaries

import (
	"context"

	"hezuo"
)

// The dashboard's series from the summaries, for users whose reach is a
// division (hezuo.Access.ByDivision): each returns false when the summaries
// are not up to date, and the caller then counts from the records as
// before (sqldb's trend.go).

// MemberTrend returns, for each day, the memberships active in scope and
// those of party members (sqldb's MemberTrend) from the roll-ups: one Stats
// read per day; false when the summaries are not up to date through today.
func (sm *Store) MemberTrend(ctx context.Context, scope hezuo.Scope, days []hezuo.Date, today hezuo.Date) ([]hezuo.TrendPoint, bool) {
	version, ok := sm.Version(ctx, today)
	if !ok {
		return nil, false
	}
	out := make([]hezuo.TrendPoint, len(days))
	for i, d := range days {
		s, err := sm.Stats(ctx, version, scope, d)
		if err != nil {
			return nil, false
		}
		out[i] = hezuo.TrendPoint{Day: d, Members: s.AllMembers, PartyMembers: s.Talent.PartyMembers}
	}
	return out, true
}

// OrgsByTownship counts the orgs in scope existing on d by township and
// kind (sqldb's OrgsByTownship), once per summary version and day; false
// when the summaries are not up to date through today. For a province or
// wider whose orgs lie in more than one prefecture the counts are by
// prefecture, from the roll-ups (the chart shows no finer: counting a
// nation's 2.2 million orgs took 6 s on PostgreSQL); otherwise count gives
// them, from the orgs of the scope (an index range: there are no roll-ups
// below prefectures).
func (sm *Store) OrgsByTownship(ctx context.Context, scope hezuo.Scope, d, today hezuo.Date,
	count func() (map[string]map[string]int, error)) (map[string]map[string]int, bool) {
	version, ok := sm.Version(ctx, today)
	if !ok {
		return nil, false
	}
	shared, err := sm.townsCached(ctx, version, scope, d, func() (map[string]map[string]int, error) {
		if len(scope.Prefix) <= 2 {
			out, err := sm.orgsByPrefecture(ctx, scope, d)
			if err != nil || len(out) > 1 {
				return out, err
			}
		}
		return count()
	})
	if err != nil {
		return nil, false
	}
	return shared, true
}

// orgsByPrefecture counts the orgs in scope existing on d by prefecture and
// kind from the prefectures' roll-ups.
func (sm *Store) orgsByPrefecture(ctx context.Context, scope hezuo.Scope, d hezuo.Date) (map[string]map[string]int, error) {
	lo, hi := scope.Range()
	lo, hi = lo[:RollupFinest], hi[:RollupFinest]
	var period hezuo.Date
	if err := sm.db.QueryRowContext(ctx, sm.rebind(`SELECT max(period_start) FROM summary_periods WHERE period_start <= ?`), d).Scan(&period); err != nil {
		return nil, err
	}
	q := `SELECT x.area, x.kind, sum(x.orgs) FROM summary_areas a JOIN summary_delta x ON x.area = a.area AND x.day <= ?`
	args := []any{d}
	if !period.IsZero() {
		q = `SELECT x.area, x.kind, x.orgs FROM summary_areas a JOIN summary_snapshot x ON x.area = a.area AND x.period_start = ?
			WHERE a.level = 'prefecture' AND a.area BETWEEN ? AND ?
			UNION ALL SELECT x.area, x.kind, sum(x.orgs) FROM summary_areas a JOIN summary_delta x ON x.area = a.area
			AND x.day >= ? AND x.day <= ?`
		args = []any{period, lo, hi, period, d}
	}
	q += ` WHERE a.level = 'prefecture' AND a.area BETWEEN ? AND ? GROUP BY x.area, x.kind`
	out := map[string]map[string]int{}
	err := sm.eachRow(ctx, q, append(args, lo, hi), func(r rowScanner) error {
		var area, kind string
		var n int
		if err := r.Scan(&area, &kind, &n); err != nil || kind == "" {
			return err
		}
		if out[area] == nil {
			out[area] = map[string]int{}
		}
		out[area][kind] += n
		return nil
	})
	// A snapshot and the deltas after it may add up to nothing.
	for area, kinds := range out {
		for k, n := range kinds {
			if n == 0 {
				delete(kinds, k)
			}
		}
		if len(kinds) == 0 {
			delete(out, area)
		}
	}
	return out, err
}
