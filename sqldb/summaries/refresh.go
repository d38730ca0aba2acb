package summaries

import (
	"context"
	"fmt"

	"hezuo"
	"hezuo/rules"
	"hezuo/sqldb/internal/sqlx"
)

// lockSummaries serialises summary writers on PostgreSQL for the rest of
// the transaction (SQLite write transactions are serial already).
func (sm *Store) lockSummaries(ctx context.Context, x execQuerier) error {
	if !sm.cfg.Postgres {
		return nil
	}
	_, err := x.ExecContext(ctx, `SELECT pg_advisory_xact_lock(84126)`)
	return err
}

// summaryFormat is the version of the segments' meaning: change it when the
// sweep or the rules change what a stored segment says, so that existing
// summaries are rebuilt.
const summaryFormat = "s2" // s2: manager "undecided" across counties; joint branches' townships and industries

// settingsPrint identifies what the segments' verdicts were made with: the
// format and the settings the required and actual forms and the manager
// level depend on (the other settings only change reasons and warnings,
// which Check makes afresh). When it changes every verdict must be made
// again.
func settingsPrint(st rules.Settings) string {
	return fmt.Sprintf("%s:%d/%t", summaryFormat, st.OwnOrgMinFull, st.ProbationaryCountsAsMember)
}

func (sm *Store) setSummarySettings(ctx context.Context, x execQuerier, st rules.Settings) error {
	_, err := x.ExecContext(ctx, sm.rebind(`INSERT INTO meta (key, value) VALUES ('summary_settings', ?)
		ON CONFLICT (key) DO UPDATE SET value = excluded.value`), settingsPrint(st))
	return err
}

// errRebuild says that the summaries need a full rebuild (`hezuo summary
// rebuild`): they were never built, or the rule settings changed.
var errRebuild = hezuo.Errorf(hezuo.ECONFLICT, "汇总表需要重建（hezuo summary rebuild）", "the summaries need a rebuild (hezuo summary rebuild)")

// refresh brings the summaries up to date with the records marked dirty,
// on x inside a write transaction: it recomputes the segments of every org
// and instructor concerned and the roll-ups of their townships and counties.
// It returns errRebuild when only a full rebuild will do.
func (sm *Store) refresh(ctx context.Context, x execQuerier, today day) error {
	if err := sm.lockSummaries(ctx, x); err != nil {
		return err
	}
	dirty := map[string][]int64{}
	err := sm.eachRowOn(ctx, x, `SELECT kind, id FROM summary_dirty`, nil, sqlx.Keyed(func(k string, id int64) {
		dirty[k] = append(dirty[k], id)
	}))
	if err != nil {
		return err
	}
	st, err := sm.cfg.Settings(ctx, x)
	if err != nil {
		return err
	}
	var print string
	if err := sm.eachRowOn(ctx, x, `SELECT value FROM meta WHERE key = 'summary_settings'`, nil, func(r rowScanner) error {
		return r.Scan(&print)
	}); err != nil {
		return err
	}
	if len(dirty["all"]) > 0 || print != settingsPrint(st) {
		return errRebuild
	}
	if len(dirty) > 0 {
		if err := sm.bumpSummaryVersion(ctx, x); err != nil {
			return err
		}
		if err := sm.refreshDirty(ctx, x, dirty, rules.Env{Settings: st}); err != nil {
			return err
		}
		// Only the rows read: on PostgreSQL others may have committed since.
		for kind, ids := range dirty {
			for len(ids) > 0 {
				n := min(500, len(ids))
				if _, err := x.ExecContext(ctx, sm.rebind(`DELETE FROM summary_dirty WHERE kind = ? AND id IN (`+sqlx.InList(n)+`)`),
					append([]any{kind}, sqlx.IDArgs(ids[:n])...)...); err != nil {
					return err
				}
				ids = ids[n:]
			}
		}
	}
	return sm.extendPeriods(ctx, x, today)
}

