package demo

import (
	"fmt"
	"sort"
	"strings"
	"testing"

	"hezuo"
)

// TestValidAndResolved validates every record and resolves every reference.
func TestValidAndResolved(t *testing.T) {
	ds := county
	divs := map[string]string{}
	for _, d := range ds.Divisions {
		if err := d.Validate(); err != nil {
			t.Error(err)
		}
		if _, dup := divs[d.Code]; dup {
			t.Errorf("division %s twice", d.Code)
		}
		divs[d.Code] = d.Name
	}
	for code := range divs {
		if hezuo.LevelOf(code) == hezuo.LevelVillage {
			if n := code[9:]; n < "200" || n > "399" || divs[code[:9]+"000"] == "" || divs[countyCode12] == "" {
				t.Errorf("village %s: bad code or no township", code)
			}
		}
	}
	isVillage := func(c string) bool { return divs[c] != "" && hezuo.LevelOf(c) == hezuo.LevelVillage }

	pos := map[string]*hezuo.PartyOrg{}
	for i := range ds.PartyOrgs {
		p := &ds.PartyOrgs[i]
		if err := p.Validate(); err != nil {
			t.Error(err)
		}
		if pos[p.No] != nil {
			t.Errorf("party org %s twice", p.No)
		}
		pos[p.No] = p
	}
	orgs := map[string]*hezuo.Org{}
	names, codes := map[string]bool{}, map[string]bool{}
	for i := range ds.Orgs {
		o := &ds.Orgs[i]
		if err := o.Validate(); err != nil {
			t.Error(err)
		}
		for _, v := range o.AllVillages() {
			if !isVillage(v) {
				t.Errorf("org %s: unknown village %s", o.OrgNo, v)
			}
		}
		if orgs[o.OrgNo] != nil || names[o.Name] || (o.CreditCode != "" && codes[o.CreditCode]) {
			t.Errorf("org %s: number, name or credit code not unique", o.OrgNo)
		}
		orgs[o.OrgNo], names[o.Name], codes[o.CreditCode] = o, true, true
	}
	people := map[string]*hezuo.Person{}
	for i := range ds.People {
		p := ds.People[i]
		if err := p.Validate(seedDay); err != nil {
			t.Error(err)
		}
		if p != ds.People[i] {
			t.Errorf("person %s: birth date or sex does not match the ID number", p.Name)
		}
		if people[p.IDNumber] != nil {
			t.Errorf("ID number %s twice", p.IDNumber)
		}
		people[p.IDNumber] = &ds.People[i]
		if !isVillage(p.Village) {
			t.Errorf("person %s: unknown village %q", p.Name, p.Village)
		}
	}
	for _, d := range ds.Departments {
		if d.County != countyCode || pos[d.PartyOrg] == nil || pos[d.PartyOrg].Form != hezuo.FormDepartment || pos[d.PartyOrg].Seat != countyCode12 {
			t.Errorf("department %+v", d)
		}
	}
	for _, p := range ds.PartyOrgs {
		if divs[p.Seat] == "" || (p.Parent != "" && pos[p.Parent] == nil) || (p.Manager != "" && pos[p.Manager] == nil) {
			t.Errorf("party org %s: unknown seat, parent or manager", p.No)
		}
		for _, no := range p.Orgs {
			if orgs[no] == nil {
				t.Errorf("party org %s: unknown org %s", p.No, no)
			}
		}
		for _, v := range p.Villages {
			if !isVillage(v) {
				t.Errorf("party org %s: unknown village %s", p.No, v)
			}
		}
	}
	for _, m := range ds.Memberships {
		rec := fmt.Sprintf("membership %s@%s", m.IDNumber, m.OrgNo)
		if err := m.Period.Validate(rec); err != nil {
			t.Error(err)
		}
		p, o := people[m.IDNumber], orgs[m.OrgNo]
		if p == nil || o == nil {
			t.Errorf("%s: unknown person or org", rec)
			continue
		}
		if m.From.Before(o.Founded) || m.From.Before(p.BirthDate.AddDate(18, 0, 0)) {
			t.Errorf("%s: starts %s, before the org's founding or the person's 18th birthday", rec, m.From)
		}
	}
	for _, s := range ds.PartyStatus {
		if err := s.Validate(); err != nil {
			t.Error(err)
		}
		if people[s.IDNumber] == nil || (s.HomePartyOrg != "" && pos[s.HomePartyOrg] == nil) {
			t.Errorf("party status %+v: unknown person or home party org", s)
		}
	}
	for _, o := range ds.Officers {
		if err := o.Period.Validate("officer"); err != nil {
			t.Error(err)
		}
		if pos[o.PartyOrg] == nil || people[o.IDNumber] == nil {
			t.Errorf("officer %+v: unknown party org or person", o)
		}
	}
	instr := map[string]string{}
	for _, in := range ds.Instructors {
		if people[in.IDNumber] == nil || divs[in.Township+"000"] == "" || len(in.Township) != 9 {
			t.Errorf("instructor %+v: unknown person or township", in)
		}
		instr[in.IDNumber] = in.Township
	}
	for _, d := range ds.Dispatches {
		if err := d.Period.Validate("dispatch"); err != nil {
			t.Error(err)
		}
		o := orgs[d.OrgNo]
		if o == nil || instr[d.IDNumber] != hezuo.TownshipOf(o.Village) {
			t.Errorf("dispatch %+v: unknown org, or an instructor of another township", d)
		}
		if d.From.Year() < 2019 || d.From.Year() > 2021 || !d.To.IsZero() {
			t.Errorf("dispatch %+v: want open-ended, from 2019–2021", d)
		}
	}
}

