package demo

import (
	"fmt"

	"hezuo"
	"hezuo/rules"
)

var _ = seedSteps.add(60, (*builder).orgLife)

// The demo keeps a year of organizational life, June 2021 to May 2022,
// with the yearly meetings of the winter before too.
var (
	lifeFrom = hezuo.MustDate("2021-06-01")
	lifeTo   = hezuo.MustDate("2022-05-31")
)

// Lapses the demo keeps on purpose so that the overdue list has something
// to show: theme days, members' meetings, group meetings and joint meetings
// that stopped, organizational-life meetings not held last winter, visits
// not made, commitments not made or not assessed.
const (
	lapsedThemeDays, lapsedMembersMeetings, lapsedGroups, lapsedJoint, lapsedLife = 6, 3, 3, 2, 2
	lapsedVisits, missingCommitments, unassessed                                  = 8, 5, 3
)

var meetingTopics = map[string][]string{
	hezuo.MeetingMembers:   {"学习传达上级会议精神，讨论合作社年度发展计划", "研究发展党员工作", "讨论党员农贷申请推荐", "通报党费收缴和党务公开情况"},
	hezuo.MeetingCommittee: {"研究本月党建工作安排", "研究入党积极分子培养考察", "研究帮扶农户工作"},
	hezuo.MeetingGroup:     {"学习党章党规", "交流生产经验", "讨论联系户走访情况"},
	hezuo.MeetingLecture:   {"书记讲党课：发挥党员在合作社中的先锋模范作用", "党课：学习贯彻党的二十大精神", "党课：乡村振兴与农民合作"},
	hezuo.MeetingThemeDay:  {"主题党日：重温入党誓词", "主题党日：志愿服务进农户", "主题党日：技术服务下田间", "主题党日：学习先进典型"},
	hezuo.MeetingLife:      {"年度组织生活会：对照检查、批评与自我批评"},
	hezuo.MeetingAppraisal: {"民主评议党员"},
	hezuo.MeetingJoint:     {"联席会议：协调土地流转和基础设施", "联席会议：研究产业发展项目", "联席会议：共商帮扶农户措施"},
}

var decisions = []string{"形成会议纪要，分工落实", "确定由合作社牵头、村党组织配合实施", "报乡镇党委备案", "下次会议通报落实情况"}

// lifeOrg is a party organization whose life the demo records.
type lifeOrg struct {
	po            hezuo.PartyOrg
	orgs          []*orgPlan
	members       []int // party members (full and probationary) of its orgs
	kinds         []string
	skip          map[string]hezuo.Date // kind → no meetings of it from this day
	group, groups int                   // a party group's place among its branch's groups
}

// orgLife makes the meetings of every party organization built in the
// orgs, with attendance; each full member's linked household and visits;
// and every member's commitments for 2021 and 2022.
func (b *builder) orgLife(ps *platformSet) {
	byNo := map[string]*orgPlan{}
	for _, o := range b.orgs {
		byNo[o.OrgNo] = o
	}
	committees := map[string]bool{}
	for _, o := range b.officers {
		if o.Role == hezuo.RoleCommittee {
			committees[o.PartyOrg] = true
		}
	}
	var los []*lifeOrg
	groups := map[string]int{} // branch → its party groups
	for _, p := range b.pos {
		if !hezuo.BuiltInOrgs(p.Form) {
			continue
		}
		lo := &lifeOrg{po: p, skip: map[string]hezuo.Date{}}
		for _, no := range p.Orgs {
			o := byNo[no]
			lo.orgs = append(lo.orgs, o)
			lo.members = append(lo.members, o.fullIDs...)
			lo.members = append(lo.members, o.probIDs...)
		}
		lo.kinds = rules.ExpectedMeetings(p.Form, p.JointKind, committees[p.No])
		lo.group, lo.groups = 0, 1
		if p.Form == hezuo.FormPartyGroup {
			lo.group, lo.groups = groups[p.Parent], groups[p.Parent]+1
			groups[p.Parent]++
		}
		los = append(los, lo)
	}
	for _, lo := range los {
		if lo.po.Form == hezuo.FormPartyGroup {
			lo.groups = groups[lo.po.Parent]
		}
	}
	b.lapse(los, hezuo.MeetingThemeDay, lapsedThemeDays, hezuo.MustDate("2022-04-01"))
	b.lapse(los, hezuo.MeetingMembers, lapsedMembersMeetings, hezuo.MustDate("2022-02-01"))
	b.lapse(los, hezuo.MeetingGroup, lapsedGroups, hezuo.MustDate("2022-03-01"))
	b.lapse(los, hezuo.MeetingJoint, lapsedJoint, hezuo.MustDate("2022-02-01"))
	b.lapse(los, hezuo.MeetingLife, lapsedLife, hezuo.MustDate("2021-06-01"))
	for _, lo := range los {
		b.meetings(ps, lo)
	}
	ps.los = los
	b.contacts(ps)
	b.commitments(ps)
}

