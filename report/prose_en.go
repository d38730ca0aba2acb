package report

import (
	"fmt"
	"strings"

	"hezuo"
)

// proseEN writes the English chapters; they follow the Chinese ones
// figure for figure.
func (b *builder) proseEN() []Section {
	secs := []Section{b.registryEN(), b.partyEN()}
	if b.platformsActive() {
		secs = append(secs, b.platformsEN())
	}
	return append(secs, b.talentEN(), b.problemsEN())
}

func (b *builder) registryEN() Section {
	s, d, in, l := b.s, b.d, b.in, b.l
	w := wholeEN(in.Area.Level)
	sec := b.h1("", "Overview")
	p := fmt.Sprintf("As of %s, %s farmers' cooperative organizations had been set up across %s (%s).", l.date(in.AsOf), l.n(s.Orgs.Total), w, b.areaName())
	if c := s.Cooperatives; c.Orgs > 0 {
		p += fmt.Sprintf(" Of these, %s are professional cooperatives with %s registered members, %s of them party members, driving %s farm households.",
			l.n(c.Orgs), l.n(c.Members), l.n(c.PartyMembers), l.n(c.HouseholdsDriven))
	}
	if a := s.Associations; a.Orgs > 0 {
		p += fmt.Sprintf(" Industry associations number %s, with %s members, %s of them party members.", l.n(a.Orgs), l.n(a.Members), l.n(a.PartyMembers))
	}
	if u := s.Unions; u.Orgs > 0 {
		p += fmt.Sprintf(" There are %s cooperative unions with %s members, %s of them party members.", l.n(u.Orgs), l.n(u.Members), l.n(u.PartyMembers))
	}
	party := s.Cooperatives.PartyMembers + s.Associations.PartyMembers + s.Unions.PartyMembers
	p += fmt.Sprintf(" All organizations together have %s members, %s of them party members (%s); both count memberships, so a person in two organizations counts in each.",
		l.n(s.AllMembers), l.n(party), pct(ratio(party, s.AllMembers)))
	sec.para(p)
	p = fmt.Sprintf("%s organizations (%s) are registered with the market regulator", l.n(s.Orgs.Registered), pct(ratio(s.Orgs.Registered, s.Orgs.Total)))
	if unreg := s.Orgs.Total - s.Orgs.Registered; unreg > 0 {
		var byKind []string
		for _, k := range kinds {
			if n := s.ByKind(k).Orgs - d.registered[k]; n > 0 {
				byKind = append(byKind, fmt.Sprintf("%s %s", l.n(n), l.kindName(k)))
			}
		}
		p += fmt.Sprintf("; %s are not (%s) and are covered by party groups, joint branches or instructors until they register", l.n(unreg), strings.Join(byKind, ", "))
	}
	sec.para(p + ".")
	if len(d.models) > 0 {
		names := make([]string, len(d.models))
		for i, o := range d.models {
			names[i] = o.Name
		}
		sec.para(fmt.Sprintf("The %s model organizations (典型) are %s.", l.n(len(d.models)), strings.Join(names, ", ")))
	}
	if len(in.Parts) >= 2 {
		byOrgs := partsBy(in.Parts, func(s *hezuo.Stats) int { return s.Orgs.Total })
		top, last := byOrgs[0], byOrgs[len(byOrgs)-1]
		sec.para(fmt.Sprintf("By %s, %s has the most organizations (%s: %s cooperatives and %s associations, %s members) and %s the fewest (%s). The appendix tables give every %s.",
			in.PartLevel, top.Name, l.n(top.Stats.Orgs.Total), l.n(top.Stats.Orgs.Cooperatives), l.n(top.Stats.Orgs.Associations),
			l.n(top.Stats.AllMembers), last.Name, l.n(last.Stats.Orgs.Total), in.PartLevel))
	}
	if c := in.Compare; c != nil {
		sec.para(fmt.Sprintf("Since %s, organizations are %s (cooperatives %s, associations %s); cooperative members %s, association members %s; party members in the organizations %s; instructors %s; blank spots went from %s to %s.",
			l.date(in.CompareDay), l.change(s.Orgs.Total, c.Orgs.Total, ""), l.change(s.Orgs.Cooperatives, c.Orgs.Cooperatives, ""),
			l.change(s.Orgs.Associations, c.Orgs.Associations, ""), l.change(s.Cooperatives.Members, c.Cooperatives.Members, ""),
			l.change(s.Associations.Members, c.Associations.Members, ""), l.change(s.Talent.PartyMembers, c.Talent.PartyMembers, ""),
			l.change(s.Instructors.Dispatched, c.Instructors.Dispatched, ""), l.n(c.Coverage.Uncovered), l.n(s.Coverage.Uncovered)))
	}
	return sec
}