// TestNothingAfterTheDay checks that no record starts or ends after the
// seed day, so every figure holds on any later day.
func TestNothingAfterTheDay(t *testing.T) {
	ds := county
	check := func(what string, ds ...hezuo.Date) {
		for _, d := range ds {
			if d.After(seedDay) {
				t.Errorf("%s: date %s after the seed day", what, d)
			}
		}
	}
	for _, o := range ds.Orgs {
		check(o.OrgNo, o.Founded, o.RegisteredOn, o.Dissolved)
		if o.Founded.Year() < 2007 {
			t.Errorf("%s founded %s, before 2007", o.OrgNo, o.Founded)
		}
	}
	for _, p := range ds.People {
		check(p.Name, p.TalentSince, p.LeaderSince)
	}
	for _, m := range ds.Memberships {
		check("membership", m.From, m.To)
		if m.From.Year() < 2007 {
			t.Errorf("membership from %s, before 2007", m.From)
		}
	}
	for _, s := range ds.PartyStatus {
		check("party status", s.From, s.To)
	}
	for _, p := range ds.PartyOrgs {
		check(p.No, p.From, p.To, p.ElectedOn)
		if hezuo.BuiltInOrgs(p.Form) && p.From.Year() < 2007 {
			t.Errorf("%s built %s, before 2007", p.No, p.From)
		}
	}
	for _, o := range ds.Officers {
		check("officer", o.From, o.To)
	}
	for _, d := range ds.Dispatches {
		check("dispatch", d.From, d.To)
	}
}

// TestPartyHistories checks that each person's steps follow the procedure
// in order, consecutive steps sharing their dates, at most one step at a time.
func TestPartyHistories(t *testing.T) {
	order := map[string]int{hezuo.StatusApplicant: 0, hezuo.StatusActivist: 1, hezuo.StatusCandidate: 2,
		hezuo.StatusProbationary: 3, hezuo.StatusFull: 4}
	byPerson := map[string][]hezuo.PartyStatus{}
	for _, s := range county.PartyStatus {
		byPerson[s.IDNumber] = append(byPerson[s.IDNumber], s)
	}
	for id, steps := range byPerson {
		sort.Slice(steps, func(i, j int) bool { return steps[i].From.Before(steps[j].From) })
		for i, s := range steps {
			last := i == len(steps)-1
			if (last && !s.To.IsZero()) || (!last && (!s.To.Equal(steps[i+1].From) || order[steps[i+1].Status] <= order[s.Status])) {
				t.Errorf("%s: steps out of order: %+v", id, steps)
				break
			}
			if s.Status == hezuo.StatusProbationary && !last && steps[i+1].From != s.From.AddDate(1, 0, 0) {
				t.Errorf("%s: probation of %s–%s is not one year", id, s.From, s.To)
			}
		}
	}
}

