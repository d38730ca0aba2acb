package demo

import (
	"fmt"

	"hezuo"
)

// partyOrgFor gives an org the party organization its members call for —
// most of the time: some orgs are left should-build or uncovered, as in real
// registries. Orgs without party members are queued for an instructor.
func (g *gen) partyOrgFor(o *hezuo.Org, full, prob int, needInstructor *[]int64) error {
	from := g.dayBetween(maxDate(o.Founded, genStart.AddDays(365)), GenEnd.AddDays(-30))
	po := &hezuo.PartyOrg{Seat: o.Village, Period: hezuo.Period{From: from}, ElectedOn: from, Orgs: []string{o.OrgNo}}
	switch {
	case full >= 3 && !o.RegisteredOn.IsZero():
		if g.r.Float64() < 0.08 {
			return nil // should build, not built
		}
		po.Form, po.Name, po.TermYears = hezuo.FormBranch, o.Name+"党支部", 3
		if full >= 50 {
			po.Form, po.Name = hezuo.FormGeneralBranch, o.Name+"党总支"
		}
	case full > 0 || prob > 0:
		if g.r.Float64() < 0.10 {
			return nil // blank spot
		}
		po.Form, po.Name, po.TermYears = hezuo.FormJointBranch, o.Name+"联合党支部", 3
		po.JointKind, po.Villages = hezuo.JointVillageOrg, []string{o.Village}
	default:
		if g.r.Float64() < 0.85 {
			*needInstructor = append(*needInstructor, g.orgID)
		}
		return nil
	}
	g.poID++
	po.No = fmt.Sprintf("GP%08d", g.poID)
	return g.sink.PartyOrg(g.poID, po, []int64{g.orgID})
}

func maxDate(a, b hezuo.Date) hezuo.Date {
	if a.After(b) {
		return a
	}
	return b
}

// instructors sends one instructor to every three queued orgs of the
// township; instructors are township cadres (not org members).
func (g *gen) instructors(town, village string, orgs []int64) error {
	county := town[:6]
	for i := 0; i < len(orgs); i += 3 {
		pid, _, err := g.person(county, village, GenEnd)
		if err != nil {
			return err
		}
		g.instrID++
		if err := g.sink.Instructor(g.instrID, pid, town); err != nil {
			return err
		}
		for _, org := range orgs[i:min(i+3, len(orgs))] {
			p := hezuo.Period{From: g.dayBetween(genStart.AddDays(700), GenEnd.AddDays(-30))}
			if err := g.sink.Dispatch(g.instrID, org, county, p); err != nil {
				return err
			}
		}
	}
	return nil
}
