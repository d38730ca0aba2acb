package demo

import (
	"fmt"
	"sort"
	"strconv"

	"hezuo"
)

var _ = liveSteps.add(30, (*living).meetings)
var _ = liveSteps.add(40, (*living).visits)
var _ = liveSteps.add(50, (*living).commitments)
var _ = liveSteps.add(60, (*living).trainings)

// The organizational life of the living county: meetings, visits,
// commitments and trainings after the seed day.

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
