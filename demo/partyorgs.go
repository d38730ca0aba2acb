package demo

import (
	"fmt"
	"sort"

	"hezuo"
)

// Branch and joint-branch terms (中办 2018 opinion on base-organization terms).
const branchTerm = 3

// Irregularities the demo keeps on purpose, so that the check has warnings
// to show: secretaries who are neither 致富能手 nor 技术骨干, and terms that
// ran out without an election.
const (
	nonLeaderBranches, nonLeaderJoints = 2, 1
	expiredBranches, expiredJoints     = 2, 2
)

var groupOrdinals = []string{"第一", "第二", "第三", "第四"}

// built is a party organization being built in or for orgs, with its
// officers' people.
type built struct {
	po        hezuo.PartyOrg
	secretary int
	committee []int
	orgs      []*orgPlan
}

// partyOrgs builds the own branches, the joint branches and the party
// groups inside them, with their secretaries, committees and group leaders.
func (b *builder) partyOrgs() {
	var branches, joints []*built
	for _, o := range b.orgs {
		switch {
		case o.cat == catBranch:
			branches = append(branches, b.branch(o))
		case o.cat == catJointVillage:
			joints = append(joints, b.jointVillage(o))
		case o.cat == catJointCross && o.cover == "":
			joints = append(joints, b.jointCross(o, o.partner))
		}
	}
	nonLeader := map[int]bool{} // person indexes; lookup only
	b.irregular(branches, nonLeaderBranches, expiredBranches, nonLeader)
	b.irregular(joints, nonLeaderJoints, expiredJoints, nonLeader)
	all := append(append([]*built(nil), branches...), joints...)
	for _, x := range all {
		b.pos = append(b.pos, x.po)
		b.officer(x.po, x.secretary, hezuo.RoleSecretary, x.po.ElectedOn)
		for _, c := range x.committee {
			b.officer(x.po, c, hezuo.RoleCommittee, x.po.ElectedOn)
		}
		if !nonLeader[x.secretary] && b.people[x.secretary].LeaderSince.IsZero() {
			b.makeLeader(x.secretary, x.po.ElectedOn)
		}
		for _, o := range x.orgs {
			for _, p := range o.fullIDs {
				if !nonLeader[p] && p != x.secretary && b.people[p].LeaderSince.IsZero() && b.chance(0.2) {
					b.makeLeader(p, lastDay)
				}
			}
		}
	}
	for _, x := range joints {
		b.group(x, 0, x.po.Orgs)
	}
	b.branchGroups(branches)
}

// manager returns the party organization that manages o: its village's,
// its township's, or its industry's department's.
func (b *builder) manager(o *orgPlan) string {
	switch o.span {
	case spanVillage:
		return o.villages[0].po
	case spanTownship:
		return o.town.po
	}
	no, ok := b.deptOf[o.Industry]
	if !ok {
		panic("demo: no department for " + o.Industry)
	}
	return no
}

// lastElection returns the last election on or before day of an
// organization founded (and first elected) on from, with terms of years.
func lastElection(from hezuo.Date, years int, day hezuo.Date) hezuo.Date {
	e := from
	for !e.AddDate(years, 0, 0).After(day) {
		e = e.AddDate(years, 0, 0)
	}
	return e
}

// branch builds o's own branch; its first full member is the secretary and,
// with seven or more full members, two to four others form the committee.
func (b *builder) branch(o *orgPlan) *built {
	from := b.between(later(o.Founded.AddDate(1, 0, 0), hezuo.MustDate("2009-01-01")),
		earlier(o.Founded.AddDate(5, 0, 0), hezuo.MustDate("2020-12-31")))
	method := hezuo.FoundingMethods[b.r.IntN(len(hezuo.FoundingMethods))]
	switch o.Name {
	case SuifenName:
		method = "党员或经济能人带头建"
	case TianqiaolingName, DongxinName:
		method = "支部领着建"
	}
	mgr := b.manager(o)
	x := &built{secretary: o.fullIDs[0], orgs: []*orgPlan{o}}
	x.po = hezuo.PartyOrg{No: "B-" + o.OrgNo, Name: o.Name + "党支部", Form: hezuo.FormBranch, Seat: o.Village,
		Parent: mgr, Manager: mgr, FoundingMethod: method, TermYears: branchTerm,
		ElectedOn: lastElection(from, branchTerm, b.t.Day), Orgs: []string{o.OrgNo}, Period: hezuo.Period{From: from}}
	if o.full >= 7 {
		x.committee = o.fullIDs[1 : 1+min(2+b.r.IntN(3), o.full-1)]
	}
	o.cover = x.po.No
	return x
}

