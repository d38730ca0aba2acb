package sqldb

import (
	"context"

	"hezuo"
)

// existingPeople adds the people with the given ID numbers and all their
// memberships and party status steps, and, when instructors is set, their
// instructor entries and dispatches.
func (db *DB) existingPeople(ctx context.Context, x execQuerier, idNumbers []any, instructors bool, ds *hezuo.Dataset) error {
	var found []int64
	hashes := make([]any, len(idNumbers)) // matched by keyed hash (crypt.go)
	for i, n := range idNumbers {
		hashes[i] = db.idHash(n.(string))
	}
	err := db.eachInOn(ctx, x, `SELECT id, id_sealed, name, sex, birth_date, coalesce(village, ''), phone_sealed, talent_since, leader_since
		FROM people WHERE id_hash IN (%s)`, hashes, func(r rowScanner) error {
		var p hezuo.Person
		err := r.Scan(&p.ID, db.opened(&p.IDNumber), &p.Name, &p.Sex, &p.BirthDate, &p.Village, db.opened(&p.Phone), &p.TalentSince, &p.LeaderSince)
		ds.People = append(ds.People, p)
		found = append(found, p.ID)
		return err
	})
	if err != nil {
		return err
	}
	personIDs := ids(found)
	err = db.eachInOn(ctx, x, `SELECT m.id, p.id_sealed, o.org_no, m.role, m.valid_from, m.valid_to FROM memberships m
		JOIN people p ON p.id = m.person_id JOIN orgs o ON o.id = m.org_id WHERE m.person_id IN (%s)`, personIDs, func(r rowScanner) error {
		var m hezuo.Membership
		err := r.Scan(&m.ID, db.opened(&m.IDNumber), &m.OrgNo, &m.Role, &m.From, &m.To)
		ds.Memberships = append(ds.Memberships, m)
		return err
	})
	if err != nil {
		return err
	}
	err = db.eachInOn(ctx, x, `SELECT s.id, p.id_sealed, s.status, coalesce(h.no, ''), s.valid_from, s.valid_to, s.from_unknown FROM party_status s
		JOIN people p ON p.id = s.person_id LEFT JOIN party_orgs h ON h.id = s.home_party_org_id
		WHERE s.person_id IN (%s)`, personIDs, func(r rowScanner) error {
		var s hezuo.PartyStatus
		err := r.Scan(&s.ID, db.opened(&s.IDNumber), &s.Status, &s.HomePartyOrg, &s.From, &s.To, &s.FromUnknown)
		ds.PartyStatus = append(ds.PartyStatus, s)
		return err
	})
	if err != nil || !instructors {
		return err
	}
	err = db.eachInOn(ctx, x, `SELECT p.id_sealed, i.township, i.unit FROM instructors i JOIN people p ON p.id = i.person_id
		WHERE i.person_id IN (%s)`, personIDs, func(r rowScanner) error {
		var in hezuo.Instructor
		err := r.Scan(db.opened(&in.IDNumber), &in.Township, &in.Unit)
		ds.Instructors = append(ds.Instructors, in)
		return err
	})
	if err != nil {
		return err
	}
	return db.eachInOn(ctx, x, `SELECT p.id_sealed, o.org_no, d.valid_from, d.valid_to FROM dispatches d
		JOIN instructors i ON i.id = d.instructor_id JOIN people p ON p.id = i.person_id JOIN orgs o ON o.id = d.org_id
		WHERE i.person_id IN (%s)`, personIDs, func(r rowScanner) error {
		var d hezuo.Dispatch
		err := r.Scan(db.opened(&d.IDNumber), &d.OrgNo, &d.From, &d.To)
		ds.Dispatches = append(ds.Dispatches, d)
		return err
	})
}

// existingPartyOrgs adds the party organizations with the given numbers,
// with the orgs and villages they cover.
func (db *DB) existingPartyOrgs(ctx context.Context, x execQuerier, nos []any, ds *hezuo.Dataset) error {
	idx := map[int64]int{}
	var found []int64
	err := db.eachInOn(ctx, x, `SELECT p.id, p.no, p.name, p.form, p.joint_kind, p.seat, coalesce(pa.no, ''), coalesce(ma.no, ''),
		p.founding_method, p.term_years, p.elected_on, p.valid_from, p.valid_to
		FROM party_orgs p LEFT JOIN party_orgs pa ON pa.id = p.parent_id LEFT JOIN party_orgs ma ON ma.id = p.manager_id
		WHERE p.no IN (%s)`, nos, func(r rowScanner) error {
		var p hezuo.PartyOrg
		if err := r.Scan(&p.ID, &p.No, &p.Name, &p.Form, &p.JointKind, &p.Seat, &p.Parent, &p.Manager, &p.FoundingMethod,
			&p.TermYears, &p.ElectedOn, &p.From, &p.To); err != nil {
			return err
		}
		idx[p.ID] = len(ds.PartyOrgs)
		found = append(found, p.ID)
		ds.PartyOrgs = append(ds.PartyOrgs, p)
		return nil
	})
	if err != nil {
		return err
	}
	poIDs := ids(found)
	err = db.eachInOn(ctx, x, `SELECT l.party_org_id, o.org_no FROM party_org_orgs l JOIN orgs o ON o.id = l.org_id
		WHERE l.party_org_id IN (%s) ORDER BY l.party_org_id, o.org_no`, poIDs, func(r rowScanner) error {
		var id int64
		var no string
		if err := r.Scan(&id, &no); err != nil {
			return err
		}
		p := &ds.PartyOrgs[idx[id]]
		p.Orgs = append(p.Orgs, no)
		return nil
	})
	if err != nil {
		return err
	}
	err = db.eachInOn(ctx, x, `SELECT party_org_id, village FROM party_org_villages WHERE party_org_id IN (%s)
		ORDER BY party_org_id, village`, poIDs, func(r rowScanner) error {
		var id int64
		var v string
		if err := r.Scan(&id, &v); err != nil {
			return err
		}
		p := &ds.PartyOrgs[idx[id]]
		p.Villages = append(p.Villages, v)
		return nil
	})
	if err != nil {
		return err
	}
	// Their elections, listed as Dump lists them (when ElectedOn alone
	// does not tell them).
	err = db.eachInOn(ctx, x, `SELECT party_org_id, elected_on, note FROM party_org_elections WHERE party_org_id IN (%s)
		ORDER BY party_org_id, elected_on`, poIDs, func(r rowScanner) error {
		var id int64
		var e hezuo.Election
		if err := r.Scan(&id, &e.On, &e.Note); err != nil {
			return err
		}
		p := &ds.PartyOrgs[idx[id]]
		p.Elections = append(p.Elections, e)
		return nil
	})
	omitPlainElections(ds)
	return err
}
