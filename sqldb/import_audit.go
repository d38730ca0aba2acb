package sqldb

import (
	"encoding/json"
	"slices"
	"strings"
	"time"

	"hezuo"
)

// An import writes one audit entry per record it creates or changes, as the
// forms do, in its own transaction: the stored records it is about to
// replace are read first (auditBefore, by natural key, a few IN queries),
// and after the writes every record written is compared with its stored
// self (the kinds' audit parts, auditCollect in import_audit_kinds.go);
// those unchanged get no entry.
// The entries go in with multi-row statements (COPY on PostgreSQL).

// auditRow is one audit entry of an import: its values as JSON (as the
// forms show them, not yet masked by maskPersonal); before is "" for a
// record created.
type auditRow struct {
	entity, key, division string
	before, after         string
}

// auditBefore reads, in the import's transaction and before its writes,
// the stored records ds replaces or refers to (the kinds' probe parts):
// registry records as Existing gives them (with their database ids) and,
// when ds holds platform records, the platforms' records. With l.plain,
// people, memberships and party status steps without an ID are new (a
// stored one would fail the attempt): they are not looked for, a roster's
// 100,000 new people in 200 queries.
func (l *importer) auditBefore(ds *hezuo.Dataset) (*hezuo.Dataset, error) {
	probe := &hezuo.Dataset{}
	for _, k := range kinds { // the kinds' records, and what places them (auditPlaces)
		if k.probe != nil {
			k.probe(ds, probe, l.plain)
		}
	}
	have, err := l.db.existing(l.ctx, l.tx, probe)
	if err != nil || !hasPlatforms(ds) {
		return have, err
	}
	return have, l.db.dumpPlatformsOn(l.ctx, l.tx, hezuo.AllScope, have)
}

// hasPlatforms reports whether ds holds platform records.
func hasPlatforms(ds *hezuo.Dataset) bool {
	for _, k := range kinds {
		if k.platform && k.count(ds) > 0 {
			return true
		}
	}
	return false
}

// audit writes the entries of the records ds wrote (after the writes:
// records are validated, and loans placed, by them); have is what
// auditBefore read.
func (l *importer) audit(a *hezuo.Access, ds, have *hezuo.Dataset, now time.Time) error {
	p, err := l.auditPlacesOf(ds, have)
	if err != nil {
		return err
	}
	if err := l.latePlaces(ds, p); err != nil {
		return err
	}
	var rows []auditRow
	for _, k := range kinds {
		if k.audit != nil {
			rows = k.audit(rows, ds, have, p)
		}
	}
	return l.writeAudit(a, now, importNote(ds), rows)
}

// writeAudit writes the import's audit entries as a at now, each with
// note, in the transaction.
func (l *importer) writeAudit(a *hezuo.Access, now time.Time, note string, rows []auditRow) error {
	user, role := "", ""
	if a != nil {
		user, role = a.User, a.Role
	}
	note = maskPersonal(note)
	// In the order of the (entity, entity_key) index: rows go into it one
	// after another instead of all over it (as sortByKey does for
	// memberships).
	slices.SortStableFunc(rows, func(x, y auditRow) int {
		if c := strings.Compare(x.entity, y.entity); c != 0 {
			return c
		}
		return strings.Compare(x.key, y.key)
	})
	// The values every row shares boxed once, not once a row.
	at, who, as, note1 := any(now.Unix()), any(user), any(role), any(note)
	boxed := map[string]any{}
	box := func(v string) any {
		b, ok := boxed[v]
		if !ok {
			b = v
			boxed[v] = b
		}
		return b
	}
	out := make([][]any, len(rows))
	cells := make([]any, 11*len(rows)) // one array for all rows
	for i, r := range rows {
		action := hezuo.ActionUpdate
		if r.before == "" {
			action = hezuo.ActionCreate
		}
		county := ""
		if len(r.division) >= 6 {
			county = r.division[:6]
		}
		row := cells[11*i : 11*i+11 : 11*i+11]
		row[0], row[1], row[2], row[3], row[4], row[5] = box(county), at, who, as, box(action), box(r.entity)
		row[6], row[7], row[8], row[9], row[10] = maskPersonal(r.key), box(r.division), maskPersonal(r.before), maskPersonal(r.after), note1
		out[i] = row
	}
	return l.insertNew("audit_log",
		[]string{"county", "at", "user_name", "role", "action", "entity", "entity_key", "division", "old_value", "new_value", "note"},
		[]string{"text", "bigint", "text", "text", "text", "text", "text", "text", "text", "text", "text"}, out)
}

// auditJSON encodes an audit entry's value: "" for none. Unmasked: a phone
// changed in its hidden digits is still a change (writeAudit masks).
func auditJSON(v any) string {
	if v == nil {
		return ""
	}
	b, _ := json.Marshal(v)
	return string(b)
}

// importNote is the note of an import's audit entries: ds.Source, or
// "导入" (import) when the caller names none.
func importNote(ds *hezuo.Dataset) string {
	if ds.Source != "" {
		return ds.Source
	}
	return "导入"
}
