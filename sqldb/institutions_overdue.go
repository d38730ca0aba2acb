package sqldb

import (
	"context"
	"database/sql"
	"errors"

	"hezuo"
	"hezuo/rules"
)

// Overdue lists what the party organizations built in the orgs of scope
// have let lapse on day — meetings, visits to linked households,
// commitments and their assessment — with the settings in force, ordered
// by township and organization (rules.OverdueOn).
func (db *DB) Overdue(ctx context.Context, scope hezuo.Scope, day hezuo.Date) ([]rules.Overdue, error) {
	st, err := db.Settings(ctx)
	if err != nil {
		return nil, err
	}
	lifes, err := db.orgLifes(ctx, scope, day)
	if err != nil {
		return nil, err
	}
	list := make([]rules.OrgLife, 0, len(lifes))
	for _, id := range sortedLifeIDs(lifes) {
		list = append(list, *lifes[id])
	}
	return st.OverdueOn(list, day), nil
}

// poInScope is the ids of the party organizations covering, on a day, an
// org of a scope existing that day (arguments: orgScope's, then active's).
func poInScope(scope hezuo.Scope, day hezuo.Date) (string, []any) {
	w := orgScope(scope, day)
	w.addPair(active("l", day))
	return `SELECT l.party_org_id FROM party_org_orgs l JOIN orgs o ON o.id = l.org_id WHERE ` + w.String(), w.args
}

// orgLifes gathers each party organization's record on day, by id.
func (db *DB) orgLifes(ctx context.Context, scope hezuo.Scope, day hezuo.Date) (map[int64]*rules.OrgLife, error) {
	out := map[int64]*rules.OrgLife{}
	w := orgScope(scope, day)
	w.addPair(active("l", day))
	w.addPair(active("p", day))
	err := db.eachRow(ctx, `SELECT p.id, p.no, p.name, p.form, p.joint_kind, p.seat, p.valid_from, o.org_no FROM party_orgs p
		JOIN party_org_orgs l ON l.party_org_id = p.id JOIN orgs o ON o.id = l.org_id
		WHERE `+w.String()+` ORDER BY p.no, o.org_no`, w.args, func(r rowScanner) error {
		var id int64
		var o rules.OrgLife
		var seat, org string
		if err := r.Scan(&id, &o.PartyOrg, &o.Name, &o.Form, &o.JointKind, &seat, &o.Since, &org); err != nil {
			return err
		}
		if out[id] == nil {
			o.Township, o.Last = hezuo.TownshipOf(seat), map[string]hezuo.Date{}
			out[id] = &o
		}
		out[id].Orgs = append(out[id].Orgs, org)
		return nil
	})
	if err != nil || len(out) == 0 {
		return out, err
	}
	in, inArgs := poInScope(scope, day)
	fc, fa := active("f", day)
	err = db.eachRow(ctx, `SELECT DISTINCT f.party_org_id FROM officers f WHERE f.role = 'committee' AND `+fc+
		` AND f.party_org_id IN (`+in+`)`, append(fa, inArgs...), func(r rowScanner) error {
		var id int64
		err := r.Scan(&id)
		if o := out[id]; o != nil {
			o.HasCommittee = true
		}
		return err
	})
	if err != nil {
		return nil, err
	}
	err = db.eachRow(ctx, `SELECT m.party_org_id, m.kind, max(m.held_on) FROM meetings m WHERE m.held_on <= ?
		AND m.party_org_id IN (`+in+`) GROUP BY m.party_org_id, m.kind`, append([]any{day}, inArgs...), func(r rowScanner) error {
		var id int64
		var kind string
		var last hezuo.Date
		err := r.Scan(&id, &kind, &last)
		if o := out[id]; o != nil {
			o.Last[kind] = last
		}
		return err
	})
	if err != nil {
		return nil, err
	}
	names := map[string]string{}
	for _, o := range out {
		if _, ok := names[o.Township]; !ok {
			var n string
			err := db.QueryRowContext(ctx, db.rebind(`SELECT name FROM divisions WHERE code = ?`), o.Township+"000").Scan(&n)
			if err != nil && !errors.Is(err, sql.ErrNoRows) {
				return nil, err
			}
			names[o.Township] = n
		}
		o.TownshipName = names[o.Township]
	}
	if err := db.lifeContacts(ctx, scope, day, out); err != nil {
		return nil, err
	}
	return out, db.lifeMembers(ctx, scope, day, out)
}

