package demo

import "hezuo"

// PlatformTargets are the seed county's platform figures (mission.md, the
// seed table): 包村联户, 结对帮扶, 党员农贷 and training. Money is in fen.
type PlatformTargets struct {
	Units               int   // units with a 包村联户 pairing
	OrgsAssisted        int   // orgs they assist
	HouseholdsPaired    int   // households paired with party members (结对帮扶)
	PeopleOutOfPoverty  int   // people in them lifted out of poverty
	LoansFen            int64 // party-member loans disbursed (党员农贷), 2275万元
	CooperativeLoansFen int64 // of which for cooperative organizations' development, "1100余万元"
	PlantLoanFen        int64 // 李亚今's loan that built the processing plant
	PlantHouseholds     int   // households the plant drives, "200多个农户"
	Trainings           int   // training sessions (培训班)
	Attendances         int   // member attendances, "12000余人"
}

// SeedPlatformTargets returns the platform figures of the seed article.
func SeedPlatformTargets() PlatformTargets {
	return PlatformTargets{
		Units: 101, OrgsAssisted: 80, HouseholdsPaired: 165, PeopleOutOfPoverty: 620,
		LoansFen: 22_750_000_00, CooperativeLoansFen: 11_360_000_00, PlantLoanFen: 1_000_000_00, PlantHouseholds: 216,
		Trainings: 130, Attendances: 12_306,
	}
}

// platformSet is the platforms' records of the demo county and the indexes
// the generator needs to make them.
type platformSet struct {
	t  PlatformTargets
	ds hezuo.Dataset // the platforms' records, then County's result (addRegistry)

	person    map[string]int      // ID number → person index
	partyFrom map[int]hezuo.Date  // person index → probationary since
	joined    map[int]hezuo.Date  // party member → start of their (only) membership
	members   map[string][]member // org number → every membership
	unitOf    map[string]string   // department code → unit code
	townUnit  map[string]string   // township code → its government's unit code
	countyU   []string            // county unit codes
	household int                 // households numbered so far
	los       []*lifeOrg          // the party organizations whose life is recorded
}

// member is one membership of an org, for picking training attendees.
type member struct {
	p        int
	from, to hezuo.Date
	org      string
}

// platforms makes the platforms' records from the registry built so far,
// by the registered steps (seedSteps). It runs last, so it changes no
// record made before it.
func (b *builder) platforms() *platformSet {
	ps := &platformSet{t: SeedPlatformTargets(), person: map[string]int{}, partyFrom: map[int]hezuo.Date{},
		joined: map[int]hezuo.Date{}, members: map[string][]member{}, unitOf: map[string]string{}, townUnit: map[string]string{}}
	for i := range b.people {
		ps.person[b.people[i].IDNumber] = i
	}
	for _, s := range b.statuses {
		if s.Status == hezuo.StatusProbationary {
			ps.partyFrom[ps.person[s.IDNumber]] = s.From
		}
	}
	for _, m := range b.ms {
		p := ps.person[m.IDNumber]
		ps.members[m.OrgNo] = append(ps.members[m.OrgNo], member{p, m.From, m.To, m.OrgNo})
		if _, ok := ps.partyFrom[p]; ok {
			ps.joined[p] = m.From
		}
	}
	for _, step := range seedSteps.inOrder() {
		step(b, ps)
	}
	return ps
}

// since returns the day party member p could first act as one in their
// org: the later of joining the party and joining the org.
func (ps *platformSet) since(p int) hezuo.Date { return later(ps.partyFrom[p], ps.joined[p]) }

// partyMembers returns the full members of the given categories' orgs of
// the given kind ("" for any), in org order.
func (b *builder) partyMembers(kind string, cats ...category) []int {
	var out []int
	for _, o := range b.orgs {
		if kind != "" && o.Kind != kind {
			continue
		}
		for _, c := range cats {
			if o.cat == c {
				out = append(out, o.fullIDs...)
			}
		}
	}
	return out
}

// orgOf returns the (only) org of a party member or talent.
func (b *builder) orgOf(p int) *orgPlan { return b.info[p].orgs[0] }

// newHousehold makes a farm household in village v.
func (b *builder) newHousehold(ps *platformSet, v string, size int, poverty string) *hezuo.Household {
	ps.household++
	ps.ds.Households = append(ps.ds.Households, hezuo.Household{No: "WQ-H" + itoa5(ps.household), Head: b.personName(b.chance(0.8)),
		Village: v, Size: size, Poverty: poverty})
	return &ps.ds.Households[len(ps.ds.Households)-1]
}

func itoa5(n int) string {
	s := []byte("00000")
	for i := 4; i >= 0 && n > 0; i-- {
		s[i] = byte('0' + n%10)
		n /= 10
	}
	return string(s)
}
