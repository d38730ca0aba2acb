package sqldb

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"hezuo"
	"hezuo/rules"
)

// sweep computes the segments of every target org of the input.
func (in *sweepInput) sweep(env rules.Env) map[int64][]orgSegment {
	for _, p := range in.pos {
		in.sweepPartyOrg(p)
	}
	ev := &evalCache{env: env}
	out := make(map[int64][]orgSegment, len(in.target))
	for _, id := range in.target {
		out[id] = in.sweepOrg(in.orgs[id], ev)
	}
	return out
}

// rebuildAll recomputes every summary on x, a connection inside a
// transaction (conn is that connection, for COPY on PostgreSQL).
func (db *DB) rebuildAll(ctx context.Context, x execQuerier, conn *sql.Conn) error {
	if err := db.lockSummaries(ctx, x); err != nil {
		return err
	}
	for _, t := range []string{"org_segments", "instructor_segments", "summary_delta", "summary_snapshot", "summary_periods",
		"summary_areas", "summary_dirty"} {
		q := "DELETE FROM " + t
		if db.Dialect == Postgres {
			q = "TRUNCATE " + t
		}
		if _, err := x.ExecContext(ctx, q); err != nil {
			return err
		}
	}
	if err := db.bumpSummaryVersion(ctx, x); err != nil {
		return err
	}
	st, err := db.settingsOn(ctx, x)
	if err != nil {
		return err
	}
	var first hezuo.Date
	if err := x.QueryRowContext(ctx, `SELECT min(founded) FROM orgs`).Scan(&first); err != nil {
		return err
	}
	today := todayDay()
	start := today
	if !first.IsZero() && dayOf(first) < today {
		start = dayOf(first)
	}
	periods := periodsBetween(start, today)
	for _, p := range periods {
		if _, err := x.ExecContext(ctx, db.rebind(`INSERT INTO summary_periods (period_start) VALUES (?)`), p.date()); err != nil {
			return err
		}
	}
	var towns []string
	err = db.eachRowOn(ctx, x, `SELECT substr(village, 1, 9) FROM orgs UNION SELECT township FROM instructors ORDER BY 1`, nil,
		func(r rowScanner) error {
			var t string
			err := r.Scan(&t)
			towns = append(towns, t)
			return err
		})
	if err != nil {
		return err
	}
	w := newRowWriter(ctx, db, x, conn)
	defer w.close()
	env := rules.Env{Settings: st}
	open := map[string]areaDeltas{} // the ancestor areas of the townships so far
	for _, t := range towns {
		// Townships come in code order: an area not holding t is complete.
		for _, a := range sortedStrings(keysOf(open)) {
			if !strings.HasPrefix(t, a) {
				if err := db.addAreaRows(ctx, x, w, a, open[a], periods); err != nil {
					return err
				}
				delete(open, a)
			}
		}
		deltas, err := db.buildTownship(ctx, x, w, t, env)
		if err != nil {
			return fmt.Errorf("summary of township %s: %w", t, err)
		}
		if err := db.addAreaRows(ctx, x, w, t, deltas, periods); err != nil {
			return err
		}
		for _, a := range ancestors(t) {
			if open[a] == nil {
				open[a] = areaDeltas{}
			}
			open[a].merge(deltas)
		}
	}
	for _, a := range sortedStrings(keysOf(open)) {
		if err := db.addAreaRows(ctx, x, w, a, open[a], periods); err != nil {
			return err
		}
	}
	if err := w.flush(); err != nil {
		return err
	}
	return db.setSummarySettings(ctx, x, st)
}

// addAreaRows records the area and buffers its deltas and snapshots.
func (db *DB) addAreaRows(ctx context.Context, x execQuerier, w *rowWriter, area string, deltas areaDeltas, periods []day) error {
	if _, err := x.ExecContext(ctx, db.rebind(`INSERT INTO summary_areas (area, county, level) VALUES (?, ?, ?)
		ON CONFLICT (area) DO NOTHING`), area, areaCounty(area), areaLevels[len(area)]); err != nil {
		return err
	}
	return w.addArea(areaCounty(area), area, deltas, periods)
}