func (b *builder) partyEN() Section {
	s, d, l := b.s, b.d, b.l
	po, cv, mb, in := s.PartyOrgs, s.Coverage, s.ManagedBy, s.Instructors
	sec := b.h1("", "Party organizations and coverage")
	p := fmt.Sprintf("Registered organizations with enough full party members build their own party organization; those with fewer form an industry party group attached to the village party organization or join a joint branch. There are now %s branches",
		l.n(po.Branches))
	if po.GeneralBranches > 0 {
		p += fmt.Sprintf(", %s general branches", l.n(po.GeneralBranches))
	}
	if po.Committees > 0 {
		p += fmt.Sprintf(", %s committees", l.n(po.Committees))
	}
	p += fmt.Sprintf(", %s joint branches and %s party groups in the organizations.", l.n(po.JointBranches), l.n(po.PartyGroups))
	if v, c := d.jointKinds[hezuo.JointVillageOrg], d.jointKinds[hezuo.JointCrossVill]; v+c > 0 {
		p += fmt.Sprintf(" Of the joint branches, %s join an organization with its village (村会联合) and %s span villages (跨村组建).", l.n(v), l.n(c))
	}
	var ms []string
	for _, m := range hezuo.FoundingMethods {
		if n := d.methods[m]; n > 0 {
			ms = append(ms, fmt.Sprintf("%s %s", l.n(n), methodNameEN[m]))
		}
	}
	if len(ms) > 0 {
		p += " By founding method: " + strings.Join(ms, ", ") + "."
	}
	sec.para(p)
	p = fmt.Sprintf("Of %s organizations, %s (%s) have their own party organization, %s (%s) are covered by a joint branch or party group and %s (%s) by an instructor.",
		l.n(cv.Orgs), l.n(cv.OwnOrg), pct(ratio(cv.OwnOrg, cv.Orgs)), l.n(cv.JointOrGroup), pct(ratio(cv.JointOrGroup, cv.Orgs)),
		l.n(cv.InstructorOnly), pct(ratio(cv.InstructorOnly, cv.Orgs)))
	if cv.Uncovered == 0 {
		p += " Party work covers every organization: there is no blank spot."
	} else {
		p += fmt.Sprintf(" %s organizations are blank spots, covered by nothing.", l.n(cv.Uncovered))
	}
	p += fmt.Sprintf(" Orgs that should have their own party organization and have none: %s.", l.n(cv.ShouldBuildNotBuilt))
	sec.para(p)
	p = fmt.Sprintf("Organizations inside one village are managed by its village party organization (%s), those spanning villages by the township committee (%s), and those spanning townships by the party organization of the agriculture-related department of their industry (%s).",
		l.n(mb["village"]), l.n(mb["township"]), l.n(mb["department"]))
	if n := d.undecided; n > 0 {
		if n == 1 {
			p += " 1 organization spans counties: its manager is undecided until the common higher organization department fixes it."
		} else {
			p += fmt.Sprintf(" %s organizations span counties: their manager is undecided until the common higher organization department fixes it.", l.n(n))
		}
	}
	sec.para(p)
	if in.Dispatched > 0 {
		sec.para(fmt.Sprintf("Where an organization has no party members, its township committee dispatches a party-building instructor: %s instructors work in %s organizations; they have brought in %s new party members and %s activists.",
			l.n(in.Dispatched), l.n(in.OrgsCovered), l.n(in.MembersDeveloped), l.n(in.Activists)))
	}
	return sec
}

func (b *builder) platformsEN() Section {
	s, l := b.s, b.l
	sec := b.h1("", "Support platforms")
	if a := s.Assistance; a != (hezuo.AssistanceStats{}) {
		sec.para(fmt.Sprintf("Assistance: %s units take part in 包村联户 pairings and assist %s organizations; party members paired with %s households and helped %s people out of poverty.",
			l.n(a.Units), l.n(a.OrgsAssisted), l.n(a.HouseholdsPaired), l.n(a.PeopleOutOfPoverty)))
	}
	if ln := s.Loans; ln.Count > 0 || ln.TotalFen > 0 {
		sec.para(fmt.Sprintf("Funding: %s party-member agricultural loans totalling %s have been disbursed, %s of it for the development of cooperative organizations.",
			l.n(ln.Count), yuanEN(ln.TotalFen), yuanEN(ln.ToCooperativesFen)))
	}
	if t := s.Training; t.Sessions > 0 || t.Attendances > 0 {
		sec.para(fmt.Sprintf("Training: %s sessions have been held, with %s attendances by members of the organizations (%s distinct people).",
			l.n(t.Sessions), l.n(t.Attendances), l.n(t.People)))
	}
	return sec
}

func (b *builder) talentEN() Section {
	t, s, l := b.s.Talent, b.s, b.l
	sec := b.h1("", "Talent")
	sec.para(fmt.Sprintf("%s party members and %s rural technical talents have joined the organizations, %s people in all: %s of the %s members of professional cooperatives, but %s of all %s members. The share this report quotes uses the cooperative members as its denominator; the tables give both.",
		l.n(t.PartyMembers), l.n(t.TechnicalTalents), l.n(t.PartyMembers+t.TechnicalTalents), pct(t.ShareOfCooperativeMembers),
		l.n(s.Cooperatives.Members), pct(t.ShareOfAllMembers), l.n(s.AllMembers)))
	sec.para("Party members are counted once each however many organizations they belong to; technical talents exclude those already counted as party members, so the two add up without double counting.")
	return sec
}

func (b *builder) problemsEN() Section {
	sec := b.h1("", "Problems found")
	ps := b.problems()
	if len(ps) == 0 {
		sec.para("The check found no expired term, missing secretary or organization that should build and has not; the records are complete.")
		return sec
	}
	for _, p := range ps {
		sec.Blocks = append(sec.Blocks, &Paragraph{Lead: strings.ToUpper(p.leadEN[:1]) + p.leadEN[1:] + ". ", Text: strings.ToUpper(p.en[:1]) + p.en[1:] + "."})
	}
	sec.para("The data-quality appendix lists every organization concerned.")
	return sec
}
