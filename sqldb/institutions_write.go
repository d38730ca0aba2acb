package sqldb

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"hezuo"
	"hezuo/store"
)

// The institutions' writes from the web: each runs in one transaction with
// its audit entry, validates through the domain's Validate and the Load
// path's checks (platformLoader), and refreshes the summaries before
// committing. Only roles that write, and only inside their reach.

// notFoundIfNoRows turns sql.ErrNoRows into the ENOTFOUND of a record.
func notFoundIfNoRows(err error, whatZH, whatEN, key string) error {
	if errors.Is(err, sql.ErrNoRows) {
		return notFound(whatZH, whatEN, key)
	}
	return err
}

// reachPartyOrg returns the database id and seat of party organization no
// if a reaches it, else ENOTFOUND beside field.
func (db *DB) reachPartyOrg(ctx context.Context, q querier, a *hezuo.Access, rec, field, no string, today hezuo.Date) (int64, string, error) {
	in, inArgs := reachPartyOrgs(a, a.Scope, today)
	var id int64
	var seat string
	err := q.QueryRowContext(ctx, db.rebind(`SELECT p.id, p.seat FROM party_orgs p WHERE p.no = ? AND p.id IN (`+in+`)`),
		append([]any{no}, inArgs...)...).Scan(&id, &seat)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, "", fieldError(hezuo.ENOTFOUND, rec, field, "找不到党组织 "+no+"（不存在或不在您的权限范围内）",
			"no party organization "+no+" (it does not exist or lies outside your scope)")
	}
	return id, seat, err
}

// personName returns the name of the person with database id (ENOTFOUND
// beside field when there is none).
func (db *DB) personName(ctx context.Context, q querier, rec, field string, id int64) (string, error) {
	var name string
	err := q.QueryRowContext(ctx, db.rebind(`SELECT name FROM people WHERE id = ?`), id).Scan(&name)
	if errors.Is(err, sql.ErrNoRows) {
		return "", fieldError(hezuo.ENOTFOUND, rec, field, "找不到人员 "+itoa(id), "no person "+itoa(id))
	}
	return name, err
}

// SaveMeeting records a meeting (updating the one of the same party
// organization, kind and day) and adds its attendances, in one transaction
// with its audit entry, and returns the meeting's id. An attendance at a
// meeting dated after today is EINVALID beside held_on.
func (db *DB) SaveMeeting(ctx context.Context, a *hezuo.Access, in *store.MeetingInput, today hezuo.Date, now time.Time) (int64, error) {
	return writeFor(ctx, db, registry, a, clockOn(today, now), func(w *unit) (int64, error) {
		m := &in.Meeting
		if err := m.Validate(); err != nil {
			return 0, err
		}
		rec := "会议 " + m.Key()
		tx := w.tx
		_, seat, err := db.reachPartyOrg(ctx, tx, a, rec, "party_org", m.PartyOrg, today)
		if err != nil {
			return 0, err
		}
		p := w.platform()
		if len(in.Attendees)+len(in.IDNumbers) > 0 {
			if err := p.notAfterToday(rec, "held_on", m.HeldOn, "会议", "meeting"); err != nil {
				return 0, err
			}
		}
		if err := p.loadMeetings(&hezuo.Dataset{Meetings: []hezuo.Meeting{*m}}); err != nil {
			return 0, err
		}
		id := p.meetings[m.Key()]
		people := append([]int64(nil), in.Attendees...)
		for _, n := range in.IDNumbers {
			pid, err := p.personID(rec, "attendees", n)
			if err != nil {
				return 0, err
			}
			people = append(people, pid)
		}
		for _, pid := range people {
			if _, err := db.personName(ctx, tx, rec, "attendees", pid); err != nil {
				return 0, err
			}
			if _, err := tx.ExecContext(ctx, db.rebind(`INSERT INTO meeting_attendances (meeting_id, person_id, county) VALUES (?, ?, ?)
				ON CONFLICT (meeting_id, person_id) DO NOTHING`), id, pid, seat[:6]); err != nil {
				return 0, fmt.Errorf("%s: %w", rec, err)
			}
		}
		after := struct {
			hezuo.Meeting
			Attendees int `json:"attendees_added"`
		}{*m, len(people)}
		return id, w.audit(hezuo.ActionCreate, "meeting", m.Key(), seat, nil, after, "")
	})
}

