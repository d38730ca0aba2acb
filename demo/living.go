package demo

import (
	"math/rand/v2"

	"hezuo"
	"hezuo/rules"
)

var _ = liveSteps.add(10, (*living).development)
var _ = liveSteps.add(20, (*living).dispatches)

// living continues the seed county from the day after the seed day to the
// day before today: the party organizations keep their meetings (三会一课)
// at the intervals the rules expect, members visit their linked households
// and make and fulfil their yearly commitments, departments hold
// trainings, loans are disbursed and repaid, probationary members are
// converted and new members developed (applicant → activist → development
// object → probationary → full), orgs grown to three full members build
// their branch, some instructors are relieved. A handful lapse shortly
// before today, so the overdue list shows what a living county shows.
//
// Nothing it adds or changes is dated on or before the seed day — except
// the party history of the instructors who relieve others, township cadres
// in no org, whom no figure of that day counts — so every figure, check and
// list on that day stays the seed's. It draws from its own random source,
// so the seed county's records are the same whatever today is; for one
// today it is deterministic.
type living struct {
	b        *builder
	ps       *platformSet
	s        rules.Settings
	seed     hezuo.Date  // the seed day
	from     hezuo.Date  // the first day continued
	today    hezuo.Date  // the last day continued: the day before the caller's today
	newParty []newMember // members developed after the seed day, probationary by today
}

// newMember is a person who became a probationary member after the seed
// day, in an org covered by a party organization.
type newMember struct {
	p     int
	o     *orgPlan
	since hezuo.Date
}

// Lapses shortly before today, and how many are developed and trained.
const (
	recentThemeDays, recentMembersMeetings, recentGroups, recentJoint = 3, 2, 2, 1
	recentVisits, recentMissingCommitments, recentUnassessed          = 4, 3, 2
	instructorsRelieved                                               = 12
	newApplicantsPerYear, instructorDeveloped                         = 9, 8
	trainingsPerYear, loansPerYear                                    = 14, 24
)

// live continues the records to today (after the seed day) by the
// registered steps (liveSteps).
func (b *builder) live(ps *platformSet, today hezuo.Date) {
	b.r = rand.New(rand.NewPCG(seed1, seed2+1))
	// The records end the day before today: today is the users' to record.
	lv := &living{b: b, ps: ps, s: rules.Defaults(), seed: b.t.Day, from: b.t.Day.AddDays(1), today: today.AddDays(-1)}
	for _, step := range liveSteps.inOrder() {
		step(lv)
	}
}

// after returns a random day in [lo, hi] that is after the seed day (the
// day after it when hi is not).
func (lv *living) after(lo, hi hezuo.Date) hezuo.Date {
	return lv.b.between(later(lo, lv.from), later(hi, lv.from))
}

