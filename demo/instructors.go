package demo

import "hezuo"

// instructors sends one instructor to each org without party members: a
// township cadre (a full party member, member of no org) dispatched by the
// org's township committee, open-ended from 2019–2021.
func (b *builder) instructors() {
	for _, o := range b.orgs {
		if o.cat != catInstructor {
			continue
		}
		t := o.town
		p := b.newPerson(t.villages[0], 28, 55, 0.6, kindCadre, false)
		b.fullHistory(p, t.po)
		id := b.people[p].IDNumber
		b.instrs = append(b.instrs, hezuo.Instructor{IDNumber: id, Township: t.code,
			Unit: t.name + instructorUnits[b.r.IntN(len(instructorUnits))]})
		b.disp = append(b.disp, hezuo.Dispatch{IDNumber: id, OrgNo: o.OrgNo, Period: hezuo.Period{From: o.dispatchFrom}})
	}
}