// memberOfPartyOrg reports whether the person is a full or probationary
// party member on day whose party relation is held by the party
// organization po, or who is a member that day of an org po covers.
func (db *DB) memberOfPartyOrg(ctx context.Context, q querier, personID, po int64, day hezuo.Date) (bool, error) {
	var n int
	err := q.QueryRowContext(ctx, db.rebind(`SELECT count(*) FROM party_status s WHERE s.person_id = ? AND s.status IN ('full', 'probationary')
		AND s.valid_from <= ? AND (s.valid_to IS NULL OR s.valid_to > ?)
		AND (s.home_party_org_id = ? OR EXISTS (SELECT 1 FROM memberships m JOIN party_org_orgs l ON l.org_id = m.org_id
			WHERE m.person_id = s.person_id AND l.party_org_id = ? AND m.valid_from <= ? AND (m.valid_to IS NULL OR m.valid_to > ?)
			AND l.valid_from <= ? AND (l.valid_to IS NULL OR l.valid_to > ?)))`),
		personID, day, day, po, po, day, day, day, day).Scan(&n)
	return n > 0, err
}

// SaveCommitment records the yearly commitment of the person with database
// id personID in party organization c.PartyOrg (updating that person's
// commitment of the year), with its fulfilment when given, in one
// transaction with its audit entry. A person who is not a party member of
// that organization on the day it is made is EINVALID beside person.
func (db *DB) SaveCommitment(ctx context.Context, a *hezuo.Access, personID int64, c *hezuo.Commitment, today hezuo.Date, now time.Time) (int64, error) {
	return writeFor(ctx, db, registry, a, clockOn(today, now), func(w *unit) (int64, error) {
		// The person is known by database id; Validate checks the record as
		// every path does, with the person's own ID number.
		idNumber, err := db.idNumberOf(ctx, w.tx, personID)
		if err != nil {
			return 0, err
		} else if idNumber == "" {
			return 0, notFound("人员", "person", "#"+itoa(personID))
		}
		c.IDNumber = idNumber
		if err := c.Validate(); err != nil {
			return 0, err
		}
		rec := fmt.Sprintf("党员承诺 %d/%d", personID, c.Year)
		tx := w.tx
		po, seat, err := db.reachPartyOrg(ctx, tx, a, rec, "party_org", c.PartyOrg, today)
		if err != nil {
			return 0, err
		}
		name, err := db.personName(ctx, tx, rec, "person", personID)
		if err != nil {
			return 0, err
		}
		ok, err := db.memberOfPartyOrg(ctx, tx, personID, po, c.MadeOn)
		if err != nil {
			return 0, err
		}
		if !ok {
			return 0, hezuo.Invalid(rec, "person", fmt.Sprintf("%s 在 %s 不是党组织 %s 的党员（正式或预备），不能在此作出承诺", name, c.MadeOn, c.PartyOrg),
				fmt.Sprintf("%s is not a (full or probationary) party member of %s on %s, so cannot make a commitment there", name, c.PartyOrg, c.MadeOn))
		}
		p := w.platform()
		if !c.FulfilledOn.IsZero() {
			if err := p.notAfterToday(rec, "fulfilled_on", c.FulfilledOn, "践诺评议", "assessment"); err != nil {
				return 0, err
			}
		}
		var id int64
		err = tx.QueryRowContext(ctx, db.rebind(`INSERT INTO commitments (county, person_id, year, party_org_id, made_on, content, fulfilled_on, result, evidence)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
			ON CONFLICT (person_id, year) DO UPDATE SET party_org_id = excluded.party_org_id, made_on = excluded.made_on,
				content = excluded.content, fulfilled_on = excluded.fulfilled_on, result = excluded.result, evidence = excluded.evidence
			RETURNING id`), seat[:6], personID, c.Year, po, c.MadeOn, c.Content, c.FulfilledOn, c.Result, c.Evidence).Scan(&id)
		if err != nil {
			return 0, fmt.Errorf("%s: %w", rec, err)
		}
		after := *c
		after.IDNumber = name
		return id, w.audit(hezuo.ActionCreate, "commitment", fmt.Sprintf("%s/%d", name, c.Year), seat, nil, after, "")
	})
}