// buildTownship computes and buffers the segments of the orgs and
// instructors of township t, and returns its deltas.
func (db *DB) buildTownship(ctx context.Context, x execQuerier, w *rowWriter, t string, env rules.Env) (areaDeltas, error) {
	var ids []int64
	lo, hi := hezuo.Scope{Prefix: t}.Range()
	err := db.eachRowOn(ctx, x, `SELECT id FROM orgs WHERE village BETWEEN ? AND ?`, []any{lo, hi}, func(r rowScanner) error {
		var id int64
		err := r.Scan(&id)
		ids = append(ids, id)
		return err
	})
	if err != nil {
		return nil, err
	}
	deltas := areaDeltas{}
	in, err := db.loadSweepInput(ctx, x, ids)
	if err != nil {
		return nil, err
	}
	for id, segs := range in.sweep(env) {
		o := in.orgs[id]
		if err := w.addSegments(o, segs); err != nil {
			return nil, err
		}
		for i := range segs {
			m := segmentMetrics(&segs[i], o.org.Model, o.org.HouseholdsDriven)
			deltas.add(o.org.Kind, span{segs[i].from, segs[i].to}, &m)
		}
	}
	segs, err := db.loadInstructorSegments(ctx, x, `i.township = ?`, []any{t})
	if err != nil {
		return nil, err
	}
	return deltas, db.addInstructorSegments(w, segs, deltas)
}

// addInstructorSegments buffers instructor segments and adds them to the
// deltas of their township.
func (db *DB) addInstructorSegments(w *rowWriter, segs []instructorSeg, deltas areaDeltas) error {
	one := metrics{}
	one[mDispatched] = 1
	for _, s := range segs {
		if err := w.add("instructor_segments", s.id, s.county, s.township, s.from.date(), s.to.date()); err != nil {
			return err
		}
		if deltas != nil {
			deltas.add("", s.span, &one)
		}
	}
	return nil
}

// loadInstructorSegments computes the segments of the instructors matching
// cond (on alias i).
func (db *DB) loadInstructorSegments(ctx context.Context, x execQuerier, cond string, args []any) ([]instructorSeg, error) {
	type inst struct {
		county, township string
		days             []span
	}
	byID := map[int64]*inst{}
	err := db.eachRowOn(ctx, x, `SELECT i.id, i.county, i.township, d.valid_from, d.valid_to, o.founded, o.dissolved
		FROM instructors i LEFT JOIN dispatches d ON d.instructor_id = i.id LEFT JOIN orgs o ON o.id = d.org_id
		WHERE `+cond, args, func(r rowScanner) error {
		var id int64
		var county, town string
		var from, to, founded, dissolved hezuo.Date
		if err := r.Scan(&id, &county, &town, &from, &to, &founded, &dissolved); err != nil {
			return err
		}
		in := byID[id]
		if in == nil {
			in = &inst{county: county, township: town}
			byID[id] = in
		}
		if !from.IsZero() && !founded.IsZero() {
			in.days = append(in.days, spans{spanOf(from, to)}.intersect(spans{spanOf(founded, dissolved)})...)
		}
		return nil
	})
	var out []instructorSeg
	for _, id := range sortedKeys(byID) {
		in := byID[id]
		out = append(out, instructorSegments(id, in.county, in.township, in.days)...)
	}
	return out, err
}

// eachRowOn is eachRow on x.
func (db *DB) eachRowOn(ctx context.Context, x execQuerier, q string, args []any, fn func(rowScanner) error) error {
	rows, err := x.QueryContext(ctx, db.rebind(q), args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := fn(rows); err != nil {
			return err
		}
	}
	return rows.Err()
}