// TestPeople checks the people rules: one membership for party members
// and talents, ages, ID numbers, names, phones, double and past memberships.
func TestPeople(t *testing.T) {
	a := index(county, seedDay)
	all := map[string]int{}
	active := map[string]int{}
	ended := 0
	for _, m := range county.Memberships {
		all[m.IDNumber]++
		if m.ActiveOn(seedDay) {
			active[m.IDNumber]++
		} else if !m.To.IsZero() {
			ended++
		}
	}
	everParty := map[string]bool{}
	for _, s := range county.PartyStatus {
		if isParty(s.Status) || s.Status == hezuo.StatusActivist || s.Status == hezuo.StatusCandidate {
			everParty[s.IDNumber] = true
		}
	}
	doubles, elsewhere, korean, leaders := 0, 0, 0, 0
	for _, p := range county.People {
		id := p.IDNumber
		if isParty(a.status[id]) && active[id] > 0 && all[id] != 1 {
			t.Errorf("party member %s has %d memberships, want 1", p.Name, all[id])
		}
		if p.IsTalentOn(seedDay) && (all[id] != 1 || everParty[id]) {
			t.Errorf("talent %s: %d memberships, party history %v", p.Name, all[id], everParty[id])
		}
		if active[id] == 2 {
			doubles++
		}
		if age := seedDay.Year() - p.BirthDate.Year(); age < 18 || age > 76 ||
			p.BirthDate.After(seedDay.AddDate(-18, 0, 0)) || !p.BirthDate.After(seedDay.AddDate(-76, 0, 0)) {
			t.Errorf("%s born %s: not 18–75", p.Name, p.BirthDate)
		}
		if !strings.HasPrefix(id, countyCode) {
			elsewhere++
		}
		if r := []rune(p.Name); len(r) < 2 || len(r) > 3 || len(p.Phone) != 11 || p.Phone[0] != '1' {
			t.Errorf("person %q phone %q", p.Name, p.Phone)
		}
		if strings.ContainsAny(p.Name[:3], "金朴崔") {
			korean++
		}
		if !p.LeaderSince.IsZero() {
			leaders++
		}
	}
	n := len(county.People)
	t.Logf("%d people, %d in two orgs, %d ended memberships, %d born elsewhere, %d 金/朴/崔, %d leaders", n, doubles, ended, elsewhere, korean, leaders)
	if doubles == 0 || ended == 0 || elsewhere == 0 || elsewhere > n/20 || korean < n/10 || leaders == 0 {
		t.Error("want some double and some ended memberships, a few people born elsewhere, many Korean-Chinese surnames, some leaders")
	}
	for no, ids := range a.members {
		if len(ids) < 5 {
			t.Errorf("org %s has %d members, want at least 5", no, len(ids))
		}
	}
	for _, in := range county.Instructors {
		if all[in.IDNumber] != 0 {
			t.Errorf("instructor %s is an org member", in.IDNumber)
		}
	}
}

// TestOfficers checks secretaries, committees, terms and group leaders.
func TestOfficers(t *testing.T) {
	a := index(county, seedDay)
	type posts struct{ secretaries, committee, leaders []string }
	byPO := map[string]*posts{}
	for _, o := range county.Officers {
		if !o.ActiveOn(seedDay) {
			continue
		}
		if byPO[o.PartyOrg] == nil {
			byPO[o.PartyOrg] = &posts{}
		}
		p := byPO[o.PartyOrg]
		switch o.Role {
		case hezuo.RoleSecretary:
			p.secretaries = append(p.secretaries, o.IDNumber)
		case hezuo.RoleCommittee:
			p.committee = append(p.committee, o.IDNumber)
		case hezuo.RoleLeader:
			p.leaders = append(p.leaders, o.IDNumber)
		}
	}
	memberOf := func(id string, orgs []string) bool {
		for _, no := range orgs {
			for _, m := range a.members[no] {
				if m == id {
					return true
				}
			}
		}
		return false
	}
	nonLeaders, expired := 0, 0
	for _, p := range county.PartyOrgs {
		if p.Form != hezuo.FormBranch && p.Form != hezuo.FormJointBranch {
			continue
		}
		ps := byPO[p.No]
		if ps == nil || len(ps.secretaries) != 1 {
			t.Errorf("%s: want exactly one secretary, got %+v", p.No, ps)
			continue
		}
		sec := ps.secretaries[0]
		full := 0
		for _, no := range p.Orgs {
			n, _ := a.count(no)
			full += n
		}
		switch {
		case a.status[sec] != hezuo.StatusFull:
			t.Errorf("%s: secretary is not a full member", p.No)
		case full > 0 && !memberOf(sec, p.Orgs):
			t.Errorf("%s: secretary is not a member of its orgs", p.No)
		case full == 0 && (len(p.Villages) != 1 || byPO["V"+p.Villages[0]] == nil || byPO["V"+p.Villages[0]].secretaries[0] != sec):
			t.Errorf("%s: no full members, so the village party secretary should lead it", p.No)
		}
		if p.Form == hezuo.FormBranch && (full >= 7) != (len(ps.committee) >= 2 && len(ps.committee) <= 4) {
			t.Errorf("%s: %d full members, committee %d", p.No, full, len(ps.committee))
		}
		if !a.people[sec].IsLeaderOn(seedDay) {
			nonLeaders++
		}
		if p.ElectedOn.Before(p.From) {
			t.Errorf("%s elected before it was founded", p.No)
		}
		if !seedDay.Before(p.ElectedOn.AddDate(p.TermYears, 0, 0)) {
			expired++
		}
	}
	if nonLeaders < 2 || nonLeaders > 3 || expired == 0 || expired > 5 {
		t.Errorf("%d secretaries are not leaders (want 2–3), %d terms expired (want a few)", nonLeaders, expired)
	}
	for _, p := range county.PartyOrgs {
		if p.Form != hezuo.FormPartyGroup {
			continue
		}
		if ps := byPO[p.No]; ps != nil && (len(ps.leaders) != 1 || !memberOf(ps.leaders[0], p.Orgs) || a.status[ps.leaders[0]] != hezuo.StatusFull) {
			t.Errorf("group %s: leader %+v", p.No, ps)
		}
	}
}
