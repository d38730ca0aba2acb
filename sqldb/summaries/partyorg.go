package summaries

import (
	"math"
	"slices"
	"sort"
	"strings"

	"hezuo"
	"hezuo/rules"
)

// dawn is before every day of the records.
const dawn day = math.MinInt32

// poValue is what a party organization contributes to the facts of the orgs
// it covers on a day (as sqldb's covers.go computes it): whether it exists, its
// units (active links plus villages), its full members over every org it
// links, its officers, secretary and leading members (board, sorted as
// SortOfficers does), and the org it is attributed to for the party_orgs
// figures (the existing org with the smallest id among those it links that
// day; 0 when none); for a joint branch, the villages and industries of its
// units (sqldb's covers.go jointUnits).
type poValue struct {
	active    bool
	units     int
	full      int
	officers  int
	secretary *rules.Secretary
	board     []rules.Officer
	owner     int64
	places    string // a joint branch's units' villages, sorted, joined by ","
	trades    string // their industries, likewise
	elected   day    // its latest election on or before the day; never when none
}

func (v poValue) equal(w poValue) bool {
	if v.secretary == nil || w.secretary == nil {
		if v.secretary != w.secretary {
			return false
		}
	} else if *v.secretary != *w.secretary {
		return false
	}
	if !slices.Equal(v.board, w.board) {
		return false
	}
	return v.active == w.active && v.elected == w.elected && v.units == w.units && v.full == w.full && v.officers == w.officers && v.owner == w.owner
}

// poPiece is a party organization's value from a day until the next piece.
type poPiece struct {
	from day
	v    poValue
}

// partyOrgForms are the forms the party_orgs figures count, in the order of
// the metrics mBranches….
var partyOrgForms = []string{hezuo.FormBranch, hezuo.FormGeneralBranch, hezuo.FormCommittee, hezuo.FormJointBranch, hezuo.FormPartyGroup}

func formIndex(form string) int {
	for i, f := range partyOrgForms {
		if f == form {
			return i
		}
	}
	return -1
}

// at returns the party organization's value on d.
func (p *poIn) at(d day) poValue {
	i := sort.Search(len(p.pieces), func(i int) bool { return p.pieces[i].from > d })
	return p.pieces[i-1].v
}

// cover returns the rules' view of the party organization from its value.
func (p *poIn) cover(v poValue) rules.Cover {
	c := rules.Cover{No: p.no, Name: p.name, Form: p.form, ElectedOn: v.elected.date(), TermYears: p.termYears,
		Units: v.units + len(p.villages), FullMembers: v.full, HasCommittee: v.officers >= 3,
		Villages: splitList(v.places), Industries: splitList(v.trades)}
	if len(p.villages) > 0 && c.Form == hezuo.FormJointBranch {
		c.FullMembers = -1 // as sqldb's covers.go: members of the village organization are unknown
	}
	return c
}

// sweepPartyOrg computes p.pieces from the input.
func (in *sweepInput) sweepPartyOrg(p *poIn) {
	const fUnits, fFull, fOfficers = 0, 1, 2
	var evs []event
	var breaks []day
	eligible := map[int64][]span{} // person → days of membership in a linked org while linked
	for _, l := range p.links {
		evs = addSpans(evs, fUnits, []span{l.span})
		breaks = append(breaks, l.from, l.to)
		o := in.orgs[l.id]
		if o == nil {
			continue
		}
		breaks = append(breaks, o.active.from, o.active.to)
		for _, m := range o.members {
			if s := (spans{l.span}).intersect(spans{m.span}); len(s) > 0 {
				eligible[m.person] = append(eligible[m.person], s[0])
			}
		}
	}
	for person, days := range eligible {
		if pe := in.people[person]; pe != nil && len(pe.full) > 0 {
			evs = addSpans(evs, fFull, union(days).intersect(pe.full))
		}
	}
	for _, o := range p.officers {
		evs = addSpans(evs, fOfficers, []span{o.span})
		breaks = append(breaks, o.from, o.to)
		if hezuo.Leading(o.role) {
			// The flags change the secretary and the board on their days.
			breaks = append(breaks, o.leader, o.talent)
		}
	}
	breaks = append(breaks, p.active.from, p.active.to)
	// Each election begins a term: the rules read the latest on the day.
	breaks = append(breaks, p.elections...)
	for _, e := range evs {
		breaks = append(breaks, e.at)
	}
	sortEvents(evs)
	days := uniqueDays(breaks)
	var c [3]int
	p.pieces = []poPiece{{from: dawn, v: poValue{elected: never}}}
	i := 0
	for _, d := range days {
		for ; i < len(evs) && evs[i].at <= d; i++ {
			c[evs[i].field] += evs[i].delta
		}
		v := poValue{active: p.active.has(d), units: c[fUnits], full: c[fFull], officers: c[fOfficers], elected: never}
		if i := sort.Search(len(p.elections), func(i int) bool { return p.elections[i] > d }); i > 0 {
			v.elected = p.elections[i-1]
		}
		for _, l := range p.links {
			if o := in.orgs[l.id]; o != nil && l.has(d) && o.active.has(d) && (v.owner == 0 || l.id < v.owner) {
				v.owner = l.id
			}
		}
		if p.form == hezuo.FormJointBranch {
			v.places, v.trades = in.jointUnits(p, d)
		}
		for _, o := range p.officers {
			if !o.has(d) {
				continue
			}
			if o.role == hezuo.RoleSecretary {
				v.secretary = &rules.Secretary{Name: o.name, IsLeader: o.leader <= d}
			}
			if hezuo.Leading(o.role) {
				v.board = append(v.board, rules.Officer{PartyOrg: p.no, Role: o.role, Duty: o.duty, Name: o.name,
					IsLeader: o.leader <= d, IsTalent: o.talent <= d})
			}
		}
		SortOfficers(v.board)
		if !v.equal(p.pieces[len(p.pieces)-1].v) {
			p.pieces = append(p.pieces, poPiece{from: d, v: v})
		}
	}
}

// uniqueDays sorts days and drops duplicates and never.
func uniqueDays(ds []day) []day {
	sort.Slice(ds, func(i, j int) bool { return ds[i] < ds[j] })
	out := ds[:0]
	for _, d := range ds {
		if d != never && (len(out) == 0 || out[len(out)-1] != d) {
			out = append(out, d)
		}
	}
	return out
}

// jointUnits returns the villages and industries of joint branch p's units
// on d, as sqldb's covers.go computes them: the home villages and industries of the
// orgs it links that day and the villages it covers itself.
func (in *sweepInput) jointUnits(p *poIn, d day) (places, trades string) {
	villages, industries := append([]string{}, p.villages...), []string{}
	for _, l := range p.links {
		if o := in.orgs[l.id]; o != nil && l.has(d) {
			villages = append(villages, o.org.Village)
			industries = append(industries, o.org.Industry)
		}
	}
	return strings.Join(DistinctSorted(villages), ","), strings.Join(DistinctSorted(industries), ",")
}

// splitList reverses strings.Join(xs, ","): nil for "".
func splitList(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, ",")
}
