package sqldb

import (
	"fmt"
	"strings"

	"hezuo"
)

func (l *loader) loadDivisions(ds *hezuo.Dataset) error {
	for _, d := range ds.Divisions {
		if err := d.Validate(); err != nil {
			return err
		}
		code, _ := hezuo.NormalizeDivisionCode(d.Code)
		err := l.exec(`INSERT INTO divisions (code, name, level, county) VALUES (?, ?, ?, ?)
			ON CONFLICT (code) DO UPDATE SET name = excluded.name, level = excluded.level`,
			code, strings.TrimSpace(d.Name), hezuo.LevelOf(code), code[:6])
		if err != nil {
			return fmt.Errorf("division %s: %w", code, err)
		}
		l.divisions[code] = true
	}
	return nil
}

func (l *loader) loadOrgs(ds *hezuo.Dataset) error {
	for i := range ds.Orgs {
		o := &ds.Orgs[i]
		if err := o.Validate(); err != nil {
			return err
		}
		rec := "组织 " + o.OrgNo
		for _, v := range o.AllVillages() {
			if err := l.village(rec, "villages", v); err != nil {
				return err
			}
		}
		id, err := l.returning(`INSERT INTO orgs (county, org_no, name, kind, registered_on, credit_code, village, industry,
				households_driven, model, model_note, founded, dissolved)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
			ON CONFLICT (org_no) DO UPDATE SET county = excluded.county, name = excluded.name, kind = excluded.kind,
				registered_on = excluded.registered_on, credit_code = excluded.credit_code, village = excluded.village,
				industry = excluded.industry, households_driven = excluded.households_driven, model = excluded.model,
				model_note = excluded.model_note, founded = excluded.founded, dissolved = excluded.dissolved,
				version = orgs.version + 1
			RETURNING id`,
			o.County(), o.OrgNo, o.Name, o.Kind, o.RegisteredOn, nullStr(o.CreditCode), o.Village, o.Industry,
			o.HouseholdsDriven, o.Model, o.ModelNote, o.Founded, o.Dissolved)
		if err != nil {
			return hezuo.Invalid(rec, "", "写入失败："+err.Error(), "write failed: "+err.Error())
		}
		l.orgs[o.OrgNo] = id
		if err := l.exec(`DELETE FROM org_villages WHERE org_id = ?`, id); err != nil {
			return err
		}
		for _, v := range o.AllVillages() {
			if err := l.exec(`INSERT INTO org_villages (org_id, village, county) VALUES (?, ?, ?)`, id, v, v[:6]); err != nil {
				return err
			}
		}
	}
	return nil
}

func (l *loader) loadPeople(ds *hezuo.Dataset) error {
	for i := range ds.People {
		p := &ds.People[i]
		if err := l.checkPerson(p); err != nil {
			return err
		}
		id, err := l.returning(`INSERT INTO people`+peopleColumns+` VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) `+peopleUpsert+` RETURNING id`,
			personCounty(p), l.db.idHash(p.IDNumber), l.db.seal(p.IDNumber), p.Name, p.Sex, p.BirthDate, nullStr(p.Village), l.db.seal(p.Phone),
			p.TalentSince, p.LeaderSince)
		if err != nil {
			return fmt.Errorf("person %s: %w", hezuo.MaskIDNumber(p.IDNumber), err)
		}
		l.people[p.IDNumber] = id
	}
	return nil
}

