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
	err := db.eachInOn(ctx, x, partyOrgsFrom+` WHERE p.no IN (%s)`, nos, func(r rowScanner) error {
		var p hezuo.PartyOrg
		if err := scanPartyOrg(r, &p.ID, &p); err != nil {
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
	return partyOrgParts(func(q string, fn func(rowScanner) error) error {
		return db.eachInOn(ctx, x, q, poIDs, fn)
	}, idx, ds)
}
