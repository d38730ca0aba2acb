package demo

import (
	"fmt"
	"sort"

	"hezuo"
)

// category is the party-organization form an org has on the day.
type category int

const (
	catBranch       category = iota // >= 3 full members, registered: its own branch
	catJointVillage                 // 1–2 full or only probationary: joint branch with its village
	catJointCross                   // 1–2 full: joint branch with an org of another village
	catInstructor                   // no party members (or one brought in): an instructor
)

// span is how far an org reaches, which decides who manages it.
type span int

const (
	spanVillage  span = iota // one village: the village party organization
	spanTownship             // villages of one township: the township committee
	spanCounty               // several townships: the industry's department
)

// orgPlan is an org being built: its record and what the generator aims at.
type orgPlan struct {
	hezuo.Org
	cat       category
	span      span
	town      *town
	villages  []*village
	partner   *orgPlan // the other org of a cross-village joint branch
	developed bool     // an instructor brought in one probationary member
	unreg     bool     // an association never registered
	weight    float64  // relative size

	full, prob, talents, activists, members int
	fullIDs, probIDs                        []int // person indexes
	dispatchFrom                            hezuo.Date
	cover                                   string // PartyOrg.No of its branch or joint branch
}

// split is how many orgs of each kind fall in each category; the columns
// add up to Targets' 25 branches, 62 + 13×2 joint-branch orgs and 55
// instructor orgs.
var split = map[string][4]int{
	hezuo.KindCooperative: {13, 20, 10, 26},
	hezuo.KindAssociation: {12, 42, 16, 29},
}

// spans gives, per category, how many orgs span townships and several
// villages of one township (the rest lie in one village). The three models
// come on top of the branch figures.
var spans = [4][2]int{catBranch: {3, 5}, catJointVillage: {3, 7}, catJointCross: {0, 0}, catInstructor: {1, 5}}

// unregistered associations per category (never among the branch orgs).
var unregistered = [4]int{0, 5, 2, 5}

// planOrgs decides each org's kind, category, place, industry, name and
// dates, and numbers the orgs by founding date within each kind.
func (b *builder) planOrgs() {
	var plans []*orgPlan
	plans = append(plans, b.models()...)
	for cat := catBranch; cat <= catInstructor; cat++ {
		var kinds []string
		for _, k := range []string{hezuo.KindCooperative, hezuo.KindAssociation} {
			n := split[k][cat]
			if cat == catBranch && k == hezuo.KindCooperative {
				n -= 3 // the models
			}
			for i := 0; i < n; i++ {
				kinds = append(kinds, k)
			}
		}
		b.r.Shuffle(len(kinds), func(i, j int) { kinds[i], kinds[j] = kinds[j], kinds[i] })
		if cat == catJointCross {
			plans = append(plans, b.pairs(kinds)...)
			continue
		}
		nc, nt := spans[cat][0], spans[cat][1]
		for i, k := range kinds {
			o := &orgPlan{cat: cat}
			o.Kind = k
			switch {
			case i < nc:
				o.span = spanCounty
			case i < nc+nt:
				o.span = spanTownship
			}
			b.place(o)
			plans = append(plans, o)
		}
	}
	b.markUnregistered(plans)
	b.markDeveloped(plans)
	for _, o := range plans {
		if o.Industry == "" {
			b.industry(o)
		}
		if o.Name == "" {
			o.Name = b.orgName(o)
		}
		b.names[o.Name] = true
		b.dates(o)
	}
	b.number(plans)
}

// pairs places the cross-village joint-branch orgs: two orgs in different
// villages of one township each.
func (b *builder) pairs(kinds []string) []*orgPlan {
	var out []*orgPlan
	for i := 0; i+1 < len(kinds); i += 2 {
		t := b.townByWeight()
		vs := b.distinctVillages(t, 2)
		x := &orgPlan{cat: catJointCross, town: t, villages: vs[:1]}
		y := &orgPlan{cat: catJointCross, town: t, villages: vs[1:]}
		x.Kind, y.Kind, x.partner, y.partner = kinds[i], kinds[i+1], y, x
		out = append(out, x, y)
	}
	return out
}

// place chooses the org's township and villages for its span.
func (b *builder) place(o *orgPlan) {
	t := b.townByWeight()
	o.town = t
	switch o.span {
	case spanVillage:
		o.villages = b.distinctVillages(t, 1)
	case spanTownship:
		o.villages = b.distinctVillages(t, 2+b.r.IntN(3))
	case spanCounty:
		o.villages = b.distinctVillages(t, 1+b.r.IntN(2))
		others := b.r.Perm(len(b.towns))
		added := 0
		for _, k := range others {
			if u := b.towns[k]; u != t && added < 1+b.r.IntN(2) {
				o.villages = append(o.villages, b.distinctVillages(u, 1+b.r.IntN(2))...)
				added++
			}
		}
	}
}

