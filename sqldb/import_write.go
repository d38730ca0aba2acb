package sqldb

import (
	"cmp"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"sort"
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
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	l := &importer{loader: newLoader(ctx, db, tx, today), conn: conn, county: map[string]string{}, plain: plain}
	defer l.closeStmts()
	have, err := l.auditBefore(ds) // what the writes replace, for the audit entries
	if err != nil {
		return err
	}
	steps := []func(*hezuo.Dataset) error{
		l.settings, l.loadDivisions, l.loadOrgs, l.bulkPeople, l.loadPartyOrgs, l.loadDepartments,
		l.bulkMemberships, l.bulkPartyStatus, l.loadOfficers, l.loadInstructors, l.loadDispatches,
		l.loadPlatforms,
	}
	for _, step := range steps {
		if err := step(ds); err != nil {
			return err
		}
	}
	if err := l.audit(a, ds, have, now); err != nil {
		return err
	}
	// The summaries of what was written, in the same transaction, as Load does.
	if err := db.refreshOrRebuild(ctx, tx); err != nil {
		return err
	}
	return tx.Commit()
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
		if scan == nil {
			if _, err := s.ExecContext(l.ctx, args...); err != nil {
				return err
			}
		} else if err := scanAll(l.ctx, s, args, scan); err != nil {
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
		if scan == nil {
			if _, err := s.ExecContext(l.ctx, args...); err != nil {
				return err
			}
		} else if err := scanAll(l.ctx, s, args, scan); err != nil {
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

func scanAll(ctx context.Context, s *sql.Stmt, args []any, scan func(rowScanner) error) error {
	rows, err := s.QueryContext(ctx, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := scan(rows); err != nil {
			return err
		}
	}
	return rows.Err()
}

// prefetchPeople resolves the ids and counties of people not yet known to
// the load with a few IN queries instead of one query each.
func (l *importer) prefetchPeople(idNumbers []string) error {
	var want keySet
	for _, n := range idNumbers {
		if _, ok := l.people[n]; !ok {
			want.add(n)
		}
	}
	keys := want.list
	for len(keys) > 0 {
		n := min(len(keys), inChunk)
		q := `SELECT id, id_hash, county FROM people WHERE id_hash IN (` + strings.TrimSuffix(strings.Repeat("?, ", n), ", ") + `)`
		s, err := l.stmt(q)
		if err != nil {
			return err
		}
		hashes, byHash := make([]any, n), make(map[string]string, n) // matched by keyed hash (crypt.go)
		for i, k := range keys[:n] {
			h := l.db.idHash(k.(string))
			hashes[i], byHash[h] = h, k.(string)
		}
		if err := scanAll(l.ctx, s, hashes, func(r rowScanner) error {
			var id int64
			var h, county string
			err := r.Scan(&id, &h, &county)
			no := byHash[h]
			l.people[no], l.county[no] = id, county
			return err
		}); err != nil {
			return err
		}
		keys = keys[n:]
	}
	return nil
}

// bulkMemberships updates memberships with an ID in place and upserts the
// others by (person, org, start).
func (l *importer) bulkMemberships(ds *hezuo.Dataset) error {
	ids := make([]string, len(ds.Memberships))
	for i, m := range ds.Memberships {
		ids[i] = m.IDNumber
	}
	if err := l.prefetchPeople(ids); err != nil {
		return err
	}
	seen := make(map[membershipKey]bool, len(ds.Memberships))
	rows := make([][]any, 0, len(ds.Memberships))
	for _, m := range ds.Memberships {
		if err := m.Period.Validate(""); err != nil {
			return m.Period.Validate(membershipRec(&m))
		}
		pid, ok := l.people[m.IDNumber]
		if !ok {
			_, err := l.known(membershipRec(&m), m.IDNumber)
			return err
		}
		oid, err := l.orgID("", "org_id", m.OrgNo)
		if err != nil {
			_, err = l.orgID(membershipRec(&m), "org_id", m.OrgNo)
			return err
		}
		if m.ID != 0 {
			if err := l.exec(`UPDATE memberships SET role = ?, valid_from = ?, valid_to = ?, version = version + 1
				WHERE id = ? AND person_id = ? AND org_id = ?`, m.Role, m.From, m.To, m.ID, pid, oid); err != nil {
				return fmt.Errorf("%s: %w", membershipRec(&m), err)
			}
			continue
		}
		key := membershipKey{pid, oid, m.From}
		if seen[key] {
			return hezuo.Invalid(membershipRec(&m), "from", "同一成员记录出现两次", "the same membership is given twice")
		}
		seen[key] = true
		rows = append(rows, []any{l.countyOf(`SELECT county FROM orgs WHERE id = ?`, oid), pid, oid, m.Role, m.From, m.To})
	}
	sortByKey(rows)
	insert := func() error {
		return l.unindexed("memberships", len(rows), func() error {
			const cols = ` (county, person_id, org_id, role, valid_from, valid_to)`
			types := []string{"text", "bigint", "bigint", "text", "date", "date"}
			if l.plain {
				return l.insertNew("memberships", []string{"county", "person_id", "org_id", "role", "valid_from", "valid_to"}, types, rows)
			}
			return l.insertMany(`INSERT INTO memberships`+cols,
				`ON CONFLICT (person_id, org_id, valid_from) DO UPDATE SET role = excluded.role, valid_to = excluded.valid_to,
					version = memberships.version + 1`, types, rows, nil)
		})
	}
	if l.db.Dialect != SQLite || len(rows) < untriggered {
		return insert()
	}
	orgs := map[int64]bool{}
	for _, r := range rows {
		orgs[r[2].(int64)] = true
	}
	return l.untriggered("sm_memberships_ins", "org", orgs, insert)
}

// membershipRec names a membership in an error. Made only for an error: a
// hundred thousand names made and dropped cost as much as the checks.
func membershipRec(m *hezuo.Membership) string {
	return fmt.Sprintf("成员 %s@%s", hezuo.MaskIDNumber(m.IDNumber), m.OrgNo)
}

// untriggered is how many rows an insert needs before it is worth doing
// without its summary trigger (importer.untriggered).
const untriggered = 1000

// untriggered runs insert with the summary trigger named dropped, then
// marks the records of kind with the given ids dirty at once (what the
// trigger marks row by row: a fifth of a membership insert's time) and
// creates the trigger again, all inside the import's transaction. SQLite
// only: its writers are serialized, so no other writer runs meanwhile, and
// a failure rolls the schema change back with the rest.
func (l *importer) untriggered(trigger, kind string, ids map[int64]bool, insert func() error) error {
	var create string
	err := l.tx.QueryRowContext(l.ctx, `SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?`, trigger).Scan(&create)
	if errors.Is(err, sql.ErrNoRows) {
		return insert() // no trigger (a bulk load in progress): nothing to mark
	} else if err != nil {
		return err
	}
	if _, err := l.tx.ExecContext(l.ctx, `DROP TRIGGER `+trigger); err != nil {
		return err
	}
	if err := insert(); err != nil {
		return err
	}
	list := make([]int64, 0, len(ids))
	for id := range ids {
		list = append(list, id)
	}
	sort.Slice(list, func(i, j int) bool { return list[i] < list[j] })
	// What the trigger's INSERT … WHERE NOT EXISTS does, many rows a
	// statement (a party status import marks one person per row).
	marks := make([][]any, len(list))
	for i, id := range list {
		marks[i] = []any{kind, id}
	}
	if err := l.insertMany(`INSERT OR IGNORE INTO summary_dirty (kind, id)`, "", []string{"text", "bigint"}, marks, nil); err != nil {
		return err
	}
	_, err = l.tx.ExecContext(l.ctx, create)
	return err
}

// bulkPartyStatus updates party status steps with an ID in place and
// upserts the others by (person, status, start).
func (l *importer) bulkPartyStatus(ds *hezuo.Dataset) error {
	ids := make([]string, len(ds.PartyStatus))
	for i, s := range ds.PartyStatus {
		ids[i] = s.IDNumber
	}
	if err := l.prefetchPeople(ids); err != nil {
		return err
	}
	seen := map[string]bool{}
	var rows [][]any
	for i := range ds.PartyStatus {
		s := &ds.PartyStatus[i]
		if err := s.Validate(); err != nil {
			return err
		}
		rec := "政治面貌 " + hezuo.MaskIDNumber(s.IDNumber)
		pid, err := l.known(rec, s.IDNumber)
		if err != nil {
			return err
		}
		var home int64
		if s.HomePartyOrg != "" {
			if home, err = l.partyOrgID(rec, "home_party_org", s.HomePartyOrg); err != nil {
				return err
			}
		}
		if s.ID != 0 {
			if err := l.exec(`UPDATE party_status SET status = ?, home_party_org_id = ?, valid_from = ?, valid_to = ?, from_unknown = ?
				WHERE id = ? AND person_id = ?`, s.Status, nullID(home), s.From, s.To, s.FromUnknown, s.ID, pid); err != nil {
				return fmt.Errorf("%s: %w", rec, err)
			}
			continue
		}
		key := s.IDNumber + "|" + s.Status + "|" + s.From.String()
		if seen[key] {
			return hezuo.Invalid(rec, "from", "同一政治面貌记录出现两次", "the same party status step is given twice")
		}
		seen[key] = true
		rows = append(rows, []any{l.county[s.IDNumber], pid, s.Status, nullID(home), s.From, s.To, s.FromUnknown})
	}
	sortByKey(rows)
	insert := func() error {
		return l.unindexed("party_status", len(rows), func() error {
			const cols = ` (county, person_id, status, home_party_org_id, valid_from, valid_to, from_unknown)`
			types := []string{"text", "bigint", "text", "bigint", "date", "date", "boolean"}
			if l.plain {
				return l.insertNew("party_status", []string{"county", "person_id", "status", "home_party_org_id", "valid_from", "valid_to", "from_unknown"}, types, rows)
			}
			return l.insertMany(`INSERT INTO party_status`+cols,
				`ON CONFLICT (person_id, status, valid_from) DO UPDATE SET home_party_org_id = excluded.home_party_org_id,
					valid_to = excluded.valid_to, from_unknown = excluded.from_unknown`, types, rows, nil)
		})
	}
	if l.db.Dialect != SQLite || len(rows) < untriggered {
		return insert()
	}
	people := map[int64]bool{}
	for _, r := range rows {
		people[r[1].(int64)] = true
	}
	return l.untriggered("sm_party_status_ins", "person", people, insert)
}

// sortByKey orders membership or party status rows (county, person, org or
// status, …, from, …) by their unique key (person, org or status, start):
// the file's order is the people's (often by name or org, not by ID
// number, the order of their ids), and rows in key order go into the key's
// index one after another instead of all over it. Row ids follow; nothing
// reads them in order.
func sortByKey(rows [][]any) {
	slices.SortStableFunc(rows, func(a, b []any) int {
		if c := cmp.Compare(a[1].(int64), b[1].(int64)); c != 0 {
			return c
		}
		switch x := a[2].(type) {
		case int64:
			if c := cmp.Compare(x, b[2].(int64)); c != 0 {
				return c
			}
		case string:
			if c := strings.Compare(x, b[2].(string)); c != 0 {
				return c
			}
		}
		switch x, y := a[4].(hezuo.Date), b[4].(hezuo.Date); {
		case x.Before(y):
			return -1
		case y.Before(x):
			return 1
		}
		return 0
	})
}
