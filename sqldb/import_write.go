package sqldb

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"strings"
	"time"

	"hezuo"
)

// Import validates ds and writes it in one transaction, all or nothing, as
// Load does, with two differences made for spreadsheet imports:
//   - memberships and party status steps whose ID is set are updated in
//     place by that ID (an import corrects a membership's dates by its key
//     身份证号 + 组织编号, and ends a party status step), those without are
//     upserted by their natural keys as in Load;
//   - people, memberships and party status steps are written with
//     multi-row statements (COPY for new ones on PostgreSQL), the bulk path
//     for rosters of 100,000 rows; records without an ID are taken as new
//     and inserted without upsert (see importer.plain), others upserted;
//   - a is the importing user: a role that cannot write is refused, and a
//     township officer's records must lie in the township (import_reach.go);
//   - every record created or changed gets an audit entry as a, in the same
//     transaction, at now, with ds.Source as its note (import_audit.go);
//   - today bounds the records' dates (not after today, BoundedAll).
func (db *DB) Import(ctx context.Context, a *hezuo.Access, ds *hezuo.Dataset, today hezuo.Date, now time.Time) error {
	if err := ds.BoundedAll(today); err != nil { // the bounds of every write path (bounds.go)
		return err
	}
	if err := db.importReach(ctx, a, ds); err != nil {
		return err
	}
	// Optimistically, records without an ID are new (what an import's plan
	// gives) and are inserted plainly; should one exist after all (another
	// writer since the plan, or a caller that does not set IDs), the
	// transaction fails on its unique key, rolls back whole, and is made
	// again with upserts by natural key.
	err := db.importOnce(ctx, a, ds, today, now, true)
	if isUniqueViolation(err) {
		err = db.importOnce(ctx, a, ds, today, now, false)
	}
	return err
}

// importOnce is one attempt of Import; plain inserts the records without
// an ID plainly (see importer.plain).
func (db *DB) importOnce(ctx context.Context, a *hezuo.Access, ds *hezuo.Dataset, today hezuo.Date, now time.Time, plain bool) error {
	conn, err := db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	if db.Dialect == SQLite {
		// A roster of 100,000 rows with its indexes outgrows SQLite's default
		// 2 MB page cache, which then spills to the WAL mid-transaction; and
		// every multi-row upsert keeps a statement journal (to undo that
		// statement alone), in a temporary file a write system call per page
		// touched. Both settings stay with the pooled connection: a bigger
		// cache and journals in memory, no harm.
		if _, err := conn.ExecContext(ctx, `PRAGMA cache_size = -131072`); err != nil {
			return err
		}
		if _, err := conn.ExecContext(ctx, `PRAGMA temp_store = MEMORY`); err != nil {
			return err
		}
	}
	// The summaries of what was written are refreshed in the same
	// transaction, as Load does.
	return db.writeOn(ctx, conn, trusted, a, clockOn(today, now), func(w *unit) error {
		l := &importer{loader: w.loader(), conn: conn, county: map[string]string{}, plain: plain, fresh: map[int64]bool{}}
		have, err := l.auditBefore(ds) // what the writes replace, for the audit entries
		if err != nil {
			return err
		}
		if err := l.run(ds, own{l.bulkPeople, l.bulkMemberships, l.bulkPartyStatus, l.loadOfficers}); err != nil {
			return err
		}
		return l.audit(a, ds, have, now)
	})
}

// importer is a loader with the multi-row writers of Import.
type importer struct {
	*loader
	conn   *sql.Conn         // the transaction's connection (COPY on PostgreSQL)
	county map[string]string // ID number → the person's county, for people written or found
	// plain inserts people, memberships and party status steps without an
	// ID as new (insertNew: INSERT OR ROLLBACK on SQLite, COPY on
	// PostgreSQL; people with ids drawn beforehand, newIDs) instead of
	// upserting them: no RETURNING to read back, and SQLite keeps no
	// statement journal for people (a conflict rolls the whole transaction
	// back, which an all-or-nothing import wants anyway). A conflict makes
	// Import try again with upserts.
	plain bool
	// fresh holds the ids of the people this import created (PostgreSQL;
	// copyUntriggered); noReplica: the session may not turn its triggers
	// off.
	fresh     map[int64]bool
	noReplica bool
}

