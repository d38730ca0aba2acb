package demo

import (
	"fmt"
	"math/rand/v2"
	"sort"
	"strconv"
	"strings"

	"hezuo"
	"hezuo/rules"
)

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

// live continues the records to today (after the seed day).
func (b *builder) live(ps *platformSet, today hezuo.Date) {
	b.r = rand.New(rand.NewPCG(seed1, seed2+1))
	// The records end the day before today: today is the users' to record.
	lv := &living{b: b, ps: ps, s: rules.Defaults(), seed: b.t.Day, from: b.t.Day.AddDays(1), today: today.AddDays(-1)}
	lv.development()
	lv.dispatches()
	lv.meetings()
	lv.visits()
	lv.commitments()
	lv.trainings()
	lv.loans()
	lv.elections() // last: the draws before it stay as they were
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

// meetings holds every party organization's meetings after the seed day,
// each kind again within its interval (a few days early), the lapsed kinds
// of the seed day resumed; attendance is recorded over the last year.
func (lv *living) meetings() {
	b := lv.b
	last := map[string]hezuo.Date{}
	for _, m := range lv.ps.ds.Meetings {
		if k := m.PartyOrg + "/" + m.Kind; m.HeldOn.After(last[k]) {
			last[k] = m.HeldOn
		}
	}
	stop := map[string]hezuo.Date{}
	lv.lapsed(stop, hezuo.MeetingThemeDay, recentThemeDays)
	lv.lapsed(stop, hezuo.MeetingMembers, recentMembersMeetings)
	lv.lapsed(stop, hezuo.MeetingGroup, recentGroups)
	lv.lapsed(stop, hezuo.MeetingJoint, recentJoint)
	attendFrom := lv.today.AddPeriod(-1, 0)
	for _, lo := range lv.ps.los {
		for _, kind := range lo.kinds {
			months := lv.months(kind)
			early := map[int]int{1: 4, 3: 12}[months]
			if early == 0 {
				early = 25
			}
			day := last[lo.po.No+"/"+kind]
			if day.IsZero() {
				day = lo.po.From
			}
			for {
				day = day.AddPeriod(0, months).AddDays(-b.r.IntN(early + 1))
				if !day.After(lv.seed) {
					day = lv.from.AddDays(b.r.IntN(20))
				}
				if day.After(lv.today) || (!lo.po.To.IsZero() && !day.Before(lo.po.To)) {
					break
				}
				if s, ok := stop[lo.po.No+"/"+kind]; ok && !day.Before(s) {
					break
				}
				b.meeting(lv.ps, lo, kind, day, !day.Before(attendFrom))
			}
		}
	}
}

// visits continues each linked household's visits about every two months
// and a half; a few members have not visited for a while.
func (lv *living) visits() {
	b, ps := lv.b, lv.ps
	last := map[string]hezuo.Date{}
	for _, v := range ps.ds.ContactVisits {
		if k := v.IDNumber + "/" + v.Household; v.VisitedOn.After(last[k]) {
			last[k] = v.VisitedOn
		}
	}
	links := len(ps.ds.ContactLinks)
	stop := map[int]hezuo.Date{}
	for _, k := range b.r.Perm(links)[:min(recentVisits, links)] {
		stop[k] = lv.today.AddDays(-100 - b.r.IntN(60))
	}
	for i := 0; i < links; i++ {
		c := ps.ds.ContactLinks[i]
		if !c.To.IsZero() {
			continue
		}
		v := last[c.IDNumber+"/"+c.Household]
		if v.IsZero() {
			v = c.From
		}
		for {
			v = v.AddDays(55 + b.r.IntN(26))
			if !v.After(lv.seed) {
				v = lv.from.AddDays(b.r.IntN(30))
			}
			if v.After(lv.today) {
				break
			}
			if s, ok := stop[i]; ok && !v.Before(s) {
				break
			}
			ps.ds.ContactVisits = append(ps.ds.ContactVisits, hezuo.ContactVisit{IDNumber: c.IDNumber, Household: c.Household,
				VisitedOn: v, Note: visitNotes[b.r.IntN(len(visitNotes))]})
		}
	}
}

// commitments has every party member of an org with a party organization
// make a commitment each year by March (those missing in 2022 late, in
// the summer) and have it assessed that winter; a few of this year's are
// missing and a few of last year's unassessed.
func (lv *living) commitments() {
	b, ps := lv.b, lv.ps
	type who struct {
		p     int
		po    string
		since hezuo.Date
	}
	var members []who
	for _, o := range b.orgs {
		if o.cover != "" {
			for _, p := range append(append([]int(nil), o.fullIDs...), o.probIDs...) {
				members = append(members, who{p, o.cover, ps.since(p)})
			}
		}
	}
	for _, n := range lv.newParty {
		members = append(members, who{n.p, n.o.cover, n.since})
	}
	made := map[string]int{} // ID/year → index
	for i, c := range ps.ds.Commitments {
		made[c.IDNumber+"/"+strconv.Itoa(c.Year)] = i
	}
	year := lv.today.Year()
	missing, open := map[int]bool{}, map[int]bool{}
	for i, k := range b.r.Perm(len(members))[:recentMissingCommitments+recentUnassessed] {
		if i < recentMissingCommitments {
			missing[members[k].p] = true
		} else {
			open[members[k].p] = true
		}
	}
	fulfil := func(c *hezuo.Commitment, lo, hi hezuo.Date) {
		if !hi.After(lv.seed) { // assessed late, after the seed day
			lo, hi = lv.from.AddDays(10), lv.from.AddDays(50)
		}
		lo = later(lo, c.MadeOn.AddDays(1))
		hi = later(hi, lo)
		if on := lv.after(lo, hi); !on.After(lv.today) {
			c.FulfilledOn, c.Result, c.Evidence = on, hezuo.FulfilledAll, evidence[b.r.IntN(len(evidence))]
			if b.chance(0.08) {
				c.Result = hezuo.FulfilledPart
			}
		}
	}
	for _, m := range members {
		id := b.people[m.p].IDNumber
		for y := lv.seed.Year() - 1; y <= year; y++ {
			i, ok := made[id+"/"+strconv.Itoa(y)]
			if !ok {
				if y == lv.seed.Year()-1 || (y == year && missing[m.p]) {
					continue
				}
				lo, hi := hezuo.DateOf(y, 1, 10), hezuo.DateOf(y, 3, 25)
				if y == lv.seed.Year() { // made late, after the seed day
					lo, hi = lv.from, lv.from.AddDays(40)
				}
				if !m.since.Before(lo) {
					lo, hi = m.since.AddDays(1), earlier(m.since.AddDays(30), hezuo.DateOf(y, 12, 31))
				}
				on := lv.after(lo, hi)
				if on.After(lv.today) || on.Year() != y {
					continue
				}
				ps.ds.Commitments = append(ps.ds.Commitments, hezuo.Commitment{IDNumber: id, Year: y, PartyOrg: m.po,
					MadeOn: on, Content: commitments[b.r.IntN(len(commitments))]})
				i = len(ps.ds.Commitments) - 1
			}
			if c := &ps.ds.Commitments[i]; c.FulfilledOn.IsZero() && !(y == year-1 && open[m.p]) {
				fulfil(c, hezuo.DateOf(y, 12, 10), hezuo.DateOf(y+1, 1, 25))
			}
		}
	}
}

// trainings holds about fourteen sessions a year after the seed day, each
// attended by 30 to 120 members of the orgs it is for.
func (lv *living) trainings() {
	b, ps := lv.b, lv.ps
	organizer := ps.unitNamed("县委组织部")
	n := lv.from.DaysUntil(lv.today) * trainingsPerYear / 365
	var ss []*session
	for len(ss) < n {
		if s := b.session(ps, lv.after(lv.from, lv.today), organizer); s != nil {
			ss = append(ss, s)
		}
	}
	sort.SliceStable(ss, func(i, j int) bool { return ss[i].HeldOn.Before(ss[j].HeldOn) })
	seq := len(ps.ds.Trainings)
	for _, s := range ss {
		seq++
		s.No = fmt.Sprintf("WQ-PX-%d-%03d", s.HeldOn.Year(), seq)
		ps.ds.Trainings = append(ps.ds.Trainings, s.Training)
		size := min(len(s.pool), 30+b.r.IntN(91))
		for _, k := range b.r.Perm(len(s.pool))[:size] {
			m := s.pool[k]
			ps.ds.TrainingAttendances = append(ps.ds.TrainingAttendances, hezuo.TrainingAttendance{Training: s.No,
				IDNumber: b.people[m.p].IDNumber, OrgNo: m.org})
		}
	}
}

// loans repays the loans of the seed day as they fall due (the overdue
// ones late, that summer and autumn), settles the applications waiting on
// the seed day (those approved are disbursed, the rest closed), and makes about two dozen new loans a year with their
// repayments: two that fell due lately are overdue today, one was repaid
// late, and a few applications of the last weeks wait in the queue.
func (lv *living) loans() {
	b, ps := lv.b, lv.ps
	paid := map[string]hezuo.Date{}
	repaid := map[string]bool{}
	for _, r := range ps.ds.Repayments {
		paid[r.LoanNo] = later(paid[r.LoanNo], r.PaidOn)
		if r.PrincipalFen > 0 {
			repaid[r.LoanNo] = true
		}
	}
	seq := map[int]int{}
	for i := range ps.ds.Loans {
		l := &ps.ds.Loans[i]
		y, _ := strconv.Atoi(strings.Split(l.No, "-")[2])
		n, _ := strconv.Atoi(strings.Split(l.No, "-")[3])
		seq[y] = max(seq[y], n)
		switch {
		case !l.RejectedOn.IsZero() || repaid[l.No]:
		case l.DisbursedOn.IsZero() && l.ApprovedOn.IsZero():
			// Closed unapproved after the seed day: the lender a later
			// approval names is not dated, so it would show on the seed day.
			if on := lv.after(l.AppliedOn.AddDays(20), l.AppliedOn.AddDays(80)); !on.After(lv.today) {
				l.RejectedOn = on
			}
		case l.DisbursedOn.IsZero():
			if on := lv.after(l.ApprovedOn.AddDays(5), l.ApprovedOn.AddDays(20)); !l.ApprovedOn.IsZero() && !on.After(lv.today) {
				l.DisbursedOn = on
				lv.repay(l, on, false, false)
			}
		default:
			cur := paid[l.No]
			if cur.IsZero() {
				cur = l.DisbursedOn
			}
			lv.repay(l, cur, l.Due().Before(lv.seed), false)
		}
	}
	branches := b.partyMembers("", catBranch, catJointVillage, catJointCross)
	first, lastDisb := lv.from.AddDays(75), lv.today.AddDays(-5)
	n := max(0, first.DaysUntil(lastDisb)*loansPerYear/365)
	var plans []*loanPlan
	for i := 0; i < n; i++ {
		day := b.between(first, lastDisb)
		var l *loanPlan
		if b.chance(0.3) {
			o := b.coopForLoan(lv.ps, day)
			l = b.loan(ps, b.eligible(ps, o.fullIDs, day), o, int64(10+b.r.IntN(51))*1_000_000, true, day)
		} else {
			p := b.eligible(ps, branches, day)
			l = b.loan(ps, p, b.orgOf(p), int64(3+b.r.IntN(18))*1_000_000, false, day)
		}
		plans = append(plans, l)
	}
	for i := 0; i < 3; i++ {
		p := b.eligible(ps, branches, lv.today.AddDays(-30))
		l := b.loan(ps, p, b.orgOf(p), int64(3+b.r.IntN(15))*1_000_000, false, lv.today)
		l.ApprovedOn, l.DisbursedOn, l.Lender = hezuo.Date{}, hezuo.Date{}, ""
		l.AppliedOn = lv.today.AddDays(-b.r.IntN(25))
		plans = append(plans, l)
	}
	sort.SliceStable(plans, func(i, j int) bool { return plans[i].AppliedOn.Before(plans[j].AppliedOn) })
	var recent []int // due in the last half year
	for i, l := range plans {
		if d := l.Due(); !l.DisbursedOn.IsZero() && d.Before(lv.today.AddDays(-10)) && d.After(lv.today.AddDays(-200)) {
			recent = append(recent, i)
		}
	}
	overdue, late := map[int]bool{}, map[int]bool{}
	for k, i := range b.r.Perm(len(recent))[:min(3, len(recent))] {
		if k < 2 {
			overdue[recent[i]] = true
		} else {
			late[recent[i]] = true
		}
	}
	for i, l := range plans {
		y := l.AppliedOn.Year()
		seq[y]++
		l.No = fmt.Sprintf("WQ-DK-%d-%03d", y, seq[y])
		ps.ds.Loans = append(ps.ds.Loans, l.Loan)
		if !l.DisbursedOn.IsZero() && !overdue[i] {
			lv.repay(&ps.ds.Loans[len(ps.ds.Loans)-1], l.DisbursedOn, late[i], false)
		} else if overdue[i] {
			lv.repay(&ps.ds.Loans[len(ps.ds.Loans)-1], l.DisbursedOn, false, true)
		}
	}
}

// repay adds l's repayments after cur, the last one before the seed day:
// interest on each anniversary, the principal with the last interest when
// due (some time after it when late; never when unpaid), up to today.
func (lv *living) repay(l *hezuo.Loan, cur hezuo.Date, late, unpaid bool) {
	b := lv.b
	due := l.Due()
	for k := 1; ; k++ {
		next := l.DisbursedOn.AddPeriod(k, 0)
		if !next.Before(due) || next.After(lv.today) {
			break
		}
		if !next.After(cur) || !next.After(lv.seed) {
			continue
		}
		lv.ps.ds.Repayments = append(lv.ps.ds.Repayments, hezuo.Repayment{LoanNo: l.No, PaidOn: next,
			InterestFen: interest(l.AmountFen, cur, next, l.RatePPM)})
		cur = next
	}
	if unpaid {
		return
	}
	end := due
	if late {
		base := later(due, lv.seed)
		end = b.between(base.AddDays(30), base.AddDays(150))
	}
	if end.After(lv.today) || !end.After(lv.seed) {
		return
	}
	lv.ps.ds.Repayments = append(lv.ps.ds.Repayments, hezuo.Repayment{LoanNo: l.No, PaidOn: end, PrincipalFen: l.AmountFen,
		InterestFen: interest(l.AmountFen, cur, end, l.RatePPM)})
}
