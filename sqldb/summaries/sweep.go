package summaries

import (
	"slices"
	"sort"
	"strconv"
	"strings"

	"hezuo"
	"hezuo/rules"
)

// segFigures are one org's counted figures over a segment, with the meaning
// of sqldb's facts.go and stats.go on any day of it.
type segFigures struct {
	registered, instructor bool
	members                int // memberships active
	full, prob, activists  int // distinct members with that party status
	talents                int // distinct members who are technical talents and not party members
	developed              int // members admitted during a dispatch, up to the day
	owned                  [5]int
}

// orgSegment is a maximal interval [from, to) over which an org's figures
// and rule facts are constant, with the rules' verdict on them.
type orgSegment struct {
	from, to  day
	fig       segFigures
	covers    []rules.Cover
	secretary *rules.Secretary
	officers  []rules.Officer
	required  string
	actual    string
	managed   string
}

// same reports whether two segments carry the same figures and facts.
func (s *orgSegment) same(fig segFigures, covers []rules.Cover, sec *rules.Secretary, officers []rules.Officer) bool {
	if s.fig != fig || len(s.covers) != len(covers) || (s.secretary == nil) != (sec == nil) || !slices.Equal(s.officers, officers) {
		return false
	}
	if sec != nil && *s.secretary != *sec {
		return false
	}
	for i := range covers {
		a, b := s.covers[i], covers[i]
		if a.No != b.No || a.Name != b.Name || a.Form != b.Form || a.Units != b.Units || a.FullMembers != b.FullMembers ||
			a.HasCommittee != b.HasCommittee || !a.ElectedOn.Equal(b.ElectedOn) || a.TermYears != b.TermYears ||
			!slices.Equal(a.Villages, b.Villages) || !slices.Equal(a.Industries, b.Industries) {
			return false
		}
	}
	return true
}

// Counter fields of the org sweep.
const (
	fMembers = iota
	fFull
	fProb
	fActivists
	fTalents
	fInstructor
	fDeveloped
	fRegistered
	nFields
)

// sweepOrg returns the segments of org o over its existence.
func (in *sweepInput) sweepOrg(o *orgIn, ev *evalCache) []orgSegment {
	if o.active.from >= o.active.to {
		return nil
	}
	var evs []event
	var breaks []day
	byPerson := map[int64][]span{}
	for _, m := range o.members {
		evs = addSpans(evs, fMembers, []span{m.span})
		byPerson[m.person] = append(byPerson[m.person], m.span)
	}
	dispatched := union(o.dispatches)
	evs = addSpans(evs, fInstructor, dispatched)
	if o.registered != never {
		evs = append(evs, event{o.registered, fRegistered, 1})
	}
	for person, ms := range byPerson {
		pe, member := in.people[person], union(ms)
		evs = addSpans(evs, fFull, member.intersect(pe.full))
		evs = addSpans(evs, fProb, member.intersect(pe.prob))
		evs = addSpans(evs, fActivists, member.intersect(pe.activist))
		if pe.talent != never {
			party := union(append(append([]span{}, pe.full...), pe.prob...))
			evs = addSpans(evs, fTalents, member.intersect(spans{{pe.talent, never}}).minus(party))
		}
		// Developed: from the first probationary start during a dispatch
		// while a member (sqldb's facts.go developedCond).
		for _, s := range pe.probStarts {
			if dispatched.has(s) && member.has(s) {
				evs = append(evs, event{s, fDeveloped, 1})
				break
			}
		}
	}
	links := append([]linkIn{}, o.links...)
	sort.SliceStable(links, func(i, j int) bool { return in.pos[links[i].id].no < in.pos[links[j].id].no })
	coverBreak := map[day]bool{o.active.from: true}
	for _, l := range links {
		coverBreak[l.from], coverBreak[l.to] = true, true
		for _, pc := range in.pos[l.id].pieces[1:] {
			coverBreak[pc.from] = true
		}
	}
	for d := range coverBreak {
		breaks = append(breaks, d)
	}
	for _, e := range evs {
		breaks = append(breaks, e.at)
	}
	sortEvents(evs)
	var out []orgSegment
	var c [nFields]int
	var covers []rules.Cover
	var sec *rules.Secretary
	var officers []rules.Officer
	var owned [5]int
	i := 0
	for _, d := range uniqueDays(breaks) {
		if d < o.active.from {
			continue
		}
		if d >= o.active.to {
			break
		}
		for ; i < len(evs) && evs[i].at <= d; i++ {
			c[evs[i].field] += evs[i].delta
		}
		if coverBreak[d] {
			covers, sec, officers, owned = in.coversAt(o, links, d)
		}
		fig := segFigures{registered: c[fRegistered] > 0, instructor: c[fInstructor] > 0, members: c[fMembers],
			full: c[fFull], prob: c[fProb], activists: c[fActivists], talents: c[fTalents], developed: c[fDeveloped], owned: owned}
		if n := len(out); n > 0 && out[n-1].same(fig, covers, sec, officers) {
			continue
		}
		if n := len(out); n > 0 {
			out[n-1].to = d
		}
		seg := orgSegment{from: d, to: o.active.to, fig: fig, covers: covers, secretary: sec, officers: officers}
		seg.required, seg.actual, seg.managed = ev.evaluate(o, &seg)
		out = append(out, seg)
	}
	return out
}