// lapse stops n organizations' meetings of kind from the given day.
func (b *builder) lapse(los []*lifeOrg, kind string, n int, from hezuo.Date) {
	var cands []*lifeOrg
	for _, lo := range los {
		for _, k := range lo.kinds {
			if k == kind && lo.po.From.Before(hezuo.MustDate("2020-01-01")) && len(lo.members) > 0 {
				cands = append(cands, lo)
			}
		}
	}
	for _, k := range b.r.Perm(len(cands))[:n] {
		cands[k].skip[kind] = from
	}
}

// schedule returns the days of a kind's meetings: monthly ones on a fixed
// day of each month, quarterly ones in March, June, September and
// December, yearly ones each winter. No meeting falls due again before
// the seed day.
func (b *builder) schedule(kind string) []hezuo.Date {
	var out []hezuo.Date
	switch kind {
	case hezuo.MeetingThemeDay, hezuo.MeetingCommittee, hezuo.MeetingGroup:
		day := 8 + b.r.IntN(21) // the last, in May, falls due on or after 8 June
		for m := lifeFrom; !m.After(lifeTo); m = m.AddDate(0, 1, 0) {
			out = append(out, hezuo.DateOf(m.Year(), m.Month(), day))
		}
	case hezuo.MeetingMembers, hezuo.MeetingLecture, hezuo.MeetingJoint:
		day := 9 + b.r.IntN(20)
		for _, m := range []string{"2021-06-01", "2021-09-01", "2021-12-01", "2022-03-01"} {
			out = append(out, hezuo.MustDate(m).AddDays(day-1))
		}
	case hezuo.MeetingLife, hezuo.MeetingAppraisal:
		for _, y := range []int{2020, 2021} {
			out = append(out, hezuo.DateOf(y, 12, 10).AddDays(b.r.IntN(40)))
		}
	}
	return out
}

// meetings records lo's meetings since it was founded (and before any
// lapse) with the attendance of its members.
func (b *builder) meetings(ps *platformSet, lo *lifeOrg) {
	for _, kind := range lo.kinds {
		for _, day := range b.schedule(kind) {
			if day.Before(lo.po.From) || (!lo.skip[kind].IsZero() && !day.Before(lo.skip[kind])) {
				continue
			}
			b.meeting(ps, lo, kind, day, true)
		}
	}
}

// meeting records lo's meeting of kind on day, with the attendance of its
// members when attended is set (joint and committee meetings name their
// participants instead).
func (b *builder) meeting(ps *platformSet, lo *lifeOrg, kind string, day hezuo.Date, attended bool) {
	topics := meetingTopics[kind]
	m := hezuo.Meeting{PartyOrg: lo.po.No, Kind: kind, HeldOn: day, Topic: topics[b.r.IntN(len(topics))]}
	switch kind {
	case hezuo.MeetingJoint:
		m.VillagePartyOrg = b.villages[lo.orgs[0].Village].po
		m.Participants = fmt.Sprintf("%s党组织委员、村党组织委员共 %d 人", lo.po.Name, 5+b.r.IntN(6))
		m.Decisions = decisions[b.r.IntN(len(decisions))]
	case hezuo.MeetingCommittee:
		m.Participants = "支部委员会成员"
		m.Decisions = decisions[b.r.IntN(len(decisions))]
	default:
		if attended {
			b.attend(ps, lo, &m)
		}
	}
	ps.ds.Meetings = append(ps.ds.Meetings, m)
}

// attend records the members of lo who were party members of its orgs on
// the meeting's day, one in ten absent; a party group's members are its
// share of the branch's members.
func (b *builder) attend(ps *platformSet, lo *lifeOrg, m *hezuo.Meeting) {
	for k, p := range lo.members {
		if k%lo.groups != lo.group || ps.since(p).After(m.HeldOn) || b.chance(0.1) {
			continue
		}
		ps.ds.MeetingAttendances = append(ps.ds.MeetingAttendances, hezuo.MeetingAttendance{PartyOrg: m.PartyOrg,
			Kind: m.Kind, HeldOn: m.HeldOn, IDNumber: b.people[p].IDNumber})
	}
}
