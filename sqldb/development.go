package sqldb

import (
	"context"

	"hezuo"
	"hezuo/rules"
)

// DevelopmentFacts reads what the development report of scope needs (see
// rules.DevFacts): the orgs seated in scope, their memberships, the party
// status steps of everyone who has been their member, the instructors'
// dispatches to them, and the names of those people and instructors.
func (db *DB) DevelopmentFacts(ctx context.Context, scope hezuo.Scope) (rules.DevFacts, error) {
	sa := scopeArgs(scope)
	f := rules.DevFacts{Orgs: map[string]string{}, Names: map[string]string{}}
	// Memberships and dispatches read alike: a person (named), an org, a
	// period.
	personOrg := func(add func(id, org string, p hezuo.Period)) func(rowScanner) error {
		return func(r rowScanner) error {
			var id, name, org string
			var p hezuo.Period
			err := r.Scan(db.opened(&id), &name, &org, &p.From, &p.To)
			add(id, org, p)
			f.Names[id] = name
			return err
		}
	}
	steps := []struct {
		q    string
		scan func(rowScanner) error
	}{
		{`SELECT org_no, name FROM orgs WHERE village BETWEEN ? AND ?`, func(r rowScanner) error {
			var no, name string
			err := r.Scan(&no, &name)
			f.Orgs[no] = name
			return err
		}},
		{`SELECT p.id_sealed, p.name, o.org_no, m.valid_from, m.valid_to FROM memberships m
			JOIN orgs o ON o.id = m.org_id JOIN people p ON p.id = m.person_id
			WHERE o.village BETWEEN ? AND ? ORDER BY o.org_no, p.id, m.valid_from`, personOrg(func(id, org string, p hezuo.Period) {
			f.Memberships = append(f.Memberships, hezuo.Membership{IDNumber: id, OrgNo: org, Period: p})
		})},
		{`SELECT p.id_sealed, s.status, s.valid_from, s.valid_to FROM party_status s JOIN people p ON p.id = s.person_id
			WHERE s.person_id IN (SELECT m.person_id FROM memberships m JOIN orgs o ON o.id = m.org_id WHERE o.village BETWEEN ? AND ?)
			ORDER BY p.id, s.valid_from`, collect(&f.PartyStatus, func(r rowScanner, s *hezuo.PartyStatus) error {
			return r.Scan(db.opened(&s.IDNumber), &s.Status, &s.From, &s.To)
		})},
		{`SELECT p.id_sealed, p.name, o.org_no, d.valid_from, d.valid_to FROM dispatches d
			JOIN instructors i ON i.id = d.instructor_id JOIN people p ON p.id = i.person_id JOIN orgs o ON o.id = d.org_id
			WHERE o.village BETWEEN ? AND ? ORDER BY p.id, o.org_no, d.valid_from`, personOrg(func(id, org string, p hezuo.Period) {
			f.Dispatches = append(f.Dispatches, hezuo.Dispatch{IDNumber: id, OrgNo: org, Period: p})
		})},
	}
	for _, s := range steps {
		if err := db.eachRow(ctx, s.q, sa, s.scan); err != nil {
			return rules.DevFacts{}, err
		}
	}
	f.SortByIDNumber() // by ID number, opened
	return f, nil
}
