package demo

import "hezuo"

var (
	dispatchFloor = hezuo.MustDate("2019-01-01")
	dispatchCeil  = hezuo.MustDate("2021-12-31")
	lastJoin      = hezuo.MustDate("2022-06-01") // the last day a membership starts on
)

// founders is the number of members who found an org (cooperatives law
// Art. 12: at least five); their memberships start on the founding day.
const founders = 5

// filling is one org being filled with members.
type filling struct {
	o     *orgPlan
	slot  int
	fresh []int // ordinary members created for this org
}

// members creates every org's members and memberships, org by org: party
// members first (the first full member is the chair and, later, the
// secretary), then talents, activists and ordinary members. Some ordinary
// members of earlier orgs of the same township join a second org.
func (b *builder) members() {
	for _, o := range b.orgs {
		if o.cat == catInstructor && !o.developed {
			o.dispatchFrom = b.between(later(dispatchFloor, o.Founded.AddDays(180)), dispatchCeil)
		}
		f := &filling{o: o}
		for i := 0; i < o.full; i++ {
			p := b.newPerson(b.memberVillage(o), max(25, f.founderAge()), 75, 0.78, kindParty, false)
			if i == 0 && o.Name == SuifenName {
				b.people[p].Name, b.people[p].Sex = LiYajin, hezuo.SexMale
				b.people[p].Phone = "13894307126"
			}
			b.fullHistory(p, b.villages[b.people[p].Village].po)
			o.fullIDs = append(o.fullIDs, p)
			b.join(f, p, hezuo.Date{})
		}
		for i := 0; i < o.prob; i++ {
			p := b.newPerson(b.memberVillage(o), max(24, f.founderAge()), 55, 0.6, kindParty, false)
			home := b.villages[b.people[p].Village].po
			if o.developed {
				b.developed(f, p, home)
			} else {
				b.probHistory(p, b.between(firstProb, lastDay), home)
				b.join(f, p, hezuo.Date{})
			}
			o.probIDs = append(o.probIDs, p)
		}
		for i := 0; i < o.talents; i++ {
			p := b.newPerson(b.memberVillage(o), max(22, f.founderAge()), 65, 0.6, kindTalent, false)
			lo := later(hezuo.MustDate("2009-01-01"), b.people[p].BirthDate.AddDate(22, 0, 0))
			b.people[p].TalentSince = b.between(lo, lastDay)
			b.join(f, p, hezuo.Date{})
		}
		for i := 0; i < o.activists; i++ {
			p := b.newPerson(b.memberVillage(o), max(20, f.founderAge()), 45, 0.6, kindActivist, false)
			from := b.join(f, p, hezuo.Date{})
			b.activistFrom(p, b.between(later(later(o.dispatchFrom.AddDays(30), from), b.adult(p)), lastDay))
		}
		for f.slot < o.members {
			b.ordinaryMember(f)
		}
		o.town.pool = append(o.town.pool, f.fresh...)
		b.ordinary = append(b.ordinary, f.fresh...)
	}
}

// founderAge is the least age on the day of a member joining in the
// current slot: founders were adults when the org was founded.
func (f *filling) founderAge() int {
	if f.slot >= founders {
		return 0
	}
	return 2022 - f.o.Founded.Year() + 21
}

// developed makes p the member an instructor brought into the party: an
// activist after the dispatch began, probationary since 2021–2022. The
// dispatch date is set from the activist date.
func (b *builder) developed(f *filling, p int, home string) {
	act := b.history(p, b.between(hezuo.MustDate("2021-07-01"), hezuo.MustDate("2022-03-31")), false, home)
	f.o.dispatchFrom = later(dispatchFloor, act.AddDays(-60-b.r.IntN(60)))
	b.join(f, p, act)
}

// ordinaryMember fills the next slot with an ordinary member: mostly a new
// person, sometimes one already in another org of the township.
func (b *builder) ordinaryMember(f *filling) {
	t := f.o.town
	if f.slot >= founders && len(t.pool) > 0 && b.chance(0.045) {
		k := b.r.IntN(len(t.pool))
		p := t.pool[k]
		t.pool[k] = t.pool[len(t.pool)-1]
		t.pool = t.pool[:len(t.pool)-1]
		b.join(f, p, hezuo.Date{})
		return
	}
	p := b.newPerson(b.memberVillage(f.o), max(18, f.founderAge()), 75, 0.52, kindOrdinary, true)
	f.fresh = append(f.fresh, p)
	b.join(f, p, hezuo.Date{})
}

// join adds p's membership in the org being filled and returns its start:
// the founding day for founders, else a day after p came of age (and, when
// by is set, not after by).
func (b *builder) join(f *filling, p int, by hezuo.Date) hezuo.Date {
	o := f.o
	from := o.Founded
	if f.slot >= founders {
		hi := lastJoin
		if !by.IsZero() {
			hi = by
		}
		from = b.between(later(o.Founded, b.adult(p)), hi)
	}
	role := "成员"
	switch {
	case f.slot == 0 && o.Kind == hezuo.KindCooperative:
		role = "理事长"
	case f.slot == 0:
		role = "会长"
	case o.Kind == hezuo.KindAssociation:
		role = "会员"
	}
	b.ms = append(b.ms, hezuo.Membership{IDNumber: b.people[p].IDNumber, OrgNo: o.OrgNo, Role: role,
		Period: hezuo.Period{From: from}})
	b.info[p].orgs = append(b.info[p].orgs, o)
	f.slot++
	return from
}

// memberVillage picks where a member lives: mostly the org's home village.
func (b *builder) memberVillage(o *orgPlan) *village {
	if len(o.villages) == 1 || b.chance(0.55) {
		return o.villages[0]
	}
	return o.villages[b.r.IntN(len(o.villages))]
}

// pastMemberships adds memberships that ended before the day: ordinary
// members who left another org earlier, and former members who left the
// only org they had.
func (b *builder) pastMemberships() {
	for i := 0; i < 320; i++ {
		p := b.ordinary[b.r.IntN(len(b.ordinary))]
		t := b.info[p].orgs[0].town
		o := t.orgs[b.r.IntN(len(t.orgs))]
		if b.inOrg(p, o) {
			continue
		}
		b.pastMembership(p, o)
	}
	for i := 0; i < 160; i++ {
		o := b.orgs[b.r.IntN(len(b.orgs))]
		p := b.newPerson(b.memberVillage(o), 22, 75, 0.52, kindFormer, true)
		b.pastMembership(p, o)
	}
}

func (b *builder) inOrg(p int, o *orgPlan) bool {
	for _, x := range b.info[p].orgs {
		if x == o {
			return true
		}
	}
	return false
}

// pastMembership adds p's membership of o that lasted one to six years and
// ended before the day.
func (b *builder) pastMembership(p int, o *orgPlan) {
	from := b.between(later(o.Founded, b.adult(p)), hezuo.MustDate("2021-06-01"))
	to := earlier(from.AddDays(365+b.r.IntN(5*365)), lastDay)
	role := map[string]string{hezuo.KindCooperative: "成员", hezuo.KindAssociation: "会员"}[o.Kind]
	b.ms = append(b.ms, hezuo.Membership{IDNumber: b.people[p].IDNumber, OrgNo: o.OrgNo, Role: role,
		Period: hezuo.Period{From: from, To: to}})
	b.info[p].orgs = append(b.info[p].orgs, o)
}
