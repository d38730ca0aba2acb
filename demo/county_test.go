package demo

import (
	"reflect"
	"strings"
	"testing"

	"hezuo"
)

var seedDay = hezuo.MustDate("2022-06-08")

// county is built once for the read-only tests.
var county = County(seedDay)

func TestSeedFigures(t *testing.T) {
	want := figures{
		orgs: 168, coops: 69, assocs: 99,
		coopMembers: 11532, assocMembers: 17653, coopParty: 354, assocParty: 409,
		branches: 25, joint: 75, jointVillage: 62, cross: 13, groups: 108,
		instructors: 55, instructorOrgs: 55, developed: 2, activists: 32,
		partyPeople: 763, talents: 538,
	}
	for _, day := range []string{"2022-06-08", "2026-01-01"} {
		t.Run(day, func(t *testing.T) {
			got := compute(county, hezuo.MustDate(day))
			if got.coopHouseholds < 5000 || got.coopHouseholds >= 6000 {
				t.Errorf("cooperatives drive %d households, want 5000+", got.coopHouseholds)
			}
			got.coopHouseholds = 0
			if got != want {
				t.Errorf("figures on %s:\n got %+v\nwant %+v", day, got, want)
			}
		})
	}
}

func TestEarlierDayIsSmaller(t *testing.T) {
	early, seed := compute(county, hezuo.MustDate("2015-01-01")), compute(county, seedDay)
	t.Logf("2015-01-01: %+v", early)
	if early.orgs >= seed.orgs || early.coopMembers >= seed.coopMembers || early.assocMembers >= seed.assocMembers ||
		early.partyPeople >= seed.partyPeople || early.joint >= seed.joint || early.instructors != 0 {
		t.Errorf("figures on 2015-01-01 should be smaller than on the seed day: %+v", early)
	}
	if before := compute(county, hezuo.MustDate("2006-12-31")); before.orgs != 0 || before.coopMembers != 0 {
		t.Errorf("orgs before 2007: %+v", before)
	}
}

func TestDeterministic(t *testing.T) {
	if !reflect.DeepEqual(County(seedDay), County(seedDay)) {
		t.Fatal("two calls gave different datasets")
	}
}

// TestRequiredForms checks every org's required form per the defaults of
// domain-rules.md against what covers it on the seed day.
func TestRequiredForms(t *testing.T) {
	a := index(county, seedDay)
	cats := map[string]int{}
	for no, o := range a.orgs {
		full, prob := a.count(no)
		var branch, joint, group int
		for _, p := range a.covers[no] {
			switch p.Form {
			case hezuo.FormBranch:
				branch++
			case hezuo.FormJointBranch:
				joint++
			case hezuo.FormPartyGroup:
				group++
			default:
				t.Errorf("%s covered by a %s", no, p.Form)
			}
		}
		instructed := len(a.dispatch[no]) > 0
		switch {
		case o.RegisteredAsOf(seedDay) && full >= 3:
			cats["own"]++
			if branch != 1 || joint != 0 || instructed {
				t.Errorf("%s: %d full members, registered: branches %d joint %d instructor %v", no, full, branch, joint, instructed)
			}
		case full+prob > 0 && !instructed:
			cats["joint"]++
			if full > 2 || branch != 0 || joint != 1 || group != 1 {
				t.Errorf("%s: %d full + %d probationary: branches %d joint %d groups %d", no, full, prob, branch, joint, group)
			}
		default:
			cats["instructor"]++
			if branch+joint+group != 0 || len(a.dispatch[no]) != 1 || full != 0 || prob > 1 {
				t.Errorf("%s: %d full + %d probationary, covered by %d, dispatches %d", no, full, prob, branch+joint+group, len(a.dispatch[no]))
			}
			if prob == 1 {
				cats["developed"]++
			}
		}
	}
	if want := map[string]int{"own": 25, "joint": 88, "instructor": 55, "developed": 2}; !reflect.DeepEqual(cats, want) {
		t.Errorf("orgs by form %v, want %v", cats, want)
	}
}

