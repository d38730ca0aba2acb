package summaries

import (
	"context"
	"strings"

	"hezuo"
)

// StatsOf computes Stats from the summaries: for a scope of a
// prefecture or more, the roll-up of its area (area.go); for a
// county or narrower, the segments of its orgs active on the day, and the
// instructors its townships dispatch that day.
func (sm *Store) StatsOf(ctx context.Context, scope hezuo.Scope, d hezuo.Date) (*hezuo.Stats, error) {
	byKind := map[string]*metrics{}
	add := func(kind string, m *metrics) {
		if byKind[kind] == nil {
			byKind[kind] = &metrics{}
		}
		byKind[kind].add(m, 1)
	}
	if len(scope.Prefix) > RollupFinest {
		lo, hi := scope.Range()
		// One index seek per org (its org id comes from the covering index
		// on village); the facts are not needed for the figures.
		err := sm.eachRow(ctx, `SELECT `+strings.Replace(segSelect, "s.facts", "NULL", 1)+`
			FROM orgs o JOIN org_segments s ON s.org_id = o.id
			AND s.valid_from = (SELECT max(s2.valid_from) FROM org_segments s2 WHERE s2.org_id = o.id AND s2.valid_from <= ?)
			WHERE o.village BETWEEN ? AND ? AND (s.valid_to IS NULL OR s.valid_to > ?)`,
			[]any{d, lo, hi, d}, func(r rowScanner) error {
				s, err := scanSegment(r)
				if err != nil {
					return err
				}
				m := s.metrics()
				add(s.kind, &m)
				return nil
			})
		if err != nil {
			return nil, err
		}
		if len(scope.Prefix) <= 9 { // whole townships: their instructors
			var m metrics
			if err := sm.db.QueryRowContext(ctx, sm.rebind(`SELECT count(*) FROM instructor_segments
				WHERE township BETWEEN ? AND ? AND valid_from <= ? AND (valid_to IS NULL OR valid_to > ?)`),
				lo[:9], hi[:9], d, d).Scan(&m[mDispatched]); err != nil {
				return nil, err
			}
			add("", &m)
		}
		return statsFromMetrics(scope, d, byKind), nil
	}
	// The scope's area: its snapshot at the last period start, then its
	// deltas since (at most a month of days, by kind).
	area := scope.Prefix
	var period hezuo.Date
	if err := sm.db.QueryRowContext(ctx, sm.rebind(`SELECT max(period_start) FROM summary_periods WHERE period_start <= ?`), d).Scan(&period); err != nil {
		return nil, err
	}
	q := `SELECT kind, ` + metricList("", true) + ` FROM summary_delta WHERE area = ? AND day <= ? GROUP BY kind`
	args := []any{area, d}
	if !period.IsZero() {
		q = `SELECT kind, ` + metricList("", false) + ` FROM summary_snapshot WHERE area = ? AND period_start = ?
			UNION ALL SELECT kind, ` + metricList("", true) + ` FROM summary_delta WHERE area = ? AND day >= ? AND day <= ? GROUP BY kind`
		args = []any{area, period, area, period, d}
	}
	err := sm.eachRow(ctx, q, args, func(r rowScanner) error {
		var kind string
		var m metrics
		dest := []any{&kind}
		for i := range m {
			dest = append(dest, &m[i])
		}
		if err := r.Scan(dest...); err != nil {
			return err
		}
		add(kind, &m)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return statsFromMetrics(scope, d, byKind), nil
}

// OrgCount returns the number of orgs of a kind ("" for all) in scope
// existing on d from the summaries, and false when they are not up to date
// through today: what an org list's total costs without counting the orgs
// (a province's list otherwise counts 100,000 rows per page).
func (sm *Store) OrgCount(ctx context.Context, scope hezuo.Scope, d, today hezuo.Date, kind string) (int, bool) {
	version, ok := sm.Version(ctx, today)
	if !ok {
		return 0, false
	}
	s, err := sm.Stats(ctx, version, scope, d)
	if err != nil {
		return 0, false
	}
	if kind == "" {
		return s.Orgs.Total, true
	}
	return s.ByKind(kind).Orgs, true
}
