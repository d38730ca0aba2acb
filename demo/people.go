package demo

import (
	"fmt"

	"hezuo"
)

// personKind is the part a person plays in the demo; it decides which facts
// the person may carry.
type personKind int

const (
	kindOrdinary personKind = iota // member, no party status, may hold two memberships
	kindParty                      // full or probationary member of exactly one org
	kindTalent                     // technical talent, member of exactly one org
	kindActivist                   // activist, member of exactly one org
	kindCadre                      // seat secretary or instructor, member of no org
	kindFormer                     // left the only org they belonged to
)

// personInfo is what the builder remembers about a person.
type personInfo struct {
	kind personKind
	orgs []*orgPlan // orgs of the person's memberships, past ones included
}

var (
	partyFloor = hezuo.MustDate("1986-10-01") // earliest probationary date (activist from 1984)
	lastFull   = hezuo.MustDate("2021-06-01") // latest probationary date of a full member
	firstProb  = hezuo.MustDate("2021-06-10") // probation still running on the day
	lastDay    = hezuo.MustDate("2022-05-31") // last date a demo fact may start on
)

// newPerson makes a person living in v, aged minAge to maxAge on the day
// (ages cluster in the middle), a man with probability male. A person of
// kindOrdinary may, when elsewhere is set, have been born in a neighbouring
// county. It returns the person's index.
func (b *builder) newPerson(v *village, minAge, maxAge int, male float64, kind personKind, elsewhere bool) int {
	lo := b.t.Day.AddDate(-maxAge-1, 0, 1)
	hi := b.t.Day.AddDate(-minAge, -2, 0) // two months' margin: adult before the last start date
	n := lo.DaysUntil(hi)
	birth := lo.AddDays((b.r.IntN(n+1) + b.r.IntN(n+1)) / 2)
	isMale := b.chance(male)
	addr := countyCode
	if elsewhere && b.chance(0.006) {
		addr = neighbourAddresses[b.r.IntN(len(neighbourAddresses))]
	}
	k := b.r.IntN(500)
	var id string
	for {
		seq := 2 * k
		if isMale {
			seq++
		}
		id = hezuo.MakeIDNumber(addr, birth, seq)
		if !b.ids[id] {
			break
		}
		k = (k + 1) % 500
	}
	b.ids[id] = true
	sex := hezuo.SexFemale
	if isMale {
		sex = hezuo.SexMale
	}
	b.people = append(b.people, hezuo.Person{IDNumber: id, Name: b.personName(isMale), Sex: sex,
		BirthDate: birth, Village: v.code, Phone: b.phone()})
	b.info = append(b.info, personInfo{kind: kind})
	return len(b.people) - 1
}

// personName makes a Han or Korean-Chinese (朝鲜族) name.
func (b *builder) personName(male bool) string {
	korean := b.chance(0.32)
	surnames, chars := hanSurnames, hanFemale
	twoChars := 0.7
	switch {
	case korean && male:
		surnames, chars, twoChars = koreanSurnames, koreanMale, 0.85
	case korean:
		surnames, chars, twoChars = koreanSurnames, koreanFemale, 0.85
	case male:
		chars = hanMale
	}
	name := b.pick(surnames) + string(chars[b.r.IntN(len(chars))])
	if b.chance(twoChars) {
		name += string(chars[b.r.IntN(len(chars))])
	}
	return name
}

// phone makes a unique mobile number.
func (b *builder) phone() string {
	prefixes := []string{"130", "131", "132", "133", "135", "136", "137", "138", "139", "150", "151", "152",
		"155", "157", "158", "159", "180", "181", "182", "186", "187", "188", "189"}
	for {
		p := fmt.Sprintf("%s%08d", prefixes[b.r.IntN(len(prefixes))], b.r.IntN(100_000_000))
		if !b.phones[p] {
			b.phones[p] = true
			return p
		}
	}
}

// adult returns the day a person turns 18.
func (b *builder) adult(p int) hezuo.Date { return b.people[p].BirthDate.AddDate(18, 0, 0) }

// fullHistory gives person p the steps of a full member who joined between
// 1986 and 2021 (most in their twenties to forties); home holds the party
// relation. The person must be at least 25 on the day.
func (b *builder) fullHistory(p int, home string) {
	lo := later(partyFloor, b.adult(p).AddDate(0, 33, 0))
	hi := earlier(lastFull, b.people[p].BirthDate.AddDate(45, 0, 0))
	if hi.Before(lo) {
		hi = lastFull
	}
	b.history(p, b.between(lo, hi), true, home)
}

// probHistory gives person p the steps of a probationary member admitted on
// prob (probation still running on the day).
func (b *builder) probHistory(p int, prob hezuo.Date, home string) { b.history(p, prob, false, home) }

// history appends activist → candidate → probationary (→ full a year later)
// steps ending at prob; consecutive steps share their boundary dates. It
// returns the day p became an activist.
func (b *builder) history(p int, prob hezuo.Date, full bool, home string) hezuo.Date {
	cand := prob.AddDate(0, -(4 + b.r.IntN(7)), -b.r.IntN(20))
	act := cand.AddDate(-1, -b.r.IntN(9), -b.r.IntN(28))
	id := b.people[p].IDNumber
	b.statuses = append(b.statuses,
		hezuo.PartyStatus{IDNumber: id, Status: hezuo.StatusActivist, Period: hezuo.Period{From: act, To: cand}},
		hezuo.PartyStatus{IDNumber: id, Status: hezuo.StatusCandidate, Period: hezuo.Period{From: cand, To: prob}})
	if !full {
		b.statuses = append(b.statuses, hezuo.PartyStatus{IDNumber: id, Status: hezuo.StatusProbationary,
			HomePartyOrg: home, Period: hezuo.Period{From: prob}})
		return act
	}
	conv := prob.AddDate(1, 0, 0) // 党章 Art. 7: probation lasts one year
	b.statuses = append(b.statuses,
		hezuo.PartyStatus{IDNumber: id, Status: hezuo.StatusProbationary, HomePartyOrg: home, Period: hezuo.Period{From: prob, To: conv}},
		hezuo.PartyStatus{IDNumber: id, Status: hezuo.StatusFull, HomePartyOrg: home, Period: hezuo.Period{From: conv}})
	return act
}

// activistFrom makes p an activist from the given day, still one on the day.
func (b *builder) activistFrom(p int, from hezuo.Date) {
	b.statuses = append(b.statuses, hezuo.PartyStatus{IDNumber: b.people[p].IDNumber,
		Status: hezuo.StatusActivist, Period: hezuo.Period{From: from}})
}

// makeLeader flags p as 致富能手/技术骨干 from a day before by, once adult.
func (b *builder) makeLeader(p int, by hezuo.Date) {
	lo := later(hezuo.MustDate("2008-01-01"), b.people[p].BirthDate.AddDate(25, 0, 0))
	b.people[p].LeaderSince = b.between(lo, earlier(by, lastDay))
}