// jointVillage builds o's joint branch with its home village (村会联合). Its
// secretary is o's first full member, or the village's party secretary
// when o has probationary members only.
func (b *builder) jointVillage(o *orgPlan) *built {
	t := o.town
	t.joints++
	from := b.between(later(o.Founded.AddDays(180), hezuo.MustDate("2010-01-01")), hezuo.MustDate("2021-12-31"))
	mgr := b.manager(o)
	x := &built{orgs: []*orgPlan{o}}
	if o.full > 0 {
		x.secretary = o.fullIDs[0]
	} else {
		x.secretary = b.seatSecretaries[o.villages[0].po]
	}
	x.po = hezuo.PartyOrg{No: fmt.Sprintf("J%s-%02d", t.code, t.joints), Name: o.Name + "村会联合党支部",
		Form: hezuo.FormJointBranch, JointKind: hezuo.JointVillageOrg, Seat: o.Village, Parent: mgr, Manager: mgr,
		FoundingMethod: "支部领着建", TermYears: branchTerm, ElectedOn: lastElection(from, branchTerm, b.t.Day),
		Orgs: []string{o.OrgNo}, Villages: []string{o.Village}, Period: hezuo.Period{From: from}}
	o.cover = x.po.No
	return x
}

// jointCross builds the joint branch of two orgs in different villages of
// one township (跨村组建), managed by the township committee.
func (b *builder) jointCross(x1, x2 *orgPlan) *built {
	t := x1.town
	t.joints++
	from := b.between(later(later(x1.Founded, x2.Founded).AddDays(180), hezuo.MustDate("2010-01-01")),
		hezuo.MustDate("2021-12-31"))
	lead := x1
	if x2.full > x1.full {
		lead = x2
	}
	name := t.name + short(x1.villages[0].name) + short(x2.villages[0].name) + "跨村联合党支部"
	for b.names[name] {
		name += "（二）"
	}
	b.names[name] = true
	x := &built{secretary: lead.fullIDs[0], orgs: []*orgPlan{x1, x2}}
	x.po = hezuo.PartyOrg{No: fmt.Sprintf("J%s-%02d", t.code, t.joints), Name: name,
		Form: hezuo.FormJointBranch, JointKind: hezuo.JointCrossVill, Seat: t.code + "000", Parent: t.po, Manager: t.po,
		FoundingMethod: "支部领着建", TermYears: branchTerm, ElectedOn: lastElection(from, branchTerm, b.t.Day),
		Orgs: []string{x1.OrgNo, x2.OrgNo}, Period: hezuo.Period{From: from}}
	x1.cover, x2.cover = x.po.No, x.po.No
	return x
}

// irregular picks, among xs, secretaries who are not leaders and
// organizations whose term has run out (elected one term earlier).
func (b *builder) irregular(xs []*built, nonLeaders, expired int, nonLeader map[int]bool) {
	var cands []*built
	for _, x := range xs {
		if !x.orgs[0].Model && b.info[x.secretary].kind == kindParty && x.po.From.AddDate(branchTerm, 0, 0).Before(b.t.Day) {
			cands = append(cands, x)
		}
	}
	perm := b.r.Perm(len(cands))
	for i, k := range perm[:nonLeaders+expired] {
		x := cands[k]
		if i < nonLeaders {
			nonLeader[x.secretary] = true
		} else {
			x.po.ElectedOn = x.po.ElectedOn.AddDate(-branchTerm, 0, 0)
		}
	}
}

// officer records p's post in po from the given day.
func (b *builder) officer(po hezuo.PartyOrg, p int, role string, from hezuo.Date) {
	b.officers = append(b.officers, hezuo.Officer{PartyOrg: po.No, IDNumber: b.people[p].IDNumber, Role: role,
		Period: hezuo.Period{From: from}})
}

// branchGroups splits the largest branches into three party groups each
// until the groups add up to Targets.PartyGroups.
func (b *builder) branchGroups(branches []*built) {
	need := b.t.PartyGroups - b.t.JointVillageOrg - b.t.JointCrossVillage
	sorted := append([]*built(nil), branches...)
	sort.SliceStable(sorted, func(i, j int) bool { return sorted[i].orgs[0].full > sorted[j].orgs[0].full })
	for _, x := range sorted {
		if need <= 0 {
			break
		}
		n := min(3, need)
		if need-n == 1 {
			n = 2
		}
		for i := 0; i < n; i++ {
			b.group(x, i, x.po.Orgs)
		}
		need -= n
	}
}

// group builds the i-th party group inside x, covering orgs; its leader is
// a full member (taken from the end of the list, so not the secretary when
// there is a choice). Groups of orgs without full members have no leader.
func (b *builder) group(x *built, i int, orgs []string) {
	from := b.between(x.po.From, earlier(x.po.From.AddDate(3, 0, 0), lastDay))
	name := x.orgs[0].Name + groupOrdinals[i] + "党小组"
	if x.po.Form == hezuo.FormJointBranch {
		from = x.po.From
		name = x.po.Name + "产业党小组"
	}
	g := hezuo.PartyOrg{No: fmt.Sprintf("%s-G%d", x.po.No, i+1), Name: name, Form: hezuo.FormPartyGroup, Seat: x.po.Seat,
		Parent: x.po.No, Manager: x.po.No, Orgs: append([]string(nil), orgs...), Period: hezuo.Period{From: from}}
	b.pos = append(b.pos, g)
	var full []int
	for _, o := range x.orgs {
		full = append(full, o.fullIDs...)
	}
	if len(full) > 0 {
		b.officer(g, full[len(full)-1-i%len(full)], hezuo.RoleLeader, from)
	}
}
