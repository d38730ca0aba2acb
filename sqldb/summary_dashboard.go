package sqldb

import (
	"context"

	"hezuo"
)

// The dashboard's series from the summaries, for users whose reach is a
// division (hezuo.Access.ByDivision): each returns false when the summaries
// are not up to date, and the caller then counts from the records as
// before (trend.go).

// memberTrendSummary returns, for each day, the memberships active in scope
// and those of party members (MemberTrend) from the roll-ups: one Stats
// read per day.
func (db *DB) memberTrendSummary(ctx context.Context, scope hezuo.Scope, days []hezuo.Date) ([]hezuo.TrendPoint, bool) {
	version, ok := db.summaryVersion(ctx)
	if !ok {
		return nil, false
	}
	out := make([]hezuo.TrendPoint, len(days))
	for i, d := range days {
		s, err := db.statsCached(ctx, version, scope, d)
		if err != nil {
			return nil, false
		}
		out[i] = hezuo.TrendPoint{Day: d, Members: s.AllMembers, PartyMembers: s.Talent.PartyMembers}
	}
	return out, true
}

// orgsByTownshipSummary counts the orgs in scope existing on d by township
// and kind (OrgsByTownship) from the townships' roll-ups, or from the org
// segments for a village.
func (db *DB) orgsByTownshipSummary(ctx context.Context, scope hezuo.Scope, d hezuo.Date) (map[string]map[string]int, bool) {
	version, ok := db.summaryVersion(ctx)
	if !ok {
		return nil, false
	}
	shared, err := db.townsCached(ctx, version, scope, d, func() (map[string]map[string]int, error) {
		return db.readOrgsByTownship(ctx, scope, d)
	})
	if err != nil {
		return nil, false
	}
	return shared, true
}

func (db *DB) readOrgsByTownship(ctx context.Context, scope hezuo.Scope, d hezuo.Date) (map[string]map[string]int, error) {
	out := map[string]map[string]int{}
	add := func(t, kind string, n int) {
		if n == 0 || kind == "" {
			return
		}
		if out[t] == nil {
			out[t] = map[string]int{}
		}
		out[t][kind] += n
	}
	if len(scope.Prefix) > 9 {
		err := db.eachActiveSegment(ctx, db, scope, d, func(o *orgRecord, _ *segRow) error {
			add(hezuo.TownshipOf(o.village), o.kind, 1)
			return nil
		})
		return out, err
	}
	p := scope.Prefix
	lo, hi := hezuo.Scope{Prefix: p}.Range()
	lo, hi = lo[:9], hi[:9]
	var period hezuo.Date
	if err := db.QueryRowContext(ctx, db.rebind(`SELECT max(period_start) FROM summary_periods WHERE period_start <= ?`), d).Scan(&period); err != nil {
		return nil, err
	}
	q := `SELECT x.area, x.kind, sum(x.orgs) FROM summary_areas a JOIN summary_delta x ON x.area = a.area AND x.day <= ?`
	args := []any{d}
	if !period.IsZero() {
		q = `SELECT x.area, x.kind, x.orgs FROM summary_areas a JOIN summary_snapshot x ON x.area = a.area AND x.period_start = ?
			WHERE a.level = 'township' AND a.area BETWEEN ? AND ?
			UNION ALL SELECT x.area, x.kind, sum(x.orgs) FROM summary_areas a JOIN summary_delta x ON x.area = a.area
			AND x.day >= ? AND x.day <= ?`
		args = []any{period, lo, hi, period, d}
	}
	q += ` WHERE a.level = 'township' AND a.area BETWEEN ? AND ? GROUP BY x.area, x.kind`
	err := db.eachRow(ctx, q, append(args, lo, hi), func(r rowScanner) error {
		var t, kind string
		var n int
		err := r.Scan(&t, &kind, &n)
		add(t, kind, n)
		return err
	})
	// A snapshot and the deltas after it may add up to nothing.
	for t, kinds := range out {
		for k, n := range kinds {
			if n == 0 {
				delete(kinds, k)
			}
		}
		if len(kinds) == 0 {
			delete(out, t)
		}
	}
	return out, err
}

// DivisionNames returns the names of the divisions of a level (township,
// village…) inside the requested scope, which a may see, keyed by their
// digits of their level (9 for a township, 12 for a village…): the
// dashboard's labels, without the org counts of ListDivisions.
func (db *DB) DivisionNames(ctx context.Context, a *hezuo.Access, req hezuo.Scope, level string) (map[string]string, error) {
	scope, err := requestScope(a, req)
	if err != nil {
		return nil, err
	}
	if levelDigits[level] == 0 {
		return nil, hezuo.Errorf(hezuo.EINVALID, "区划级别 %q 无效", "unknown division level %q", level)
	}
	read := func() (map[string]string, error) {
		out := map[string]string{}
		err := db.eachRow(ctx, `SELECT code, name FROM divisions WHERE level = ? AND code BETWEEN ? AND ?`,
			append([]any{level}, scopeArgs(scope)...), func(r rowScanner) error {
				var code, name string
				err := r.Scan(&code, &name)
				out[code[:levelDigits[level]]] = name
				return err
			})
		return out, err
	}
	if version, ok := db.summaryVersion(ctx); ok {
		return db.namesCached(ctx, version, scope, level, read)
	}
	return read()
}

var levelDigits = map[string]int{hezuo.LevelProvince: 2, hezuo.LevelPrefecture: 4, hezuo.LevelCounty: 6, hezuo.LevelTownship: 9, hezuo.LevelVillage: 12}
