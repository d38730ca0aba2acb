package sqldb

import "hezuo"

// Division implements demo.GenSink.
func (b *Bulk) Division(d hezuo.Division) error {
	code, err := hezuo.NormalizeDivisionCode(d.Code)
	if err != nil {
		return err
	}
	return b.add("divisions", code, d.Name, hezuo.LevelOf(code), code[:6])
}

// Department implements demo.GenSink.
func (b *Bulk) Department(d hezuo.Department) error {
	b.deptID++
	if err := b.add("departments", b.deptID, d.County, d.Code, d.Name); err != nil {
		return err
	}
	for _, ind := range d.Industries {
		if err := b.add("department_industries", d.County, ind, b.deptID); err != nil {
			return err
		}
	}
	return nil
}

// Org implements demo.GenSink.
func (b *Bulk) Org(id int64, o *hezuo.Org) error {
	county := o.County()
	if err := b.add("orgs", id, county, o.OrgNo, o.Name, o.Kind, b.date(o.RegisteredOn), nullStr(o.CreditCode), o.Village,
		o.Industry, o.HouseholdsDriven, o.Model, b.date(o.Founded)); err != nil {
		return err
	}
	for _, v := range o.AllVillages() {
		if err := b.add("org_villages", id, v, v[:6]); err != nil {
			return err
		}
	}
	return nil
}

// Person implements demo.GenSink.
func (b *Bulk) Person(id int64, p *hezuo.Person) error {
	return b.add("people", id, p.Village[:6], b.db.idHash(p.IDNumber), b.db.seal(p.IDNumber), p.Name, p.Sex, b.date(p.BirthDate),
		nullStr(p.Village), b.db.seal(p.Phone), b.date(p.TalentSince))
}

// Membership implements demo.GenSink.
func (b *Bulk) Membership(personID, orgID int64, county string, p hezuo.Period) error {
	return b.add("memberships", county, personID, orgID, b.date(p.From), b.date(p.To))
}

// PartyStatus implements demo.GenSink.
func (b *Bulk) PartyStatus(personID int64, county, status string, p hezuo.Period) error {
	return b.add("party_status", county, personID, status, b.date(p.From), b.date(p.To))
}

// PartyOrg implements demo.GenSink.
func (b *Bulk) PartyOrg(id int64, po *hezuo.PartyOrg, orgIDs []int64) error {
	county := po.Seat[:6]
	if err := b.add("party_orgs", id, county, po.No, po.Name, po.Form, po.JointKind, po.Seat, po.TermYears, b.date(po.ElectedOn),
		b.date(po.From), b.date(po.To)); err != nil {
		return err
	}
	notes := map[string]string{}
	for _, e := range po.Elections {
		notes[e.On.String()] = e.Note
	}
	for _, d := range po.ElectionDays() {
		if err := b.add("party_org_elections", id, county, b.date(d), notes[d.String()]); err != nil {
			return err
		}
	}
	for _, o := range orgIDs {
		if err := b.add("party_org_orgs", id, o, county, b.date(po.From), b.date(po.To)); err != nil {
			return err
		}
	}
	for _, v := range po.Villages {
		if err := b.add("party_org_villages", id, v, county); err != nil {
			return err
		}
	}
	return nil
}

// Instructor implements demo.GenSink.
func (b *Bulk) Instructor(id, personID int64, township string) error {
	return b.add("instructors", id, township[:6], personID, township)
}

// Dispatch implements demo.GenSink.
func (b *Bulk) Dispatch(instructorID, orgID int64, county string, p hezuo.Period) error {
	return b.add("dispatches", county, instructorID, orgID, b.date(p.From), b.date(p.To))
}