// memberJoin joins an active membership m of person pe in org o covered
// by an active party organization p (not a party group) on a day.
const memberJoin = ` JOIN memberships m ON m.person_id = pe.id JOIN orgs o ON o.id = m.org_id
	JOIN party_org_orgs l ON l.org_id = m.org_id JOIN party_orgs p ON p.id = l.party_org_id`

func memberWhere(scope hezuo.Scope, day hezuo.Date) *where {
	w := orgScope(scope, day)
	w.addPair(active("m", day))
	w.addPair(active("l", day))
	w.addPair(active("p", day))
	w.add("p.form <> 'party_group'")
	return w
}

// lifeContacts adds the active links of the organizations' members to
// households, with each link's last visit up to day.
func (db *DB) lifeContacts(ctx context.Context, scope hezuo.Scope, day hezuo.Date, out map[int64]*rules.OrgLife) error {
	w := memberWhere(scope, day)
	w.addPair(active("cl", day))
	return db.eachRow(ctx, `SELECT p.id, pe.id, pe.name, h.no, h.head, cl.valid_from,
			(SELECT max(v.visited_on) FROM contact_visits v WHERE v.person_id = cl.person_id AND v.household_id = cl.household_id
				AND v.visited_on <= ?)
		FROM contact_links cl JOIN people pe ON pe.id = cl.person_id JOIN households h ON h.id = cl.household_id`+memberJoin+`
		WHERE `+w.String()+` ORDER BY p.id, pe.name, h.no`, append([]any{day}, w.args...), func(r rowScanner) error {
		var id int64
		var c rules.Contact
		if err := r.Scan(&id, &c.PersonID, &c.Member, &c.Household, &c.Head, &c.Since, &c.LastVisit); err != nil {
			return err
		}
		if o := out[id]; o != nil {
			o.Contacts = append(o.Contacts, c)
		}
		return nil
	})
}

// lifeMembers adds the organizations' party members on day, with the
// state of their commitments for the day's year and the year before.
func (db *DB) lifeMembers(ctx context.Context, scope hezuo.Scope, day hezuo.Date, out map[int64]*rules.OrgLife) error {
	w := memberWhere(scope, day)
	pc, pa := partyCond(day)
	w.add(pc, pa...)
	y := day.Year()
	commit := `(SELECT count(*) FROM commitments c WHERE c.person_id = pe.id AND c.year = ? AND c.made_on <= ?)`
	args := []any{y, day, y - 1, day, y - 1, day, y - 1, day}
	return db.eachRow(ctx, `SELECT p.id, pe.id, pe.name, m.valid_from,
			(SELECT min(s.valid_from) FROM party_status s WHERE s.person_id = pe.id AND s.status IN ('probationary', 'full')),
			`+commit+`, `+commit+`,
			(SELECT count(*) FROM commitments c WHERE c.person_id = pe.id AND c.year = ? AND c.fulfilled_on <= ?),
			(SELECT coalesce(max(c.id), 0) FROM commitments c WHERE c.person_id = pe.id AND c.year = ? AND c.made_on <= ?)
		FROM people pe`+memberJoin+` WHERE `+w.String()+` ORDER BY p.id, pe.name`, append(args, w.args...), func(r rowScanner) error {
		var id int64
		var m rules.Member
		var joined, party hezuo.Date
		var now, last, assessed int
		if err := r.Scan(&id, &m.PersonID, &m.Name, &joined, &party, &now, &last, &assessed, &m.LastYearID); err != nil {
			return err
		}
		m.Since = joined
		if party.After(joined) {
			m.Since = party
		}
		m.Committed, m.LastYear, m.LastAssessed = now > 0, last > 0, assessed > 0
		if o := out[id]; o != nil {
			o.Members = append(o.Members, m)
		}
		return nil
	})
}

func sortedLifeIDs(m map[int64]*rules.OrgLife) []int64 {
	ids := make(map[int64]bool, len(m))
	for id := range m {
		ids[id] = true
	}
	return sortedIDs(ids)
}