// coversAt returns the party organizations covering o on d (ordered by
// number, as sqldb's covers.go), the secretary and leading members the rules see,
// and the party organizations attributed to o by form.
func (in *sweepInput) coversAt(o *orgIn, links []linkIn, d day) ([]rules.Cover, *rules.Secretary, []rules.Officer, [5]int) {
	var covers []rules.Cover
	var sec *rules.Secretary
	var officers []rules.Officer
	var owned [5]int
	counted := map[int64]bool{}
	for _, l := range links {
		p := in.pos[l.id]
		v := p.at(d)
		if v.active && v.owner == o.id && p.formIndex >= 0 && !counted[p.id] {
			counted[p.id] = true
			owned[p.formIndex]++
		}
		if !l.has(d) || !v.active {
			continue
		}
		c := p.cover(v)
		covers = append(covers, c)
		if sec == nil && v.secretary != nil && c.Form != hezuo.FormPartyGroup {
			s := *v.secretary
			sec = &s
		}
		officers = append(officers, v.board...)
	}
	SortOfficers(officers)
	return covers, sec, officers, owned
}

// evalCache applies the rules to segments, reusing the last verdict while
// the facts it depends on stay the same (most segments differ only in
// member counts).
type evalCache struct {
	env  rules.Env
	org  *orgIn
	key  string
	last [3]string
}

func (e *evalCache) evaluate(o *orgIn, s *orgSegment) (required, actual, managed string) {
	var b strings.Builder
	f := s.fig
	b.WriteString(boolKey(f.registered) + boolKey(f.instructor) + boolKey(f.developed > 0))
	b.WriteString(strconv.Itoa(f.full) + "|" + strconv.Itoa(f.prob) + "|")
	for _, c := range s.covers {
		b.WriteString(c.Form + ",")
	}
	if key := b.String(); e.org != o || key != e.key {
		facts := rules.Facts{OrgID: o.org.OrgNo, Name: o.org.Name, Kind: o.org.Kind, Active: true, Registered: f.registered,
			FullMembers: f.full, ProbationaryMembers: f.prob, Village: o.org.Village, Villages: o.org.Villages,
			Industry: o.org.Industry, Covers: s.covers, Instructor: f.instructor, InstructorDeveloped: f.developed, Secretary: s.secretary}
		d := rules.Evaluate(facts, s.from.date(), e.env)
		e.org, e.key, e.last = o, key, [3]string{d.Required, d.Actual, d.ManagedBy.Level}
	}
	return e.last[0], e.last[1], e.last[2]
}

func boolKey(b bool) string {
	if b {
		return "1"
	}
	return "0"
}
