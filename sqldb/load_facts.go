package sqldb

import (
	"fmt"

	"hezuo"
)

func (l *loader) loadMemberships(ds *hezuo.Dataset) error {
	for _, m := range ds.Memberships {
		rec := fmt.Sprintf("成员 %s@%s", hezuo.MaskIDNumber(m.IDNumber), m.OrgNo)
		if err := m.Period.Validate(rec); err != nil {
			return err
		}
		pid, err := l.personID(rec, "id_number", m.IDNumber)
		if err != nil {
			return err
		}
		oid, err := l.orgID(rec, "org_id", m.OrgNo)
		if err != nil {
			return err
		}
		if err := l.exec(`INSERT INTO memberships (county, person_id, org_id, role, valid_from, valid_to) VALUES (?, ?, ?, ?, ?, ?)
			ON CONFLICT (person_id, org_id, valid_from) DO UPDATE SET role = excluded.role, valid_to = excluded.valid_to,
				version = memberships.version + 1`,
			l.countyOf(`SELECT county FROM orgs WHERE id = ?`, oid), pid, oid, m.Role, m.From, m.To); err != nil {
			return fmt.Errorf("%s: %w", rec, err)
		}
	}
	return nil
}

// countyOf returns the county of a loaded record, by a query taking its id,
// cached per query and id: every row takes the county of the record it
// belongs to (a person's status that of the person, a membership that of the
// org), so that a county's rows stay together when sharded.
func (l *loader) countyOf(q string, id int64) string {
	key := countyKey{q, id}
	if c, ok := l.county[key]; ok {
		return c
	}
	var c string
	if s, err := l.stmt(q); err == nil {
		s.QueryRowContext(l.ctx, id).Scan(&c)
	}
	l.county[key] = c
	return c
}

type countyKey struct {
	q  string
	id int64
}

func (l *loader) loadPartyStatus(ds *hezuo.Dataset) error {
	for i := range ds.PartyStatus {
		s := &ds.PartyStatus[i]
		if err := s.Validate(); err != nil {
			return err
		}
		rec := "政治面貌 " + hezuo.MaskIDNumber(s.IDNumber)
		pid, err := l.personID(rec, "id_number", s.IDNumber)
		if err != nil {
			return err
		}
		home, err := l.optPartyOrgID(rec, "home_party_org", s.HomePartyOrg)
		if err != nil {
			return err
		}
		if err := l.exec(`INSERT INTO party_status (county, person_id, status, home_party_org_id, valid_from, valid_to, from_unknown)
			VALUES (?, ?, ?, ?, ?, ?, ?)
			ON CONFLICT (person_id, status, valid_from) DO UPDATE SET home_party_org_id = excluded.home_party_org_id,
				valid_to = excluded.valid_to, from_unknown = excluded.from_unknown`,
			l.countyOf(`SELECT county FROM people WHERE id = ?`, pid), pid, s.Status, nullID(home), s.From, s.To, s.FromUnknown); err != nil {
			return fmt.Errorf("%s: %w", rec, err)
		}
	}
	return nil
}

// loadOfficers validates each officer's fields (hezuo.Officer.Validate,
// which normalises its ID number in place) and upserts it by its key.
func (l *loader) loadOfficers(ds *hezuo.Dataset) error {
	for i := range ds.Officers {
		o := &ds.Officers[i]
		rec := fmt.Sprintf("党组织 %s 职务", o.PartyOrg)
		if err := o.Validate(l.today); err != nil {
			return err
		}
		po, err := l.partyOrgID(rec, "party_org", o.PartyOrg)
		if err != nil {
			return err
		}
		pid, err := l.personID(rec, "id_number", o.IDNumber)
		if err != nil {
			return err
		}
		if err := l.exec(`INSERT INTO officers (county, party_org_id, person_id, role, duty, valid_from, valid_to) VALUES (?, ?, ?, ?, ?, ?, ?)
			ON CONFLICT (party_org_id, person_id, role, valid_from) DO UPDATE SET duty = excluded.duty, valid_to = excluded.valid_to`,
			l.countyOf(`SELECT county FROM party_orgs WHERE id = ?`, po), po, pid, o.Role, o.Duty, o.From, o.To); err != nil {
			return err
		}
	}
	return nil
}

func (l *loader) loadInstructors(ds *hezuo.Dataset) error {
	for _, in := range ds.Instructors {
		rec := "指导员 " + hezuo.MaskIDNumber(in.IDNumber)
		if len(in.Township) != 9 {
			return hezuo.Invalid(rec, "township", "派出乡镇应为 9 位乡镇代码", "township must be a 9-digit code")
		}
		if ok, err := l.division(in.Township + "000"); err != nil {
			return err
		} else if !ok {
			return unknown(rec, "township", "乡镇", "township", in.Township)
		}
		pid, err := l.personID(rec, "id_number", in.IDNumber)
		if err != nil {
			return err
		}
		id, err := l.returning(`INSERT INTO instructors (county, person_id, township, unit) VALUES (?, ?, ?, ?)
			ON CONFLICT (person_id) DO UPDATE SET township = excluded.township, unit = excluded.unit RETURNING id`,
			in.Township[:6], pid, in.Township, in.Unit)
		if err != nil {
			return err
		}
		l.instructors[l.db.idHash(in.IDNumber)] = id
	}
	return nil
}

func (l *loader) loadDispatches(ds *hezuo.Dataset) error {
	for _, d := range ds.Dispatches {
		rec := fmt.Sprintf("派驻 %s→%s", hezuo.MaskIDNumber(d.IDNumber), d.OrgNo)
		if err := d.Period.Validate(rec); err != nil {
			return err
		}
		iid, ok, err := l.lookup(l.instructors,
			`SELECT i.id FROM instructors i JOIN people p ON p.id = i.person_id WHERE p.id_hash = ?`, l.db.idHash(d.IDNumber))
		if err != nil {
			return err
		} else if !ok {
			return unknown(rec, "id_number", "指导员", "instructor", hezuo.MaskIDNumber(d.IDNumber))
		}
		oid, err := l.orgID(rec, "org_id", d.OrgNo)
		if err != nil {
			return err
		}
		if err := l.exec(`INSERT INTO dispatches (county, instructor_id, org_id, valid_from, valid_to) VALUES (?, ?, ?, ?, ?)
			ON CONFLICT (instructor_id, org_id, valid_from) DO UPDATE SET valid_to = excluded.valid_to`,
			l.countyOf(`SELECT county FROM orgs WHERE id = ?`, oid), iid, oid, d.From, d.To); err != nil {
			return err
		}
	}
	return nil
}
