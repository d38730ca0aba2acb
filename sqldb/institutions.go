package sqldb

import (
	"context"
	"database/sql"
	"errors"
	"slices"

	"hezuo"
	"hezuo/rules"
	"hezuo/store"
)

// The institutions pages (issue 5): meetings with their attendance, what
// is overdue, commitments and linked households, each narrowed by the
// user's Access through orgAccess: a party organization is within reach
// when it is linked (at any time) to an org the user reaches.

// reachPartyOrgs returns "the ids of party organizations linked to an org
// a reaches inside scope" (a sub-select) and its arguments.
func reachPartyOrgs(a *hezuo.Access, scope hezuo.Scope, today hezuo.Date) (string, []any) {
	w := orgAccess(a, today)
	w.add("o.village BETWEEN ? AND ?", scopeArgs(scope)...)
	return `SELECT l.party_org_id FROM party_org_orgs l JOIN orgs o ON o.id = l.org_id WHERE ` + w.String(), w.args
}

var meetingSorts = map[string]string{"held_on": "m.held_on", "kind": "m.kind", "party_org": "p.no", "topic": "m.topic",
	"attendances": "(SELECT count(*) FROM meeting_attendances ma WHERE ma.meeting_id = m.id)"}

// sortClause returns the ORDER BY of a sort key among sorts (def, newest
// id first, when unknown), with the id column as the tie-breaker.
func sortClause(sorts map[string]string, key, def, id string) string {
	desc := len(key) > 0 && key[0] == '-'
	if desc {
		key = key[1:]
	}
	col, ok := sorts[key]
	if !ok {
		return def + ", " + id + " DESC"
	}
	if desc {
		return col + " DESC, " + id + " DESC"
	}
	return col + ", " + id
}

const meetingCols = `SELECT m.id, p.no, p.name, p.seat, m.kind, m.held_on, m.topic, coalesce(v.no, ''), coalesce(v.name, ''), m.participants, m.decisions,
	(SELECT count(*) FROM meeting_attendances ma WHERE ma.meeting_id = m.id)
	FROM meetings m JOIN party_orgs p ON p.id = m.party_org_id LEFT JOIN party_orgs v ON v.id = m.village_party_org_id`

func scanMeeting(r rowScanner, it *store.MeetingItem) error {
	var seat string
	err := r.Scan(&it.ID, &it.PartyOrg, &it.PartyOrgName, &seat, &it.Kind, &it.HeldOn, &it.Topic, &it.VillagePartyOrg, &it.VillagePartyOrgName,
		&it.Participants, &it.Decisions, &it.Attendances)
	it.Township = hezuo.TownshipOf(seat)
	return err
}

// ListMeetings returns one page of the meetings of the party organizations
// a reaches in the requested scope (EFORBIDDEN outside a's), and their
// number.
func (db *DB) ListMeetings(ctx context.Context, a *hezuo.Access, f store.MeetingFilter, today hezuo.Date) ([]store.MeetingItem, int, error) {
	scope, err := requestScope(a, f.Scope)
	if err != nil {
		return nil, 0, err
	}
	in, inArgs := reachPartyOrgs(a, scope, today)
	w := (&where{}).add("m.party_org_id IN ("+in+")", inArgs...)
	w.eq("p.no", f.PartyOrg)
	w.eq("m.kind", f.Kind)
	w.during("m.held_on", f.From, f.To)
	w.like(f.Q, "m.topic", "p.name", "p.no")
	total, err := db.countWhere(ctx, `FROM meetings m JOIN party_orgs p ON p.id = m.party_org_id`, w)
	if err != nil {
		return nil, 0, err
	}
	per, off := pageBounds(f.Page, f.PerPage)
	var out []store.MeetingItem
	err = db.eachRow(ctx, meetingCols+` WHERE `+w.String()+` ORDER BY `+sortClause(meetingSorts, f.Sort, "m.held_on DESC", "m.id")+
		` LIMIT ? OFFSET ?`, append(w.args, per, off), func(r rowScanner) error {
		var it store.MeetingItem
		err := scanMeeting(r, &it)
		out = append(out, it)
		return err
	})
	if err != nil {
		return nil, 0, err
	}
	names, err := db.townshipNamesOf(ctx, out)
	for i := range out {
		out[i].TownshipName = names[out[i].Township]
	}
	return out, total, err
}

