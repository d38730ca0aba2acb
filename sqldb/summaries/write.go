package summaries

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"hezuo"
	"hezuo/sqldb/internal/sqlx"
)

// rowWriter inserts many rows: multi-row INSERTs, or COPY on PostgreSQL
// when it runs on a dedicated connection (a full rebuild).
type rowWriter struct {
	sm    *Store
	ctx   context.Context
	x     execQuerier
	conn  *sql.Conn // set on PostgreSQL for COPY; the transaction was begun on it
	buf   map[string][][]any
	n     int
	stmts map[string]*sql.Stmt
}

// Summary tables and their columns, as written.
var (
	segmentCols = []string{"org_id", "county", "township", "kind", "valid_from", "valid_to", "registered", "model", "members",
		"full_members", "probationary", "activists", "talents", "households", "instructor", "developed", "required", "actual",
		"managed", "branches", "general_branches", "committees", "joint_branches", "party_groups", "facts"}
	instructorSegmentCols = []string{"instructor_id", "county", "township", "valid_from", "valid_to"}
	deltaCols             = append([]string{"county", "area", "day", "kind"}, metricCols[:]...)
	snapshotCols          = append([]string{"county", "area", "period_start", "kind"}, metricCols[:]...)
)

// summaryTables are written in this order when flushing.
var summaryTables = []struct {
	name string
	cols []string
}{
	{"org_segments", segmentCols}, {"instructor_segments", instructorSegmentCols},
	{"summary_delta", deltaCols}, {"summary_snapshot", snapshotCols},
}

func newRowWriter(ctx context.Context, sm *Store, x execQuerier, conn *sql.Conn) *rowWriter {
	if !sm.cfg.Postgres {
		conn = nil
	}
	return &rowWriter{sm: sm, ctx: ctx, x: x, conn: conn, buf: map[string][][]any{}, stmts: map[string]*sql.Stmt{}}
}

// add buffers a row of table, flushing when the buffers are large.
func (w *rowWriter) add(table string, row ...any) error {
	w.buf[table] = append(w.buf[table], row)
	if w.n++; w.n >= 20000 {
		return w.flush()
	}
	return nil
}

// flush writes every buffered row.
func (w *rowWriter) flush() error {
	for _, t := range summaryTables {
		rows := w.buf[t.name]
		if len(rows) == 0 {
			continue
		}
		var err error
		if w.conn != nil {
			err = w.copy(t.name, t.cols, rows)
		} else {
			err = w.insert(t.name, t.cols, rows)
		}
		if err != nil {
			return fmt.Errorf("summary %s: %w", t.name, err)
		}
		w.buf[t.name] = rows[:0]
	}
	w.n = 0
	return nil
}

func (w *rowWriter) insert(table string, cols []string, rows [][]any) error {
	per := max(1, 2000/len(cols)) // rows per statement: parameters within every driver's limit
	for len(rows) > 0 {
		n := per
		if len(rows) < per {
			n = 1 // the tail row by row, so that only two statements are ever prepared
		}
		st, err := w.stmt(table, cols, n)
		if err != nil {
			return err
		}
		args := make([]any, 0, n*len(cols))
		for _, r := range rows[:n] {
			args = append(args, r...)
		}
		if _, err := st.ExecContext(w.ctx, args...); err != nil {
			return err
		}
		rows = rows[n:]
	}
	return nil
}

// stmt returns the prepared INSERT of n rows into table.
func (w *rowWriter) stmt(table string, cols []string, n int) (*sql.Stmt, error) {
	key := fmt.Sprintf("%s/%d", table, n)
	if st := w.stmts[key]; st != nil {
		return st, nil
	}
	one := "(" + sqlx.InList(len(cols)) + ")"
	q := "INSERT INTO " + table + " (" + strings.Join(cols, ", ") + ") VALUES " + strings.TrimSuffix(strings.Repeat(one+", ", n), ", ")
	st, err := w.x.PrepareContext(w.ctx, w.sm.rebind(q))
	if err != nil {
		return nil, err
	}
	w.stmts[key] = st
	return st, nil
}

// close releases the prepared statements.
func (w *rowWriter) close() {
	for _, st := range w.stmts {
		st.Close()
	}
	w.stmts = map[string]*sql.Stmt{}
}

// copy uses COPY on the connection's PostgreSQL session (inside the
// transaction begun there).
func (w *rowWriter) copy(table string, cols []string, rows [][]any) error {
	return sqlx.CopyOn(w.ctx, w.conn, table, cols, rows)
}

// addSegments buffers the segments of org o.
func (w *rowWriter) addSegments(o *orgIn, segs []orgSegment) error {
	b := func(x bool) int {
		if x {
			return 1
		}
		return 0
	}
	for i := range segs {
		s := &segs[i]
		f := &s.fig
		err := w.add("org_segments", o.id, o.county, hezuo.TownshipOf(o.org.Village), o.org.Kind, s.from.date(), s.to.date(),
			b(f.registered), b(o.org.Model), f.members, f.full, f.prob, f.activists, f.talents, o.org.HouseholdsDriven,
			b(f.instructor), f.developed, s.required, s.actual, s.managed,
			f.owned[0], f.owned[1], f.owned[2], f.owned[3], f.owned[4], encodeFacts(s.covers, s.secretary, s.officers))
		if err != nil {
			return err
		}
	}
	return nil
}

// addArea buffers an area's deltas and its snapshots at periods.
func (w *rowWriter) addArea(county, area string, deltas map[deltaKey]*metrics, periods []day) error {
	for k, m := range deltas {
		if m.zero() {
			continue
		}
		if err := w.add("summary_delta", metricRow(county, area, k.day.date(), k.kind, m)...); err != nil {
			return err
		}
	}
	for _, s := range snapshots(deltas, periods) {
		if err := w.add("summary_snapshot", metricRow(county, area, s.day.date(), s.kind, s.m)...); err != nil {
			return err
		}
	}
	return nil
}

func metricRow(county, area string, d hezuo.Date, kind string, m *metrics) []any {
	row := make([]any, 0, 4+nMetrics)
	row = append(row, county, area, d, kind)
	for _, v := range m {
		row = append(row, v)
	}
	return row
}
