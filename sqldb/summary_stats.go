package sqldb

import (
	"context"
	"strings"

	"hezuo"
)

// statsSummary computes Stats from the summaries: for a scope of a
// prefecture or more, the roll-up of its area (summary_area.go); for a
// county or narrower, the segments of its orgs active on the day, and the
// instructors its townships dispatch that day.
func (db *DB) statsSummary(ctx context.Context, scope hezuo.Scope, d hezuo.Date) (*hezuo.Stats, error) {
	byKind := map[string]*metrics{}
	add := func(kind string, m *metrics) {
		if byKind[kind] == nil {
			byKind[kind] = &metrics{}
		}
		byKind[kind].add(m, 1)
	}
	if len(scope.Prefix) > rollupFinest {
		lo, hi := scope.Range()
		// One index seek per org (its org id comes from the covering index
		// on village); the facts are not needed for the figures.
		err := db.eachRow(ctx, `SELECT `+strings.Replace(segSelect, "s.facts", "NULL", 1)+`
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
			if err := db.QueryRowContext(ctx, db.rebind(`SELECT count(*) FROM instructor_segments
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
	if err := db.QueryRowContext(ctx, db.rebind(`SELECT max(period_start) FROM summary_periods WHERE period_start <= ?`), d).Scan(&period); err != nil {
		return nil, err
	}
	q := `SELECT kind, ` + metricList("", true) + ` FROM summary_delta WHERE area = ? AND day <= ? GROUP BY kind`
	args := []any{area, d}
	if !period.IsZero() {
		q = `SELECT kind, ` + metricList("", false) + ` FROM summary_snapshot WHERE area = ? AND period_start = ?
			UNION ALL SELECT kind, ` + metricList("", true) + ` FROM summary_delta WHERE area = ? AND day >= ? AND day <= ? GROUP BY kind`
		args = []any{area, period, area, period, d}
	}
	err := db.eachRow(ctx, q, args, func(r rowScanner) error {
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

// orgRecord is what Check shows of an org besides its segment.
type orgRecord struct {
	id                                   int64
	orgNo, name, kind, village, industry string
}

// eachActiveSegment calls fn with every org in scope existing on d and its
// segment that day, in org number order; x is the database or a
// transaction.
func (db *DB) eachActiveSegment(ctx context.Context, x execQuerier, scope hezuo.Scope, d hezuo.Date,
	fn func(*orgRecord, *segRow) error) error {
	lo, hi := scope.Range()
	// One index seek per org: its last segment starting on or before d.
	return db.eachRowOn(ctx, x, `SELECT o.id, o.org_no, o.name, o.kind, o.village, o.industry, `+segSelect+`
		FROM orgs o JOIN org_segments s ON s.org_id = o.id
		AND s.valid_from = (SELECT max(s2.valid_from) FROM org_segments s2 WHERE s2.org_id = o.id AND s2.valid_from <= ?)
		WHERE o.village BETWEEN ? AND ? AND (s.valid_to IS NULL OR s.valid_to > ?) ORDER BY o.org_no`,
		[]any{d, lo, hi, d}, func(r rowScanner) error {
			var o orgRecord
			s, err := scanSegment(r, &o.id, &o.orgNo, &o.name, &o.kind, &o.village, &o.industry)
			if err != nil {
				return err
			}
			return fn(&o, s)
		})
}

// orgCountSummary returns the number of orgs of a kind ("" for all) in
// scope existing on d from the summaries, and false when they are not up to
// date: what an org list's total costs without counting the orgs (a
// province's list otherwise counts 100,000 rows per page).
func (db *DB) orgCountSummary(ctx context.Context, scope hezuo.Scope, d hezuo.Date, kind string) (int, bool) {
	version, ok := db.summaryVersion(ctx)
	if !ok {
		return 0, false
	}
	s, err := db.statsCached(ctx, version, scope, d)
	if err != nil {
		return 0, false
	}
	if kind == "" {
		return s.Orgs.Total, true
	}
	return s.ByKind(kind).Orgs, true
}