// development converts the probationary members of the seed day a year
// after their admission, and develops new members among the ordinary
// members of orgs with a party organization, about nine a year.
func (lv *living) development() {
	b := lv.b
	converted := map[string]hezuo.Date{}
	for i, n := 0, len(b.statuses); i < n; i++ {
		st := b.statuses[i]
		if st.Status != hezuo.StatusProbationary || !st.To.IsZero() {
			continue
		}
		conv := lv.after(st.From.AddPeriod(1, 0), st.From.AddPeriod(1, 0).AddDays(40))
		if conv.After(lv.today) {
			continue
		}
		b.statuses[i].To = conv
		b.statuses = append(b.statuses, hezuo.PartyStatus{IDNumber: st.IDNumber, Status: hezuo.StatusFull,
			HomePartyOrg: st.HomePartyOrg, Period: hezuo.Period{From: conv}})
		converted[st.IDNumber] = conv
	}
	// Instructors bring some of their orgs' activists on: named development
	// objects, admitted and converted in the years after the seed day.
	var acts []int
	for i, st := range b.statuses {
		if st.Status == hezuo.StatusActivist && st.To.IsZero() {
			acts = append(acts, i)
		}
	}
	for _, k := range b.r.Perm(len(acts))[:min(instructorDeveloped, len(acts))] {
		st := b.statuses[acts[k]]
		cand := lv.after(st.From.AddPeriod(0, 12), lv.from.AddDays(500))
		prob := cand.AddDays(90 + b.r.IntN(120))
		full := prob.AddPeriod(1, 0).AddDays(b.r.IntN(30))
		if cand.After(lv.today) {
			continue
		}
		b.statuses[acts[k]].To = cand
		home := b.villages[b.people[lv.ps.person[st.IDNumber]].Village].po
		lv.steps(st.IDNumber, []step{{hezuo.StatusCandidate, "", cand, prob},
			{hezuo.StatusProbationary, home, prob, full}, {hezuo.StatusFull, home, full, hezuo.Date{}}})
	}
	// A registered org of a joint branch or party group whose conversions
	// bring it to three full members builds its own branch (rule 1) a few
	// weeks later.
	s := rules.Defaults()
	for _, o := range b.orgs {
		if o.cat == catBranch || o.cat == catInstructor || o.RegisteredOn.IsZero() {
			continue
		}
		var last hezuo.Date
		full := len(o.fullIDs)
		for _, p := range o.probIDs {
			if d, ok := converted[b.people[p].IDNumber]; ok {
				full++
				last = later(last, d)
			}
		}
		if full >= s.OwnOrgMinFull && !last.IsZero() {
			if from := last.AddDays(20 + b.r.IntN(60)); !from.After(lv.today) {
				lv.ownBranch(o, from)
			}
		}
	}
	taken := map[string]bool{}
	for _, s := range b.statuses {
		taken[s.IDNumber] = true
	}
	type cand struct {
		p    int
		o    *orgPlan
		from hezuo.Date
	}
	var cands []cand
	for _, o := range b.orgs {
		if o.cat != catBranch { // elsewhere a third full member would call for a branch
			continue
		}
		for _, m := range lv.ps.members[o.OrgNo] {
			id := b.people[m.p].IDNumber
			if m.to.IsZero() && !taken[id] && b.people[m.p].BirthDate.After(lv.today.AddDate(-48, 0, 0)) &&
				b.people[m.p].BirthDate.Before(lv.seed.AddDate(-20, 0, 0)) {
				taken[id] = true
				cands = append(cands, cand{m.p, o, m.from})
			}
		}
	}
	perm := b.r.Perm(len(cands))
	k := 0
	for y := lv.from.Year(); y <= lv.today.Year() && k < len(perm); y++ {
		for i := 0; i < newApplicantsPerYear && k < len(perm); i, k = i+1, k+1 {
			c := cands[perm[k]]
			applied := lv.after(hezuo.DateOf(y, 1, 1), hezuo.DateOf(y, 12, 31))
			if applied.After(lv.today) {
				continue
			}
			act := applied.AddDays(15 + b.r.IntN(14)) // talked to within the month
			cand := act.AddPeriod(0, 12).AddDays(b.r.IntN(120))
			prob := cand.AddDays(90 + b.r.IntN(120))
			full := prob.AddPeriod(1, 0).AddDays(b.r.IntN(30))
			home := b.villages[b.people[c.p].Village].po
			lv.steps(b.people[c.p].IDNumber, []step{
				{hezuo.StatusApplicant, "", applied, act}, {hezuo.StatusActivist, "", act, cand},
				{hezuo.StatusCandidate, "", cand, prob}, {hezuo.StatusProbationary, home, prob, full},
				{hezuo.StatusFull, home, full, hezuo.Date{}},
			})
			if !prob.After(lv.today) {
				lv.ps.partyFrom[c.p], lv.ps.joined[c.p] = prob, c.from
				lv.newParty = append(lv.newParty, newMember{c.p, c.o, prob})
				for _, lo := range lv.ps.los {
					if lo.po.No == c.o.cover {
						lo.members = append(lo.members, c.p)
					}
				}
			}
		}
	}
}

