package demo

import (
	"strings"

	"hezuo"
)

var _ = seedSteps.add(30, (*builder).householdPairings)

// helps are what a party member gives a paired household (the seed: 转变思想
// 观念，提供致富信息、实用技术、生产发展资金，落实发展项目).
var helps = []string{"帮助转变思想观念", "提供致富信息", "传授实用技术", "协调生产发展资金", "落实发展项目", "吸纳入社务工"}

// householdPairings pairs cooperative party members with the seed's 165
// households (结对帮扶): most were registered poor households (建档立卡) that
// left poverty by the end of 2020, 620 people in all; the rest are
// low-income households paired since 2021 and still helped.
func (b *builder) householdPairings(ps *platformSet) {
	var pairers []int
	for _, p := range b.partyMembers(hezuo.KindCooperative, catBranch, catJointVillage, catJointCross) {
		if ps.since(p).Before(hezuo.MustDate("2019-06-30")) {
			pairers = append(pairers, p)
		}
	}
	perm := b.r.Perm(len(pairers))
	const distinct, lowIncome = 120, 15
	out := ps.t.HouseholdsPaired - lowIncome
	weights, mins := make([]float64, out), make([]int, out)
	for i := range weights {
		weights[i], mins[i] = 0.4+b.r.Float64(), 2
	}
	sizes := apportion(ps.t.PeopleOutOfPoverty, weights, mins)
	for i := 0; i < ps.t.HouseholdsPaired; i++ {
		p := pairers[perm[i%distinct]]
		person := &b.people[p]
		hp := hezuo.HouseholdPairing{IDNumber: person.IDNumber, OrgNo: b.orgOf(p).OrgNo, Help: b.help()}
		if i < out {
			h := b.newHousehold(ps, person.Village, sizes[i], hezuo.PovertyRegistered)
			hp.From = b.between(later(ps.since(p), campaignFrom), hezuo.MustDate("2019-12-31"))
			h.LeftPovertyOn = b.between(hp.From.AddDays(180), hezuo.MustDate("2020-12-31"))
			h.PeopleOut = h.Size
			if b.chance(0.5) {
				hp.To = earlier(h.LeftPovertyOn.AddDate(1+b.r.IntN(2), 0, 0), lastDay)
			}
			hp.Household = h.No
		} else {
			h := b.newHousehold(ps, person.Village, 2+b.r.IntN(4), hezuo.PovertyLowIncome)
			hp.From = b.between(later(ps.since(p), hezuo.MustDate("2021-01-15")), hezuo.MustDate("2022-04-30"))
			hp.Household = h.No
		}
		ps.ds.HouseholdPairings = append(ps.ds.HouseholdPairings, hp)
	}
}

// help picks one to three kinds of help.
func (b *builder) help() string {
	n := 1 + b.r.IntN(3)
	perm := b.r.Perm(len(helps))
	parts := make([]string, n)
	for i := range parts {
		parts[i] = helps[perm[i]]
	}
	return strings.Join(parts, "、")
}