// townshipNamesOf returns the names of the meetings' townships.
func (db *DB) townshipNamesOf(ctx context.Context, items []store.MeetingItem) (map[string]string, error) {
	codes := make([]string, 0, len(items))
	for _, it := range items {
		codes = append(codes, it.Township)
	}
	return db.townNames(ctx, codes)
}

// townNames returns the names of 9-digit township codes.
func (db *DB) townNames(ctx context.Context, codes []string) (map[string]string, error) {
	out := map[string]string{}
	for _, c := range codes {
		if _, ok := out[c]; ok || len(c) != 9 {
			continue
		}
		var n string
		err := db.QueryRowContext(ctx, db.rebind(`SELECT name FROM divisions WHERE code = ?`), c+"000").Scan(&n)
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return nil, err
		}
		out[c] = n
	}
	return out, nil
}

// GetMeeting returns the meeting with database id and its attendance, if
// its party organization is within a's reach (else ENOTFOUND).
func (db *DB) GetMeeting(ctx context.Context, a *hezuo.Access, id int64, today hezuo.Date) (*store.MeetingDetail, error) {
	in, inArgs := reachPartyOrgs(a, a.Scope, today)
	d := &store.MeetingDetail{}
	err := scanMeeting(db.QueryRowContext(ctx, db.rebind(meetingCols+` WHERE m.id = ? AND m.party_org_id IN (`+in+`)`),
		append([]any{id}, inArgs...)...), &d.MeetingItem)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, notFound("会议", "meeting", itoa(id))
	} else if err != nil {
		return nil, err
	}
	names, err := db.townNames(ctx, []string{d.Township})
	if err != nil {
		return nil, err
	}
	d.TownshipName = names[d.Township]
	err = db.eachRow(ctx, `SELECT pe.id, pe.name, coalesce((SELECT h.no FROM party_status ps JOIN party_orgs h ON h.id = ps.home_party_org_id
			WHERE ps.person_id = pe.id AND ps.valid_from <= m.held_on AND (ps.valid_to IS NULL OR ps.valid_to > m.held_on)
			ORDER BY ps.valid_from DESC LIMIT 1), '')
		FROM meeting_attendances ma JOIN people pe ON pe.id = ma.person_id JOIN meetings m ON m.id = ma.meeting_id
		WHERE ma.meeting_id = ? ORDER BY pe.name, pe.id`, []any{id}, func(r rowScanner) error {
		var at store.Attendee
		err := r.Scan(&at.PersonID, &at.Name, &at.HomeOrg)
		at.Dual = at.HomeOrg != "" && at.HomeOrg != d.PartyOrg
		d.Attendees = append(d.Attendees, at)
		return err
	})
	return d, err
}

// MeetingCounts counts, per party organization a reaches in the requested
// scope, the meetings by kind held from from to to (inclusive), with their
// attendances; ordered by township and number.
func (db *DB) MeetingCounts(ctx context.Context, a *hezuo.Access, req hezuo.Scope, from, to, today hezuo.Date) ([]store.MeetingCount, error) {
	scope, err := requestScope(a, req)
	if err != nil {
		return nil, err
	}
	in, inArgs := reachPartyOrgs(a, scope, today)
	byNo := map[string]*store.MeetingCount{}
	var order []string
	err = db.eachRow(ctx, `SELECT p.no, p.name, p.seat, m.kind, count(*),
			coalesce(sum((SELECT count(*) FROM meeting_attendances ma WHERE ma.meeting_id = m.id)), 0)
		FROM meetings m JOIN party_orgs p ON p.id = m.party_org_id
		WHERE m.held_on >= ? AND m.held_on <= ? AND m.party_org_id IN (`+in+`)
		GROUP BY p.no, p.name, p.seat, m.kind ORDER BY p.seat, p.no`, append([]any{from, to}, inArgs...), func(r rowScanner) error {
		var no, name, seat, kind string
		var n, att int
		if err := r.Scan(&no, &name, &seat, &kind, &n, &att); err != nil {
			return err
		}
		c := byNo[no]
		if c == nil {
			c = &store.MeetingCount{PartyOrg: no, Name: name, Township: hezuo.TownshipOf(seat), ByKind: map[string]int{}}
			byNo[no] = c
			order = append(order, no)
		}
		c.ByKind[kind] += n
		c.Total += n
		c.Attendances += att
		return nil
	})
	if err != nil {
		return nil, err
	}
	ow := orgAccess(a, today)
	ow.add("o.village BETWEEN ? AND ?", scopeArgs(scope)...)
	err = db.eachRow(ctx, `SELECT DISTINCT p.no, o.org_no FROM party_org_orgs l JOIN party_orgs p ON p.id = l.party_org_id
		JOIN orgs o ON o.id = l.org_id WHERE `+ow.String()+` ORDER BY o.org_no`, ow.args, func(r rowScanner) error {
		var no, org string
		err := r.Scan(&no, &org)
		if c := byNo[no]; c != nil {
			c.Orgs = append(c.Orgs, org)
		}
		return err
	})
	if err != nil {
		return nil, err
	}
	out := make([]store.MeetingCount, 0, len(order))
	codes := []string{}
	for _, no := range order {
		out = append(out, *byNo[no])
		codes = append(codes, byNo[no].Township)
	}
	names, err := db.townNames(ctx, codes)
	for i := range out {
		out[i].TownshipName = names[out[i].Township]
	}
	return out, err
}