// townByWeight picks a township, weighted by its number of villages.
func (b *builder) townByWeight() *town {
	n := 0
	for _, t := range b.towns {
		n += len(t.villages)
	}
	k := b.r.IntN(n)
	for _, t := range b.towns {
		if k < len(t.villages) {
			return t
		}
		k -= len(t.villages)
	}
	return b.towns[len(b.towns)-1]
}

func (b *builder) distinctVillages(t *town, n int) []*village {
	perm := b.r.Perm(len(t.villages))
	out := make([]*village, n)
	for i := range out {
		out[i] = t.villages[perm[i]]
	}
	return out
}

// markUnregistered leaves some associations outside the branch category
// unregistered.
func (b *builder) markUnregistered(plans []*orgPlan) {
	for cat := catJointVillage; cat <= catInstructor; cat++ {
		var assocs []*orgPlan
		for _, o := range plans {
			if o.cat == cat && o.Kind == hezuo.KindAssociation {
				assocs = append(assocs, o)
			}
		}
		for _, k := range b.r.Perm(len(assocs))[:unregistered[cat]] {
			assocs[k].unreg = true
		}
	}
}

// markDeveloped picks one cooperative and one association among the
// instructor orgs whose instructor brought in a member.
func (b *builder) markDeveloped(plans []*orgPlan) {
	for _, k := range []string{hezuo.KindCooperative, hezuo.KindAssociation} {
		var cands []*orgPlan
		for _, o := range plans {
			if o.cat == catInstructor && o.Kind == k && o.span == spanVillage {
				cands = append(cands, o)
			}
		}
		cands[b.r.IntN(len(cands))].developed = true
	}
}

// industry picks the org's industry; orgs spanning villages get only
// industries a department answers for.
func (b *builder) industry(o *orgPlan) {
	list := coopIndustries
	if o.Kind == hezuo.KindAssociation {
		list = assocIndustries
	}
	for {
		o.Industry = b.pick(list)
		if o.span == spanVillage || !unmappedIndustries[o.Industry] {
			return
		}
	}
}

// dates sets founding and registration: branch orgs are older, instructor
// orgs founded at least half a year before their dispatch.
func (b *builder) dates(o *orgPlan) {
	if !o.Founded.IsZero() {
		return
	}
	lo := hezuo.MustDate("2007-03-01")
	if o.Kind == hezuo.KindCooperative {
		lo = hezuo.MustDate("2007-08-01") // the cooperatives law is in force from 2007-07-01
	}
	hi := map[category]hezuo.Date{catBranch: hezuo.MustDate("2013-12-31"), catJointVillage: hezuo.MustDate("2020-06-30"),
		catJointCross: hezuo.MustDate("2020-06-30"), catInstructor: hezuo.MustDate("2018-06-30")}[o.cat]
	o.Founded = b.between(lo, hi)
	if o.unreg {
		return
	}
	if o.Kind == hezuo.KindCooperative {
		o.RegisteredOn = o.Founded.AddDays(b.r.IntN(45))
	} else {
		o.RegisteredOn = o.Founded.AddDays(10 + b.r.IntN(80))
	}
}

// number gives org numbers by founding date within each kind (cooperatives
// WQ-HZ-001…, associations WQ-XH-001…) and keeps the plans in that order.
func (b *builder) number(plans []*orgPlan) {
	for _, k := range []string{hezuo.KindCooperative, hezuo.KindAssociation} {
		var list []*orgPlan
		for _, o := range plans {
			if o.Kind == k {
				list = append(list, o)
			}
		}
		sort.SliceStable(list, func(i, j int) bool { return list[i].Founded.Before(list[j].Founded) })
		prefix := map[string]string{hezuo.KindCooperative: "WQ-HZ-", hezuo.KindAssociation: "WQ-XH-"}[k]
		for i, o := range list {
			o.OrgNo = fmt.Sprintf("%s%03d", prefix, i+1)
			o.Village = o.villages[0].code
			for _, v := range o.villages {
				o.Villages = append(o.Villages, v.code)
			}
			o.town.orgs = append(o.town.orgs, o)
			b.orgs = append(b.orgs, o)
		}
	}
}

// orgRecords returns the org records in number order.
func (b *builder) orgRecords() []hezuo.Org {
	out := make([]hezuo.Org, len(b.orgs))
	for i, o := range b.orgs {
		out[i] = o.Org
		out[i].Villages = append([]string(nil), o.Villages...)
	}
	return out
}
