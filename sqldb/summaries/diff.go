package summaries

import (
	"context"
	"sort"

	"hezuo/sqldb/internal/sqlx"
)

// applyDiffs changes the deltas and snapshots of the areas holding the
// townships by the differences given (keyed by township).
func (sm *Store) applyDiffs(ctx context.Context, x execQuerier, w *rowWriter, diffs map[string]areaDeltas) error {
	periods, err := sm.periods(ctx, x)
	if err != nil {
		return err
	}
	up := map[string]areaDeltas{}
	for _, t := range sortedStrings(keysOf(diffs)) {
		for _, a := range rollupAreas(t) {
			if up[a] == nil {
				up[a] = areaDeltas{}
			}
			up[a].merge(diffs[t])
		}
	}
	for _, a := range sortedStrings(keysOf(up)) {
		if err := sm.applyDiff(ctx, x, w, a, up[a], periods); err != nil {
			return err
		}
	}
	return w.flush()
}

func keysOf[V any](m map[string]V) map[string]bool {
	out := map[string]bool{}
	for k := range m {
		out[k] = true
	}
	return out
}

func sortedStrings(set map[string]bool) []string {
	out := make([]string, 0, len(set))
	for s := range set {
		out = append(out, s)
	}
	sort.Strings(out)
	return out
}

// applyDiff adds diff to an area's deltas, and to its snapshots of the
// periods after the first day changed: the rows concerned are read, changed
// in memory, deleted and written again (all-zero rows left out).
func (sm *Store) applyDiff(ctx context.Context, x execQuerier, w *rowWriter, area string, diff areaDeltas, periods []day) error {
	county := areaCounty(area)
	first := never
	var days []any
	seen := map[day]bool{}
	for k, m := range diff {
		if m.zero() {
			continue
		}
		first = min(first, k.day)
		if !seen[k.day] {
			seen[k.day] = true
			days = append(days, k.day.date())
		}
	}
	if first == never {
		return nil
	}
	cur := areaDeltas{}
	for len(days) > 0 {
		n := min(500, len(days))
		err := sm.eachRowOn(ctx, x, `SELECT day, kind, `+metricList("", false)+` FROM summary_delta WHERE area = ? AND day IN (`+sqlx.InList(n)+`)`,
			append([]any{area}, days[:n]...), func(r rowScanner) error {
				k, m, err := scanDelta(r)
				cur.at(k).add(&m, 1)
				return err
			})
		if err != nil {
			return err
		}
		if _, err := x.ExecContext(ctx, sm.rebind(`DELETE FROM summary_delta WHERE area = ? AND day IN (`+sqlx.InList(n)+`)`),
			append([]any{area}, days[:n]...)...); err != nil {
			return err
		}
		days = days[n:]
	}
	cur.merge(diff)
	for k, m := range cur {
		if !m.zero() {
			if err := w.add("summary_delta", metricRow(county, area, k.day.date(), k.kind, m)...); err != nil {
				return err
			}
		}
	}
	// Snapshots after the first day changed: old values plus the changes
	// dated before each period.
	snaps := map[deltaKey]*metrics{}
	err := sm.eachRowOn(ctx, x, `SELECT period_start, kind, `+metricList("", false)+` FROM summary_snapshot WHERE area = ? AND period_start > ?`,
		[]any{area, first.date()}, func(r rowScanner) error {
			k, m, err := scanDelta(r)
			snaps[k] = &m
			return err
		})
	if err != nil {
		return err
	}
	if _, err := x.ExecContext(ctx, sm.rebind(`DELETE FROM summary_snapshot WHERE area = ? AND period_start > ?`), area, first.date()); err != nil {
		return err
	}
	var later []day
	for _, p := range periods {
		if p > first {
			later = append(later, p)
		}
	}
	for _, s := range snapshots(diff, later) {
		k := deltaKey{s.day, s.kind}
		if snaps[k] == nil {
			snaps[k] = &metrics{}
		}
		snaps[k].add(s.m, 1)
	}
	for k, m := range snaps {
		if !m.zero() {
			if err := w.add("summary_snapshot", metricRow(county, area, k.day.date(), k.kind, m)...); err != nil {
				return err
			}
		}
	}
	_, err = x.ExecContext(ctx, sm.rebind(`INSERT INTO summary_areas (area, county, level) VALUES (?, ?, ?) ON CONFLICT (area) DO NOTHING`),
		area, county, areaLevels[len(area)])
	return err
}
