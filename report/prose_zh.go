package report

import (
	"fmt"
	"strings"

	"hezuo"
)

// proseZH writes the Chinese chapters, in the manner of the seed article's
// statistics paragraphs: 截止到…，全县已建立各类农民专业合作组织168个。其中…
func (b *builder) proseZH() []Section {
	secs := []Section{b.registryZH(), b.partyZH()}
	if b.platformsActive() {
		secs = append(secs, b.platformsZH())
	}
	return append(secs, b.talentZH(), b.problemsZH())
}

func (b *builder) wholeZH() string { return wholeZH(b.in.Area.Level, b.in.Area.Name) }

func (b *builder) registryZH() Section {
	s, d, in, l := b.s, b.d, b.in, b.l
	sec := b.h1("基本情况", "")
	p := fmt.Sprintf("截止到%s，%s已建立各类农民专业合作组织%d个。", l.date(in.AsOf), b.wholeZH(), s.Orgs.Total)
	var parts []string
	if c := s.Cooperatives; c.Orgs > 0 {
		parts = append(parts, fmt.Sprintf("农民专业合作社%d个，注册会员%d人，党员%d人，带动农户%d户", c.Orgs, c.Members, c.PartyMembers, c.HouseholdsDriven))
	}
	if a := s.Associations; a.Orgs > 0 {
		x := fmt.Sprintf("产业协会发展到%d个，吸纳会员%d人，党员%d人", a.Orgs, a.Members, a.PartyMembers)
		if a.HouseholdsDriven > 0 {
			x += fmt.Sprintf("，带动农户%d户", a.HouseholdsDriven)
		}
		parts = append(parts, x)
	}
	if u := s.Unions; u.Orgs > 0 {
		parts = append(parts, fmt.Sprintf("联合社%d个，成员%d人，党员%d人", u.Orgs, u.Members, u.PartyMembers))
	}
	if len(parts) > 0 {
		p += "其中" + strings.Join(parts, "；") + "。"
	}
	party := s.Cooperatives.PartyMembers + s.Associations.PartyMembers + s.Unions.PartyMembers
	p += fmt.Sprintf("各类合作组织会员合计%d人，其中党员%d人，占%s（会员和党员均按会员资格计数，同一人加入多个组织的分别计算）。",
		s.AllMembers, party, pct(ratio(party, s.AllMembers)))
	sec.para(p)
	unreg := s.Orgs.Total - s.Orgs.Registered
	p = fmt.Sprintf("从登记注册情况看，已在市场监管部门登记注册的合作组织%d个，占%s", s.Orgs.Registered, pct(ratio(s.Orgs.Registered, s.Orgs.Total)))
	if unreg > 0 {
		var byKind []string
		for _, k := range kinds {
			if n := s.ByKind(k).Orgs - d.registered[k]; n > 0 {
				byKind = append(byKind, fmt.Sprintf("%s%d个", hezuo.KindNames[k], n))
			}
		}
		p += fmt.Sprintf("；尚未登记的%d个（%s），未登记的组织暂不具备单独建立党组织的条件，通过党小组、联合支部或指导员实现党的工作覆盖", unreg, strings.Join(byKind, "、"))
	}
	sec.para(p + "。")
	if len(d.models) > 0 {
		names := make([]string, len(d.models))
		for i, o := range d.models {
			names[i] = o.Name
		}
		p = fmt.Sprintf("%s推出%s等%d个高标准、高质量、运行规范的农民专业合作组织典型。", b.wholeZH(), strings.Join(names, "、"), len(d.models))
		for _, o := range d.models {
			if o.ModelNote != "" {
				p += o.Name + "：" + strings.TrimSuffix(o.ModelNote, "。") + "。"
			}
		}
		sec.para(p)
	}
	if p := b.partsZH(); p != "" {
		sec.para(p)
	}
	if p := b.compareZH(); p != "" {
		sec.para(p)
	}
	return sec
}

