// Package demo builds the seed county: 汪清县 (吉林省延边朝鲜族自治州) as the
// seed article describes it on 2022-06-08, as a hezuo.Dataset of records —
// divisions, departments, orgs, people, memberships, party-status histories,
// party organizations with their officers, instructors and dispatches, and
// the platforms' records (platforms.go: pairings, loans, trainings,
// meetings, linked households, commitments).
//
// The generator aims at the seed figures (Targets) and constructs records
// whose computed statistics reproduce them exactly on Targets.Day: the seed
// county's records end by that day, and what happens after it — meetings,
// visits, commitments, trainings, loans, member development up to the
// caller's today (living.go) — changes no record's state on that day. It
// never stores a total. Generation is deterministic: a constant PCG seed, and no
// dependence on map iteration order, so every call returns the same data.
package demo

import (
	"math/rand/v2"
	"sort"

	"hezuo"
)

// Targets are the seed county's figures (mission.md, "The seed county", in
// its "one consistent reading" of the party-organization figures). Member
// counts are memberships active on Day; party members are full plus
// probationary members among them.
type Targets struct {
	Day                     hezuo.Date // the seed article's date; figures hold on it and after
	Cooperatives            int        // 农民专业合作社
	Associations            int        // 产业协会
	CooperativeMembers      int        // 注册会员
	AssociationMembers      int        // 吸纳会员
	CooperativePartyMembers int
	AssociationPartyMembers int
	CooperativeHouseholds   int // households driven by cooperatives, aimed at ("5000余户")
	Branches                int // orgs with >= 3 full members and their own branch
	JointVillageOrg         int // joint branches of one org with its village (村会联合)
	JointCrossVillage       int // joint branches of two orgs across villages (跨村组建)
	PartyGroups             int // one in each joint branch, the rest inside larger branches
	Instructors             int // instructors, each dispatched to one org without party members
	MembersDeveloped        int // of those orgs, each gaining one probationary member
	Activists               int // activists among the members of those orgs
	TechnicalTalents        int // 农村专业技术人才 among the members, none a party member
}

// SeedTargets returns the figures of the seed article.
func SeedTargets() Targets {
	return Targets{
		Day:          hezuo.MustDate("2022-06-08"),
		Cooperatives: 69, Associations: 99,
		CooperativeMembers: 11532, AssociationMembers: 17653,
		CooperativePartyMembers: 354, AssociationPartyMembers: 409,
		CooperativeHouseholds: 5126,
		Branches:              25, JointVillageOrg: 62, JointCrossVillage: 13, PartyGroups: 108,
		Instructors: 55, MembersDeveloped: 2, Activists: 32,
		TechnicalTalents: 538,
	}
}

// seed is the PCG seed of the demo county.
const seed1, seed2 = 2022_06_08, 222424

// County returns the seed county, its records continued from the seed day
// to today (living.go): on Targets.Day and before, its figures are the
// seed's whatever today is. County(SeedTargets().Day), or any earlier day,
// is the seed county alone. Every call with the same day returns an equal,
// freshly allocated dataset.
func County(today hezuo.Date) *hezuo.Dataset {
	b := newBuilder(SeedTargets(), rand.New(rand.NewPCG(seed1, seed2)))
	b.divisions()
	b.seats()
	b.planOrgs()
	b.sizeOrgs()
	b.registerOrgs()
	b.members()
	b.partyOrgs()
	b.instructors()
	b.pastMemberships()
	plat := b.platforms()
	if today.After(b.t.Day) {
		b.live(plat, today)
	}
	ds := &plat.ds // the platforms' records, the registry's added
	b.addRegistry(ds)
	return ds
}

// builder carries one generation: the targets, the random source, the
// records made so far and lookup tables (never iterated).
type builder struct {
	t Targets
	r *rand.Rand

	towns    []*town
	villages map[string]*village // by 12-digit code
	orgs     []*orgPlan

	people   []hezuo.Person
	info     []personInfo // parallel to people
	ids      map[string]bool
	phones   map[string]bool
	credit   map[string]bool
	names    map[string]bool // org and party-org names in use
	ms       []hezuo.Membership
	statuses []hezuo.PartyStatus
	pos      []hezuo.PartyOrg
	officers []hezuo.Officer
	instrs   []hezuo.Instructor
	disp     []hezuo.Dispatch
	depts    []hezuo.Department
	divs     []hezuo.Division
	deptOf   map[string]string // industry → department party org No

	seatSecretaries map[string]int // seat PartyOrg.No → its secretary (person index)
	ordinary        []int          // ordinary members, for past memberships
}

func newBuilder(t Targets, r *rand.Rand) *builder {
	return &builder{t: t, r: r, villages: map[string]*village{}, ids: map[string]bool{},
		phones: map[string]bool{}, credit: map[string]bool{}, names: map[string]bool{}, deptOf: map[string]string{},
		seatSecretaries: map[string]int{}}
}

// addRegistry sets the registry's records of ds (the platforms' are the
// platformSet's own).
func (b *builder) addRegistry(ds *hezuo.Dataset) {
	ds.Divisions, ds.Departments, ds.Orgs, ds.People = b.divs, b.depts, b.orgRecords(), b.people
	ds.Memberships, ds.PartyStatus, ds.PartyOrgs, ds.Officers = b.ms, b.statuses, b.pos, b.officers
	ds.Instructors, ds.Dispatches = b.instrs, b.disp
}

// between returns a uniformly random day in [lo, hi] (lo when hi < lo).
func (b *builder) between(lo, hi hezuo.Date) hezuo.Date {
	n := lo.DaysUntil(hi)
	if n <= 0 {
		return lo
	}
	return lo.AddDays(b.r.IntN(n + 1))
}

// pick returns an item by weight.
func (b *builder) pick(items []weighted) string {
	total := 0
	for _, it := range items {
		total += it.weight
	}
	n := b.r.IntN(total)
	for _, it := range items {
		if n < it.weight {
			return it.item
		}
		n -= it.weight
	}
	return items[len(items)-1].item
}

// chance reports true with probability p.
func (b *builder) chance(p float64) bool { return b.r.Float64() < p }

// later and earlier return the later and earlier of two dates.
func later(a, c hezuo.Date) hezuo.Date {
	if a.Before(c) {
		return c
	}
	return a
}

func earlier(a, c hezuo.Date) hezuo.Date {
	if a.After(c) {
		return c
	}
	return a
}

// apportion splits total into parts of at least mins[i] each, sharing the
// rest in proportion to weights by the largest-remainder method (ties by
// index), so the parts add up to total exactly.
func apportion(total int, weights []float64, mins []int) []int {
	out := append([]int(nil), mins...)
	rest := total
	for _, m := range mins {
		rest -= m
	}
	if rest < 0 {
		panic("demo: targets below the minimums")
	}
	sum := 0.0
	for _, w := range weights {
		sum += w
	}
	type frac struct {
		i int
		f float64
	}
	fracs := make([]frac, len(weights))
	given := 0
	for i, w := range weights {
		q := float64(rest) * w / sum
		n := int(q)
		out[i] += n
		given += n
		fracs[i] = frac{i, q - float64(n)}
	}
	sort.SliceStable(fracs, func(x, y int) bool { return fracs[x].f > fracs[y].f })
	for k := 0; k < rest-given; k++ {
		out[fracs[k].i]++
	}
	return out
}
