package demo

import (
	"fmt"
	"sort"

	"hezuo"
)

var _ = seedSteps.add(50, (*builder).trainings)

// trainingTopics end the topic of an industry's session.
var trainingTopics = []string{"实用技术培训班", "标准化生产培训班", "病虫害防治培训班", "产品营销培训班", "质量安全培训班"}

// remoteTopics are the topics of the remote-education network's sessions.
var remoteTopics = []string{"农村党员干部现代远程教育：合作社规范化建设", "远程教育：农村实用技术", "远程教育：党员致富技能",
	"远程教育：农产品电子商务", "远程教育：农业政策解读"}

// session is a training session being made, with who could attend it.
type session struct {
	hezuo.Training
	pool []member // memberships active on the day of the orgs it is for
}

// trainings makes the seed's 130 sessions, 2009–2022 and more of them in
// later years: departments' sessions for an industry in a village or
// township (技术下乡) and in the county town, and remote-education
// sessions at township stations; then shares the seed's 12,000余 member
// attendances among them, each attendee a member of an org it was for on
// its day.
func (b *builder) trainings(ps *platformSet) {
	organizer := ps.unitNamed("县委组织部")
	var ss []*session
	for len(ss) < ps.t.Trainings {
		day := later(b.between(hezuo.MustDate("2009-03-01"), hezuo.MustDate("2022-05-25")),
			b.between(hezuo.MustDate("2009-03-01"), hezuo.MustDate("2022-05-25")))
		if s := b.session(ps, day, organizer); s != nil {
			ss = append(ss, s)
		}
	}
	sort.SliceStable(ss, func(i, j int) bool { return ss[i].HeldOn.Before(ss[j].HeldOn) })
	sizes := b.shareAttendances(ss, ps.t.Attendances)
	for i, s := range ss {
		s.No = fmt.Sprintf("WQ-PX-%d-%03d", s.HeldOn.Year(), i+1)
		ps.ds.Trainings = append(ps.ds.Trainings, s.Training)
		for _, k := range b.r.Perm(len(s.pool))[:sizes[i]] {
			m := s.pool[k]
			ps.ds.TrainingAttendances = append(ps.ds.TrainingAttendances, hezuo.TrainingAttendance{Training: s.No,
				IDNumber: b.people[m.p].IDNumber, OrgNo: m.org})
		}
	}
}

// session draws a session on day for a random org (nil when the org is too
// young or the session would have fewer than 25 possible attendees).
func (b *builder) session(ps *platformSet, day hezuo.Date, organizer string) *session {
	o := b.orgs[b.r.IntN(len(b.orgs))]
	if !o.Founded.AddDays(180).Before(day) {
		return nil
	}
	s := &session{}
	s.HeldOn, s.Industry, s.Mode = day, o.Industry, hezuo.ModeOnSite
	s.Hours = 4 + 2*b.r.IntN(7)
	s.Organizer = ps.unitOf[b.deptCode(o.Industry)]
	if s.Organizer == "" {
		s.Organizer = ps.townUnit[o.town.code]
	}
	s.Topic = noun(o.Industry) + trainingTopics[b.r.IntN(len(trainingTopics))]
	var audience []*orgPlan
	switch k := b.r.IntN(100); {
	case k < 20: // remote education at the township's station
		s.Mode, s.Hours, s.Organizer, s.Industry = hezuo.ModeRemote, 2+b.r.IntN(3), organizer, ""
		s.Topic = remoteTopics[b.r.IntN(len(remoteTopics))]
		s.Place = o.town.code + "000"
		audience = o.town.orgs
	case k < 45: // the department's session in the county town for its industries
		s.Place = countyCode12
		for _, x := range b.orgs {
			if b.deptCode(x.Industry) == b.deptCode(o.Industry) {
				audience = append(audience, x)
			}
		}
	default: // 技术下乡: in the org's village, for the township's orgs of the industry
		s.Place = o.Village
		for _, x := range o.town.orgs {
			if x.Industry == o.Industry {
				audience = append(audience, x)
			}
		}
	}
	s.pool = ps.activeMembers(audience, day)
	if len(s.pool) < 25 {
		return nil
	}
	return s
}

// activeMembers returns the people who are members of the orgs on day,
// each once (with the first org found).
func (ps *platformSet) activeMembers(orgs []*orgPlan, day hezuo.Date) []member {
	seen := map[int]bool{}
	var out []member
	for _, o := range orgs {
		for _, m := range ps.members[o.OrgNo] {
			if !seen[m.p] && (hezuo.Period{From: m.from, To: m.to}).ActiveOn(day) {
				seen[m.p] = true
				m.org = o.OrgNo
				out = append(out, m)
			}
		}
	}
	return out
}

// shareAttendances shares total attendances among the sessions: at least
// 20 each, the rest at random, none above its pool (or 260 people).
func (b *builder) shareAttendances(ss []*session, total int) []int {
	caps := make([]int, len(ss))
	capacity := 0
	for i, s := range ss {
		caps[i] = min(len(s.pool), 260)
		capacity += caps[i]
	}
	if capacity < total {
		panic(fmt.Sprintf("demo: trainings hold %d attendances, want %d", capacity, total))
	}
	sizes := apportion(total, b.weights(len(ss), 0.3), fill(len(ss), 20))
	over := 0
	for i := range sizes {
		if sizes[i] > caps[i] {
			over += sizes[i] - caps[i]
			sizes[i] = caps[i]
		}
	}
	for i := 0; over > 0; i = (i + 1) % len(sizes) {
		if sizes[i] < caps[i] {
			sizes[i]++
			over--
		}
	}
	return sizes
}

// unitNamed returns the code of the county unit of that name.
func (ps *platformSet) unitNamed(name string) string {
	for _, u := range ps.ds.Units {
		if u.Name == name {
			return u.Code
		}
	}
	panic("demo: no unit " + name)
}