// partsZH describes how the orgs spread over the divisions below the area.
func (b *builder) partsZH() string {
	in := b.in
	if len(in.Parts) < 2 {
		return ""
	}
	orgs := func(s *hezuo.Stats) int { return s.Orgs.Total }
	byOrgs := partsBy(in.Parts, orgs)
	top, last := byOrgs[0], byOrgs[len(byOrgs)-1]
	p := fmt.Sprintf("从%s分布看，%s合作组织最多，有%d个（其中合作社%d个、产业协会%d个），会员%d人",
		partNameZH(in.PartLevel), top.Name, top.Stats.Orgs.Total, top.Stats.Orgs.Cooperatives, top.Stats.Orgs.Associations, top.Stats.AllMembers)
	if len(byOrgs) > 2 {
		var next []string
		for _, x := range byOrgs[1:min(3, len(byOrgs)-1)] {
			next = append(next, fmt.Sprintf("%s（%d个）", x.Name, x.Stats.Orgs.Total))
		}
		p += "；其次是" + strings.Join(next, "、")
	}
	p += fmt.Sprintf("；%s最少，有%d个。", last.Name, last.Stats.Orgs.Total)
	party := partsBy(in.Parts, func(s *hezuo.Stats) int { return s.Talent.PartyMembers })[0]
	p += fmt.Sprintf("合作组织党员最多的是%s，有%d人。", party.Name, party.Stats.Talent.PartyMembers)
	var none []string
	for _, x := range in.Parts {
		if x.Stats.Orgs.Total == 0 {
			none = append(none, x.Name)
		}
	}
	if len(none) > 0 {
		p += strings.Join(none, "、") + "尚无合作组织。"
	}
	return p + fmt.Sprintf("各%s详细情况见附表。", partNameZH(in.PartLevel))
}

// compareZH describes the change since the comparison day (增长/减少).
func (b *builder) compareZH() string {
	c, s, l := b.in.Compare, b.s, b.l
	if c == nil {
		return ""
	}
	po := func(x *hezuo.Stats) int {
		return x.PartyOrgs.Branches + x.PartyOrgs.GeneralBranches + x.PartyOrgs.Committees + x.PartyOrgs.JointBranches + x.PartyOrgs.PartyGroups
	}
	p := fmt.Sprintf("与%s相比，合作组织%s（合作社%s，产业协会%s）；合作社注册会员%s，产业协会会员%s；合作组织中的党员%s；各类合作组织党组织%s；党建工作指导员%s；",
		l.date(b.in.CompareDay), l.change(s.Orgs.Total, c.Orgs.Total, "个"), l.change(s.Orgs.Cooperatives, c.Orgs.Cooperatives, "个"),
		l.change(s.Orgs.Associations, c.Orgs.Associations, "个"), l.change(s.Cooperatives.Members, c.Cooperatives.Members, "人"),
		l.change(s.Associations.Members, c.Associations.Members, "人"), l.change(s.Talent.PartyMembers, c.Talent.PartyMembers, "人"),
		l.change(po(s), po(c), "个"), l.change(s.Instructors.Dispatched, c.Instructors.Dispatched, "名"))
	p += fmt.Sprintf("空白点由%d个变为%d个。", c.Coverage.Uncovered, s.Coverage.Uncovered)
	return p
}

