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
// and kind (OrgsByTownship), once per summary version and day. For a
// province or wider whose orgs lie in more than one prefecture the counts
// are by prefecture, from the roll-ups (the chart shows no finer: counting
// a nation's 2.2 million orgs took 6 s on PostgreSQL); otherwise the orgs of
// the scope are counted (an index range: there are no roll-ups below
// prefectures).
func (db *DB) orgsByTownshipSummary(ctx context.Context, scope hezuo.Scope, d hezuo.Date) (map[string]map[string]int, bool) {
	version, ok := db.summaryVersion(ctx)
	if !ok {
		return nil, false
	}
	shared, err := db.townsCached(ctx, version, scope, d, func() (map[string]map[string]int, error) {
		if len(scope.Prefix) <= 2 {
			out, err := db.orgsByPrefecture(ctx, scope, d)
			if err != nil || len(out) > 1 {
				return out, err
			}
		}
		w := &where{}
		w.add("o.village BETWEEN ? AND ?", scopeArgs(scope)...)
		w.addPair(orgActive("o", d))
		return db.countOrgsByTownship(ctx, w)
	})
	if err != nil {
		return nil, false
	}
	return shared, true
}

// orgsByPrefecture counts the orgs in scope existing on d by prefecture and
// kind from the prefectures' roll-ups.
func (db *DB) orgsByPrefecture(ctx context.Context, scope hezuo.Scope, d hezuo.Date) (map[string]map[string]int, error) {
	lo, hi := scope.Range()
	lo, hi = lo[:rollupFinest], hi[:rollupFinest]
	var period hezuo.Date
	if err := db.QueryRowContext(ctx, db.rebind(`SELECT max(period_start) FROM summary_periods WHERE period_start <= ?`), d).Scan(&period); err != nil {
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
	err := db.eachRow(ctx, q, append(args, lo, hi), func(r rowScanner) error {
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

// countOrgsByTownship counts the orgs matching w (on alias o) by township
// and kind.
func (db *DB) countOrgsByTownship(ctx context.Context, w *where) (map[string]map[string]int, error) {
	out := map[string]map[string]int{}
	err := db.eachRow(ctx, `SELECT substr(o.village, 1, 9), o.kind, count(*) FROM orgs o WHERE `+w.String()+
		` GROUP BY substr(o.village, 1, 9), o.kind`, w.args, func(r rowScanner) error {
		var t, k string
		var n int
		if err := r.Scan(&t, &k, &n); err != nil {
			return err
		}
		if out[t] == nil {
			out[t] = map[string]int{}
		}
		out[t][k] = n
		return nil
	})
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
