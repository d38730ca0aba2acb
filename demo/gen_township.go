package demo

import (
	"fmt"

	"hezuo"
)

// genMember is a person the township generator may reuse for a second
// membership (ordinary members only, so party counts stay per org).
type genMember struct{ id int64 }

// township generates one township's orgs, people, memberships, party
// organizations, instructors and dispatches.
func (g *gen) township(town string, villages, names []string) error {
	county := town[:6]
	var pool []genMember
	var needInstructor []int64
	for i := 0; i < g.sc.OrgsPerTownship; i++ {
		g.orgID++
		o := g.org(town, villages, names)
		if err := g.sink.Org(g.orgID, o); err != nil {
			return err
		}
		full, prob := 0, 0
		n := g.members()
		reused := map[int64]bool{}
		poolSize := len(pool) // people of earlier orgs only
		for k := 0; k < n; k++ {
			from := g.dayBetween(o.Founded, GenEnd)
			p := hezuo.Period{From: from}
			if g.r.Float64() < g.sc.EndedMemberships {
				p.To = g.dayBetween(from.AddDays(1), GenEnd.AddDays(1))
			}
			var pid int64
			if poolSize > 0 && g.r.Float64() < g.sc.MultiMembership {
				if c := pool[g.r.IntN(poolSize)].id; !reused[c] {
					pid, reused[c] = c, true
				}
			}
			if pid == 0 {
				var status string
				var err error
				if pid, status, err = g.person(county, o.Village, from); err != nil {
					return err
				}
				switch {
				case status == hezuo.StatusFull && p.To.IsZero():
					full++
				case status == hezuo.StatusProbationary && p.To.IsZero():
					prob++
				case status == "":
					pool = append(pool, genMember{pid})
				}
			}
			if err := g.sink.Membership(pid, g.orgID, county, p); err != nil {
				return err
			}
		}
		if err := g.partyOrgFor(o, full, prob, &needInstructor); err != nil {
			return err
		}
	}
	return g.instructors(town, villages[0], needInstructor)
}

// org draws one org of the township.
func (g *gen) org(town string, villages, names []string) *hezuo.Org {
	v := g.r.IntN(len(villages))
	kind, suffix, inds := hezuo.KindCooperative, "专业合作社", coopIndustries
	switch x := g.r.Float64(); {
	case x < 0.35:
		kind, suffix, inds = hezuo.KindAssociation, "协会", assocIndustries
	case x < 0.40:
		kind, suffix = hezuo.KindUnion, "专业合作社联合社"
	}
	ind := pickWeighted(g.r.IntN, inds)
	o := &hezuo.Org{
		OrgNo: fmt.Sprintf("G%07d", g.orgID), Name: names[v] + noun(ind) + suffix, Kind: kind,
		Village: villages[v], Industry: ind, HouseholdsDriven: 10 + g.r.IntN(200),
		Founded: g.dayBetween(genStart, GenEnd.AddDays(-400)), Model: g.r.IntN(50) == 0,
	}
	if kind != hezuo.KindAssociation || g.r.Float64() < 0.7 {
		o.RegisteredOn = o.Founded.AddDays(g.r.IntN(60))
		auth := "93"
		if kind == hezuo.KindAssociation {
			auth = "51"
		}
		o.CreditCode = hezuo.MakeCreditCode(auth, town[:6], fmt.Sprintf("%08d", g.orgID))
	}
	switch x := g.r.Float64(); {
	case x < 0.10 && len(villages) > 1:
		o.Villages = []string{villages[(v+1)%len(villages)]}
	case x < 0.12 && town[6:9] > "100":
		// Across townships: the same-numbered village of an earlier
		// township of the county (already written).
		idx := int(town[6]-'0')*100 + int(town[7]-'0')*10 + int(town[8]-'0') - 100
		o.Villages = []string{fmt.Sprintf("%s%03d%s", town[:6], 100+g.r.IntN(idx), villages[v][9:])}
	}
	return o
}

// pickWeighted picks an item of ws with probability proportional to weight.
func pickWeighted(intn func(int) int, ws []weighted) string {
	total := 0
	for _, w := range ws {
		total += w.weight
	}
	x := intn(total)
	for _, w := range ws {
		if x < w.weight {
			return w.item
		}
		x -= w.weight
	}
	return ws[len(ws)-1].item
}

// person creates a new person living in village whose first membership
// starts on from; it returns the party status it gave (or "").
func (g *gen) person(county, village string, from hezuo.Date) (int64, string, error) {
	g.personID++
	seq := g.countySeq[county]
	g.countySeq[county] = seq + 1
	// Birth day index and sequence number are a bijection of the county's
	// counter, so ID numbers never repeat (20,000 days × 500 numbers per
	// sex); the last digit of the sequence number carries the sex.
	day := (seq / 500 * 7919) % 20000
	birth := hezuo.MustDate("1950-01-01").AddDays(day)
	male := g.r.IntN(2) == 0
	num := seq % 500 * 2
	if male {
		num++
	}
	p := &hezuo.Person{IDNumber: hezuo.MakeIDNumber(county, birth, num), Village: village,
		Name: genName(g.r.IntN, male), Phone: fmt.Sprintf("1%02d%08d", 30+g.r.IntN(60), g.personID%100_000_000)}
	p.Sex, p.BirthDate = hezuo.SexFemale, birth
	if male {
		p.Sex = hezuo.SexMale
	}
	if g.r.Float64() < 0.02 {
		p.TalentSince = from
	}
	if err := g.sink.Person(g.personID, p); err != nil {
		return 0, "", err
	}
	status := ""
	adult := birth.AddDate(18, 0, 0)
	switch x := g.r.Float64(); {
	case x < g.sc.PartyShare*0.9:
		status = hezuo.StatusFull
		since := g.dayBetween(adult, from)
		if since.Before(adult) {
			since = adult
		}
		return g.personID, status, g.sink.PartyStatus(g.personID, county, status, hezuo.Period{From: since})
	case x < g.sc.PartyShare:
		status = hezuo.StatusProbationary
		return g.personID, status, g.sink.PartyStatus(g.personID, county, status, hezuo.Period{From: g.dayBetween(GenEnd.AddDays(-360), GenEnd)})
	case x < g.sc.PartyShare+0.01:
		return g.personID, hezuo.StatusActivist, g.sink.PartyStatus(g.personID, county, hezuo.StatusActivist, hezuo.Period{From: g.dayBetween(from, GenEnd)})
	}
	return g.personID, status, nil
}

// genName makes a Han name.
func genName(intn func(int) int, male bool) string {
	chars := hanFemale
	if male {
		chars = hanMale
	}
	name := pickWeighted(intn, hanSurnames) + string(chars[intn(len(chars))])
	if intn(10) < 7 {
		name += string(chars[intn(len(chars))])
	}
	return name
}