func (b *builder) partyZH() Section {
	s, d, l := b.s, b.d, b.l
	sec := b.h1("党组织组建和覆盖情况", "")
	sec.Blocks = append(sec.Blocks, &Paragraph{Lead: "一是抓组建。", Text: b.formsZH()})
	cv := s.Coverage
	p := fmt.Sprintf("%d个合作组织中，单独建立党组织的%d个，占%s；通过联合党支部、产业党小组覆盖的%d个，占%s；由党建工作指导员覆盖的%d个，占%s。",
		cv.Orgs, cv.OwnOrg, pct(ratio(cv.OwnOrg, cv.Orgs)), cv.JointOrGroup, pct(ratio(cv.JointOrGroup, cv.Orgs)),
		cv.InstructorOnly, pct(ratio(cv.InstructorOnly, cv.Orgs)))
	if cv.Uncovered == 0 {
		p += "党的工作已覆盖" + b.wholeZH() + "所有农民专业合作组织，没有“空白点”。"
	} else {
		p += fmt.Sprintf("尚有%d个合作组织未被党的工作覆盖，形成“空白点”，需由乡镇党委尽快派驻指导员或纳入联合支部。", cv.Uncovered)
	}
	if cv.ShouldBuildNotBuilt == 0 {
		p += "符合单独建立党组织条件的合作组织均已建立党组织。"
	} else {
		p += fmt.Sprintf("符合单独建立党组织条件而尚未建立的（应建未建）%d个。", cv.ShouldBuildNotBuilt)
	}
	sec.Blocks = append(sec.Blocks, &Paragraph{Lead: "二是抓覆盖。", Text: p})
	mb := s.ManagedBy
	p = fmt.Sprintf("村内的农民专业合作组织由所在村党组织负责组建并管理，共%d个；跨村的由所在乡镇党委负责组建并管理，共%d个；跨乡镇的由涉农部门党组织负责组建并管理，共%d个。",
		mb["village"], mb["township"], mb["department"])
	if n := d.unmapped; n > 0 {
		p += fmt.Sprintf("其中%d个跨乡镇组织的产业尚无对应的涉农部门，由县委组织部确定管理党组织。", n)
	}
	if n := d.undecided; n > 0 {
		p += fmt.Sprintf("另有%d个合作组织跨县，管理党组织待共同的上级党委组织部门确定。", n)
	}
	sec.Blocks = append(sec.Blocks, &Paragraph{Lead: "三是明确管理。", Text: p})
	in := s.Instructors
	if in.Dispatched > 0 {
		p = fmt.Sprintf("对没有党员、暂时不具备建立党组织条件的合作组织，由所在乡镇党委派驻党建工作指导员，通过培育、发展党员队伍，为组建党组织创造条件。共向%d个专业合作组织下派党建工作指导员%d名，发展党员%d名，入党积极分子%d名。",
			in.OrgsCovered, in.Dispatched, in.MembersDeveloped, in.Activists)
	} else {
		p = l.date(b.in.AsOf) + "没有在岗的党建工作指导员。"
	}
	sec.Blocks = append(sec.Blocks, &Paragraph{Lead: "四是派驻指导员。", Text: p})
	return sec
}

// formsZH describes the party organizations built, their joint kinds and
// founding methods.
func (b *builder) formsZH() string {
	po, d := b.s.PartyOrgs, b.d
	p := fmt.Sprintf("按照合作组织党组织设置规则，已登记注册且正式党员达到规定人数的合作组织单独建立党组织，党员不足的成立产业党小组挂靠村党组织或就近组建联合党支部。目前已建立专业合作组织党支部%d个", po.Branches)
	if po.GeneralBranches > 0 {
		p += fmt.Sprintf("、党总支%d个", po.GeneralBranches)
	}
	if po.Committees > 0 {
		p += fmt.Sprintf("、党委%d个", po.Committees)
	}
	p += fmt.Sprintf("，联合支部%d个，党小组%d个。", po.JointBranches, po.PartyGroups)
	if v, c := d.jointKinds[hezuo.JointVillageOrg], d.jointKinds[hezuo.JointCrossVill]; v+c > 0 {
		p += fmt.Sprintf("联合支部中，采取“村会联合”方式组建的%d个，“跨村组建”的%d个", v, c)
		if other := po.JointBranches - v - c; other > 0 {
			p += fmt.Sprintf("，其他方式%d个", other)
		}
		p += "。"
	}
	var ms []string
	for _, m := range hezuo.FoundingMethods {
		if n := d.methods[m]; n > 0 {
			ms = append(ms, fmt.Sprintf("%s的%d个", m, n))
		}
	}
	if len(ms) > 0 {
		p += "从组建方式看，" + strings.Join(ms, "，") + "。"
	}
	return p
}