// insertHead returns the head of a plain INSERT into table (see plain).
func (l *importer) insertHead(table string) string {
	if l.db.Dialect == SQLite {
		return "INSERT OR ROLLBACK INTO " + table
	}
	return "INSERT INTO " + table
}

// known returns the id of a person written by this import or stored (see
// prefetchPeople).
func (l *importer) known(rec, idNumber string) (int64, error) {
	if id, ok := l.people[idNumber]; ok {
		return id, nil
	}
	return 0, unknown(rec, "id_number", "身份证号", "ID number", hezuo.MaskIDNumber(idNumber))
}

// membershipKey is a membership's natural key.
type membershipKey struct {
	person, org int64
	from        hezuo.Date
}

// bulkRows is how many rows one multi-row INSERT carries.
const bulkRows = 250

// insertMany runs head + "VALUES (…), (…)" + tail for rows whose columns
// have the given SQL types, bulkRows at a time (on PostgreSQL, see
// insertUnnest); scan, when set, reads each returned row.
func (l *importer) insertMany(head, tail string, types []string, rows [][]any, scan func(rowScanner) error) error {
	if l.db.Dialect == Postgres {
		return l.insertUnnest(head, tail, types, rows, scan)
	}
	width := len(types)
	one := "(" + strings.TrimSuffix(strings.Repeat("?, ", width), ", ") + ")"
	for len(rows) > 0 {
		n := min(len(rows), bulkRows)
		q := head + " VALUES " + strings.TrimSuffix(strings.Repeat(one+", ", n), ", ") + " " + tail
		s, err := l.stmt(q)
		if err != nil {
			return err
		}
		args := make([]any, 0, n*width)
		for _, r := range rows[:n] {
			args = append(args, r...)
		}
		if err := runAll(l.ctx, s, args, scan); err != nil {
			return err
		}
		rows = rows[n:]
	}
	return nil
}

// unnestRows is how many rows one PostgreSQL unnest statement carries.
const unnestRows = 5000

// insertUnnest is insertMany on PostgreSQL: one text array per column,
// head + "SELECT c1::type, … FROM unnest($1::text[], …)" + tail. A
// statement with a few array parameters is planned and bound much faster
// than one with thousands of scalar parameters.
func (l *importer) insertUnnest(head, tail string, types []string, rows [][]any, scan func(rowScanner) error) error {
	sel, arrays, names := make([]string, len(types)), make([]string, len(types)), make([]string, len(types))
	for i, t := range types {
		names[i] = fmt.Sprintf("c%d", i+1)
		sel[i] = names[i] + "::" + t
		arrays[i] = "?::text[]"
	}
	q := head + " SELECT " + strings.Join(sel, ", ") + " FROM unnest(" + strings.Join(arrays, ", ") + ") AS u(" +
		strings.Join(names, ", ") + ") " + tail
	s, err := l.stmt(q)
	if err != nil {
		return err
	}
	for len(rows) > 0 {
		n := min(len(rows), unnestRows)
		cols := make([][]*string, len(types))
		for c := range cols {
			cols[c] = make([]*string, n)
		}
		for r, row := range rows[:n] {
			for c, v := range row {
				cols[c][r] = textOf(v)
			}
		}
		args := make([]any, len(cols))
		for c := range cols {
			args[c] = cols[c]
		}
		if err := runAll(l.ctx, s, args, scan); err != nil {
			return err
		}
		rows = rows[n:]
	}
	return nil
}

// textOf renders a value as PostgreSQL text input (nil for NULL).
func textOf(v any) *string {
	var s string
	switch x := v.(type) {
	case nil:
		return nil
	case string:
		s = x
	case int64:
		s = strconv.FormatInt(x, 10)
	case int:
		s = strconv.Itoa(x)
	case hezuo.Date:
		if x.IsZero() {
			return nil
		}
		s = x.String()
	default:
		s = fmt.Sprint(x)
	}
	return &s
}

// runAll runs s with args; scan, when set, reads each returned row.
func runAll(ctx context.Context, s *sql.Stmt, args []any, scan func(rowScanner) error) error {
	if scan == nil {
		_, err := s.ExecContext(ctx, args...)
		return err
	}
	rows, err := s.QueryContext(ctx, args...)
	return forRows(rows, err, scan)
}
