package demo

import (
	"hezuo"
)

var (
	commitments = []string{"带动 5 户农户发展产业", "为社员提供技术服务 10 次以上", "帮扶 1 户困难户增收", "带头执行合作社标准化生产",
		"参加远程教育培训不少于 6 次", "协助村党组织开展志愿服务", "带头推广新品种新技术"}
	evidence   = []string{"帮扶户收入台账", "技术服务记录", "培训签到表", "合作社生产记录", "村党组织证明", "走访记录和照片"}
	visitNotes = []string{"了解生产情况", "宣传惠农政策", "提供技术指导", "帮助联系销路", "了解困难诉求"}
)

// contacts links each full member of an org with a party organization to
// a household of their village (党员联系户), from 2019–2021, and records
// the visits of the last year, about once a quarter; a few members stopped
// visiting after January.
func (b *builder) contacts(ps *platformSet) {
	members := b.partyMembers("", catBranch, catJointVillage, catJointCross)
	stopped := map[int]bool{}
	for _, k := range b.r.Perm(len(members))[:lapsedVisits] {
		stopped[members[k]] = true
	}
	for _, p := range members {
		from := b.between(later(ps.since(p).AddDays(1), hezuo.MustDate("2019-01-01")), hezuo.MustDate("2021-06-30"))
		if from.After(hezuo.MustDate("2021-06-30")) {
			continue // a member only since this spring
		}
		poverty := hezuo.PovertyNone
		if b.chance(0.1) {
			poverty = hezuo.PovertyLowIncome
		}
		h := b.newHousehold(ps, b.people[p].Village, 2+b.r.IntN(4), poverty)
		id, no := b.people[p].IDNumber, h.No
		ps.ds.ContactLinks = append(ps.ds.ContactLinks, hezuo.ContactLink{IDNumber: id, Household: no, Period: hezuo.Period{From: from}})
		for v := from.AddDays(55 + b.r.IntN(26)); !v.After(lifeTo); v = v.AddDays(55 + b.r.IntN(26)) {
			if v.Before(lifeFrom) || (stopped[p] && v.After(hezuo.MustDate("2022-01-31"))) {
				continue
			}
			ps.ds.ContactVisits = append(ps.ds.ContactVisits, hezuo.ContactVisit{IDNumber: id, Household: no, VisitedOn: v,
				Note: visitNotes[b.r.IntN(len(visitNotes))]})
		}
	}
}

// commitments records every party member's commitment for 2021 (assessed
// that winter) and 2022 in the party organization covering their org; a
// few 2022 commitments are missing and a few 2021 ones unassessed.
func (b *builder) commitments(ps *platformSet) {
	var members []int
	for _, o := range b.orgs {
		if o.cover != "" {
			members = append(members, o.fullIDs...)
			members = append(members, o.probIDs...)
		}
	}
	perm := b.r.Perm(len(members))
	missing, open := map[int]bool{}, map[int]bool{}
	for i, k := range perm[:missingCommitments+unassessed] {
		if i < missingCommitments {
			missing[members[k]] = true
		} else {
			open[members[k]] = true
		}
	}
	for _, p := range members {
		po, since := b.orgOf(p).cover, ps.since(p)
		add := func(year int, lo, hi hezuo.Date) *hezuo.Commitment {
			if !since.Before(lo) {
				lo = since.AddDays(1)
			}
			if lo.After(hi) {
				return nil
			}
			ps.ds.Commitments = append(ps.ds.Commitments, hezuo.Commitment{IDNumber: b.people[p].IDNumber, Year: year,
				PartyOrg: po, MadeOn: b.between(lo, hi), Content: commitments[b.r.IntN(len(commitments))]})
			return &ps.ds.Commitments[len(ps.ds.Commitments)-1]
		}
		if c := add(2021, hezuo.MustDate("2021-01-10"), hezuo.MustDate("2021-03-25")); c != nil && !open[p] {
			c.FulfilledOn = b.between(hezuo.MustDate("2021-12-10"), hezuo.MustDate("2022-01-25"))
			c.Result, c.Evidence = hezuo.FulfilledAll, evidence[b.r.IntN(len(evidence))]
			if b.chance(0.08) {
				c.Result = hezuo.FulfilledPart
			}
		}
		if !missing[p] {
			add(2022, hezuo.MustDate("2022-01-10"), earlier(later(hezuo.MustDate("2022-03-25"), since.AddDays(5)), lastDay))
		}
	}
}
