package sqldb

import (
	"context"
	"strings"

	"hezuo"
)

// Dump reads every registry record of scope back as a Dataset, ordered by
// key: the divisions in scope, the departments of its counties, the orgs
// whose home village is in scope with their memberships and dispatches, the
// people those refer to (and people living in scope) with their party status,
// the party organizations seated in scope or covering its orgs, their
// officers, and the instructors. Loading the result into an empty database
// reproduces the same records.
func (db *DB) Dump(ctx context.Context, scope hezuo.Scope) (*hezuo.Dataset, error) {
	ds := &hezuo.Dataset{}
	if err := db.newDumping(ctx, nil, scope, ds).run(false); err != nil {
		return nil, err
	}
	return ds, nil
}

// peopleInScope selects the ids of people a scope's dump holds: members of
// its orgs, people living in it, officers of its party organizations and
// instructors dispatched to its orgs or sent by its townships. Its arguments
// are peopleArgs(scope bounds).
const peopleInScope = `SELECT m.person_id FROM memberships m JOIN orgs o ON o.id = m.org_id WHERE o.village BETWEEN ? AND ?
	UNION SELECT id FROM people WHERE village BETWEEN ? AND ?
	UNION SELECT f.person_id FROM officers f WHERE f.party_org_id IN (` + partyOrgsInScope + `)
	UNION SELECT i.person_id FROM instructors i WHERE i.township BETWEEN ? AND ?
	UNION SELECT i.person_id FROM instructors i JOIN dispatches d ON d.instructor_id = i.id JOIN orgs o ON o.id = d.org_id
		WHERE o.village BETWEEN ? AND ?`

func peopleArgs(sa []any) []any {
	lo, hi := sa[0].(string), sa[1].(string)
	return []any{lo, hi, lo, hi, lo, hi, lo, hi, lo[:9], hi[:9], lo, hi}
}

// partyOrgsInScope selects party organizations seated in scope or covering
// an org of it (two pairs of scope bounds).
const partyOrgsInScope = `SELECT id FROM party_orgs WHERE seat BETWEEN ? AND ?
	UNION SELECT l.party_org_id FROM party_org_orgs l JOIN orgs o ON o.id = l.org_id WHERE o.village BETWEEN ? AND ?`

func (db *DB) dumpOrgs(ctx context.Context, sa []any, ds *hezuo.Dataset) error {
	idx := map[string]int{}
	err := db.eachRow(ctx, `SELECT org_no, name, kind, registered_on, coalesce(credit_code, ''), village, industry, households_driven,
		model, model_note, founded, dissolved FROM orgs WHERE village BETWEEN ? AND ? ORDER BY org_no`, sa, func(r rowScanner) error {
		var o hezuo.Org
		if err := r.Scan(&o.OrgNo, &o.Name, &o.Kind, &o.RegisteredOn, &o.CreditCode, &o.Village, &o.Industry, &o.HouseholdsDriven,
			&o.Model, &o.ModelNote, &o.Founded, &o.Dissolved); err != nil {
			return err
		}
		idx[o.OrgNo] = len(ds.Orgs)
		ds.Orgs = append(ds.Orgs, o)
		return nil
	})
	if err != nil {
		return err
	}
	return db.eachRow(ctx, `SELECT o.org_no, v.village FROM org_villages v JOIN orgs o ON o.id = v.org_id
		WHERE o.village BETWEEN ? AND ? AND v.village <> o.village ORDER BY o.org_no, v.village`, sa, func(r rowScanner) error {
		var no, v string
		if err := r.Scan(&no, &v); err != nil {
			return err
		}
		o := &ds.Orgs[idx[no]]
		o.Villages = append(o.Villages, v)
		return nil
	})
}

func (db *DB) dumpPeople(ctx context.Context, sa []any, ds *hezuo.Dataset) error {
	return db.eachRow(ctx, `SELECT id_sealed, name, sex, birth_date, coalesce(village, ''), phone_sealed, talent_since, leader_since
		FROM people WHERE id IN (`+peopleInScope+`) ORDER BY id`, peopleArgs(sa), collect(&ds.People, func(r rowScanner, p *hezuo.Person) error {
		return r.Scan(db.opened(&p.IDNumber), &p.Name, &p.Sex, &p.BirthDate, &p.Village, db.opened(&p.Phone), &p.TalentSince, &p.LeaderSince)
	}))
}

func (db *DB) dumpPartyOrgs(ctx context.Context, sa []any, ds *hezuo.Dataset) error {
	idx := map[int64]int{}
	args := append(append([]any{}, sa...), sa...)
	err := db.eachRow(ctx, partyOrgsFrom+` WHERE p.id IN (`+partyOrgsInScope+`) ORDER BY p.no`, args, func(r rowScanner) error {
		var id int64
		var p hezuo.PartyOrg
		if err := scanPartyOrg(r, &id, &p); err != nil {
			return err
		}
		idx[id] = len(ds.PartyOrgs)
		ds.PartyOrgs = append(ds.PartyOrgs, p)
		return nil
	})
	if err != nil {
		return err
	}
	return partyOrgParts(func(q string, fn func(rowScanner) error) error {
		return db.eachRow(ctx, strings.Replace(q, "%s", partyOrgsInScope, 1), args, fn)
	}, idx, ds)
}

func (db *DB) dumpDepartments(ctx context.Context, lo6, hi6 string, ds *hezuo.Dataset) error {
	idx := map[string]int{}
	err := db.eachRow(ctx, `SELECT d.county, d.code, d.name, coalesce(p.no, '') FROM departments d
		LEFT JOIN party_orgs p ON p.id = d.party_org_id WHERE d.county BETWEEN ? AND ? ORDER BY d.county, d.code`,
		[]any{lo6, hi6}, func(r rowScanner) error {
			var d hezuo.Department
			if err := r.Scan(&d.County, &d.Code, &d.Name, &d.PartyOrg); err != nil {
				return err
			}
			idx[d.County+"/"+d.Code] = len(ds.Departments)
			ds.Departments = append(ds.Departments, d)
			return nil
		})
	if err != nil {
		return err
	}
	return db.eachRow(ctx, `SELECT d.county, d.code, i.industry FROM department_industries i JOIN departments d ON d.id = i.department_id
		WHERE d.county BETWEEN ? AND ? ORDER BY d.county, d.code, i.industry`, []any{lo6, hi6}, func(r rowScanner) error {
		var county, code, ind string
		if err := r.Scan(&county, &code, &ind); err != nil {
			return err
		}
		d := &ds.Departments[idx[county+"/"+code]]
		d.Industries = append(d.Industries, ind)
		return nil
	})
}
