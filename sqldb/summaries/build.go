package summaries

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"hezuo"
	"hezuo/rules"
	"hezuo/sqldb/internal/sqlx"
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
// transaction (conn is that connection, for COPY on PostgreSQL), reading the
// records on r: x itself, or the database (committed records, read while x
// writes: Rebuild holds the write lock on SQLite, and on
// PostgreSQL later writes are marked dirty); the periods reach through
// today's.
func (sm *Store) rebuildAll(ctx context.Context, x execQuerier, conn *sql.Conn, r execQuerier, today day) error {
	if err := sm.lockSummaries(ctx, x); err != nil {
		return err
	}
	for _, t := range []string{"org_segments", "instructor_segments", "summary_delta", "summary_snapshot", "summary_periods",
		"summary_areas", "summary_dirty"} {
		q := "DELETE FROM " + t
		if sm.cfg.Postgres {
			q = "TRUNCATE " + t
		}
		if _, err := x.ExecContext(ctx, q); err != nil {
			return err
		}
	}
	if err := sm.bumpSummaryVersion(ctx, x); err != nil {
		return err
	}
	st, err := sm.cfg.Settings(ctx, x)
	if err != nil {
		return err
	}
	var first hezuo.Date
	if err := x.QueryRowContext(ctx, `SELECT min(founded) FROM orgs`).Scan(&first); err != nil {
		return err
	}
	start := today
	if !first.IsZero() && dayOf(first) < today {
		start = dayOf(first)
	}
	periods := periodsBetween(start, today)
	for _, p := range periods {
		if _, err := x.ExecContext(ctx, sm.rebind(`INSERT INTO summary_periods (period_start) VALUES (?)`), p.date()); err != nil {
			return err
		}
	}
	var towns []string
	err = sm.eachRowOn(ctx, x, `SELECT substr(village, 1, 9) FROM orgs UNION SELECT township FROM instructors ORDER BY 1`, nil,
		func(r rowScanner) error {
			var t string
			err := r.Scan(&t)
			towns = append(towns, t)
			return err
		})
	if err != nil {
		return err
	}
	w := newRowWriter(ctx, sm, x, conn)
	defer w.close()
	env := rules.Env{Settings: st}
	open := map[string]areaDeltas{} // the ancestor areas of the townships so far
	err = sm.eachTownship(ctx, r, x, towns, env, func(b *townshipBuild) error {
		// Townships come in code order: an area not holding this one is complete.
		for _, a := range sortedStrings(keysOf(open)) {
			if !strings.HasPrefix(b.town, a) {
				if err := sm.addAreaRows(ctx, x, w, a, open[a], periods); err != nil {
					return err
				}
				delete(open, a)
			}
		}
		if err := sm.writeTownship(w, b); err != nil {
			return err
		}
		for _, a := range rollupAreas(b.town) {
			if open[a] == nil {
				open[a] = areaDeltas{}
			}
			open[a].merge(b.deltas)
		}
		return nil
	})
	if err != nil {
		return err
	}
	for _, a := range sortedStrings(keysOf(open)) {
		if err := sm.addAreaRows(ctx, x, w, a, open[a], periods); err != nil {
			return err
		}
	}
	if err := w.flush(); err != nil {
		return err
	}
	return sm.setSummarySettings(ctx, x, st)
}

// addAreaRows records the area and buffers its deltas and snapshots.
func (sm *Store) addAreaRows(ctx context.Context, x execQuerier, w *rowWriter, area string, deltas areaDeltas, periods []day) error {
	if _, err := x.ExecContext(ctx, sm.rebind(`INSERT INTO summary_areas (area, county, level) VALUES (?, ?, ?)
		ON CONFLICT (area) DO NOTHING`), area, areaCounty(area), areaLevels[len(area)]); err != nil {
		return err
	}
	return w.addArea(areaCounty(area), area, deltas, periods)
}