// refreshDirty recomputes what the dirty records reach: the segments of the
// orgs and instructors concerned, and the roll-ups of their areas changed by
// the difference between their old and new segments.
func (sm *Store) refreshDirty(ctx context.Context, x execQuerier, dirty map[string][]int64, env rules.Env) error {
	orgs, instrs, err := sm.resolveDirty(ctx, x, dirty)
	if err != nil {
		return err
	}
	diffs := map[string]areaDeltas{} // township → change of its deltas
	diff := func(t string) areaDeltas {
		if diffs[t] == nil {
			diffs[t] = areaDeltas{}
		}
		return diffs[t]
	}
	one := metrics{}
	one[mDispatched] = 1
	err = sm.chunked(ctx, x, `SELECT s.township, `+segSelect+` FROM org_segments s WHERE s.org_id IN (%s)`, orgs,
		func(r rowScanner) error {
			var t string
			s, err := scanSegment(r, &t)
			if err == nil {
				m := s.metrics()
				diff(t).addSigned(s.kind, span{s.seg.from, s.seg.to}, &m, -1)
			}
			return err
		})
	if err != nil {
		return err
	}
	err = sm.chunked(ctx, x, `SELECT township, valid_from, valid_to FROM instructor_segments WHERE instructor_id IN (%s)`, instrs,
		func(r rowScanner) error {
			var t string
			var from, to hezuo.Date
			err := r.Scan(&t, &from, &to)
			diff(t).addSigned("", spanOf(from, to), &one, -1)
			return err
		})
	if err != nil {
		return err
	}
	if err := sqlx.ChunkedExec(ctx, x, sm.cfg.Postgres, `DELETE FROM org_segments WHERE org_id IN (%s)`, orgs); err != nil {
		return err
	}
	if err := sqlx.ChunkedExec(ctx, x, sm.cfg.Postgres, `DELETE FROM instructor_segments WHERE instructor_id IN (%s)`, instrs); err != nil {
		return err
	}
	w := newRowWriter(ctx, sm, x, nil)
	defer w.close()
	in, err := sm.loadSweepInput(ctx, x, orgs)
	if err != nil {
		return err
	}
	for id, segs := range in.sweep(env) {
		o := in.orgs[id]
		if err := w.addSegments(o, segs); err != nil {
			return err
		}
		d := diff(hezuo.TownshipOf(o.org.Village))
		for i := range segs {
			m := segmentMetrics(&segs[i], o.org.Model, o.org.HouseholdsDriven)
			d.add(o.org.Kind, span{segs[i].from, segs[i].to}, &m)
		}
	}
	for len(instrs) > 0 {
		n := min(500, len(instrs))
		segs, err := sm.loadInstructorSegments(ctx, x, `i.id IN (`+sqlx.InList(n)+`)`, sqlx.IDArgs(instrs[:n]))
		if err != nil {
			return err
		}
		for _, s := range segs {
			diff(s.township).add("", s.span, &one)
		}
		if err := sm.addInstructorSegments(w, segs, nil); err != nil {
			return err
		}
		instrs = instrs[n:]
	}
	if err := w.flush(); err != nil {
		return err
	}
	return sm.applyDiffs(ctx, x, w, diffs)
}

// resolveDirty turns dirty records into the orgs and instructors whose
// segments they change: a person's orgs and the party organizations they
// are officers of; a party organization's orgs; then, since an org's facts
// include the size of its party organizations, every org sharing a party
// organization with one of those; and the instructors dispatched to them.
func (sm *Store) resolveDirty(ctx context.Context, x execQuerier, dirty map[string][]int64) ([]int64, []int64, error) {
	orgs, pos, instrs := idSet(dirty["org"]), idSet(dirty["party_org"]), idSet(dirty["instructor"])
	into := func(set map[int64]bool, q string, ids []int64) error {
		return sm.chunked(ctx, x, q, ids, func(r rowScanner) error {
			var id int64
			err := r.Scan(&id)
			set[id] = true
			return err
		})
	}
	steps := []struct {
		set map[int64]bool
		q   string
		ids func() []int64
	}{
		{orgs, `SELECT DISTINCT org_id FROM memberships WHERE person_id IN (%s)`, func() []int64 { return dirty["person"] }},
		{pos, `SELECT DISTINCT party_org_id FROM officers WHERE person_id IN (%s)`, func() []int64 { return dirty["person"] }},
		{pos, `SELECT DISTINCT party_org_id FROM party_org_orgs WHERE org_id IN (%s)`, func() []int64 { return sqlx.SortedKeys(orgs) }},
		{orgs, `SELECT DISTINCT org_id FROM party_org_orgs WHERE party_org_id IN (%s)`, func() []int64 { return sqlx.SortedKeys(pos) }},
		{instrs, `SELECT DISTINCT instructor_id FROM dispatches WHERE org_id IN (%s)`, func() []int64 { return sqlx.SortedKeys(orgs) }},
	}
	for _, s := range steps {
		if err := into(s.set, s.q, s.ids()); err != nil {
			return nil, nil, err
		}
	}
	return sqlx.SortedKeys(orgs), sqlx.SortedKeys(instrs), nil
}

func idSet(ids []int64) map[int64]bool {
	m := map[int64]bool{}
	for _, id := range ids {
		m[id] = true
	}
	return m
}
