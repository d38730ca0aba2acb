package summaries

import (
	"context"
	"database/sql"

	"hezuo"
)

// segSelect reads the org segments aliased s (scanned by scanSegment).
const segSelect = `s.org_id, s.kind, s.valid_from, s.valid_to, s.registered, s.model, s.members, s.full_members, s.probationary,
	s.activists, s.talents, s.households, s.instructor, s.developed, s.required, s.actual, s.managed,
	s.branches, s.general_branches, s.committees, s.joint_branches, s.party_groups, s.facts`

// segRow is a stored segment.
type segRow struct {
	orgID      int64
	kind       string
	model      bool
	households int
	facts      string
	seg        orgSegment
}

// metrics returns what the segment's org contributes on any day of it.
func (r *segRow) metrics() metrics { return segmentMetrics(&r.seg, r.model, r.households) }

// scanSegment reads segSelect, after any columns given in before.
func scanSegment(r rowScanner, before ...any) (*segRow, error) {
	var s segRow
	var from, to hezuo.Date
	var reg, model, instr int
	var facts sql.NullString
	f := &s.seg.fig
	dest := append(before, &s.orgID, &s.kind, &from, &to, &reg, &model, &f.members, &f.full, &f.prob, &f.activists, &f.talents,
		&s.households, &instr, &f.developed, &s.seg.required, &s.seg.actual, &s.seg.managed,
		&f.owned[0], &f.owned[1], &f.owned[2], &f.owned[3], &f.owned[4], &facts)
	if err := r.Scan(dest...); err != nil {
		return nil, err
	}
	s.seg.from, s.seg.to = dayOf(from), dayOf(to)
	f.registered, s.model, f.instructor = reg != 0, model != 0, instr != 0
	s.facts = facts.String
	return &s, nil
}

// scanDelta reads "day, kind, metrics…".
func scanDelta(r rowScanner, before ...any) (deltaKey, metrics, error) {
	var k deltaKey
	var m metrics
	var d hezuo.Date
	dest := append(before, &d, &k.kind)
	for i := range m {
		dest = append(dest, &m[i])
	}
	err := r.Scan(dest...)
	k.day = dayOf(d)
	return k, m, err
}

// periods returns the snapshot period starts, in order.
func (sm *Store) periods(ctx context.Context, x execQuerier) ([]day, error) {
	var out []day
	err := sm.eachRowOn(ctx, x, `SELECT period_start FROM summary_periods ORDER BY period_start`, nil, func(r rowScanner) error {
		var d hezuo.Date
		err := r.Scan(&d)
		out = append(out, dayOf(d))
		return err
	})
	return out, err
}

// extendPeriods adds the periods up to today's, each snapshot being the
// previous one plus the deltas between them, so that figures of recent days
// keep reading few deltas.
func (sm *Store) extendPeriods(ctx context.Context, x execQuerier, today day) error {
	have, err := sm.periods(ctx, x)
	if err != nil {
		return err
	}
	want := periodStart(today)
	var add []day
	switch {
	case len(have) == 0:
		add = []day{want}
	case have[len(have)-1] < want:
		add = periodsBetween(have[len(have)-1], today)[1:]
	}
	if len(add) > 0 {
		if err := sm.bumpSummaryVersion(ctx, x); err != nil {
			return err
		}
	}
	cols := metricList("", false)
	for _, p := range add {
		var q string
		var args []any
		if len(have) == 0 {
			q = `SELECT county, area, kind, ` + cols + ` FROM summary_delta WHERE day < ?`
			args = []any{p.date()}
		} else {
			prev := have[len(have)-1]
			q = `SELECT county, area, kind, ` + cols + ` FROM summary_snapshot WHERE period_start = ?
				UNION ALL SELECT county, area, kind, ` + cols + ` FROM summary_delta WHERE day >= ? AND day < ?`
			args = []any{prev.date(), prev.date(), p.date()}
		}
		if _, err := x.ExecContext(ctx, sm.rebind(`INSERT INTO summary_snapshot (county, area, period_start, kind, `+cols+`)
			SELECT county, area, `+sm.dateParam()+`, kind, `+metricList("", true)+` FROM (`+q+`) u GROUP BY county, area, kind`),
			append([]any{p.date()}, args...)...); err != nil {
			return err
		}
		if _, err := x.ExecContext(ctx, sm.rebind(`INSERT INTO summary_periods (period_start) VALUES (?)`), p.date()); err != nil {
			return err
		}
		have = append(have, p)
	}
	return nil
}

// dateParam is a date placeholder where the type cannot be inferred (a
// SELECT list): PostgreSQL needs the cast, SQLite keeps dates as text.
func (sm *Store) dateParam() string {
	if sm.cfg.Postgres {
		return "CAST(? AS DATE)"
	}
	return "?"
}
