package sqldb

import (
	"cmp"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"sort"
	"strings"

	"hezuo"
)

// The import's bulk paths: people prefetched, memberships and party status
// steps inserted many rows at a time with their triggers off.

// prefetchPeople resolves the ids and counties of people not yet known to
// the load with a few IN queries instead of one query each: the ID numbers
// idNumber gives for 0 ≤ i < count.
func (l *importer) prefetchPeople(count int, idNumber func(i int) string) error {
	var want keySet
	for i := range count {
		no := idNumber(i)
		if _, ok := l.people[no]; !ok {
			want.add(no)
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
		if err := runAll(l.ctx, s, hashes, func(r rowScanner) error {
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
	if err := l.prefetchPeople(len(ds.Memberships), func(i int) string { return ds.Memberships[i].IDNumber }); err != nil {
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
	return l.bulkWrite(bulkTable{table: "memberships", trigger: "sm_memberships_ins",
		names: []string{"county", "person_id", "org_id", "role", "valid_from", "valid_to"},
		types: []string{"text", "bigint", "bigint", "text", "date", "date"},
		upsert: `ON CONFLICT (person_id, org_id, valid_from) DO UPDATE SET role = excluded.role, valid_to = excluded.valid_to,
			version = memberships.version + 1`,
		refs: []foreignKey{{1, "people", l.fresh}, {2, "orgs", nil}}, mark: dirtyMark{"org", 2}}, rows)
}

// bulkTable is how the bulk path writes the rows of a table of facts:
// their columns and SQL types, the upsert's conflict clause, the columns
// referring to other tables, the summaries' mark of a row (its kind, its
// column) and the summaries' insert trigger.
type bulkTable struct {
	table, trigger string
	names, types   []string
	upsert         string
	refs           []foreignKey
	mark           dirtyMark
}

// bulkWrite writes rows into t.table in the order of their key: plainly
// inserted (l.plain) or upserted, without the table's secondary indexes
// when they are many (unindexed) and, on SQLite, without its summary
// trigger, marking what the rows touch instead (untriggered).
func (l *importer) bulkWrite(t bulkTable, rows [][]any) error {
	sortByKey(rows)
	insert := func() error {
		return l.unindexed(t.table, len(rows), func() error {
			if l.plain {
				done, err := l.copyUntriggered(t.table, t.names, rows, t.refs, t.mark)
				if done || err != nil {
					return err
				}
				return l.insertNew(t.table, t.names, t.types, rows)
			}
			return l.insertMany(`INSERT INTO `+t.table+` (`+strings.Join(t.names, ", ")+`)`, t.upsert, t.types, rows, nil)
		})
	}
	if l.db.Dialect != SQLite || len(rows) < untriggered {
		return insert()
	}
	marked := map[int64]bool{}
	for _, r := range rows {
		marked[r[t.mark.col].(int64)] = true
	}
	return l.untriggered(t.trigger, t.mark.kind, marked, insert)
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
	if err := l.prefetchPeople(len(ds.PartyStatus), func(i int) string { return ds.PartyStatus[i].IDNumber }); err != nil {
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
		home, err := l.optPartyOrgID(rec, "home_party_org", s.HomePartyOrg)
		if err != nil {
			return err
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
	return l.bulkWrite(bulkTable{table: "party_status", trigger: "sm_party_status_ins",
		names: []string{"county", "person_id", "status", "home_party_org_id", "valid_from", "valid_to", "from_unknown"},
		types: []string{"text", "bigint", "text", "bigint", "date", "date", "boolean"},
		upsert: `ON CONFLICT (person_id, status, valid_from) DO UPDATE SET home_party_org_id = excluded.home_party_org_id,
			valid_to = excluded.valid_to, from_unknown = excluded.from_unknown`,
		refs: []foreignKey{{1, "people", l.fresh}, {3, "party_orgs", nil}}, mark: dirtyMark{"person", 1}}, rows)
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
