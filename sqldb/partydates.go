package sqldb

import (
	"context"

	"hezuo"
)

// PartyDatesUnknown lists the party members counted on day without a known
// start (party_status.from_unknown: 政治面貌 stated without 入党日期) who are
// members that day of an org in scope, in org number and name order; each
// person once, with the first such org by number.
func (db *DB) PartyDatesUnknown(ctx context.Context, scope hezuo.Scope, day hezuo.Date) ([]hezuo.UnknownPartyDate, error) {
	return db.partyDatesUnknown(ctx, orgScope(scope, day), day)
}

// ScopedPartyDatesUnknown is PartyDatesUnknown for a user: the requested
// scope narrowed by a's (EFORBIDDEN outside it), only orgs a may see.
func (db *DB) ScopedPartyDatesUnknown(ctx context.Context, a *hezuo.Access, req hezuo.Scope, day hezuo.Date) ([]hezuo.UnknownPartyDate, error) {
	scope, err := requestScope(a, req)
	if err != nil {
		return nil, err
	}
	w := orgAccess(a, day)
	w.add("o.village BETWEEN ? AND ?", scopeArgs(scope)...)
	w.addPair(orgActive("o", day))
	return db.partyDatesUnknown(ctx, w, day)
}

func (db *DB) partyDatesUnknown(ctx context.Context, w *where, day hezuo.Date) ([]hezuo.UnknownPartyDate, error) {
	sc, sa := active("s", day)
	mc, ma := active("m", day)
	args := append(append(append([]any{}, sa...), ma...), w.args...)
	unknown := "s.from_unknown" // the partial index's condition, as each dialect states it
	if db.Dialect == SQLite {
		unknown = "s.from_unknown = 1"
	}
	seen := map[int64]bool{}
	var out []hezuo.UnknownPartyDate
	err := db.eachRow(ctx, `SELECT pe.id, pe.name, s.status, s.valid_from, o.org_no, o.name FROM party_status s
		JOIN people pe ON pe.id = s.person_id JOIN memberships m ON m.person_id = s.person_id JOIN orgs o ON o.id = m.org_id
		WHERE `+unknown+` AND s.status IN ('full', 'probationary') AND `+sc+` AND `+mc+` AND `+w.String()+`
		ORDER BY o.org_no, pe.name, pe.id`, args, func(r rowScanner) error {
		var u hezuo.UnknownPartyDate
		if err := r.Scan(&u.PersonID, &u.Name, &u.Status, &u.CountedFrom, &u.OrgNo, &u.OrgName); err != nil {
			return err
		}
		if !seen[u.PersonID] {
			seen[u.PersonID] = true
			out = append(out, u)
		}
		return nil
	})
	return out, err
}