// ScopedOverdue is Overdue for a user: the requested scope narrowed by a's
// (EFORBIDDEN outside it), and for roles bound to a set of orgs only the
// party organizations covering one of them.
func (db *DB) ScopedOverdue(ctx context.Context, a *hezuo.Access, req hezuo.Scope, day hezuo.Date) ([]rules.Overdue, error) {
	return scopedByOrgs(ctx, db, a, req, day, db.Overdue, func(o rules.Overdue, vis map[string]bool) bool {
		return slices.ContainsFunc(o.Orgs, func(org string) bool { return vis[org] })
	})
}

// PartyOrgMembers returns the people who are, on day, full or probationary
// party members of the party organization no (its own, or members of an
// org it covers), if a reaches it (else ENOTFOUND): the attendance list and
// commitment forms offer them.
func (db *DB) PartyOrgMembers(ctx context.Context, a *hezuo.Access, no string, day, today hezuo.Date) ([]store.Attendee, error) {
	id, _, err := db.reachPartyOrg(ctx, db, a, "党组织 "+no, "party_org", no, today)
	if err != nil {
		return nil, err
	}
	var out []store.Attendee
	err = db.eachRow(ctx, `SELECT pe.id, pe.name FROM people pe WHERE EXISTS (SELECT 1 FROM party_status s WHERE s.person_id = pe.id
			AND s.status IN ('full', 'probationary') AND s.valid_from <= ? AND (s.valid_to IS NULL OR s.valid_to > ?)
			AND (s.home_party_org_id = ? OR EXISTS (SELECT 1 FROM memberships m JOIN party_org_orgs l ON l.org_id = m.org_id
				WHERE m.person_id = pe.id AND l.party_org_id = ? AND m.valid_from <= ? AND (m.valid_to IS NULL OR m.valid_to > ?)
				AND l.valid_from <= ? AND (l.valid_to IS NULL OR l.valid_to > ?))))
		ORDER BY pe.name, pe.id`, []any{day, day, id, id, day, day, day, day}, collect(&out, func(r rowScanner, at *store.Attendee) error {
		return r.Scan(&at.PersonID, &at.Name)
	}))
	return out, err
}

// VillagePartyOrgOf returns the number of the village party organization a
// joint meeting of party organization no is held with by default: the one
// seated on day in the village of the first org (by number) no covers that
// day; "" when there is none. A party organization a may not reach is
// ENOTFOUND.
func (db *DB) VillagePartyOrgOf(ctx context.Context, a *hezuo.Access, no string, day, today hezuo.Date) (string, error) {
	id, _, err := db.reachPartyOrg(ctx, db, a, "党组织 "+no, "party_org", no, today)
	if err != nil {
		return "", err
	}
	lc, la := active("l", day)
	vc, va := active("v", day)
	var out string
	err = db.eachRow(ctx, `SELECT v.no FROM party_org_orgs l JOIN orgs o ON o.id = l.org_id JOIN party_orgs v ON v.seat = o.village
		WHERE l.party_org_id = ? AND `+lc+` AND v.form = ? AND `+vc+` ORDER BY o.org_no, v.no LIMIT 1`,
		append(append(append([]any{id}, la...), hezuo.FormVillage), va...), func(r rowScanner) error { return r.Scan(&out) })
	return out, err
}
