package demo

import (
	"math"

	"hezuo"
)

// Design figures of the demo that the seed does not give.
const (
	onlyProbationaryOrgs = 5  // joint-branch orgs with probationary members only
	activistOrgs         = 20 // instructor orgs among which the activists are found
	minBranchParty       = 4  // party members of the smallest own-branch org
)

// sizeFactor makes orgs with their own branch larger and instructor orgs
// smaller than the rest.
var sizeFactor = [4]float64{catBranch: 2.2, catJointVillage: 1.0, catJointCross: 0.9, catInstructor: 0.55}

// sizeOrgs decides, per org, the number of full and probationary party
// members, technical talents, activists and members, so that the sums per
// kind are the targets exactly.
func (b *builder) sizeOrgs() {
	for _, o := range b.orgs {
		o.weight = math.Exp(0.9*b.r.NormFloat64()) * sizeFactor[o.cat]
		if o.Model {
			o.weight *= 2
		}
	}
	b.smallParty()
	b.branchParty(hezuo.KindCooperative, b.t.CooperativePartyMembers)
	b.branchParty(hezuo.KindAssociation, b.t.AssociationPartyMembers)

	weights := make([]float64, len(b.orgs))
	for i, o := range b.orgs {
		weights[i] = o.weight
	}
	for i, n := range apportion(b.t.TechnicalTalents, weights, make([]int, len(b.orgs))) {
		b.orgs[i].talents = n
	}
	var inst []*orgPlan
	for _, o := range b.orgs {
		if o.cat == catInstructor {
			inst = append(inst, o)
		}
	}
	chosen := b.r.Perm(len(inst))[:activistOrgs]
	ones := make([]float64, activistOrgs)
	mins := make([]int, activistOrgs)
	for i := range ones {
		ones[i], mins[i] = 0.5+b.r.Float64(), 1
	}
	for i, n := range apportion(b.t.Activists, ones, mins) {
		inst[chosen[i]].activists = n
	}
	b.memberCounts(hezuo.KindCooperative, b.t.CooperativeMembers)
	b.memberCounts(hezuo.KindAssociation, b.t.AssociationMembers)
}

// smallParty sets the party members of joint-branch and instructor orgs:
// one or two full members (a few with probationary members only); in a
// cross-village pair at least three full members together; one
// probationary member in each org whose instructor developed one.
func (b *builder) smallParty() {
	var villageOrgs []*orgPlan
	for _, o := range b.orgs {
		switch o.cat {
		case catJointVillage:
			villageOrgs = append(villageOrgs, o)
			o.full = 1 + b.r.IntN(2)
			if b.chance(0.25) {
				o.prob = 1
			}
		case catJointCross:
			if o.full != 0 {
				continue // set with its partner
			}
			pattern := [3][2]int{{2, 1}, {1, 2}, {2, 2}}[b.r.IntN(3)]
			o.full, o.partner.full = pattern[0], pattern[1]
			for _, x := range []*orgPlan{o, o.partner} {
				if b.chance(0.2) {
					x.prob = 1
				}
			}
		case catInstructor:
			if o.developed {
				o.prob = 1
			}
		}
	}
	for _, k := range b.r.Perm(len(villageOrgs))[:onlyProbationaryOrgs] {
		villageOrgs[k].full, villageOrgs[k].prob = 0, 1+b.r.IntN(2)
	}
}

// branchParty shares what is left of a kind's party members among its
// own-branch orgs: each gets at least three full members.
func (b *builder) branchParty(kind string, total int) {
	var list []*orgPlan
	var weights []float64
	var mins []int
	for _, o := range b.orgs {
		if o.Kind != kind {
			continue
		}
		if o.cat != catBranch {
			total -= o.full + o.prob
			continue
		}
		w := 0.6 + b.r.Float64()
		if o.Model {
			w = 1.6
		}
		list, weights, mins = append(list, o), append(weights, w), append(mins, minBranchParty)
	}
	for i, n := range apportion(total, weights, mins) {
		o := list[i]
		o.prob = min(b.r.IntN(3), n-3)
		o.full = n - o.prob
	}
}

// memberCounts shares a kind's members among its orgs: each org holds its
// party members, talents and activists, plus ordinary members (at least
// three, and at least five members in all), the rest by size.
func (b *builder) memberCounts(kind string, total int) {
	var list []*orgPlan
	var weights []float64
	var mins []int
	for _, o := range b.orgs {
		if o.Kind != kind {
			continue
		}
		reserved := o.reserved()
		total -= reserved
		list, weights, mins = append(list, o), append(weights, o.weight), append(mins, max(3, 5-reserved))
	}
	for i, n := range apportion(total, weights, mins) {
		list[i].members = list[i].reserved() + n
	}
}

// reserved counts the org's members who are not ordinary members.
func (o *orgPlan) reserved() int { return o.full + o.prob + o.talents + o.activists }