// townshipBuild is the summaries of one township, computed and not yet
// written: its orgs' segments, its instructors' segments and its deltas.
type townshipBuild struct {
	town   string
	in     *sweepInput
	segs   map[int64][]orgSegment
	instr  []instructorSeg
	deltas areaDeltas
}

// prepareTownship reads the records of township t on r and computes its
// summaries.
func (sm *Store) prepareTownship(ctx context.Context, r execQuerier, t string, env rules.Env) (*townshipBuild, error) {
	var ids []int64
	lo, hi := hezuo.Scope{Prefix: t}.Range()
	err := sm.eachRowOn(ctx, r, `SELECT id FROM orgs WHERE village BETWEEN ? AND ?`, []any{lo, hi}, func(r rowScanner) error {
		var id int64
		err := r.Scan(&id)
		ids = append(ids, id)
		return err
	})
	if err != nil {
		return nil, err
	}
	b := &townshipBuild{town: t, deltas: areaDeltas{}}
	if b.in, err = sm.loadSweepInput(ctx, r, ids); err != nil {
		return nil, err
	}
	b.segs = b.in.sweep(env)
	for id, segs := range b.segs {
		o := b.in.orgs[id]
		for i := range segs {
			m := segmentMetrics(&segs[i], o.org.Model, o.org.HouseholdsDriven)
			b.deltas.add(o.org.Kind, span{segs[i].from, segs[i].to}, &m)
		}
	}
	if b.instr, err = sm.loadInstructorSegments(ctx, r, `i.township = ?`, []any{t}); err != nil {
		return nil, err
	}
	one := metrics{}
	one[mDispatched] = 1
	for _, s := range b.instr {
		b.deltas.add("", s.span, &one)
	}
	return b, nil
}

// writeTownship buffers the segments of a township build.
func (sm *Store) writeTownship(w *rowWriter, b *townshipBuild) error {
	for _, id := range sqlx.SortedKeys(b.segs) {
		if err := w.addSegments(b.in.orgs[id], b.segs[id]); err != nil {
			return err
		}
	}
	return sm.addInstructorSegments(w, b.instr, nil)
}

// eachTownship calls fn with the build of every township in order. When r
// is not x, the next townships are read and computed by a goroutine while
// fn writes (a full rebuild spends as long reading as writing).
func (sm *Store) eachTownship(ctx context.Context, r, x execQuerier, towns []string, env rules.Env, fn func(*townshipBuild) error) error {
	if r == x {
		for _, t := range towns {
			b, err := sm.prepareTownship(ctx, r, t, env)
			if err != nil {
				return fmt.Errorf("summary of township %s: %w", t, err)
			}
			if err := fn(b); err != nil {
				return err
			}
		}
		return nil
	}
	type result struct {
		b   *townshipBuild
		err error
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	ch := make(chan result, 4)
	go func() {
		defer close(ch)
		for _, t := range towns {
			b, err := sm.prepareTownship(ctx, r, t, env)
			if err != nil {
				err = fmt.Errorf("summary of township %s: %w", t, err)
			}
			select {
			case ch <- result{b, err}:
			case <-ctx.Done():
				return
			}
			if err != nil {
				return
			}
		}
	}()
	for res := range ch {
		if res.err != nil {
			return res.err
		}
		if err := fn(res.b); err != nil {
			return err
		}
	}
	return ctx.Err()
}

// addInstructorSegments buffers instructor segments and adds them to the
// deltas of their township.
func (sm *Store) addInstructorSegments(w *rowWriter, segs []instructorSeg, deltas areaDeltas) error {
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
func (sm *Store) loadInstructorSegments(ctx context.Context, x execQuerier, cond string, args []any) ([]instructorSeg, error) {
	type inst struct {
		county, township string
		days             []span
	}
	byID := map[int64]*inst{}
	err := sm.eachRowOn(ctx, x, `SELECT i.id, i.county, i.township, d.valid_from, d.valid_to, o.founded, o.dissolved
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
	for _, id := range sqlx.SortedKeys(byID) {
		in := byID[id]
		out = append(out, instructorSegments(id, in.county, in.township, in.days)...)
	}
	return out, err
}
