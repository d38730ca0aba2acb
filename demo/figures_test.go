package demo

import "hezuo"

// figures are the seed figures counted from a dataset on one day, by plain
// loops independent of the generator (cli.md, `stats` key meanings).
type figures struct {
	orgs, coops, assocs                  int
	coopMembers, assocMembers            int
	coopParty, assocParty                int
	coopHouseholds                       int
	branches, joint, jointVillage, cross int
	groups                               int
	instructors, instructorOrgs          int
	developed, activists                 int
	partyPeople, talents                 int
}

// asOf indexes a dataset for one day.
type asOf struct {
	ds       *hezuo.Dataset
	day      hezuo.Date
	orgs     map[string]*hezuo.Org
	status   map[string]string // id number → party status on the day
	history  map[string][]hezuo.PartyStatus
	members  map[string][]string // org → id numbers of its active members
	people   map[string]*hezuo.Person
	pos      map[string]*hezuo.PartyOrg
	covers   map[string][]*hezuo.PartyOrg // org → active built-in party orgs listing it
	dispatch map[string][]hezuo.Dispatch  // org → dispatches active on the day
}

func index(ds *hezuo.Dataset, day hezuo.Date) *asOf {
	a := &asOf{ds: ds, day: day, orgs: map[string]*hezuo.Org{}, status: map[string]string{}, history: map[string][]hezuo.PartyStatus{},
		members: map[string][]string{}, people: map[string]*hezuo.Person{}, pos: map[string]*hezuo.PartyOrg{},
		covers: map[string][]*hezuo.PartyOrg{}, dispatch: map[string][]hezuo.Dispatch{}}
	for i := range ds.Orgs {
		if o := &ds.Orgs[i]; o.ActiveOn(day) {
			a.orgs[o.OrgNo] = o
		}
	}
	for i := range ds.People {
		a.people[ds.People[i].IDNumber] = &ds.People[i]
	}
	for _, s := range ds.PartyStatus {
		a.history[s.IDNumber] = append(a.history[s.IDNumber], s)
		if s.ActiveOn(day) {
			a.status[s.IDNumber] = s.Status
		}
	}
	for _, m := range ds.Memberships {
		if m.ActiveOn(day) && a.orgs[m.OrgNo] != nil {
			a.members[m.OrgNo] = append(a.members[m.OrgNo], m.IDNumber)
		}
	}
	for i := range ds.PartyOrgs {
		p := &ds.PartyOrgs[i]
		a.pos[p.No] = p
		if !p.ActiveOn(day) || !hezuo.BuiltInOrgs(p.Form) {
			continue
		}
		for _, no := range p.Orgs {
			if a.orgs[no] != nil {
				a.covers[no] = append(a.covers[no], p)
			}
		}
	}
	for _, d := range ds.Dispatches {
		if d.ActiveOn(day) && a.orgs[d.OrgNo] != nil {
			a.dispatch[d.OrgNo] = append(a.dispatch[d.OrgNo], d)
		}
	}
	return a
}

func isParty(s string) bool { return s == hezuo.StatusFull || s == hezuo.StatusProbationary }

// count returns the org's full and probationary members on the day.
func (a *asOf) count(org string) (full, prob int) {
	for _, id := range a.members[org] {
		switch a.status[id] {
		case hezuo.StatusFull:
			full++
		case hezuo.StatusProbationary:
			prob++
		}
	}
	return full, prob
}

func compute(ds *hezuo.Dataset, day hezuo.Date) figures {
	a := index(ds, day)
	var f figures
	party, talents := map[string]bool{}, map[string]bool{}
	for no, o := range a.orgs {
		f.orgs++
		full, prob := a.count(no)
		n := len(a.members[no])
		switch o.Kind {
		case hezuo.KindCooperative:
			f.coops++
			f.coopMembers += n
			f.coopParty += full + prob
			f.coopHouseholds += o.HouseholdsDriven
		case hezuo.KindAssociation:
			f.assocs++
			f.assocMembers += n
			f.assocParty += full + prob
		}
		for _, id := range a.members[no] {
			if isParty(a.status[id]) {
				party[id] = true
			}
		}
	}
	for _, ids := range a.members {
		for _, id := range ids {
			if p := a.people[id]; !party[id] && p.IsTalentOn(day) {
				talents[id] = true
			}
		}
	}
	f.partyPeople, f.talents = len(party), len(talents)
	counted := map[string]bool{}
	for _, ps := range a.covers {
		for _, p := range ps {
			if counted[p.No] {
				continue
			}
			counted[p.No] = true
			switch p.Form {
			case hezuo.FormBranch:
				f.branches++
			case hezuo.FormJointBranch:
				f.joint++
				if p.JointKind == hezuo.JointVillageOrg {
					f.jointVillage++
				} else if p.JointKind == hezuo.JointCrossVill {
					f.cross++
				}
			case hezuo.FormPartyGroup:
				f.groups++
			}
		}
	}
	a.instructorFigures(&f)
	return f
}

// instructorFigures counts instructors with an active dispatch, the orgs
// they cover, members who became probationary during a dispatch (as
// members of the org, up to the day) and activists among those orgs' members.
func (a *asOf) instructorFigures(f *figures) {
	instr, developed, activists := map[string]bool{}, map[string]bool{}, map[string]bool{}
	for no, ds := range a.dispatch {
		f.instructorOrgs++
		for _, d := range ds {
			instr[d.IDNumber] = true
		}
		for _, id := range a.members[no] {
			if a.status[id] == hezuo.StatusActivist {
				activists[id] = true
			}
		}
	}
	for _, d := range a.ds.Dispatches {
		if a.orgs[d.OrgNo] == nil || d.From.After(a.day) {
			continue
		}
		for _, m := range a.ds.Memberships {
			if m.OrgNo != d.OrgNo {
				continue
			}
			for _, s := range a.history[m.IDNumber] {
				if s.Status == hezuo.StatusProbationary && !s.From.After(a.day) &&
					d.ActiveOn(s.From) && m.ActiveOn(s.From) {
					developed[s.IDNumber] = true
				}
			}
		}
	}
	f.instructors, f.developed, f.activists = len(instr), len(developed), len(activists)
}
