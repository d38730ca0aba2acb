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
// and kind (OrgsByTownship), once per summary version and day: the orgs of
// the scope are counted (an index range; the roll-ups stop at prefectures,
// and the chart needs townships).
func (db *DB) orgsByTownshipSummary(ctx context.Context, scope hezuo.Scope, d hezuo.Date) (map[string]map[string]int, bool) {
	version, ok := db.summaryVersion(ctx)
	if !ok {
		return nil, false
	}
	shared, err := db.townsCached(ctx, version, scope, d, func() (map[string]map[string]int, error) {
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