func (l *loader) loadPartyOrgs(ds *hezuo.Dataset) error {
	// First pass: the organizations themselves, so that parents and managers
	// may refer to any of them in the second pass.
	for i := range ds.PartyOrgs {
		p := &ds.PartyOrgs[i]
		if err := p.Validate(); err != nil {
			return err
		}
		rec := "党组织 " + p.No
		if ok, err := l.division(p.Seat); err != nil {
			return err
		} else if !ok {
			return unknown(rec, "seat", "区划", "division", p.Seat)
		}
		id, err := l.returning(`INSERT INTO party_orgs (county, no, name, form, joint_kind, seat, founding_method, term_years,
				elected_on, valid_from, valid_to)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
			ON CONFLICT (no) DO UPDATE SET county = excluded.county, name = excluded.name, form = excluded.form,
				joint_kind = excluded.joint_kind, seat = excluded.seat, founding_method = excluded.founding_method,
				term_years = excluded.term_years, elected_on = excluded.elected_on, valid_from = excluded.valid_from,
				valid_to = excluded.valid_to, version = party_orgs.version + 1
			RETURNING id`,
			p.Seat[:6], p.No, p.Name, p.Form, p.JointKind, p.Seat, p.FoundingMethod, p.TermYears, p.ElectedOn, p.From, p.To)
		if err != nil {
			return fmt.Errorf("party org %s: %w", p.No, err)
		}
		l.partyOrgs[p.No] = id
		if err := writeElections(l.exec, id, p); err != nil {
			return fmt.Errorf("party org %s: %w", p.No, err)
		}
	}
	for i := range ds.PartyOrgs {
		p := &ds.PartyOrgs[i]
		rec := "党组织 " + p.No
		id := l.partyOrgs[p.No]
		parent, err := l.optPartyOrgID(rec, "parent", p.Parent)
		if err != nil {
			return err
		}
		manager, err := l.optPartyOrgID(rec, "manager", p.Manager)
		if err != nil {
			return err
		}
		if err := l.exec(`UPDATE party_orgs SET parent_id = ?, manager_id = ? WHERE id = ?`, nullID(parent), nullID(manager), id); err != nil {
			return err
		}
		if err := l.exec(`DELETE FROM party_org_orgs WHERE party_org_id = ?`, id); err != nil {
			return err
		}
		for _, no := range p.Orgs {
			orgID, err := l.orgID(rec, "orgs", no)
			if err != nil {
				return err
			}
			if err := l.exec(`INSERT INTO party_org_orgs (party_org_id, org_id, county, valid_from, valid_to) VALUES (?, ?, ?, ?, ?)`,
				id, orgID, p.Seat[:6], p.From, p.To); err != nil {
				return hezuo.Invalid(rec, "orgs", "组织重复："+no, "org listed twice: "+no)
			}
		}
		if err := l.exec(`DELETE FROM party_org_villages WHERE party_org_id = ?`, id); err != nil {
			return err
		}
		for _, v := range p.Villages {
			if err := l.village(rec, "villages", v); err != nil {
				return err
			}
			if err := l.exec(`INSERT INTO party_org_villages (party_org_id, village, county) VALUES (?, ?, ?)`, id, v, v[:6]); err != nil {
				return hezuo.Invalid(rec, "villages", "村重复："+v, "village listed twice: "+v)
			}
		}
	}
	return nil
}

func (l *loader) loadDepartments(ds *hezuo.Dataset) error {
	for _, d := range ds.Departments {
		rec := "部门 " + d.Code
		if d.Code == "" || strings.TrimSpace(d.Name) == "" || len(d.County) != 6 {
			return hezuo.Invalid(rec, "code", "部门需要代码、名称和 6 位县级代码", "a department needs a code, a name and a 6-digit county")
		}
		po, err := l.optPartyOrgID(rec, "party_org", d.PartyOrg)
		if err != nil {
			return err
		}
		id, err := l.returning(`INSERT INTO departments (county, code, name, party_org_id) VALUES (?, ?, ?, ?)
			ON CONFLICT (county, code) DO UPDATE SET name = excluded.name, party_org_id = excluded.party_org_id
			RETURNING id`, d.County, d.Code, d.Name, nullID(po))
		if err != nil {
			return err
		}
		if err := l.exec(`DELETE FROM department_industries WHERE department_id = ?`, id); err != nil {
			return err
		}
		for _, ind := range d.Industries {
			if err := l.exec(`INSERT INTO department_industries (county, industry, department_id) VALUES (?, ?, ?)
				ON CONFLICT (county, industry) DO UPDATE SET department_id = excluded.department_id`, d.County, ind, id); err != nil {
				return err
			}
		}
	}
	return nil
}