// SaveFulfilment records the assessment (践诺) of the commitment with
// database id: the day, the result (fulfilled, partly, not) and the
// evidence, in one transaction with its audit entry.
func (db *DB) SaveFulfilment(ctx context.Context, a *hezuo.Access, id int64, on hezuo.Date, result, evidence string, today hezuo.Date, now time.Time) error {
	return db.write(ctx, registry, a, clockOn(today, now), func(w *unit) error {
		before, err := db.GetCommitment(ctx, a, id, today)
		if err != nil {
			return err
		}
		idNumber, err := db.idNumberOf(ctx, w.tx, before.PersonID)
		if err != nil {
			return err
		}
		c := hezuo.Commitment{IDNumber: idNumber, Year: before.Year, PartyOrg: before.PartyOrg, MadeOn: before.MadeOn, Content: before.Content,
			FulfilledOn: on, Result: result, Evidence: evidence}
		rec := fmt.Sprintf("党员承诺 %s/%d", before.Name, before.Year)
		if on.IsZero() {
			return hezuo.Invalid(rec, "fulfilled_on", "缺少践诺评议日期", "the day of the assessment is missing")
		}
		if err := c.Validate(); err != nil {
			return err
		}
		tx := w.tx
		p := w.platform()
		if err := p.notAfterToday(rec, "fulfilled_on", on, "践诺评议", "assessment"); err != nil {
			return err
		}
		var seat string
		if err := tx.QueryRowContext(ctx, db.rebind(`SELECT seat FROM party_orgs WHERE no = ?`), before.PartyOrg).Scan(&seat); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, db.rebind(`UPDATE commitments SET fulfilled_on = ?, result = ?, evidence = ? WHERE id = ?`),
			on, result, evidence, id); err != nil {
			return err
		}
		after := *before
		after.FulfilledOn, after.Result, after.Evidence = on, result, evidence
		return w.audit(hezuo.ActionUpdate, "commitment", fmt.Sprintf("%s/%d", before.Name, before.Year), seat, before, after, "")
	})
}

// SaveVisit records a visit of the party member with database id
// personID to the linked household householdNo, in one transaction with
// its audit entry. The member must belong to an org a reaches (else
// ENOTFOUND beside person); a visit after today, or to a household the
// member is not linked with that day, is EINVALID.
func (db *DB) SaveVisit(ctx context.Context, a *hezuo.Access, personID int64, householdNo string, on hezuo.Date, note string, today hezuo.Date, now time.Time) error {
	return db.write(ctx, registry, a, clockOn(today, now), func(w *unit) error {
		rec := fmt.Sprintf("走访 %d→%s/%s", personID, householdNo, on)
		if on.IsZero() {
			return hezuo.Invalid(rec, "visited_on", "缺少走访日期", "date missing")
		}
		tx := w.tx
		wh := orgAccess(a, today)
		var village string
		if err := tx.QueryRowContext(ctx, db.rebind(`SELECT coalesce(min(o.village), '') FROM memberships m JOIN orgs o ON o.id = m.org_id
			WHERE m.person_id = ? AND `+wh.String()), append([]any{personID}, wh.args...)...).Scan(&village); err != nil {
			return err
		}
		if village == "" {
			return fieldError(hezuo.ENOTFOUND, rec, "person", "找不到该党员（不存在或不在您的权限范围内）",
				"no such party member (they do not exist or lie outside your scope)")
		}
		name, err := db.personName(ctx, tx, rec, "person", personID)
		if err != nil {
			return err
		}
		p := w.platform()
		if err := p.notAfterToday(rec, "visited_on", on, "走访", "visit"); err != nil {
			return err
		}
		hid, err := p.householdID(rec, "household", householdNo)
		if err != nil {
			return err
		}
		var n int
		if err := tx.QueryRowContext(ctx, db.rebind(`SELECT count(*) FROM contact_links WHERE person_id = ? AND household_id = ?
			AND valid_from <= ? AND (valid_to IS NULL OR valid_to > ?)`), personID, hid, on, on).Scan(&n); err != nil {
			return err
		}
		if n == 0 {
			return hezuo.Invalid(rec, "household", "走访当日该党员与该户没有联系关系", "the member is not linked with the household on the day of the visit")
		}
		if _, err := tx.ExecContext(ctx, db.rebind(`INSERT INTO contact_visits (county, person_id, household_id, visited_on, note) VALUES (?, ?, ?, ?, ?)
			ON CONFLICT (person_id, household_id, visited_on) DO UPDATE SET note = excluded.note`), village[:6], personID, hid, on, note); err != nil {
			return fmt.Errorf("%s: %w", rec, err)
		}
		after := hezuo.ContactVisit{IDNumber: name, Household: householdNo, VisitedOn: on, Note: note}
		return w.audit(hezuo.ActionCreate, "contact_visit", name+"→"+householdNo, village, nil, after, "")
	})
}

// idNumberOf returns the ID number of the person with database id ("" for
// none: the caller's scope check answers for a missing person).
func (db *DB) idNumberOf(ctx context.Context, q querier, id int64) (string, error) {
	var n string
	err := q.QueryRowContext(ctx, db.rebind(`SELECT id_sealed FROM people WHERE id = ?`), id).Scan(db.opened(&n))
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	return n, err
}
