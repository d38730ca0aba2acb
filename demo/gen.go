package demo

import (
	"fmt"
	"math"
	"math/rand/v2"

	"hezuo"
)

// Scale sizes a synthetic data set (cli.md `gen`): a division tree of
// Provinces × Prefectures × Counties × Townships × Villages, OrgsPerTownship
// orgs each with a log-normal number of members around MeanMembers.
type Scale struct {
	Name             string
	Provinces        int
	Prefectures      int // per province
	Counties         int // per prefecture
	Townships        int // per county
	Villages         int // per township
	OrgsPerTownship  int
	MeanMembers      float64
	PartyShare       float64 // share of new people who are party members (3–5 %)
	MultiMembership  float64 // share of memberships taken by someone already a member elsewhere
	EndedMemberships float64
}

// Scales are the sizes of cli.md: county ≈ 200 orgs / 30k members, province
// ≈ 100k orgs / 3M members, nation ≈ 2.2M orgs / 60M members.
var Scales = map[string]Scale{
	"county":   {Name: "county", Provinces: 1, Prefectures: 1, Counties: 1, Townships: 10, Villages: 20, OrgsPerTownship: 20, MeanMembers: 150, PartyShare: 0.04, MultiMembership: 0.04, EndedMemberships: 0.12},
	"province": {Name: "province", Provinces: 1, Prefectures: 9, Counties: 7, Townships: 16, Villages: 10, OrgsPerTownship: 99, MeanMembers: 30, PartyShare: 0.04, MultiMembership: 0.04, EndedMemberships: 0.12},
	"nation":   {Name: "nation", Provinces: 31, Prefectures: 12, Counties: 8, Townships: 18, Villages: 12, OrgsPerTownship: 41, MeanMembers: 27, PartyShare: 0.04, MultiMembership: 0.04, EndedMemberships: 0.12},
}

// GenSink receives generated records with their database ids assigned by
// the generator (the bulk writers insert them as they come). References are
// by id, so nothing needs looking up.
type GenSink interface {
	Division(d hezuo.Division) error
	Department(d hezuo.Department) error
	Org(id int64, o *hezuo.Org) error
	Person(id int64, p *hezuo.Person) error
	Membership(personID, orgID int64, county string, p hezuo.Period) error
	PartyStatus(personID int64, county, status string, p hezuo.Period) error
	PartyOrg(id int64, po *hezuo.PartyOrg, orgIDs []int64) error
	Instructor(id, personID int64, township string) error
	Dispatch(instructorID, orgID int64, county string, p hezuo.Period) error
}

// GenEnd is the last day generated facts reach; figures as of any earlier
// day differ (memberships start and end over ten years).
var GenEnd = hezuo.MustDate("2026-06-30")

var genStart = hezuo.MustDate("2014-01-01")

// Generate writes a synthetic data set of the given scale to sink,
// deterministically for seed. It streams township by township, so memory
// stays small at any scale.
func Generate(sc Scale, seed uint64, sink GenSink) error {
	g := &gen{sc: sc, r: rand.New(rand.NewPCG(seed, 0x6e7a)), sink: sink}
	return g.run()
}

// gen carries one generation and its id counters.
type gen struct {
	sc                             Scale
	r                              *rand.Rand
	sink                           GenSink
	orgID, personID, poID, instrID int64
	countySeq                      map[string]int // people numbered per address code
}

// provinceCodes are real province code prefixes, in order.
var provinceCodes = []string{"22", "11", "12", "13", "14", "15", "21", "23", "31", "32", "33", "34", "35", "36", "37",
	"41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65"}

func (g *gen) run() error {
	g.countySeq = map[string]int{}
	for p := 0; p < g.sc.Provinces; p++ {
		prov := provinceCodes[p%len(provinceCodes)]
		if err := g.sink.Division(hezuo.Division{Code: prov + "0000", Name: g.placeName() + "省"}); err != nil {
			return err
		}
		for f := 1; f <= g.sc.Prefectures; f++ {
			pref := fmt.Sprintf("%s%02d", prov, f)
			if err := g.sink.Division(hezuo.Division{Code: pref + "00", Name: g.placeName() + "市"}); err != nil {
				return err
			}
			for c := 0; c < g.sc.Counties; c++ {
				if err := g.county(fmt.Sprintf("%s%02d", pref, 21+c)); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

func (g *gen) county(county string) error {
	if err := g.sink.Division(hezuo.Division{Code: county, Name: g.placeName() + "县"}); err != nil {
		return err
	}
	for _, d := range deptTable {
		if err := g.sink.Department(hezuo.Department{Code: d.code, Name: d.name, County: county, Industries: d.industries}); err != nil {
			return err
		}
	}
	for t := 0; t < g.sc.Townships; t++ {
		town := fmt.Sprintf("%s%03d", county, 100+t)
		suffix := "镇"
		if t%4 == 3 {
			suffix = "乡"
		}
		if err := g.sink.Division(hezuo.Division{Code: town, Name: g.placeName() + suffix}); err != nil {
			return err
		}
		villages := make([]string, g.sc.Villages)
		names := make([]string, g.sc.Villages)
		for v := range villages {
			villages[v] = fmt.Sprintf("%s%03d", town, 201+v)
			names[v] = g.placeName() + "村"
			if err := g.sink.Division(hezuo.Division{Code: villages[v], Name: names[v]}); err != nil {
				return err
			}
		}
		if err := g.township(town, villages, names); err != nil {
			return err
		}
	}
	return nil
}

// placeName makes a two-character place name.
func (g *gen) placeName() string {
	const chars = "东西南北新兴和平安福安宁永丰长春明光红旗胜利太平青山河源石桥金城德兴龙泉三合双阳"
	rs := []rune(chars)
	return string(rs[g.r.IntN(len(rs))]) + string(rs[g.r.IntN(len(rs))])
}

// dayBetween returns a random day in [a, b].
func (g *gen) dayBetween(a, b hezuo.Date) hezuo.Date {
	n := a.DaysUntil(b)
	if n <= 0 {
		return a
	}
	return a.AddDays(g.r.IntN(n + 1))
}

// members draws an org's size: log-normal around the scale's mean, at least 5.
func (g *gen) members() int {
	const sigma = 0.9
	mu := math.Log(g.sc.MeanMembers) - sigma*sigma/2
	n := int(math.Exp(mu + sigma*g.r.NormFloat64()))
	if n < 5 {
		n = 5
	}
	return n
}