func TestJointBranchesAndGroups(t *testing.T) {
	a := index(county, seedDay)
	groupsIn := map[string]int{}
	for i := range county.PartyOrgs {
		p := &county.PartyOrgs[i]
		switch p.Form {
		case hezuo.FormJointBranch:
			full := 0
			for _, no := range p.Orgs {
				n, _ := a.count(no)
				full += n
			}
			if p.JointKind == hezuo.JointVillageOrg {
				if len(p.Orgs) != 1 || len(p.Villages) != 1 || p.Villages[0] != a.orgs[p.Orgs[0]].Village {
					t.Errorf("%s: village-org joint branch covers %v with %v", p.No, p.Orgs, p.Villages)
				}
				continue
			}
			x, y := a.orgs[p.Orgs[0]], a.orgs[p.Orgs[1]]
			if len(p.Orgs) != 2 || x.Village == y.Village || hezuo.TownshipOf(x.Village) != hezuo.TownshipOf(y.Village) || full < 3 {
				t.Errorf("%s: cross-village joint branch of %v has %d full members", p.No, p.Orgs, full)
			}
		case hezuo.FormPartyGroup:
			parent := a.pos[p.Parent]
			if parent == nil || (parent.Form != hezuo.FormBranch && parent.Form != hezuo.FormJointBranch) ||
				!reflect.DeepEqual(p.Orgs, parent.Orgs) || p.From.Before(parent.From) {
				t.Errorf("group %s in %v", p.No, parent)
				continue
			}
			groupsIn[parent.Form]++
		}
	}
	if groupsIn[hezuo.FormJointBranch] != 75 || groupsIn[hezuo.FormBranch] != 33 {
		t.Errorf("groups in joint branches and branches: %v, want 75 and 33", groupsIn)
	}
}

// managerLevel is the rule of who manages an org, from its villages.
func managerLevel(o *hezuo.Org) string {
	vs := o.AllVillages()
	towns := map[string]bool{}
	for _, v := range vs {
		towns[hezuo.TownshipOf(v)] = true
	}
	switch {
	case len(vs) == 1:
		return hezuo.FormVillage
	case len(towns) == 1:
		return hezuo.FormTownship
	}
	return hezuo.FormDepartment
}

func TestManagers(t *testing.T) {
	a := index(county, seedDay)
	deptParty := map[string]string{}
	for _, d := range county.Departments {
		for _, ind := range d.Industries {
			deptParty[ind] = d.PartyOrg
		}
	}
	levels := map[string]int{}
	for i := range county.PartyOrgs {
		p := &county.PartyOrgs[i]
		if p.Form != hezuo.FormBranch && p.Form != hezuo.FormJointBranch {
			continue
		}
		o := a.orgs[p.Orgs[0]]
		level := managerLevel(o)
		if p.JointKind == hezuo.JointCrossVill {
			level = hezuo.FormTownship // two villages of one township
		}
		m := a.pos[p.Manager]
		ok := m != nil && m.Form == level && p.Parent == p.Manager
		switch {
		case !ok:
		case level == hezuo.FormVillage:
			ok = m.Seat == o.Village
		case level == hezuo.FormTownship:
			ok = m.Seat == hezuo.TownshipOf(o.Village)+"000"
		default:
			ok = deptParty[o.Industry] == m.No
		}
		if !ok {
			t.Errorf("%s (%s, %s) managed by %v, want the %s level", p.No, o.Name, o.Industry, m, level)
		}
		if p.Form == hezuo.FormBranch {
			levels[level]++
		}
	}
	if levels[hezuo.FormVillage] == 0 || levels[hezuo.FormTownship] == 0 || levels[hezuo.FormDepartment] == 0 {
		t.Errorf("own branches by manager level %v: every level should occur", levels)
	}
}

func TestModels(t *testing.T) {
	a := index(county, seedDay)
	byName := map[string]*hezuo.Org{}
	models := 0
	for _, o := range a.orgs {
		byName[o.Name] = o
		if o.Model {
			models++
		}
	}
	if models != 3 {
		t.Errorf("%d model orgs, want 3", models)
	}
	for _, name := range []string{SuifenName, TianqiaolingName, DongxinName} {
		o := byName[name]
		if o == nil || !o.Model || o.ModelNote == "" || len(a.covers[o.OrgNo]) == 0 || a.covers[o.OrgNo][0].Form != hezuo.FormBranch {
			t.Errorf("model %s: %+v", name, o)
		}
	}
	if o := byName[TianqiaolingName]; o == nil || len(o.AllVillages()) < 2 || !strings.Contains(o.ModelNote, "跨村组建") {
		t.Errorf("天桥岭 should span villages (跨村组建): %+v", o)
	}
	suifen := byName[SuifenName]
	found := false
	for _, id := range a.members[suifen.OrgNo] {
		if a.people[id].Name == LiYajin && a.status[id] == hezuo.StatusFull {
			found = true
		}
	}
	if !found || suifen.HouseholdsDriven < 200 {
		t.Errorf("李亚今 should be a full member of 绥芬农机, which drives 200+ households (%d)", suifen.HouseholdsDriven)
	}
}

func BenchmarkCounty(b *testing.B) {
	for b.Loop() {
		County(hezuo.MustDate("2026-12-07"))
	}
}