// dispatches relieves some instructors after about three years: a new
// township cadre is dispatched to the org the day the first one's
// dispatch ends.
func (lv *living) dispatches() {
	b := lv.b
	byNo := map[string]*orgPlan{}
	for _, o := range b.orgs {
		byNo[o.OrgNo] = o
	}
	n := len(b.disp)
	for _, k := range b.r.Perm(n)[:min(instructorsRelieved, n)] {
		d := b.disp[k]
		end := lv.after(d.From.AddPeriod(3, 0), d.From.AddPeriod(3, 0).AddDays(200))
		if !d.To.IsZero() || end.After(lv.today) {
			continue
		}
		t := byNo[d.OrgNo].town
		p := b.newPerson(t.villages[0], 28, 50, 0.6, kindCadre, false)
		b.fullHistory(p, t.po)
		id := b.people[p].IDNumber
		b.disp[k].To = end
		b.instrs = append(b.instrs, hezuo.Instructor{IDNumber: id, Township: t.code,
			Unit: t.name + instructorUnits[b.r.IntN(len(instructorUnits))]})
		b.disp = append(b.disp, hezuo.Dispatch{IDNumber: id, OrgNo: d.OrgNo, Period: hezuo.Period{From: end}})
	}
}

// step is a party status from one day to another (zero: still on).
type step struct {
	status, home string
	from, to     hezuo.Date
}

// steps adds a person's steps up to today, the one today still on.
func (lv *living) steps(id string, steps []step) {
	for _, s := range steps {
		if s.from.After(lv.today) {
			break
		}
		to := s.to
		if to.After(lv.today) {
			to = hezuo.Date{}
		}
		lv.b.statuses = append(lv.b.statuses, hezuo.PartyStatus{IDNumber: id, Status: s.status,
			HomePartyOrg: s.home, Period: hezuo.Period{From: s.from, To: to}})
	}
}

// ownBranch builds o's own branch on from, its first full member the
// secretary, holding its meetings from then on.
func (lv *living) ownBranch(o *orgPlan, from hezuo.Date) {
	b := lv.b
	mgr := b.manager(o)
	po := hezuo.PartyOrg{No: "B-" + o.OrgNo, Name: o.Name + "党支部", Form: hezuo.FormBranch, Seat: o.Village,
		Parent: mgr, Manager: mgr, FoundingMethod: "支部领着建", TermYears: branchTerm, ElectedOn: from,
		Orgs: []string{o.OrgNo}, Period: hezuo.Period{From: from}}
	b.pos = append(b.pos, po)
	b.officer(po, o.fullIDs[0], hezuo.RoleSecretary, from)
	lo := &lifeOrg{po: po, orgs: []*orgPlan{o}, skip: map[string]hezuo.Date{}, groups: 1,
		members: append(append([]int(nil), o.fullIDs...), o.probIDs...),
		kinds:   rules.ExpectedMeetings(po.Form, po.JointKind, false)}
	lv.ps.los = append(lv.ps.los, lo)
}

// months is the interval of a meeting kind in the rules' defaults.
func (lv *living) months(kind string) int {
	s := lv.s
	return map[string]int{hezuo.MeetingMembers: s.MembersMeetingMonths, hezuo.MeetingCommittee: s.CommitteeMeetingMonths,
		hezuo.MeetingGroup: s.GroupMeetingMonths, hezuo.MeetingLecture: s.LectureMonths, hezuo.MeetingThemeDay: s.ThemeDayMonths,
		hezuo.MeetingLife: s.LifeMeetingMonths, hezuo.MeetingAppraisal: s.AppraisalMonths, hezuo.MeetingJoint: s.JointMeetingMonths}[kind]
}

// lapsed picks n of the organizations holding meetings of kind (none
// picked before) to stop holding them a little more than an interval
// before today.
func (lv *living) lapsed(stop map[string]hezuo.Date, kind string, n int) {
	var cands []*lifeOrg
	for _, lo := range lv.ps.los {
		if _, ok := stop[lo.po.No]; ok || !lo.po.To.IsZero() {
			continue
		}
		for _, k := range lo.kinds {
			if k == kind {
				cands = append(cands, lo)
			}
		}
	}
	for _, k := range lv.b.r.Perm(len(cands))[:min(n, len(cands))] {
		days := 31*lv.months(kind) + 10 + lv.b.r.IntN(50)
		stop[cands[k].po.No] = lv.today.AddDays(-days)
		stop[cands[k].po.No+"/"+kind] = lv.today.AddDays(-days)
	}
}
